//! Detection end to end on pages built for one rule each.

use super::testing::parse;
use super::*;

fn para(words: usize) -> String {
    let mut s = String::from("<p>");
    for i in 0..words {
        s.push_str(if i % 9 == 8 { "word, " } else { "word " });
    }
    s.push_str("</p>");
    s
}

#[test]
fn the_story_container_wins_over_navigation_and_sidebar() {
    let story = para(60).repeat(5);
    let html = format!(
        r#"<div id="nav"><a href="/">Home</a> <a href="/a">World</a></div><div id="story">{story}</div><div class="sidebar">{}</div>"#,
        para(30)
    );
    let t = parse(&html);
    let s = detect(&t).unwrap();
    assert_eq!(s.root, t.by_id("story"));
    let c = s.confidence.unwrap();
    assert!(!c.low() && c.chars > 1000);
    assert_eq!(s.paywall, None);
}

#[test]
fn a_semantic_marker_holding_the_winner_is_preferred() {
    let html = format!(
        r#"<article id="a"><h2>Title of it</h2><div id="body">{}</div></article><div>{}</div>"#,
        para(60).repeat(4),
        para(10)
    );
    let t = parse(&html);
    let s = detect(&t).unwrap();
    assert_eq!(s.root, t.by_id("a"));
    assert_eq!(s.confidence.unwrap().metadata, Agreement::Agrees);
}

#[test]
fn a_json_ld_body_elsewhere_disagrees() {
    let html = format!(
        r#"<script type="application/ld+json">{{"articleBody":"Nothing on this page says so at all"}}</script><div id="story">{}</div>"#,
        para(60).repeat(4)
    );
    let t = parse(&html);
    let s = detect(&t).unwrap();
    assert_eq!(s.confidence.unwrap().metadata, Agreement::Disagrees);
    assert!(s.confidence.unwrap().low());
}

#[test]
fn a_page_without_paragraphs_is_the_body_and_a_page_without_body_is_none() {
    let t = parse("<span>tiny</span>");
    let s = detect(&t).unwrap();
    assert_eq!(s.root, t.first("body"));
    assert!(s.confidence.unwrap().low());
    let t = parse("<html><head></head></html><body_>");
    assert!(detect(&t).is_none());
}

#[test]
fn slices_give_the_same_scope_as_one_go() {
    let html = format!(
        r#"<div id="story">{}</div><div>{}</div>"#,
        para(40).repeat(30),
        para(5)
    );
    let t = parse(&html);
    let whole = detect(&t).unwrap();
    let mut d = Detector::new(&t).unwrap();
    let ticks = std::cell::Cell::new(0.0);
    let now = || {
        ticks.set(ticks.get() + 1.0);
        ticks.get()
    };
    let mut slices = 0;
    let sliced = loop {
        slices += 1;
        let at = ticks.get();
        if let Some(s) = d.step(&t, &Deadline::new(at, &now)) {
            break s;
        }
    };
    assert!(slices > 3, "{slices} slices");
    assert_eq!(sliced, whole);
}
