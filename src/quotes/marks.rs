//! Quotation marks: which punctuation tokens open or close a quotation, and
//! how they pair up.
//!
//! One pass per paragraph with a small stack. Every mark is classified from
//! its character and its flanks (is there space or an opening bracket before
//! it, space or punctuation after it), so that apostrophes and possessives
//! (`There’s`, `Hamas’`, `’90s`, `rock ’n’ roll`) are never taken for quote
//! marks, and a closer pops the nearest opener of its own family. Unclosed
//! openers never swallow the rest of the article: they are dropped at the end
//! of their paragraph, except
//!
//! - the news convention: a paragraph that opens a quote without closing it
//!   continues in the next paragraph when that one opens with a mark. Each
//!   paragraph of such a quote is reported as its own span, linked by
//!   [`QuoteSpan::cont_prev`] / [`QuoteSpan::cont_next`];
//! - a paragraph that opens with a mark, or whose mark follows a colon, and
//!   never closes it: the quote runs to the end of the paragraph (a missing
//!   closing mark).
//!
//! Only outermost quotations are returned; nested ones are part of their host.

use crate::text::{Doc, TokenKind};

/// The deepest nesting of quotations followed.
const MAX_DEPTH: usize = 8;

/// Families of marks: a closer only pairs with an opener of its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// “…” "…" „…“ ''…'' ``…''
    Double,
    /// ‘…’ '…' ‚…‘
    Single,
    /// «…» (and »…«)
    Guillemet,
    /// ‹…› (and ›…‹)
    SingleGuillemet,
    /// 「…」 『…』
    Corner,
}

/// What a mark may do, from its character alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nature {
    /// Opens: “ „ ‘ ‚ « ‹ 「 『 ``
    Open,
    /// Closes: ” ’ » › 」 』
    Close,
    /// Either: " ' ''
    Straight,
}

/// A quotation found in one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Token index of the (first token of the) opening mark.
    pub open: usize,
    /// Token index of the (last token of the) closing mark, if closed in the
    /// paragraph.
    pub close: Option<usize>,
    /// Token range of the words inside the marks.
    pub inner: std::ops::Range<usize>,
    /// Byte span, marks included (to the end of the paragraph when unclosed).
    pub start: usize,
    pub end: usize,
    pub para: usize,
    pub family: Family,
    /// Continues an unclosed quotation of the previous paragraph.
    pub cont_prev: bool,
    /// Left unclosed; continues in the next paragraph.
    pub cont_next: bool,
}

/// A mark candidate: one token, or two for `''` and ``` `` ```.
#[derive(Debug, Clone, Copy)]
struct Mark {
    first: usize,
    last: usize,
    family: Family,
    nature: Nature,
    /// Space, start of paragraph or an opening bracket before it.
    open_left: bool,
    /// Space, end of paragraph or punctuation after it.
    open_right: bool,
    /// The first character after the mark (None at paragraph end).
    next_char: Option<char>,
    /// A plural possessive reading is possible: `Joneses’ house` (a word
    /// ending in s before, a word after) and a later mark could close the
    /// single quotation instead.
    possessive: bool,
}

fn classify(c: &str) -> Option<(Family, Nature)> {
    // Every mark starts with one of these bytes: most punctuation is settled
    // without comparing strings.
    if !matches!(
        c.as_bytes().first(),
        Some(b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xE3)
    ) {
        return None;
    }
    Some(match c {
        "“" | "„" | "``" => (Family::Double, Nature::Open),
        "”" => (Family::Double, Nature::Close),
        "\"" | "''" | "’’" => (Family::Double, Nature::Straight),
        "‘‘" => (Family::Double, Nature::Open),
        "‘" | "‚" => (Family::Single, Nature::Open),
        "’" => (Family::Single, Nature::Close),
        "'" => (Family::Single, Nature::Straight),
        "«" => (Family::Guillemet, Nature::Open),
        "»" => (Family::Guillemet, Nature::Close),
        "‹" => (Family::SingleGuillemet, Nature::Open),
        "›" => (Family::SingleGuillemet, Nature::Close),
        "「" | "『" => (Family::Corner, Nature::Open),
        "」" | "』" => (Family::Corner, Nature::Close),
        _ => return None,
    })
}

