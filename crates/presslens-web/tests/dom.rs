//! DOM tests of the overlay, run in headless Chromium by
//! wasm-bindgen-test-runner (`make test-wasm`). Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use presslens_web::dom::confidence::{self, Agreement};
use presslens_web::dom::paywall::Paywall;
use presslens_web::dom::pick;
use presslens_web::dom::scope::{self, Filter, Scope};
use presslens_web::dom::spans::{Hl, Kinds};
use presslens_web::dom::textmap::TextMap;
use presslens_web::dom::{Options, Overlay};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Pages that break the APIs PressLens uses (issue 28).
#[path = "dom/hostile.rs"]
mod hostile;

const ARTICLE: &str = r#"<h1>Talks Resume in Doha</h1>
<p>Officials met in Doha on Monday. “We have an opportunity for an <em>immediate ceasefire</em> that can bring the hostages home,” said Jane Doe.</p>
<script>var notText = "“This is a script and never article text,” said Nobody Here.";</script>
<div aria-hidden="true">“Hidden text is not the article either, at all,” said Hidden Person.</div>
<p>The plan would free 40 hostages.</p>"#;

const QUOTE: &str = Hl::Quote.name();
const PARTY: &str = Hl::Party.name();
const FIGURE: &str = Hl::Figure.name();

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
    assert!(
        text.contains("an immediate ceasefire that"),
        "inline <em> must not break text: {text:?}"
    );
    assert!(!text.contains("script"), "{text:?}");
    assert!(!text.contains("Hidden"), "{text:?}");
    o.clear().unwrap();
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
    let range: web_sys::Range = hl
        .values()
        .into_iter()
        .next()
        .unwrap()
        .unwrap()
        .unchecked_into();
    let painted: String = range.to_string().into();
    assert_eq!(painted, report.quotes[0].text);
    assert!(painted.starts_with('“') && painted.ends_with('”'));
    o.clear().unwrap();
    root.remove();
}

#[wasm_bindgen_test]
fn clear_leaves_the_document_byte_identical() {
    let root = fixture(ARTICLE);
    let doc_el: HtmlElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .unchecked_into();
    let before = doc_el.outer_html();
    let mut o = Overlay::attach(&root.clone().into()).unwrap();
    o.annotate().unwrap();
    o.clear().unwrap();
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
fn an_unknown_kind_is_a_clear_error() {
    let root = fixture("<p>Hamas said the talks failed.</p>");
    let mut lens = presslens_web::api::Lens::new(root.clone().into(), JsValue::UNDEFINED).unwrap();
    assert!(lens.set_kind("party", false).is_ok());
    assert!(lens.set_kind("parties", true).is_ok());
    assert!(lens.set_kind("partys", false).is_err());
    root.remove();
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
    o.clear().unwrap();
    assert_eq!(root.inner_html(), before);
    root.remove();
}

/// The text node inside the fixture's `<em>`: undo must put this very node
/// back.
fn em_text(root: &Element) -> web_sys::Node {
    root.query_selector("em")
        .unwrap()
        .and_then(|em| em.first_child())
        .expect("the fixture has an <em> with text")
}

fn scope_of(root: &Element) -> Scope {
    Scope {
        root: root.clone(),
        excluded: Vec::new(),
        filter: Filter::for_root(&scope::Dom::of(root), root.as_ref(), true),
        headline: None,
        confidence: None,
        paywall: None,
    }
}

#[wasm_bindgen_test]
fn text_map_maps_offsets_back_across_inline_elements() {
    let root =
        fixture("<p>Before “a <em>quoted</em> <a href='#'>phrase</a>” after.</p><p>Next</p>");
    let map = TextMap::collect(&scope_of(&root));
    let text = map.text().to_string();
    assert_eq!(text, "Before “a quoted phrase” after.\n\nNext");
    // Every UTF-16 offset inside a node maps back to that node's character.
    let at = text.encode_utf16().position(|c| c == 'q' as u16).unwrap() as u32;
    let (node, off) = map.locate(at, false).unwrap();
    assert_eq!(node.data(), "quoted");
    assert_eq!(off, 0);
    let (node, off) = map.locate(at + 6, true).unwrap();
    assert_eq!((node.data().as_str(), off), ("quoted", 6));
    // And back: DOM position to text offset.
    let n: &web_sys::Node = node.as_ref();
    assert_eq!(map.segments.offset_of(n, 2), Some(at + 2));
    root.remove();
}

#[wasm_bindgen_test]
fn boilerplate_inside_the_root_is_skipped() {
    let root = fixture(concat!(
        "<p>Real paragraph one.</p>",
        "<div class='share-bar'>Share on Facebook</div>",
        "<div class='ad-slot'>Advertisement</div>",
        "<nav>Home News</nav>",
        "<section id='comments'><p>A reader comment</p></section>",
        "<div style='display: none'>Hidden by style</div>",
        "<p>Real paragraph two.</p>",
    ));
    let text = TextMap::collect(&scope_of(&root)).text().to_string();
    assert_eq!(text, "Real paragraph one.\n\nReal paragraph two.");
    root.remove();
}

#[wasm_bindgen_test]
fn detection_finds_the_article_among_boilerplate() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let page = doc.create_element("div").unwrap();
    let para = "<p>The council voted on Tuesday to expand the programme, which has been running since 2019, to three more districts, officials said.</p>";
    page.set_inner_html(&[
        "<div class='menu'><a href='#'>Home</a> <a href='#'>World</a> <a href='#'>Sport</a></div>",
        "<div class='story'><div class='head'><h1>Council expands the programme</h1></div>",
        "<div class='wrap'><div class='story-body'>", &para.repeat(8), "</div>",
        "<div class='share-tools'><p>Share this story on every network you like, today, now.</p></div></div></div>",
        "<div class='sidebar'><p>Most read: something else entirely, with, commas, here and there.</p></div>",
    ].concat());
    doc.body().unwrap().append_child(&page).unwrap();
    let s = scope::detect().unwrap();
    let text = TextMap::collect(&s).text().to_string();
    // The headline belongs to the article, even outside the body's element.
    assert!(
        text.starts_with("Council expands the programme\n\nThe council voted"),
        "{text:?}"
    );
    assert!(!text.contains("Share this story"), "{text:?}");
    assert!(text.ends_with("officials said."), "{text:?}");
    assert!(
        !text.contains("Most read") && !text.contains("Sport"),
        "{text:?}"
    );
    page.remove();
}

