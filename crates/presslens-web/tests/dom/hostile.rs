//! A page that breaks the APIs PressLens uses (issue 28): one test per
//! failure found, each breaking a page API always, once, or before the
//! overlay exists, and asserting that the page's text is byte-identical
//! after `clear()`, or that the error names what failed and a later
//! `clear()` finishes the job. Each sabotage is undone by a guard, so the
//! tests after it run on a sound page.

use std::cell::RefCell;
use std::rc::Rc;

use presslens_web::dom::options::Options;
use presslens_web::dom::spans::Hl;
use presslens_web::dom::textmap::TextMap;
use presslens_web::dom::{run, scope, Overlay};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

use super::{fixture, highlight_size, ARTICLE};

/// Runs `break_it` (JS) now and `mend` (JS) when dropped. The scripts
/// keep what they replace on `window.__saved`.
struct Sabotage(&'static str);

impl Sabotage {
    fn new(break_it: &str, mend: &'static str) -> Sabotage {
        js_sys::eval(&["window.__saved = window.__saved || {};", break_it].concat()).unwrap();
        Sabotage(mend)
    }
}

impl Drop for Sabotage {
    fn drop(&mut self) {
        js_sys::eval(self.0).unwrap();
    }
}

/// `removeChild` and `remove()` throw.
fn no_removal() -> Sabotage {
    Sabotage::new(
        "__saved.rc = Node.prototype.removeChild; __saved.rm = Element.prototype.remove; \
         __saved.crm = CharacterData.prototype.remove; \
         Node.prototype.removeChild = function () { throw new Error('page removeChild'); }; \
         Element.prototype.remove = CharacterData.prototype.remove = function () { throw new Error('page remove'); };",
        "Node.prototype.removeChild = __saved.rc; Element.prototype.remove = __saved.rm; \
         CharacterData.prototype.remove = __saved.crm;",
    )
}

/// Every way of taking a node out or replacing it throws: `removeChild`,
/// `remove()`, `replaceWith()`, `replaceChild`, `Range#deleteContents`;
/// `replaceChild` only after `after` calls.
fn no_change_after(after: u32) -> Sabotage {
    let script = [
        "__saved.rc = Node.prototype.removeChild; __saved.rm = Element.prototype.remove; \
         __saved.crm = CharacterData.prototype.remove; __saved.erw = Element.prototype.replaceWith; \
         __saved.crw = CharacterData.prototype.replaceWith; __saved.rpc = Node.prototype.replaceChild; \
         __saved.dc = Range.prototype.deleteContents; \
         const no = function () { throw new Error('page DOM'); }; \
         Node.prototype.removeChild = Element.prototype.remove = CharacterData.prototype.remove = no; \
         Element.prototype.replaceWith = CharacterData.prototype.replaceWith = no; \
         Range.prototype.deleteContents = no; \
         let calls = 0; const rpc = __saved.rpc; \
         Node.prototype.replaceChild = function (a, b) { if (++calls > ",
        &after.to_string(),
        ") throw new Error('page replaceChild'); return Reflect.apply(rpc, this, [a, b]); };",
    ]
    .concat();
    Sabotage::new(
        &script,
        "Node.prototype.removeChild = __saved.rc; Element.prototype.remove = __saved.rm; \
         CharacterData.prototype.remove = __saved.crm; Element.prototype.replaceWith = __saved.erw; \
         CharacterData.prototype.replaceWith = __saved.crw; Node.prototype.replaceChild = __saved.rpc; \
         Range.prototype.deleteContents = __saved.dc;",
    )
}

fn marks_mode() -> Options {
    Options {
        fallback: true,
        observe: false,
        ..Options::default()
    }
}

/// Mends the page, then checks that `clear()` gives back `html` exactly
/// and removes the fixture.
fn mend_and_check(guard: Sabotage, o: &mut Overlay, root: &Element, html: &str) {
    drop(guard);
    o.clear().unwrap();
    assert_eq!(root.inner_html(), html);
    root.remove();
}

fn marks_in(root: &Element) -> u32 {
    root.query_selector_all("mark.presslens").unwrap().length()
}

#[wasm_bindgen_test]
fn removal_that_throws_before_the_overlay_exists_never_doubles_the_text() {
    let root = fixture(ARTICLE);
    let (text, html) = (root.text_content(), root.inner_html());
    let guard = no_removal();
    let mut o = Overlay::with_options(&root.clone().into(), marks_mode()).unwrap();
    o.annotate().unwrap();
    assert!(marks_in(&root) > 0);
    assert_eq!(root.text_content(), text, "the marks hold the text once");
    o.clear().unwrap();
    assert_eq!(root.text_content(), text);
    assert_eq!(root.inner_html(), html);
    // The next pass reads the article once, not twice.
    o.annotate().unwrap();
    assert_eq!(o.report().unwrap().quotes.len(), 1);
    o.clear().unwrap();
    drop(guard);
    assert_eq!(root.inner_html(), html);
    root.remove();
}

#[wasm_bindgen_test]
fn clear_that_cannot_restore_says_so_keeps_the_text_once_and_finishes_later() {
    let root = fixture(ARTICLE);
    let (text, html) = (root.text_content(), root.inner_html());
    let mut o = Overlay::with_options(&root.clone().into(), marks_mode()).unwrap();
    o.annotate().unwrap();
    let guard = no_change_after(0);
    let e = o.clear().unwrap_err().to_string();
    assert!(
        e.starts_with("presslens: ") && e.contains("still wrapped") && e.contains("clear() again"),
        "{e}"
    );
    assert_eq!(root.text_content(), text, "never two copies, nothing lost");
    assert!(marks_in(&root) > 0);
    // Still broken: the second call says so again, and changes nothing.
    assert!(o.clear().is_err());
    assert_eq!(root.text_content(), text);
    mend_and_check(guard, &mut o, &root, &html);
}

#[wasm_bindgen_test]
fn annotate_whose_undo_is_cut_short_rejects_saying_what_is_left() {
    let root = fixture(ARTICLE);
    let (text, html) = (root.text_content(), root.inner_html());
    let mut o = Overlay::with_options(&root.clone().into(), marks_mode()).unwrap();
    // Two nodes are wrapped, the third refused, and nothing can be undone.
    let guard = no_change_after(2);
    let e = o.annotate().unwrap_err().to_string();
    assert!(
        e.contains("page replaceChild") || e.contains("page DOM"),
        "{e}"
    );
    assert!(
        e.contains("still wrapped"),
        "the error must not claim an undo: {e}"
    );
    assert_eq!(root.text_content(), text);
    mend_and_check(guard, &mut o, &root, &html);
}

#[wasm_bindgen_test]
fn annotate_that_fails_is_undone_and_says_so() {
    let root = fixture(ARTICLE);
    let html = root.inner_html();
    let mut o = Overlay::with_options(&root.clone().into(), marks_mode()).unwrap();
    // replaceChild throws from its third call, the rest works: undone.
    let guard = Sabotage::new(
        "__saved.rpc = Node.prototype.replaceChild; __saved.erw = Element.prototype.replaceWith; \
         __saved.crw = CharacterData.prototype.replaceWith; const rpc = __saved.rpc; let calls = 0; \
         Element.prototype.replaceWith = CharacterData.prototype.replaceWith = function () { throw new Error('page replaceWith'); }; \
         Node.prototype.replaceChild = function (a, b) { if (++calls === 3) throw new Error('page replaceChild'); \
         return Reflect.apply(rpc, this, [a, b]); };",
        "Node.prototype.replaceChild = __saved.rpc; Element.prototype.replaceWith = __saved.erw; \
         CharacterData.prototype.replaceWith = __saved.crw;",
    );
    let e = o.annotate().unwrap_err().to_string();
    assert!(
        e.contains("page replaceChild") && e.ends_with("the pass was undone"),
        "{e}"
    );
    assert_eq!(root.inner_html(), html);
    drop(guard);
    o.clear().unwrap();
    root.remove();
}

#[wasm_bindgen_test]
fn highlights_registry_delete_that_throws_once_leaves_nothing_painted() {
    if !presslens_web::dom::paint::highlight_api() {
        return;
    }
    let root = fixture(ARTICLE);
    let mut o = Overlay::attach(&root.clone().into()).unwrap();
    o.annotate().unwrap();
    assert!(highlight_size(Hl::Quote.name()) > 0);
    let guard = Sabotage::new(
        "__saved.del = HighlightRegistry.prototype.delete; const del = __saved.del; let once = true; \
         HighlightRegistry.prototype.delete = function (n) { if (once) { once = false; throw new Error('page delete'); } \
         return Reflect.apply(del, this, [n]); };",
        "HighlightRegistry.prototype.delete = __saved.del;",
    );
    o.clear().unwrap();
    for hl in [Hl::Quote, Hl::Party, Hl::Figure] {
        assert_eq!(highlight_size(hl.name()), 0, "{}", hl.name());
    }
    // The emptied highlight is used again, and goes for good next time.
    o.annotate().unwrap();
    assert!(highlight_size(Hl::Quote.name()) > 0);
    o.clear().unwrap();
    assert_eq!(highlight_size(Hl::Quote.name()), 0);
    drop(guard);
    root.remove();
}

#[wasm_bindgen_test]
fn options_ignore_what_object_prototype_says() {
    let guard = Sabotage::new(
        "window.__protoRead = 0; Object.defineProperty(Object.prototype, 'quote', \
         { get() { window.__protoRead++; return false; }, configurable: true }); \
         Object.prototype.fallback = true;",
        "delete Object.prototype.quote; delete Object.prototype.fallback;",
    );
    let given = js_sys::eval("({ panel: true, kinds: { parties: false } })").unwrap();
    let o = Options::from_js(&given);
    let read = js_sys::eval("window.__protoRead").unwrap();
    drop(guard);
    let o = o.unwrap();
    assert!(o.kinds.shows(presslens_web::dom::spans::Kind::Quote));
    assert!(!o.kinds.shows(presslens_web::dom::spans::Kind::Party));
    assert!(o.panel && !o.fallback);
    assert_eq!(read, JsValue::from(0), "the prototype's getter was read");
    // A wrong type is still an error.
    let bad = js_sys::eval("({ panel: 'yes' })").unwrap();
    assert!(Options::from_js(&bad).is_err());
}

#[wasm_bindgen_test]
fn a_throwing_tree_walker_reads_the_same_text() {
    let root = fixture(ARTICLE);
    let s = scope::explicit(root.clone());
    let expected = TextMap::collect(&s).text().to_string();
    let guard = Sabotage::new(
        "__saved.tw = Document.prototype.createTreeWalker; \
         Document.prototype.createTreeWalker = function () { throw new Error('page createTreeWalker'); };",
        "Document.prototype.createTreeWalker = __saved.tw;",
    );
    let got = TextMap::collect(&s).text().to_string();
    drop(guard);
    assert!(expected.contains("said Jane Doe"), "{expected}");
    assert_eq!(got, expected);
    root.remove();
}

#[wasm_bindgen_test]
fn a_root_selector_is_found_where_the_page_broke_query_selector() {
    let root = fixture(ARTICLE);
    root.set_id("hostile-root");
    let guard = Sabotage::new(
        "__saved.qs = Document.prototype.querySelector; \
         Document.prototype.querySelector = function () { throw new Error('page querySelector'); };",
        "Document.prototype.querySelector = __saved.qs;",
    );
    let found = scope::resolve(&JsValue::from_str("#hostile-root"));
    let bad = scope::resolve(&JsValue::from_str("#hostile-root["));
    drop(guard);
    assert_eq!(found.unwrap().map(|s| s.root), Some(root.clone()));
    // A selector that does not parse is still said to be invalid.
    assert_eq!(
        bad.err().map(|e| e.to_string()),
        Some("presslens: invalid selector #hostile-root[".to_string())
    );
    root.remove();
}

/// A sliced pass on a page whose `setTimeout` does nothing and whose
/// `Reflect.get` throws: it settles, with the report.
#[wasm_bindgen_test]
async fn a_pass_settles_without_settimeout_or_reflect_get() {
    let root = fixture(ARTICLE);
    let text = root.text_content();
    let guard = Sabotage::new(
        "__saved.st = window.setTimeout; __saved.rg = Reflect.get; \
         window.setTimeout = function () { return 0; }; \
         Reflect.get = function () { throw new Error('page Reflect.get'); };",
        "window.setTimeout = __saved.st; Reflect.get = __saved.rg;",
    );
    let o = Overlay::with_options(&root.clone().into(), marks_mode()).unwrap();
    let rc = Rc::new(RefCell::new(o));
    let report = wasm_bindgen_futures::JsFuture::from(run(&rc)).await;
    drop(guard);
    let quotes = js_sys::Reflect::get(&report.unwrap(), &"quotes".into()).unwrap();
    assert_eq!(js_sys::Array::from(&quotes).length(), 1);
    rc.borrow_mut().clear().unwrap();
    assert_eq!(root.text_content(), text);
    root.remove();
}

/// `clear()` in slices (`dom::clear`): the promise resolves once the page
/// is whole, whether the first slice did it all or not; a pass started
/// while the marks are still going back finishes putting them back first.
#[wasm_bindgen_test]
async fn a_sliced_clear_resolves_with_the_page_whole_and_a_new_pass_finishes_it() {
    let para =
        "<p>“We will rebuild the bridge by spring,” said Ann Lee, the mayor, of the 40 homes.</p>";
    let root = fixture(&para.repeat(600));
    let html = root.inner_html();
    let rc = Rc::new(RefCell::new(
        Overlay::with_options(&root.clone().into(), marks_mode()).unwrap(),
    ));
    for again in [false, true] {
        rc.borrow_mut().annotate().unwrap();
        let wrapped = marks_in(&root);
        assert!(wrapped > 600, "{wrapped}");
        let cleared = presslens_web::dom::clear(&rc);
        let left = marks_in(&root);
        assert!(left < wrapped, "the first slice runs in the call");
        if again {
            // A new pass over marks still going back: they go first.
            rc.borrow_mut().annotate().unwrap();
            assert_eq!(marks_in(&root), wrapped);
            rc.borrow_mut().clear().unwrap();
        }
        wasm_bindgen_futures::JsFuture::from(cleared).await.unwrap();
        assert_eq!(marks_in(&root), 0);
        assert_eq!(root.inner_html(), html);
    }
    root.remove();
}
