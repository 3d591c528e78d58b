//! The side panel (inside the UI shadow root): a short source summary, kind
//! toggles, quotes grouped by speaker, parties by kind with counts, figures
//! with their relations. Every item is a button carrying `data-span` (the
//! painted span to scroll to); toggles carry `data-kind`; the close button
//! `data-action="close"`. The overlay handles the events (delegated).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::action::{Action, ScopeNote};
use super::download::Export;
use super::explain::{self, clip, count, Quoted};
use super::nav::BINDINGS;
use super::spans::{Kind, Kinds, Span, Target};
use super::ui::add;
use presslens::report::{PartyKind, Report};

/// The index of the span painted for `target`, which starts at `start`:
/// a binary search (spans are sorted by start), not a scan of every span
/// for each item listed.
fn span_of(spans: &[Span], target: Target, start: usize) -> Option<usize> {
    let start = u32::try_from(start).ok()?;
    let from = spans.partition_point(|s| s.start < start);
    spans[from..]
        .iter()
        .take_while(|s| s.start == start)
        .position(|s| s.target == target)
        .map(|i| from + i)
}

/// Narrowest viewport (CSS px) that offers the panel beside the page; the
/// `min-width` of the rule in `www/presslens.css` that makes room.
const SIDE_MIN_WIDTH: f64 = 1000.0;

/// Most items listed per section; the counts above stay complete.
const MAX_ITEMS: usize = 60;

fn more(list: &Element, n: usize) {
    if n > MAX_ITEMS {
        add(
            list,
            "li",
            "n",
            &["… and ", &count(n - MAX_ITEMS), " more"].concat(),
        );
    }
}

/// One item: a button that reveals `target` (painted at `target.1`),
/// showing `text` and `note` after `lead`, which is read but not seen
/// ([`explain::lead`]: what the live region says before the text).
fn item(
    list: &Element,
    spans: &[Span],
    target: (Target, usize),
    text: &str,
    note: &str,
    lead: Option<String>,
) {
    let li = add(list, "li", "", "");
    let b = add(&li, "button", "item", "");
    let _ = b.set_attribute("type", "button");
    if let Some(lead) = lead {
        add(&b, "span", "sr", &lead);
    }
    b.append_with_str_1(text).ok();
    match span_of(spans, target.0, target.1) {
        Some(i) => {
            let _ = b.set_attribute("data-span", &i.to_string());
        }
        None => {
            let _ = b.set_attribute("disabled", "");
        }
    }
    if !note.is_empty() {
        b.append_with_str_1(" ").ok();
        add(&b, "span", "n", note);
    }
}

