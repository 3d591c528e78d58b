//! `presslens._presslens`: the engine for Python (PyO3, abi3).
//!
//! The native half of the `presslens` package; `python/presslens/__init__.py`
//! is the public API over it. Each function returns reports as JSON text in
//! the CLI's schema, with offsets in Unicode code points (Python string
//! indices), which the Python side turns into dicts with `json.loads`.
//!
//! Why JSON rather than building the dicts here (pythonize or by hand): the
//! report already has one serialisation, serde's, which the CLI prints and
//! the tests compare with, so Python gets the same schema by construction
//! (field names, `null`s, enum spellings) with no second mapping to keep in
//! step; `json.loads` is C and builds the dicts about as fast as any
//! conversion could; and the serialisation runs on the worker threads with
//! the GIL released, leaving only `json.loads` under it.
//!
//! Input is checked here: a non-`str` is a `TypeError`, a `str` that UTF-8
//! cannot encode (lone surrogates) a `ValueError`, each saying which item and
//! why. The engine never panics on any text; if it did, the wheel's profile
//! (`python`, panic = "unwind") lets PyO3 raise `PanicException` instead of
//! ending the interpreter.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

/// The report of `text` as JSON, offsets in Unicode code points.
fn report_json(text: &str) -> String {
    let report = presslens::annotate_in(text, presslens::Unit::Char);
    // A report is plain data (strings, integers, finite floats, booleans):
    // serialising it cannot fail.
    serde_json::to_string(&report).expect("a report serialises")
}

/// `obj` as a Rust string, or the Python exception that says why not.
/// `what` names the argument in the message ("text", "texts[3]").
fn text_of(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<String> {
    let Ok(s) = obj.cast::<PyString>() else {
        let ty = obj
            .get_type()
            .name()
            .map_or_else(|_| "?".to_string(), |n| n.to_string());
        return Err(PyTypeError::new_err(format!(
            "{} must be str, not {ty}",
            what()
        )));
    };
    match s.to_cow() {
        Ok(t) => Ok(t.into_owned()),
        Err(e) => {
            let err = PyValueError::new_err(format!(
                "{} cannot be encoded as UTF-8 (lone surrogates are not text): {}",
                what(),
                e.value(obj.py())
            ));
            err.set_cause(obj.py(), Some(e));
            Err(err)
        }
    }
}

/// Annotates one text; returns its report as JSON (code-point offsets).
/// The GIL is released while the engine runs.
#[pyfunction]
fn annotate_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_of(text, &|| "text".to_string())?;
    Ok(py.detach(move || report_json(&text)))
}

/// Annotates many texts on `threads` threads (default: every core) with the
/// GIL released; returns their reports as one JSON array, in input order.
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn annotate_many_json(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let threads = thread_count(threads)?;
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a str (use annotate for one text)",
        ));
    }
    let mut owned = Vec::new();
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "texts must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    for (i, item) in iter.enumerate() {
        owned.push(text_of(&item?, &|| format!("texts[{i}]"))?);
    }
    Ok(py.detach(move || many(&owned, threads)))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// `threads` checked: None is every core; otherwise a positive int.
fn thread_count(threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(t) = threads.filter(|t| !t.is_none()) else {
        return Ok(std::thread::available_parallelism().map_or(1, NonZeroUsize::get));
    };
    if t.is_instance_of::<pyo3::types::PyBool>() || !t.is_instance_of::<pyo3::types::PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "threads must be an int or None, not {}",
            type_name(t)
        )));
    }
    match t.extract::<i64>() {
        Ok(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        _ => Err(PyValueError::new_err(format!(
            "threads must be at least 1, not {t}"
        ))),
    }
}

/// The reports of `texts` as one JSON array, in order, made on up to
/// `threads` threads. Each thread takes the next unclaimed text, so a few
/// long texts do not leave the other threads idle; the result does not
/// depend on the number of threads (the engine is deterministic per text).
fn many(texts: &[String], threads: usize) -> String {
    let threads = threads.min(texts.len()).max(1);
    let reports: Vec<String> = if threads == 1 {
        texts.iter().map(|t| report_json(t)).collect()
    } else {
        let next = AtomicUsize::new(0);
        let slots: Vec<Mutex<String>> = texts.iter().map(|_| Mutex::new(String::new())).collect();
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(text) = texts.get(i) else { break };
                    let json = report_json(text);
                    *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = json;
                });
            }
        });
        slots
            .into_iter()
            .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
            .collect()
    };
    let mut out = String::with_capacity(reports.iter().map(|r| r.len() + 1).sum::<usize>() + 2);
    out.push('[');
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r);
    }
    out.push(']');
    out
}

/// The native module. `presslens/__init__.py` is its public face.
#[pymodule]
fn _presslens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(annotate_json, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_many_json, m)?)?;
    m.add("ENGINE_VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
