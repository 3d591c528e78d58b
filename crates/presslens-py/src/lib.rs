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
//! Web pages (`annotate_html_json`) go through `presslens_html::annotate_page`,
//! the function `presslens annotate --html` prints, so the page report (the
//! article scope and the report on its text) is assembled in one place.
//!
//! Input is checked here: a non-`str` is a `TypeError`, a `str` that UTF-8
//! cannot encode (lone surrogates) a `ValueError`, each saying which item and
//! why. The engine never panics on any text; if it did, the wheel's profile
//! (`python`, panic = "unwind") lets PyO3 raise `PanicException` instead of
//! ending the interpreter.

mod batch;
mod input;

use presslens::Unit;
use pyo3::prelude::*;

use input::{each_of, optional_text_of, text_of, thread_count};

/// The report of `text` as JSON, offsets in Unicode code points.
fn report_json(text: &str) -> String {
    let report = presslens::annotate_in(text, Unit::Char);
    // A report is plain data (strings, integers, finite floats, booleans):
    // serialising it cannot fail.
    serde_json::to_string(&report).expect("a report serialises")
}

/// A web page and the address it was read from, if known.
struct Page {
    html: String,
    url: Option<String>,
}

/// The page report of `page` as JSON: the report on the article scope's
/// text (code-point offsets) plus its `scope`.
fn page_json(page: &Page) -> String {
    let report = presslens_html::annotate_page(&page.html, page.url.clone(), Unit::Char);
    // Plain data, as `report_json`: serialising cannot fail.
    serde_json::to_string(&report).expect("a page report serialises")
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
    let owned = each_of(texts, "texts", "use annotate for one text", |t, i| {
        text_of(t, &|| format!("texts[{i}]"))
    })?;
    Ok(py.detach(move || batch::many(&owned, threads, |t| report_json(t))))
}

/// Annotates one web page: its article scope, and the report on the scope's
/// text; returns both as JSON. The GIL is released while it runs.
#[pyfunction]
#[pyo3(signature = (html, url=None))]
fn annotate_html_json(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let page = Page {
        html: text_of(html, &|| "html".to_string())?,
        url: optional_text_of(url, &|| "url".to_string())?,
    };
    Ok(py.detach(move || page_json(&page)))
}

/// Annotates many web pages (`urls`: their addresses, the same number, or
/// None) on `threads` threads with the GIL released; returns their page
/// reports as one JSON array, in input order.
#[pyfunction]
#[pyo3(signature = (htmls, urls=None, threads=None))]
fn annotate_html_many_json(
    py: Python<'_>,
    htmls: &Bound<'_, PyAny>,
    urls: Option<&Bound<'_, PyAny>>,
    threads: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let threads = thread_count(threads)?;
    let htmls = each_of(htmls, "htmls", "use annotate_html for one page", |h, i| {
        text_of(h, &|| format!("htmls[{i}]"))
    })?;
    let urls = match urls.filter(|u| !u.is_none()) {
        None => vec![None; htmls.len()],
        Some(urls) => each_of(urls, "urls", "one per page", |u, i| {
            optional_text_of(Some(u), &|| format!("urls[{i}]"))
        })?,
    };
    if urls.len() != htmls.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "urls has {} items for {} pages",
            urls.len(),
            htmls.len()
        )));
    }
    let pages: Vec<Page> = htmls
        .into_iter()
        .zip(urls)
        .map(|(html, url)| Page { html, url })
        .collect();
    Ok(py.detach(move || batch::many(&pages, threads, page_json)))
}

/// The native module. `presslens/__init__.py` is its public face.
#[pymodule]
fn _presslens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(annotate_json, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_html_json, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_html_many_json, m)?)?;
    m.add("ENGINE_VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