/// `part` as a rounded percentage of `whole` (0 of nothing).
fn pct(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

fn action(parent: &Element, action: Action, label: &str) {
    let b = add(parent, "button", "act", label);
    let _ = b.set_attribute("type", "button");
    action.mark(&b);
}

/// The scope section: only when there is something to say.
fn scope_note(panel: &Element, note: ScopeNote) {
    if !(note.low || note.paywall || note.picking) {
        return;
    }
    let sec = add(panel, "section", "scope", "");
    let _ = sec.set_attribute("aria-label", "Article scope");
    let _ = sec.set_attribute("role", "status");
    if note.paywall {
        add(&sec, "p", "paywall", "Only the visible part is annotated");
    }
    if note.picking {
        let p = add(
            &sec,
            "p",
            "picking",
            "Click the block that holds the article, or choose it with the arrow keys \
             (Up: wider, Down: narrower, Left and Right: the blocks beside) and Enter. \
             Escape cancels.",
        );
        // Where focus goes in pick mode: Enter here picks the outlined block.
        let _ = p.set_attribute("tabindex", "-1");
        let p = add(&sec, "p", "", "");
        action(&p, Action::CancelPick, "Cancel");
    } else if note.low {
        add(&sec, "p", "low", "Article not found with confidence");
        let p = add(&sec, "p", "", "");
        action(&p, Action::WholePage, "Annotate the whole page");
        action(&p, Action::Pick, "Pick the article");
    }
}

/// Fills `panel` (emptied first) from `report`, the painted `spans` and
/// what is known of the scope: the header, the scope note, the source
/// summary, the kind toggles, then one list per kind.
pub fn render(
    panel: &Element,
    report: &Report,
    spans: &[Span],
    kinds: Kinds,
    note: ScopeNote,
    side: bool,
) {
    panel.set_text_content(None);
    header(panel, side);
    scope_note(panel, note);
    let speakers = summary(panel, report);
    toggles(panel, kinds);
    let quoted = Quoted::of(report);
    quotes(panel, report, spans, &speakers);
    parties(panel, report, spans, &quoted);
    figures(panel, report, spans);
    shortcuts(panel);
}

/// The keyboard shortcuts, from the one table ([`BINDINGS`]).
fn shortcuts(panel: &Element) {
    let d = add(panel, "details", "keys", "");
    add(&d, "summary", "", "Keyboard shortcuts");
    let dl = add(&d, "dl", "", "");
    for b in BINDINGS {
        add(&dl, "dt", "", b.keys);
        add(&dl, "dd", "", b.does);
    }
    add(&dl, "dt", "", "Escape");
    add(&dl, "dd", "", "Close the card, or the panel");
}

/// What the live region says when a pass the reader asked for ends.
pub fn spoken_summary(report: &Report, note: ScopeNote) -> String {
    let mut s = [
        "PressLens: ",
        &count(report.quotes.len()),
        " quotes, ",
        &count(report.parties.len()),
        " parties, ",
        &count(report.figures.len()),
        " figures.",
    ]
    .concat();
    if note.paywall {
        s.push_str(" Only the visible part is annotated.");
    }
    if note.low && !note.picking {
        s.push_str(
            " Article not found with confidence: the panel offers to annotate the whole page \
             or to pick the article.",
        );
    }
    s
}

/// A selector for the panel control `el` (its `data-span`, `data-action`
/// or `data-kind`), to find it again once the panel is filled anew.
pub fn focus_key(el: &Element) -> Option<String> {
    ["data-span", "data-action", "data-kind"]
        .into_iter()
        .find_map(|a| Some(["[", a, "=\"", &el.get_attribute(a)?, "\"]"].concat()))
}

/// Focus in the panel after it was filled anew: the control `key` finds,
/// else the pick note (in pick mode), else the title.
pub fn refocus(panel: &Element, key: Option<&str>) {
    let target = key
        .and_then(|k| panel.query_selector(k).ok().flatten())
        .or_else(|| panel.query_selector(".picking").ok().flatten())
        .or_else(|| panel.query_selector("h2").ok().flatten());
    if let Some(t) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        let _ = t.focus();
    }
}

/// The title, the close button and the downloads.
fn header(panel: &Element, side: bool) {
    let head = add(panel, "header", "", "");
    let title = add(&head, "h2", "", "PressLens");
    // Where the panel shortcut and the scope actions put focus.
    let _ = title.set_attribute("tabindex", "-1");
    let close = add(&head, "button", "close", "×");
    let _ = close.set_attribute("type", "button");
    Action::Close.mark(&close);
    let _ = close.set_attribute("aria-label", "Close the PressLens panel");
    // Beside the page: on screens wide enough for both (the page's
    // stylesheet makes room at 1000px and more, `www/presslens.css`).
    if super::ui::viewport().0 >= SIDE_MIN_WIDTH {
        let b = add(&head, "button", "side", "Side by side");
        let _ = b.set_attribute("type", "button");
        let _ = b.set_attribute("aria-pressed", if side { "true" } else { "false" });
        let _ = b.set_attribute("title", "Make room for the panel beside the page");
        Action::SideBySide.mark(&b);
    }
    let saves = add(panel, "p", "exports", "");
    for (export, label, title) in [
        (
            Export::Report,
            "Download JSON",
            "The report as JSON (PressLens schema)",
        ),
        (
            Export::WebAnnotations,
            "Download Web Annotations",
            "W3C Web Annotation JSON-LD, for Hypothesis-style tools",
        ),
    ] {
        let b = add(&saves, "button", "export", label);
        let _ = b.set_attribute("type", "button");
        Action::Download(export).mark(&b);
        let _ = b.set_attribute("title", title);
    }
}

/// One speaker's quotes, as the summary and the quotes list count them.
#[derive(Clone, Debug)]
struct Tally<'r> {
    name: &'r str,
    named: bool,
    quotes: usize,
    words: usize,
}

/// The distinct speakers of a report's quotes ("Unattributed" for quotes
/// without one), in order of first quote, and each speaker's index.
struct Speakers<'r> {
    list: Vec<Tally<'r>>,
    index: std::collections::HashMap<&'r str, usize>,
}