/// Whether `s` may be a quote mark of some family (used by other modules to
/// stop scans at marks).
pub fn is_mark(s: &str) -> bool {
    classify(s).is_some() || s == "`"
}

/// Punctuation after which a mark still counts as left-flanked (opening).
fn opens_left(s: &str) -> bool {
    matches!(
        s,
        "(" | "["
            | "{"
            | "—"
            | "–"
            | "―"
            | "-"
            | "/"
            | "“"
            | "‘"
            | "«"
            | "‹"
            | "„"
            | "‚"
            | "「"
            | "『"
            | ":"
            | "\""
            | "'"
    )
}

/// Punctuation before which a mark still counts as right-flanked (closing).
fn closes_right(s: &str) -> bool {
    matches!(
        s,
        "," | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "]"
            | "}"
            | "…"
            | "—"
            | "–"
            | "―"
            | "-"
            | "”"
            | "’"
            | "»"
            | "›"
            | "」"
            | "』"
            | "\""
            | "'"
            | "/"
    )
}

/// Words that follow an elision apostrophe: 'em, 'til, rock 'n' roll.
fn is_elision(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "em" | "til"
            | "till"
            | "cause"
            | "cos"
            | "n"
            | "tis"
            | "twas"
            | "bout"
            | "nuff"
            | "round"
            | "neath"
            | "s"
    )
}

/// Collects the mark candidates of paragraph `para` (token range).
fn marks_in(doc: &Doc, para: std::ops::Range<usize>) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut i = para.start;
    while i < para.end {
        let t = doc.tokens[i];
        if t.kind != TokenKind::Punct {
            i += 1;
            continue;
        }
        let s = doc.tok(i);
        // Doubled single marks used as one double mark: '' ’’ ‘‘ ``.
        let mut last = i;
        let mut key: &str = s;
        if matches!(s, "'" | "’" | "‘" | "`")
            && i + 1 < para.end
            && !doc.tokens[i + 1].space_before
            && doc.tok(i + 1) == s
        {
            last = i + 1;
            key = match s {
                "'" => "''",
                "’" => "’’",
                "‘" => "‘‘",
                _ => "``",
            };
        }
        let Some((family, nature)) = classify(key) else {
            i = last + 1;
            continue;
        };
        let open_left = i == para.start
            || t.space_before
            || opens_left(doc.tok(i - 1)) && doc.tokens[i - 1].kind == TokenKind::Punct;
        let (open_right, next_char) = if last + 1 >= para.end {
            (true, None)
        } else {
            let n = doc.tokens[last + 1];
            let nc = doc.tok(last + 1).chars().next();
            (
                n.space_before || n.kind == TokenKind::Punct && closes_right(doc.tok(last + 1)),
                nc,
            )
        };
        let after_s_word = !open_left
            && i > para.start
            && doc.tokens[i - 1].kind == TokenKind::Word
            && doc.tok(i - 1).ends_with(['s', 'S']);
        let possessive = after_s_word
            && last + 1 < para.end
            && doc.tokens[last + 1].space_before
            && doc.tokens[last + 1].kind == TokenKind::Word;
        out.push(Mark {
            first: i,
            last,
            family,
            nature,
            open_left,
            open_right,
            next_char,
            possessive,
        });
        i = last + 1;
    }
    // A possessive reading only when a later mark can close the quotation.
    let mut later_close = false;
    for m in out.iter_mut().rev() {
        if m.possessive && !later_close {
            m.possessive = false;
        }
        if m.family == Family::Single && m.nature != Nature::Open && !m.open_left {
            later_close = true;
        }
    }
    out
}