#[wasm_bindgen_test]
fn mark_fallback_wraps_without_normalize_and_undoes_exactly() {
    let root = fixture(ARTICLE);
    let before = root.inner_html();
    let original = em_text(&root);
    let opts = Options {
        fallback: true,
        ..Options::default()
    };
    let mut o = Overlay::with_options(&root.clone().into(), opts).unwrap();
    o.annotate().unwrap();
    let marks = root.query_selector_all("mark.presslens").unwrap();
    assert!(marks.length() >= 3, "quote, party and figure marks");
    // No live range is kept over the marks: the browser would update each
    // one on every mutation of the undo (quadratic on long pages).
    assert_eq!(o.live_ranges(), 0);
    let quote: String = (0..marks.length())
        .filter_map(|i| marks.item(i))
        .filter_map(|m| m.dyn_into::<Element>().ok())
        .filter(|m| m.class_list().contains(QUOTE))
        .map(|m| m.text_content().unwrap_or_default())
        .collect();
    assert_eq!(quote, o.report().unwrap().quotes[0].text);
    // The text map still reads the same text with the marks in place.
    assert_eq!(TextMap::collect(&scope_of(&root)).text(), o.text());
    o.clear().unwrap();
    assert_undone(&root, &before, &original);
    root.remove();
}

/// The root reads as `before` again, and the very same text node is back
/// in its `<em>` (no copies, no `normalize()`).
fn assert_undone(root: &Element, before: &str, original: &web_sys::Node) {
    assert_eq!(root.inner_html(), before);
    assert!(em_text(root).is_same_node(Some(original)));
}

/// A root of `html` in the page, its text map, and a `<mark>` painter
/// started on its report (nothing wrapped yet).
fn mark_painter(html: &str) -> (Element, TextMap, presslens_web::dom::paint::Painter) {
    let root = fixture(html);
    let map = TextMap::collect(&scope_of(&root));
    let report = presslens::annotate_in(map.text(), presslens::Unit::Utf16);
    let mut p = presslens_web::dom::paint::Painter::new(Kinds::default(), true);
    p.start(&report).unwrap();
    (root, map, p)
}

/// The `<mark>` fallback goes in over many steps on a long root (each
/// bounded by a number of nodes and a deadline): the marks are those of one
/// wrap in one go, and a wrap cut short by clear() undoes exactly.
#[wasm_bindgen_test]
fn mark_wrap_in_steps_is_the_wrap_in_one_go_and_undoes_when_cut_short() {
    let html = ARTICLE.repeat(12);
    let painted = |deadline: f64| {
        let (root, map, mut p) = mark_painter(&html);
        let mut steps = 1;
        while !p.step(&map, deadline).unwrap() {
            steps += 1;
        }
        let out = root.inner_html();
        p.clear().unwrap();
        root.remove();
        (out, steps)
    };
    let (whole, one) = painted(f64::INFINITY);
    // A deadline long past: eight text nodes per step.
    let (sliced, steps) = painted(f64::NEG_INFINITY);
    assert_eq!(one, 1);
    assert!(steps > 4, "the wrap took {steps} steps");
    assert_eq!(sliced, whole);
    assert!(whole.matches("<mark").count() >= 36, "{whole}");

    // Cut short: some nodes wrapped, the rest not yet; clear() puts every
    // original node back.
    let (root, map, mut p) = mark_painter(&html);
    let before = root.inner_html();
    let first = em_text(&root);
    assert!(!p.step(&map, f64::NEG_INFINITY).unwrap());
    assert!(!p.step(&map, f64::NEG_INFINITY).unwrap());
    assert!(root.query_selector("mark").unwrap().is_some());
    assert_ne!(root.inner_html(), before);
    p.clear().unwrap();
    assert_undone(&root, &before, &first);
    root.remove();
}

