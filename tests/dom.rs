//! DOM tests of the overlay, run in headless Chromium by
//! wasm-bindgen-test-runner (`make test-wasm`). Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use presslens::dom::paint::{FIGURE, PARTY, QUOTE};
use presslens::dom::Overlay;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = r#"<h1>Talks Resume in Doha</h1>
<p>Officials met in Doha on Monday. “We have an opportunity for an <em>immediate ceasefire</em> that can bring the hostages home,” said Jane Doe.</p>
<script>var notText = "“This is a script and never article text,” said Nobody Here.";</script>
<div aria-hidden="true">“Hidden text is not the article either, at all,” said Hidden Person.</div>
<p>The plan would free 40 hostages.</p>"#;

fn fixture(html: &str) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("article").unwrap();
    root.set_inner_html(html);
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn highlight_size(name: &str) -> u32 {
    let registry = web_sys::css::JsNamespaceCss::highlights();
    registry.get(name).map(|h| h.size()).unwrap_or(0)
}

#[wasm_bindgen_test]
fn text_map_skips_hidden_and_breaks_blocks() {
    let root = fixture(ARTICLE);
    let mut o = Overlay::attach(&root.clone().into()).unwrap();
    o.annotate().unwrap();
    let text = o.text().to_string();
    assert!(text.contains("Talks Resume in Doha\n\n"), "{text:?}");
    assert!(text.contains("an immediate ceasefire that"), "inline <em> must not break text: {text:?}");
    assert!(!text.contains("script"), "{text:?}");
    assert!(!text.contains("Hidden"), "{text:?}");
    o.clear();
    root.remove();
}

#[wasm_bindgen_test]
fn quote_across_em_is_one_highlighted_range() {
    let root = fixture(ARTICLE);
    let mut o = Overlay::attach(&root.clone().into()).unwrap();
    o.annotate().unwrap();
    let report = o.report().unwrap().clone();
    assert_eq!(report.quotes.len(), 1, "{report:?}");
    assert_eq!(highlight_size(QUOTE), 1);
    assert!(highlight_size(PARTY) >= 1);
    assert!(highlight_size(FIGURE) >= 1);
    // The painted range reads exactly the quote, marks included.
    let registry = web_sys::css::JsNamespaceCss::highlights();
    let hl = registry.get(QUOTE).unwrap();
    let range: web_sys::Range = hl.values().into_iter().next().unwrap().unwrap().unchecked_into();
    let painted: String = range.to_string().into();
    assert_eq!(painted, report.quotes[0].text);
    assert!(painted.starts_with('“') && painted.ends_with('”'));
    o.clear();
    root.remove();
}

#[wasm_bindgen_test]
fn clear_leaves_the_document_byte_identical() {
    let root = fixture(ARTICLE);
    let doc_el: HtmlElement = web_sys::window().unwrap().document().unwrap().document_element().unwrap().unchecked_into();
    let before = doc_el.outer_html();
    let mut o = Overlay::attach(&root.clone().into()).unwrap();
    o.annotate().unwrap();
    o.clear();
    assert_eq!(doc_el.outer_html(), before);
    assert_eq!(highlight_size(QUOTE), 0);
    assert_eq!(highlight_size(PARTY), 0);
    root.remove();
}

#[wasm_bindgen_test]
fn bad_roots_are_clear_errors() {
    assert!(Overlay::attach(&JsValue::from_str("#no-such-element")).is_err());
    assert!(Overlay::attach(&JsValue::from_str("[[[")).is_err());
    assert!(Overlay::attach(&JsValue::from_f64(3.0)).is_err());
}

#[wasm_bindgen_test]
fn empty_and_hostile_roots_are_no_ops() {
    let root = fixture("");
    let mut o = Overlay::attach(&root.clone().into()).unwrap();
    o.annotate().unwrap();
    assert!(o.report().unwrap().quotes.is_empty());
    root.remove();
    // Markup-looking text stays text: nothing is parsed as HTML.
    let root = fixture("<p>&lt;img src=x onerror=alert(1)&gt; “A quote that looks like &lt;b&gt;markup&lt;/b&gt; here,” said Jo Bloggs.</p>");
    let before = root.inner_html();
    let mut o = Overlay::attach(&root.clone().into()).unwrap();
    o.annotate().unwrap();
    assert!(o.text().contains("<img src=x"));
    o.clear();
    assert_eq!(root.inner_html(), before);
    root.remove();
}