/// What a mark does in context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Opens, or closes an open quotation of its family: decided by the stack.
    Toggle,
    /// An apostrophe or a stray mark: ignored.
    Skip,
}

fn role(m: &Mark, doc: &Doc, family_open: bool) -> Role {
    let left = m.open_left && !m.open_right; // “word
    let right = !m.open_left && m.open_right; // word”
    match (m.family, m.nature) {
        (Family::Single, Nature::Close) => {
            // ’ : a closer when glued to the end of a word and a single quote
            // is open; otherwise an apostrophe (’90s, ’n’, Hamas’).
            if !m.open_left && family_open && !m.possessive {
                Role::Close
            } else {
                Role::Skip
            }
        }
        (Family::Single, Nature::Straight) => {
            if left {
                let next_word =
                    m.last + 1 < doc.tokens.len() && doc.tokens[m.last + 1].kind == TokenKind::Word;
                if next_word && !is_elision(doc.tok(m.last + 1)) {
                    Role::Open
                } else {
                    Role::Skip
                }
            } else if !m.open_left && family_open && !m.possessive {
                Role::Close
            } else {
                Role::Skip
            }
        }
        (Family::Single, Nature::Open) => {
            if right && family_open {
                Role::Close // ‚…‘ or a misused ‘ as closer
            } else if m.next_char.is_some_and(|c| c.is_ascii_digit())
                || m.open_right && !m.open_left
            {
                Role::Skip // ‘90s, or a stray ‘ after a word
            } else {
                Role::Open
            }
        }
        (_, Nature::Open) => {
            if right && family_open {
                Role::Close // „…“ or a misused “ as closer
            } else {
                Role::Open
            }
        }
        (_, Nature::Close) => {
            if family_open {
                Role::Close
            } else if left {
                Role::Open // »…« or a misused ” as opener
            } else {
                Role::Skip
            }
        }
        (_, Nature::Straight) => {
            if left {
                Role::Open
            } else if right {
                if family_open {
                    Role::Close
                } else {
                    Role::Skip
                }
            } else {
                Role::Toggle
            }
        }
    }
}

/// Finds the outermost quotations of `doc`, paragraph by paragraph.
pub fn find_spans(doc: &Doc) -> Vec<QuoteSpan> {
    let mut out: Vec<QuoteSpan> = Vec::new();
    // The family of an unclosed quotation the previous paragraph left open.
    let mut carried: Option<Family> = None;
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        if para.is_empty() {
            continue;
        }
        let marks = marks_in(doc, para.clone());
        let paired = pair(doc, &marks);
        let first_mark_opens_para = marks.first().is_some_and(|m| m.first == para.start);
        let cont_prev = carried.is_some()
            && first_mark_opens_para
            && carried == marks.first().map(|m| m.family);
        carried = None;
        let mut spans: Vec<QuoteSpan> = paired
            .pairs
            .iter()
            .map(|&(o, c)| closed_span(doc, pi, marks[o], marks[c]))
            .collect();
        if let Some(u) = paired
            .unclosed
            .and_then(|o| unclosed_span(doc, pi, marks[o]))
        {
            // Drop pairs nested inside it: they belong to it.
            spans.retain(|s| s.start < u.start);
            if u.cont_next {
                carried = Some(u.family);
            }
            spans.push(u);
        }
        push_outermost(spans, para.start, cont_prev, &mut out);
    }
    out
}

/// The marks of one paragraph, paired.
struct Paired {
    /// (opening, closing) indices into the marks, in closing order.
    pairs: Vec<(usize, usize)>,
    /// The outermost opener left unclosed, if any.
    unclosed: Option<usize>,
}