/// A root nested 20,000 elements deep (blocks in inlines in blocks, the
/// hardest shape for a layout engine) is read, annotated, painted in both
/// modes and undone: every walk of ours is iterative (a `TreeWalker` and
/// explicit stacks), so depth costs no stack. The root is not in the
/// document: Chromium's own layout crashes the renderer on pages nested
/// this deep (5,000 nested `<div>`s crash it with no PressLens on the
/// page, see the README), and a root that is never laid out shows that the
/// depth is no problem of ours.
#[wasm_bindgen_test]
fn a_root_nested_twenty_thousand_deep_is_annotated_and_undone() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("article").unwrap();
    root.set_inner_html(ARTICLE);
    let mut cur: Element = root.clone();
    for i in 0..20_000 {
        let el = doc
            .create_element(if i % 2 == 0 { "div" } else { "span" })
            .unwrap();
        cur.append_child(&el).unwrap();
        cur = el;
    }
    let deep = doc.create_element("p").unwrap();
    deep.set_text_content(Some(
        "“The deepest paragraph is still read,” said Ann Lee, the mayor.",
    ));
    cur.append_child(&deep).unwrap();
    let deep_text = deep.first_child().unwrap();
    let text_before = root.text_content();
    for fallback in [false, true] {
        let opts = Options {
            fallback,
            observe: false,
            ..Options::default()
        };
        let mut o = Overlay::with_options(&root.clone().into(), opts).unwrap();
        o.annotate().unwrap();
        assert!(
            o.text().ends_with("said Ann Lee, the mayor."),
            "{}",
            o.text()
        );
        let quotes: Vec<&str> = o
            .report()
            .unwrap()
            .quotes
            .iter()
            .map(|q| q.text.as_str())
            .collect();
        assert!(
            quotes.iter().any(|q| q.contains("deepest paragraph")),
            "{quotes:?}"
        );
        if fallback {
            assert!(deep.query_selector("mark").unwrap().is_some());
        }
        o.clear().unwrap();
        assert!(root.query_selector("mark").unwrap().is_none());
        assert!(deep.first_child().unwrap().is_same_node(Some(&deep_text)));
        assert_eq!(root.text_content(), text_before);
    }
}

#[wasm_bindgen_test]
fn split_api_paints_a_report_made_elsewhere() {
    let root = fixture(ARTICLE);
    let mut o = Overlay::attach(&root.clone().into()).unwrap();
    let text = o.collect().unwrap().to_string();
    let report = presslens::annotate_in(&text, presslens::Unit::Utf16);
    let quotes = report.quotes.len();
    o.paint(report).unwrap();
    assert_eq!(highlight_size(QUOTE) as usize, quotes);
    assert!(o.live_ranges() >= quotes, "highlights keep their ranges");
    // A report for another text is refused, not painted out of bounds.
    let mut bad = presslens::annotate_in(&text, presslens::Unit::Utf16);
    bad.quotes[0].end = text.len() * 4;
    assert!(o.paint(bad).is_err());
    o.clear().unwrap();
    assert_eq!(highlight_size(QUOTE), 0);
    root.remove();
}