impl<'r> Speakers<'r> {
    fn of(report: &'r Report) -> Speakers<'r> {
        let mut s = Speakers {
            list: Vec::new(),
            index: std::collections::HashMap::new(),
        };
        for q in &report.quotes {
            let (name, named) = match &q.speaker {
                Some(sp) => (sp.name.as_str(), sp.named),
                None => ("Unattributed", false),
            };
            let words = explain::words(&q.text);
            match s.index.get(name) {
                Some(&i) => {
                    s.list[i].quotes += 1;
                    s.list[i].words += words;
                }
                None => {
                    s.index.insert(name, s.list.len());
                    s.list.push(Tally {
                        name,
                        named,
                        quotes: 1,
                        words,
                    });
                }
            }
        }
        s
    }
}

/// The source summary: quotes from named, anonymous and no sources, the
/// speakers, and the share of quoted words of the ten most quoted.
fn summary<'r>(panel: &Element, report: &'r Report) -> Speakers<'r> {
    let q = &report.quotes;
    let named = q
        .iter()
        .filter(|q| q.speaker.as_ref().is_some_and(|s| s.named))
        .count();
    let anon = q
        .iter()
        .filter(|q| q.speaker.as_ref().is_some_and(|s| !s.named))
        .count();
    let unattributed = q.len() - named - anon;
    let sum = add(panel, "section", "summary", "");
    let _ = sum.set_attribute("aria-label", "Source summary");
    let counts = add(&sum, "p", "counts", "");
    let _ = counts.set_attribute("data-quotes", &q.len().to_string());
    let _ = counts.set_attribute("data-named", &named.to_string());
    let _ = counts.set_attribute("data-anonymous", &anon.to_string());
    let mut line = [
        count(q.len()),
        " quotes: ".into(),
        count(named),
        " from named sources, ".into(),
        count(anon),
        " from anonymous sources".into(),
    ]
    .concat();
    if unattributed > 0 {
        line.push_str(&[", ".into(), count(unattributed), " unattributed".into()].concat());
    }
    counts.set_text_content(Some(&line));
    let speakers = Speakers::of(report);
    let dn = speakers.list.iter().filter(|s| s.named).count();
    add(
        &sum,
        "p",
        "speakers",
        &[
            count(dn),
            " named and ".into(),
            count(speakers.list.len() - dn),
            " anonymous or unattributed speakers".into(),
        ]
        .concat(),
    );
    let total: usize = speakers.list.iter().map(|s| s.words).sum();
    if total > 0 {
        add(&sum, "h4", "", "Share of quoted words");
        let ul = add(&sum, "ul", "shares", "");
        let mut by_words = speakers.list.clone();
        by_words.sort_by_key(|s| std::cmp::Reverse(s.words));
        for s in by_words.iter().take(10) {
            let li = add(&ul, "li", "", "");
            let p = pct(s.words, total);
            let bar = add(&li, "span", "bar", "");
            let _ = bar.set_attribute(
                "style",
                &["width:", &(p.max(1) * 6 / 5).to_string(), "px"].concat(),
            );
            add(&li, "span", "", s.name);
            add(&li, "span", "n", &[" ", &p.to_string(), "%"].concat());
        }
    }
    speakers
}

/// The checkboxes that show or hide each kind of mark.
fn toggles(panel: &Element, kinds: Kinds) {
    let fs = add(panel, "fieldset", "toggles", "");
    add(&fs, "legend", "k", "Show");
    for kind in Kind::ALL {
        let (label, sw) = match kind {
            Kind::Quote => ("Quotes", "sw-q"),
            Kind::Party => ("Parties", "sw-p"),
            Kind::Figure => ("Figures", "sw-f"),
        };
        let l = add(&fs, "label", "", "");
        let cb = add(&l, "input", "", "");
        let _ = cb.set_attribute("type", "checkbox");
        let _ = cb.set_attribute("data-kind", kind.names()[0]);
        if kinds.shows(kind) {
            let _ = cb.set_attribute("checked", "");
        }
        add(&l, "span", sw, label);
    }
}