/// Pairs the `marks` of one paragraph with a stack: each closer pops the
/// nearest opener of its own family, and what a mark does is settled by its
/// flanks and by which families are open ([`role`]).
fn pair(doc: &Doc, marks: &[Mark]) -> Paired {
    let mut stack: Vec<(usize, Family)> = Vec::new(); // (index into marks, family)
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (mi, m) in marks.iter().enumerate() {
        let family_open = stack.iter().any(|&(_, f)| f == m.family);
        let r = match role(m, doc, family_open) {
            Role::Toggle if family_open => Role::Close,
            Role::Toggle => Role::Open,
            r => r,
        };
        match r {
            // Deeper nesting than any prose uses is noise: ignore it, so
            // that the stack stays small and the pass linear.
            Role::Open if stack.len() >= MAX_DEPTH => {}
            Role::Open => stack.push((mi, m.family)),
            Role::Close => {
                if let Some(pos) = stack.iter().rposition(|&(_, f)| f == m.family) {
                    let (o, _) = stack[pos];
                    stack.truncate(pos);
                    pairs.push((o, mi));
                }
            }
            Role::Toggle | Role::Skip => {}
        }
    }
    Paired {
        pairs,
        unclosed: stack.first().map(|&(o, _)| o),
    }
}

/// The quotation between the opening mark `mo` and the closing mark `mc` of
/// paragraph `pi`.
fn closed_span(doc: &Doc, pi: usize, mo: Mark, mc: Mark) -> QuoteSpan {
    QuoteSpan {
        open: mo.first,
        close: Some(mc.last),
        inner: mo.last + 1..mc.first,
        start: doc.tokens[mo.first].start,
        end: doc.tokens[mc.last].end,
        para: pi,
        family: mo.family,
        cont_prev: false,
        cont_next: false,
    }
}

/// The quotation an unclosed opener `mo` of paragraph `pi` starts, running
/// to the paragraph's end, when the news convention makes it one: the next
/// paragraph opens with a mark of its family (it continues there), or it
/// opens its paragraph or follows a colon and has a few words (a missing
/// closing mark). Otherwise a stray mark: None.
fn unclosed_span(doc: &Doc, pi: usize, mo: Mark) -> Option<QuoteSpan> {
    let para = &doc.paragraphs[pi];
    let f = mo.family;
    let next_opens = doc.paragraphs.get(pi + 1).is_some_and(|np| {
        !np.is_empty() && {
            let t = doc.tokens[np.start];
            t.kind == TokenKind::Punct && classify(doc.tok(np.start)).is_some_and(|(nf, _)| nf == f)
        }
    });
    let after_colon = mo.first > para.start && doc.tok(mo.first - 1) == ":";
    let opens_para = mo.first == para.start;
    let words = (mo.last + 1..para.end)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .count();
    if !(mo.last + 1 < para.end && (next_opens || (opens_para || after_colon) && words >= 3)) {
        return None;
    }
    Some(QuoteSpan {
        open: mo.first,
        close: None,
        inner: mo.last + 1..para.end,
        start: doc.tokens[mo.first].start,
        end: doc.tokens[para.end - 1].end,
        para: pi,
        family: f,
        cont_prev: false,
        cont_next: next_opens,
    })
}