/// The chunks of a long text are cut by the text alone: a run given one
/// chunk per slice (a slow engine, or its JavaScript build) reports exactly
/// what a run given all the time it wants does.
#[wasm_bindgen_test]
fn long_texts_give_the_same_report_however_the_time_is_sliced() {
    let paras = [
        "“We have an opportunity for an immediate ceasefire,” said Jane Doe, the mayor of Springfield.",
        "Turnout rose 12% to 40,000 voters, officials of the Electoral Commission said on Tuesday.",
        "Bush met Ashcroft in Washington. “It is a start,” said a senior official, who asked not to be named.",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 90_000 {
        text.push_str(paras[i % paras.len()]);
        text.push_str(if i % 7 == 0 { "\n\n" } else { " " });
        i += 1;
    }
    let mut whole = presslens_web::dom::engine::Run::new();
    while !whole.step(&text, f64::INFINITY) {}
    let mut sliced = presslens_web::dom::engine::Run::new();
    let mut slices = 0;
    // A deadline already past: one chunk per step.
    while !sliced.step(&text, 0.0) {
        slices += 1;
    }
    assert!(slices > 5, "the text took {slices} slices");
    assert_eq!(sliced.finish(), whole.finish());
}

#[wasm_bindgen_test]
fn long_texts_are_annotated_in_chunks_with_offsets_into_the_whole() {
    let para = "“We have an opportunity for an immediate ceasefire,” said Jane Doe, the mayor. Turnout rose 12% to 40,000 voters.";
    let mut text = String::new();
    while text.len() < 60_000 {
        text.push_str(para);
        text.push_str("\n\n");
    }
    let mut run = presslens_web::dom::engine::Run::new();
    while !run.step(&text, f64::INFINITY) {}
    let report = run.finish();
    report.check(text.encode_utf16().count()).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    assert!(report.quotes.len() > 100);
    for q in &report.quotes {
        assert_eq!(String::from_utf16_lossy(&units[q.start..q.end]), q.text);
    }
    // Parties merge across chunks: one Jane Doe.
    assert_eq!(
        report
            .parties
            .iter()
            .filter(|p| p.name == "Jane Doe")
            .count(),
        1
    );
}

/// A JS object from a JSON text (options as a page would write them).
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn options_are_read_with_their_types_checked() {
    let o = Options::from_js(&js(
        r#"{"kinds": ["quotes"], "panel": true, "newerKey": 1}"#,
    ))
    .unwrap();
    assert_eq!(o.kinds, Kinds::from_names(["quote"]));
    assert!(o.panel && o.tooltip);
    let o = Options::from_js(&js(r#"{"party": false, "kinds": {"figures": false}}"#)).unwrap();
    assert_eq!(o.kinds, Kinds::from_names(["quote"]));
    assert!(Options::from_js(&JsValue::UNDEFINED).is_ok());
    assert!(Options::from_js(&JsValue::NULL).is_ok());
    let err = Options::from_js(&js(r#"{"panel": "yes"}"#)).err().unwrap();
    assert!(err.to_string().contains("bad options"), "{err}");
    let f = js(r#"{"onChange": 3}"#);
    assert!(Options::from_js(&f)
        .err()
        .unwrap()
        .to_string()
        .contains("onChange"));
    let f = js("{}");
    let cb = js_sys::Function::new_no_args("");
    js_sys::Reflect::set(&f, &"onChange".into(), &cb).unwrap();
    assert!(Options::from_js(&f).unwrap().on_change.is_some());
    assert!(Options::from_js(&f).unwrap().on_pick.is_none());
    js_sys::Reflect::set(&f, &"onPick".into(), &cb).unwrap();
    assert!(Options::from_js(&f).unwrap().on_pick.is_some());
    let err = Options::from_js(&js(r#"{"onPick": "remember"}"#))
        .err()
        .unwrap();
    assert!(err.to_string().contains("onPick"), "{err}");
    js_sys::Reflect::set(&f, &"onPanel".into(), &cb).unwrap();
    assert!(Options::from_js(&f).unwrap().on_panel.is_some());
    let err = Options::from_js(&js(r#"{"onPanel": true}"#)).err().unwrap();
    assert!(err.to_string().contains("onPanel"), "{err}");
}

#[wasm_bindgen_test]
fn pasted_html_keeps_every_text_and_pasted_text_stays_text() {
    use presslens_web::dom::paste;
    let out = fixture("");
    paste::render(
        &out,
        "<details><summary>Key facts</summary><p>“We will not leave,” said Ana Ruiz.</p></details>\
         <custom-card>Talks resume on Monday.</custom-card><script>alert(1)</script>\
         <p onclick=\"x()\">End.</p>",
    )
    .unwrap();
    let text = out.text_content().unwrap_or_default();
    assert!(
        text.contains("Key facts") && text.contains("We will not leave"),
        "{text}"
    );
    assert!(text.contains("Talks resume on Monday."), "{text}");
    assert!(!text.contains("alert"), "{text}");
    assert!(
        !out.inner_html().contains("onclick"),
        "{}",
        out.inner_html()
    );
    paste::render(&out, "He signed off </3 and left.\n\nA second paragraph.").unwrap();
    assert_eq!(out.children().length(), 2);
    assert_eq!(
        out.first_element_child().unwrap().text_content().unwrap(),
        "He signed off </3 and left."
    );
    out.remove();
}

#[wasm_bindgen_test]
fn a_report_converted_in_slices_is_the_report_converted_at_once() {
    use presslens_web::convert::{to_js, Sliced};
    let text = include_str!("../../../tests/fixtures/article.txt").repeat(20);
    let report = presslens::annotate_in(&text, presslens::Unit::Utf16);
    // A party named more often than one batch holds: its mentions are
    // converted over several slices too.
    assert!(report.parties.iter().any(|p| p.mentions.len() > 64));
    let whole = js_sys::JSON::stringify(&to_js(&report).unwrap()).unwrap();
    let mut sliced = Sliced::new();
    let mut steps = 1;
    // A deadline long past: one batch per step.
    let v = loop {
        match sliced.step(&report, f64::NEG_INFINITY).unwrap() {
            Some(v) => break v,
            None => steps += 1,
        }
    };
    assert!(steps > 1, "several slices");
    assert_eq!(js_sys::JSON::stringify(&v).unwrap(), whole);
}

// ---------------------------------------------------------------------------
// Article scope: one page built for each failure class of automatic
// detection (the rule each one exercises is named in scope.rs).

/// The text of the scope detected on a page made of `html` (added to the
/// body for the detection, removed after).
fn detected_text(html: &str) -> String {
    let doc = web_sys::window().unwrap().document().unwrap();
    let page = doc.create_element("div").unwrap();
    page.set_inner_html(html);
    doc.body().unwrap().append_child(&page).unwrap();
    let s = scope::detect().unwrap();
    let text = TextMap::collect(&s).text().to_string();
    page.remove();
    text
}

const PROSE: &str = "The council voted on Tuesday to expand the programme, which has been running since 2019, to three more districts, officials said.";

/// Mixed blocks: an old table layout whose story cell holds an image and
/// `<br>`-separated prose (no `<p>`): the cell's own text scores.
#[wasm_bindgen_test]
fn table_layout_story_cell_with_image_and_br_prose_is_the_article() {
    let story = format!(
        "<img src='data:,'><b>Director:</b> Farah Khan<br><br>{}",
        [PROSE; 6].join("<br><br>")
    );
    let text = detected_text(&format!(
        "<table><tr><td><table><tr><td>Latest News:</td></tr><tr><td>Tuesday, January 15, 2008</td></tr></table></td></tr>\
         <tr><td><table><tr><td class='storyheadline'>Om Shanti Om</td></tr><tr><td class='storyContent'>{story}</td></tr></table></td>\
         <td><a href='#'>Home</a> <a href='#'>Sport</a> <a href='#'>Business</a></td></tr></table>"
    ));
    assert!(text.contains("three more districts"), "{text:?}");
    assert_eq!(text.matches("officials said").count(), 6, "{text:?}");
    assert!(text.contains("Om Shanti Om"), "{text:?}");
    assert!(!text.contains("Business"), "{text:?}");
}

/// `boilerplate` (link density): a tool bar and a list of other stories
/// inside the article's container are left out, the prose is kept.
#[wasm_bindgen_test]
fn tool_bars_and_story_lists_inside_the_root_are_left_out() {
    let text = detected_text(&[
        "<div id='story'><h1>Council expands the programme</h1>",
        "<div class='tools'>Story Tools: <a href='#'>E-MAIL</a> | <a href='#'>PRINT</a> | <a href='#'>Text Size</a></div>",
        "<div class='storybody'>", &format!("<p>{PROSE}</p>").repeat(6), "</div>",
        "<ul><li><a href='#'>Another story about something else entirely</a></li><li><a href='#'>And one more story to read next</a></li></ul>",
        "<div><a href='#'>Search for news</a> | <a href='#'>Site Map</a> | <a href='#'>Contact us</a></div></div>",
    ].concat());
    assert!(text.contains("Council expands the programme"), "{text:?}");
    assert_eq!(text.matches("officials said").count(), 6, "{text:?}");
    for junk in ["Story Tools", "Another story", "Site Map"] {
        assert!(!text.contains(junk), "{junk}: {text:?}");
    }
}

/// `boilerplate` (form controls) and the class hints: a body split by a
/// newsletter box without telling class names and by an ad keeps both
/// halves and loses the boxes.
#[wasm_bindgen_test]
fn body_split_by_newsletter_and_ad_boxes_keeps_both_halves() {
    let text = detected_text(&[
        "<article><div class='body'>",
        &format!("<p>First half. {PROSE}</p>").repeat(4),
        "<div><p>Get the morning briefing in your inbox every day.</p><form><input type='email'><button>Sign up</button></form></div>",
        "<div class='ad-slot'><p>Advertisement: the best mortgage rates, compared for you.</p></div>",
        &format!("<p>Second half. {PROSE}</p>").repeat(4),
        "</div></article>",
    ].concat());
    assert_eq!(text.matches("First half.").count(), 4, "{text:?}");
    assert_eq!(text.matches("Second half.").count(), 4, "{text:?}");
    assert!(
        !text.contains("morning briefing") && !text.contains("mortgage"),
        "{text:?}"
    );
}

/// Comment sections: a long thread beside a short article is not the
/// article (class hints and `itemprop=comment`).
#[wasm_bindgen_test]
fn comment_thread_longer_than_the_article_is_not_the_article() {
    let comment = "<div class='comment-body'><p>I could not disagree more, frankly, since the districts were never consulted, and the costs, as usual, fall on us.</p></div>";
    let text = detected_text(&[
        "<div class='post'><h1>Council expands the programme</h1><div class='entry'>",
        &format!("<p>{PROSE}</p>").repeat(3),
        "</div><div id='comments'>", &comment.repeat(12), "</div>",
        "<div><div itemprop='comment'><p>Another reader wrote, at length, that the vote, in his view, was rushed.</p></div></div></div>",
    ].concat());
    assert_eq!(text.matches("officials said").count(), 3, "{text:?}");
    assert!(
        !text.contains("disagree") && !text.contains("rushed"),
        "{text:?}"
    );
}

/// `teaser_card`: a list of other stories (headline link and summary,
/// repeated) outscores a short article by sheer count unless its summaries
/// are recognised as teasers.
#[wasm_bindgen_test]
fn teaser_list_is_not_the_article() {
    let teaser = "<div class='item'><h3><a href='#'>Mayor opens the new bridge over the river</a></h3><p>The bridge, which cost, in all, 40 million, opens on Monday, the mayor said.</p></div>";
    let text = detected_text(
        &[
            "<div class='main'><div class='article'><h1>Council expands the programme</h1>",
            &format!("<p>{PROSE}</p>").repeat(4),
            "</div></div><div class='more'>",
            &teaser.repeat(12),
            "</div>",
        ]
        .concat(),
    );
    assert_eq!(text.matches("officials said").count(), 4, "{text:?}");
    assert!(!text.contains("new bridge"), "{text:?}");
}

/// Several `<article>` elements (the story and teaser cards marked up as
/// articles): the one holding the story is the root.
#[wasm_bindgen_test]
fn several_article_elements_pick_the_story() {
    let card = "<article class='card'><h2><a href='#'>Storm closes schools across the region today</a></h2><p>Schools, offices and roads were closed, police said, as the storm hit.</p></article>";
    let text = detected_text(
        &[
            &card.repeat(3),
            "<article class='story'><h1>Council expands the programme</h1>",
            &format!("<p>{PROSE}</p>").repeat(5),
            "</article>",
            &card.repeat(3),
        ]
        .concat(),
    );
    assert!(
        text.starts_with("Council expands the programme"),
        "{text:?}"
    );
    assert_eq!(text.matches("officials said").count(), 5, "{text:?}");
    assert!(!text.contains("Storm closes"), "{text:?}");
}

/// Live blogs: the story is many short, same-class entries (time stamp and
/// a paragraph or two); every entry is kept, the "share" bar of each is
/// not (siblings like the winner, and class hints).
#[wasm_bindgen_test]
fn live_blog_keeps_every_entry() {
    let entry = |i: usize| {
        format!(
            "<div class='live-entry'><time>{i}:00</time><p>Update {i}. {PROSE}</p>\
             <div class='share'><a href='#'>Share this update</a></div></div>"
        )
    };
    let entries: String = (1..=8).map(entry).collect();
    let text = detected_text(
        &[
            "<div class='nav'><a href='#'>Home</a> <a href='#'>Live</a></div>",
            "<div class='liveblog'><h1>Council vote: live</h1>",
            &entries,
            "</div>",
        ]
        .concat(),
    );
    for i in 1..=8 {
        assert!(text.contains(&format!("Update {i}.")), "{i}: {text:?}");
    }
    assert!(
        !text.contains("Share this update") && !text.contains("Home"),
        "{text:?}"
    );
}

/// The panel's word count takes a fast path for ASCII: it counts as the
/// Unicode definition does (letters and digits of any script, apostrophes
/// inside words).
#[wasm_bindgen_test]
fn quote_words_count_the_same_with_the_ascii_fast_path() {
    use presslens_web::dom::explain::words;
    let unicode = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
            .filter(|w| !w.is_empty())
            .count()
    };
    for t in [
        "It’s 40% of the U.S. vote, don't you think? Ça va.",
        "“Naïve café”—señor Øresund 2½ ２０２４年 Москва, 'quoted'",
        "",
        "   ...   ",
        "tab\tand\nnewline_under-score",
    ] {
        assert_eq!(words(t), unicode(t), "{t:?}");
    }
    assert_eq!(
        words("It’s 40% of the U.S. vote, don't you think? Ça va."),
        12
    );
}

/// The scope detected on a page made of `html` and its text; the page is
/// removed after.
fn detected(html: &str) -> (Scope, String) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let page = doc.create_element("div").unwrap();
    page.set_inner_html(html);
    doc.body().unwrap().append_child(&page).unwrap();
    let s = scope::detect().unwrap();
    let text = TextMap::collect(&s).text().to_string();
    page.remove();
    (s, text)
}

fn paragraphs(label: &str, n: usize) -> String {
    format!("<p>{label} {PROSE}</p>").repeat(n)
}

/// Galleries: an article whose photo gallery has long captions keeps its
/// prose and its captions (a caption belongs to the article) and is not
/// cut down to one caption.
#[wasm_bindgen_test]
fn gallery_with_long_captions_keeps_the_story_and_its_captions() {
    let slide = "<figure class='slide'><img src='data:,'><figcaption>Boats return to the harbour at dawn, as they have, every day, since the port reopened in 2019, the harbour master said.</figcaption></figure>";
    let (s, text) = detected(
        &[
            "<div class='page'><div class='story'><h1>Harbour reopens</h1>",
            &paragraphs("Intro.", 2),
            "<div class='gallery'>",
            &slide.repeat(8),
            "</div>",
            &paragraphs("After.", 3),
            "</div></div>",
        ]
        .concat(),
    );
    assert_eq!(text.matches("Intro.").count(), 2, "{text:?}");
    assert_eq!(text.matches("After.").count(), 3, "{text:?}");
    assert!(text.contains("Boats return"), "{text:?}");
    assert!(!s.confidence.unwrap().low(), "{:?}", s.confidence);
}

/// Gallery pages: a short story followed by a carousel of slides whose
/// captions are `<p>`s. The captions are the page's content too (human
/// gold keeps them): the root holds the story and every caption, never a
/// single slide (the sibling pass adds the carousel beside the story).
#[wasm_bindgen_test]
fn gallery_page_keeps_the_story_and_every_caption_not_one_slide() {
    let slide = "<div class='slide'><img src='data:,'><p class='caption'>A long caption, with commas, about the photo, the place and the people in it, as galleries have.</p></div>";
    let text = detected_text(
        &[
            "<div class='nav'><a href='#'>Home</a> <a href='#'>Photos</a></div>",
            "<div class='main'><div class='story'><h1>Harbour reopens</h1>",
            &paragraphs("Story.", 2),
            "</div><div class='carousel'>",
            &slide.repeat(10),
            "</div></div>",
        ]
        .concat(),
    );
    assert_eq!(text.matches("Story.").count(), 2, "{text:?}");
    assert_eq!(text.matches("A long caption").count(), 10, "{text:?}");
    assert!(!text.contains("Photos"), "{text:?}");
}

/// `AMP_BOILERPLATE`: an AMP page's ad, share and sidebar components are
/// not article text, wherever they sit in the body.
#[wasm_bindgen_test]
fn amp_components_are_left_out_of_the_article() {
    let text = detected_text(
        &[
            "<amp-sidebar id='menu' layout='nodisplay'><a href='#'>Home</a> <a href='#'>World</a> Menu of every section of the site</amp-sidebar>",
            "<article><h1>Harbour reopens</h1>",
            "<amp-img src='data:,' width='10' height='10' layout='responsive'></amp-img>",
            &paragraphs("First.", 3),
            "<amp-ad width='300' height='250' type='doubleclick'><div fallback>Advertisement: compare mortgage rates today</div></amp-ad>",
            "<amp-social-share type='twitter'>Share on Twitter</amp-social-share>",
            &paragraphs("Second.", 3),
            "</article>",
        ]
        .concat(),
    );
    assert_eq!(text.matches("First.").count(), 3, "{text:?}");
    assert_eq!(text.matches("Second.").count(), 3, "{text:?}");
    for junk in ["mortgage", "Share on Twitter", "Menu of every"] {
        assert!(!text.contains(junk), "{junk}: {text:?}");
    }
}

/// Page metadata: `[itemprop=articleBody]` is the root when it holds the
/// story, even inside a wrapper with more text of other kinds, and backs
/// the scope's confidence.
#[wasm_bindgen_test]
fn itemprop_article_body_is_the_root_and_agrees() {
    let (s, text) = detected(
        &[
            "<div class='wrap'><h1>Harbour reopens</h1><div itemprop='articleBody'>",
            &paragraphs("Body.", 4),
            "</div><div class='bio'><p>The author, who has covered the port, the city and the region for years, writes here weekly.</p></div></div>",
        ]
        .concat(),
    );
    assert_eq!(
        s.root.get_attribute("itemprop").as_deref(),
        Some("articleBody")
    );
    assert_eq!(text.matches("Body.").count(), 4, "{text:?}");
    assert_eq!(s.confidence.unwrap().metadata, Agreement::Agrees);
}

/// Page metadata: JSON-LD `articleBody` agrees with a root it begins in,
/// and makes the confidence low when it begins nowhere in the root (the
/// scorer found something else than the article the page describes).
#[wasm_bindgen_test]
fn json_ld_article_body_agrees_or_disagrees_with_the_root() {
    let ld = |body: &str| {
        format!("<script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"articleBody\":\"{body}\"}}</script>")
    };
    let page = |body: &str| {
        [
            &ld(body),
            "<div class='story'><h1>Harbour reopens</h1>",
            &paragraphs("Body.", 4),
            "</div>",
        ]
        .concat()
    };
    let (s, _) = detected(&page(&format!("Body. {PROSE}")));
    let c = s.confidence.unwrap();
    assert_eq!(c.metadata, Agreement::Agrees);
    assert!(!c.low());
    let (s, _) = detected(&page(
        "The mayor resigned on Friday after a long dispute over the budget of the port",
    ));
    let c = s.confidence.unwrap();
    assert_eq!(c.metadata, Agreement::Disagrees);
    assert!(c.low());
}

/// Confidence: a page whose only scored text is a short caption (the story
/// is a list of short lines) gives a root that is too short to trust.
#[wasm_bindgen_test]
fn a_caption_sized_root_is_low_confidence_and_an_article_is_not() {
    let lines: String = (1..=8)
        .map(|i| format!("<li>Brief {i}: the harbour opens on Monday, the mayor said.</li>"))
        .collect();
    let (s, _) = detected(
        &[
            "<div class='photo'><div class='frame'><p>The harbour at dawn, as boats return, seen from the pier.</p></div></div>",
            "<div class='briefs'><ul>",
            &lines,
            "</ul></div>",
        ]
        .concat(),
    );
    let c = s.confidence.unwrap();
    assert!(c.chars < confidence::MIN_CHARS && c.low(), "{c:?}");
    let (s, _) = detected(&["<div class='story'>", &paragraphs("Body.", 6), "</div>"].concat());
    assert!(!s.confidence.unwrap().low(), "{:?}", s.confidence);
}

/// Paywall stubs, one page per rule, and a complete article with a blog
/// subscription box that is not one.
#[wasm_bindgen_test]
fn paywall_stubs_are_named_by_their_rule() {
    let short = format!("<h1>Harbour reopens</h1><p>{PROSE}</p><p>{PROSE}</p>");
    // (before the short story, after it, what the scope says)
    let pages: [(&str, &str, Option<Paywall>); 5] = [
        (
            "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":false}</script><div class='story'>",
            "</div>",
            Some(Paywall::NotFree),
        ),
        (
            "<div class='story'>",
            "<div class='article-paywall'><p>You have read all your free articles this month.</p></div></div>",
            Some(Paywall::WallAtEnd),
        ),
        (
            "<div class='wrap'><div class='story'>",
            "</div><div class='subscribe-to-continue'><p>Subscribe to continue reading.</p><a href='#'>Subscribe</a></div></div>",
            Some(Paywall::StubWithOffer),
        ),
        // A hidden wall (a template for other readers) is not shown: no stub.
        (
            "<div class='story'>",
            "<div class='paywall' hidden><p>Subscribe now.</p></div></div>",
            None,
        ),
        // A blog subscription under a short complete post is not a paywall.
        (
            "<div class='wrap'><div class='story'>",
            "</div><div id='subscribe-blog'><p>Get new posts by email.</p></div></div>",
            None,
        ),
    ];
    for (before, after, want) in pages {
        let (s, _) = detected(&[before, &short, after].concat());
        assert_eq!(s.paywall, want, "{before}…{after}");
    }
}

/// The roots a reader can choose: "page" is the body, "auto" is
/// detection, and a picked block's selector path finds it again.
#[wasm_bindgen_test]
fn root_keywords_and_picked_selector_paths_resolve() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let body: Element = doc.body().unwrap().into();
    let s = scope::resolve(&JsValue::from_str("page")).unwrap().unwrap();
    assert_eq!(s.root, body);
    assert!(s.confidence.is_none());
    assert!(scope::resolve(&JsValue::from_str("auto"))
        .unwrap()
        .is_none());
    let page = doc.create_element("div").unwrap();
    page.set_inner_html(
        "<section><div><p>a</p></div><div><ul><li id='x y'>one</li></ul></div></section><div id='named'><div><p>b</p></div></div>",
    );
    body.append_child(&page).unwrap();
    let li = page.query_selector("li").unwrap().unwrap();
    let picked = pick::container(&li).unwrap();
    assert_eq!(picked.local_name(), "div");
    let path = pick::selector_path(&picked);
    assert_eq!(
        doc.query_selector(&path).unwrap().as_ref(),
        Some(&picked),
        "{path}"
    );
    let inner = page.query_selector("#named > div").unwrap().unwrap();
    let path = pick::selector_path(&inner);
    assert!(path.starts_with("#named > "), "{path}");
    assert_eq!(doc.query_selector(&path).unwrap().as_ref(), Some(&inner));
    let s = scope::resolve(&JsValue::from_str(&path)).unwrap().unwrap();
    assert_eq!(s.root, inner);
    page.remove();
}

/// `ATTEMPTS` (tiny well-named cells): an old table layout whose masthead
/// cell is named "txt_content_small" and whose story cell has no class:
/// with class weights the masthead's 60 characters win; the weightless
/// attempt finds the story, more than twice as long, and replaces them
/// (its root may hold the masthead row too: the layout table).
#[wasm_bindgen_test]
fn a_tiny_well_named_cell_does_not_beat_an_unnamed_story_cell() {
    let story = [PROSE; 8].join("<br>");
    let text = detected_text(&format!(
        "<table><tr><td class='txt_content_small'><div><img src='data:,'><br>The Daily Harbour, complete online edition - Sunday, 20 January</div></td></tr>\
         <tr><td><table><tr><td><div class='headline'>Council expands the programme</div></td></tr>\
         <tr><td><div class='storytxt'>{story}</div></td></tr></table></td></tr></table>"
    ));
    assert_eq!(text.matches("officials said").count(), 8, "{text:?}");
    assert!(text.contains("Council expands the programme"), "{text:?}");
}