/// Quotes by speaker, up to [`MAX_ITEMS`] in all.
fn quotes(panel: &Element, report: &Report, spans: &[Span], speakers: &Speakers) {
    let q = &report.quotes;
    let sec = add(panel, "section", "quotes", "");
    add(&sec, "h3", "", &["Quotes (", &count(q.len()), ")"].concat());
    // The first quotes of each speaker, up to what the section lists, in
    // one pass over the quotes (one pass per speaker was 2.7 million string
    // comparisons on a page of 45,000 quotes).
    let mut of_speaker: Vec<Vec<usize>> = vec![Vec::new(); speakers.list.len().min(MAX_ITEMS)];
    for (i, qq) in q.iter().enumerate() {
        let sp = qq
            .speaker
            .as_ref()
            .map_or("Unattributed", |s| s.name.as_str());
        if let Some(list) = speakers.index.get(sp).and_then(|&k| of_speaker.get_mut(k)) {
            if list.len() < MAX_ITEMS {
                list.push(i);
            }
        }
    }
    let mut listed = 0;
    for (s, mine) in speakers.list.iter().zip(&of_speaker) {
        if listed >= MAX_ITEMS {
            break;
        }
        let g = add(&sec, "div", "group", "");
        let h = add(&g, "h4", "", s.name);
        let note = [
            if s.named {
                ", named source, "
            } else {
                ", anonymous or unattributed, "
            },
            &count(s.quotes),
            if s.quotes == 1 { " quote" } else { " quotes" },
        ]
        .concat();
        add(&h, "span", "n", &note);
        let ul = add(&g, "ul", "", "");
        for &i in mine.iter().take(MAX_ITEMS - listed) {
            let at = (Target::Quote(i), q[i].start);
            let lead = explain::lead(report, Target::Quote(i), true);
            item(&ul, spans, at, &clip(&q[i].text, 90), "", lead);
            listed += 1;
        }
    }
    if listed < q.len() {
        let ul = add(&sec, "ul", "", "");
        add(
            &ul,
            "li",
            "n",
            &["… and ", &count(q.len() - listed), " more"].concat(),
        );
    }
}

/// Parties by kind, the most mentioned first.
fn parties(panel: &Element, report: &Report, spans: &[Span], quoted: &Quoted) {
    let sec = add(panel, "section", "parties", "");
    add(
        &sec,
        "h3",
        "",
        &["Parties (", &count(report.parties.len()), ")"].concat(),
    );
    for kind in [
        PartyKind::Person,
        PartyKind::Organization,
        PartyKind::Group,
        PartyKind::Place,
    ] {
        let mut ps: Vec<usize> = (0..report.parties.len())
            .filter(|&i| report.parties[i].kind == kind)
            .collect();
        if ps.is_empty() {
            continue;
        }
        ps.sort_by(|&a, &b| {
            report.parties[b]
                .mentions
                .len()
                .cmp(&report.parties[a].mentions.len())
        });
        let title = match kind {
            PartyKind::Person => "People",
            PartyKind::Organization => "Organisations",
            PartyKind::Group => "Groups",
            PartyKind::Place => "Places",
        };
        add(
            &sec,
            "h4",
            "",
            &[title, " (", &count(ps.len()), ")"].concat(),
        );
        let ul = add(&sec, "ul", "", "");
        let n = ps.len();
        for i in ps.into_iter().take(MAX_ITEMS) {
            let p = &report.parties[i];
            let n = p.mentions.len();
            let mut note = [
                count(n),
                (if n == 1 { " mention" } else { " mentions" }).into(),
            ]
            .concat();
            if let Some(r) = &p.role {
                note = [r.as_str(), ", ", &note].concat();
            }
            let k = quoted.party(i);
            if k > 0 {
                note = [note, ", quoted ".into(), explain::times(k)].concat();
            }
            let start = p.mentions.first().map_or(usize::MAX, |m| m.start);
            let said = explain::lead(report, Target::Party(i, 0), false);
            item(
                &ul,
                spans,
                (Target::Party(i, 0), start),
                &p.name,
                &note,
                said,
            );
        }
        more(&ul, n);
    }
}

/// Figures with what they count and their relations.
fn figures(panel: &Element, report: &Report, spans: &[Span]) {
    let sec = add(panel, "section", "figures", "");
    add(
        &sec,
        "h3",
        "",
        &["Figures (", &count(report.figures.len()), ")"].concat(),
    );
    let ul = add(&sec, "ul", "", "");
    for (i, f) in report.figures.iter().enumerate().take(MAX_ITEMS) {
        let note = explain::figure_facts(report, i).join(", ");
        let at = (Target::Figure(i), f.start);
        let lead = explain::lead(report, Target::Figure(i), true);
        item(&ul, spans, at, &f.text, &note, lead);
    }
    more(&ul, report.figures.len());
}