/// Appends to `out` the outermost of one paragraph's `spans` (in text
/// order), marking the first as continuing the previous paragraph's
/// quotation when `cont_prev` and it opens the paragraph (at `para_start`).
fn push_outermost(
    mut spans: Vec<QuoteSpan>,
    para_start: usize,
    cont_prev: bool,
    out: &mut Vec<QuoteSpan>,
) {
    // Starts are distinct, and spans come in closing order, so that each
    // is out of place only by the few quotations it nests in (at most
    // MAX_DEPTH): an insertion sort is linear here, and keeps a whole
    // sort routine out of the payload.
    for k in 1..spans.len() {
        let mut j = k;
        while j > 0 && spans[j - 1].start > spans[j].start {
            spans.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut last_end = 0usize;
    let mut first = true;
    for mut s in spans {
        if !first && s.start < last_end {
            continue;
        }
        if first && cont_prev && s.open == para_start {
            s.cont_prev = true;
        }
        first = false;
        last_end = s.end;
        out.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(t: &str) -> Vec<String> {
        let d = Doc::new(t);
        find_spans(&d)
            .iter()
            .map(|s| t[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn curly_straight_and_nested() {
        assert_eq!(spans("He said “we go” now."), vec!["“we go”"]);
        assert_eq!(spans("He said \"we go\" now."), vec!["\"we go\""]);
        assert_eq!(
            spans("“He said ‘no’ to me,” she said."),
            vec!["“He said ‘no’ to me,”"]
        );
        assert_eq!(spans("«Nous partons», dit-il."), vec!["«Nous partons»"]);
        assert_eq!(spans("»Wir gehen«, sagte er."), vec!["»Wir gehen«"]);
        assert_eq!(spans("„Wir gehen“, sagte er."), vec!["„Wir gehen“"]);
        assert_eq!(spans("‚Wir gehen‘, sagte er."), vec!["‚Wir gehen‘"]);
        assert_eq!(spans("‹Allons› dit-il"), vec!["‹Allons›"]);
        assert_eq!(spans("彼は「行こう」と言った"), vec!["「行こう」"]);
        assert_eq!(spans("''It is over,'' he said."), vec!["''It is over,''"]);
        assert_eq!(
            spans("Headline: ‘You Should Be Investigated.’"),
            vec!["‘You Should Be Investigated.’"]
        );
        assert_eq!(
            spans("A lesson: 'Be the voice that people hear.'"),
            vec!["'Be the voice that people hear.'"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(
            spans("There’s Hamas’s plan from the ’90s, rock ’n’ roll and the Jones’ house.")
                .is_empty()
        );
        assert!(spans("There's rock 'n' roll from the '90s and the Joneses' house.").is_empty());
        assert_eq!(
            spans("“There’s the ’90s and Hamas’ plan,” he said."),
            vec!["“There’s the ’90s and Hamas’ plan,”"]
        );
        // A plural possessive inside a single quotation does not close it.
        let d = Doc::new("He said ‘the Joneses’ house is ours’ today.");
        let s = find_spans(&d);
        assert_eq!(s.len(), 1);
        assert_eq!(
            &d.text[s[0].start..s[0].end],
            "‘the Joneses’ house is ours’"
        );
        // Negative: with no later mark, the same shape closes the quotation.
        assert_eq!(
            spans("He wrote ‘we love the Joneses’ and left."),
            vec!["‘we love the Joneses’"]
        );
    }

    #[test]
    fn unclosed_marks_stay_in_their_paragraph() {
        // A stray opener mid-paragraph is dropped.
        assert!(spans("He said “we go now.\n\nNext paragraph “is here” ok.").len() == 1);
        assert_eq!(
            spans("He said “we go now.\n\nNext paragraph “is here” ok."),
            vec!["“is here”"]
        );
        // An opener at paragraph start without a closer runs to its end.
        assert_eq!(
            spans("“We go now, all of us.\nOther text."),
            vec!["“We go now, all of us."]
        );
    }

    #[test]
    fn multi_paragraph_convention() {
        let t = "“First part of it.\n\n“Second part,” he said.";
        let d = Doc::new(t);
        let s = find_spans(&d);
        assert_eq!(s.len(), 2);
        assert!(s[0].cont_next && s[0].close.is_none());
        assert!(s[1].cont_prev);
        // Without a mark opening the next paragraph there is no continuation.
        let t = "He said “first part of it.\n\nSecond part, he said.";
        assert!(find_spans(&Doc::new(t)).is_empty());
    }

    #[test]
    fn odd_counts_never_fail() {
        for t in [
            "\"",
            "“",
            "”",
            "''",
            "'",
            "\"\"\"",
            "“”“",
            "a\"b\"c\"",
            "‘’‘",
            "“a\n”b",
            "« » «",
            "'''",
        ] {
            let d = Doc::new(t);
            for s in find_spans(&d) {
                assert!(s.start <= s.end && s.end <= t.len());
            }
        }
    }
}
