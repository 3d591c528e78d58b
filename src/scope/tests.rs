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

#[test]
fn steps_in_wrappers_of_their_own_are_one_article() {
    // How-to pages: each step is scored on its own, and each sits in
    // wrappers of its own, so no sibling pass sees the others.
    let step = |class: &str, n: usize| {
        format!(
            r#"<span><span><div class="step"><div class="{class}">{}</div></div></span></span>"#,
            para(50).repeat(n)
        )
    };
    let mut steps = step("content lead", 2);
    for _ in 0..5 {
        steps.push_str(&step("content", 2));
    }
    let html = format!(
        r#"<div id="howto">{steps}</div><div class="rail">{}</div>"#,
        para(30)
    );
    let t = parse(&html);
    let s = detect(&t).unwrap();
    assert_eq!(s.root, t.by_id("howto"));
}

#[test]
fn sections_named_after_their_headings_are_read() {
    // Documentation generators name each section after its heading;
    // "sharing" there is the topic, not a share bar.
    let section = |id: &str, title: &str| {
        format!(
            r#"<div class="section" id="{id}"><h2>{title}</h2>{}</div>"#,
            para(60).repeat(2)
        )
    };
    let html = format!(
        r#"<div id="doc">{}{}{}</div>"#,
        section("getting-started-with-it", "Getting started with it"),
        section(
            "sharing-with-a-single-developer",
            "Sharing with a single developer"
        ),
        section("working-in-a-team", "Working in a team"),
    );
    let t = parse(&html);
    let s = detect(&t).unwrap();
    assert_eq!(s.root, t.by_id("doc"));
    assert!(text::read(&t, &s).contains("Sharing with a single developer"));
}

#[test]
fn a_post_tagged_with_a_boilerplate_word_is_still_the_article() {
    // WordPress classes a post by its categories and tags:
    // "tag-social-media" is what the post is about.
    let html = format!(
        r#"<div class="post hentry category-networking tag-social-media" id="p"><h1>Title</h1>{}</div><div class="bio">{}</div>"#,
        para(60).repeat(4),
        para(60).repeat(2)
    );
    let t = parse(&html);
    let s = detect(&t).unwrap();
    assert_eq!(s.root, t.by_id("p"));
}

#[test]
fn a_page_without_a_story_is_its_main_column() {
    // A section front: teasers, each a headline link and a line; the best
    // block is a short one and nothing marks it as the article.
    let teaser = r#"<li><h3><a href="/x">A headline of a story elsewhere</a></h3><p>One line that sums that other story up for the reader.</p></li>"#;
    let html = format!(
        r#"<div id="nav"><a href="/">Home</a></div><main id="m"><ol>{}</ol><div class="note"><p>{}</p></div><ol>{}</ol></main>"#,
        teaser.repeat(8),
        "A short note of some forty words on what this section of the site is about, and more. "
            .repeat(2),
        teaser.repeat(8)
    );
    let t = parse(&html);
    let s = detect(&t).unwrap();
    assert_eq!(s.root, t.by_id("m"));
    assert!(s.confidence.unwrap().chars < 500);
    // A short post its <article> holds is an article, <main> or not.
    let html = format!(
        r#"<main id="m"><article id="a"><h1>Short</h1>{}</article><div class="more">{}</div></main>"#,
        para(60),
        para(30)
    );
    let t = parse(&html);
    let s = detect(&t).unwrap();
    assert_eq!(s.root, t.by_id("a"));
}
