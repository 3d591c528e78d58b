//! Python arguments checked and turned into Rust values, or the Python
//! exception that says which argument is wrong and why: a non-`str` is a
//! `TypeError`, a `str` UTF-8 cannot encode (lone surrogates) a
//! `ValueError`. Never a panic: bad input is the caller's to fix.

use std::num::NonZeroUsize;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

/// `obj` as a Rust string, or the Python exception that says why not.
/// `what` names the argument in the message ("text", "texts[3]").
pub fn text_of(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<String> {
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

/// `obj` as an optional Rust string: `None` stays `None`; otherwise as
/// [`text_of`].
pub fn optional_text_of(
    obj: Option<&Bound<'_, PyAny>>,
    what: &dyn Fn() -> String,
) -> PyResult<Option<String>> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(None),
        Some(o) => text_of(o, what).map(Some),
    }
}

/// Every item of the iterable `items` through `convert` (given the item and
/// its index), read whole. `what` names the argument; a single `str` is
/// refused, as it would iterate as characters.
pub fn each_of<T>(
    items: &Bound<'_, PyAny>,
    what: &str,
    hint: &str,
    mut convert: impl FnMut(&Bound<'_, PyAny>, usize) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    if items.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a str ({hint})"
        )));
    }
    let iter = items.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not {}",
            type_name(items)
        ))
    })?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        out.push(convert(&item?, i)?);
    }
    Ok(out)
}

/// The name of `obj`'s type, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// `threads` checked: None is every core; otherwise a positive int.
pub fn thread_count(threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
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
