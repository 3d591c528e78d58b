//! Ranges, scores and relations between figures.
//!
//! Two neighbouring figures in a sentence are read through the words
//! between them:
//! - a range ("between 10 and 15", "10-15 miles", "$3 billion to $5
//!   billion") or a score ("won 3-2", "at 89-89") becomes one figure with no
//!   single value;
//! - exchange: "X for Y", "X in exchange for Y", "X swapped for Y";
//! - change: "rose from X to Y", "up 9.4% to $84", "to $7.4bn from $6.8bn",
//!   "$3.1 million, down 9.2%";
//! - ratio: "one in five", "one out of three", "3 per 1,000";
//! - comparison: "twice the 120 decibels", "X compared with Y", "X versus Y".
//!
//! A relation is written on both figures, each pointing at the other's index
//! in the final list.

use super::lex::Ctx;
use super::{Cand, Shape};
use crate::lexicon::Class;
use crate::report::RelationKind;

/// Words that make "X to Y" a change rather than a range.
fn change_word(w: &str) -> bool {
    Class::ChangeWord.contains(w)
}

fn time_unit(u: &str) -> bool {
    matches!(
        u,
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "century"
    )
}

/// Whether a change word stands within `n` tokens before token `s`, in its
/// sentence.
fn change_before(c: &Ctx, s: usize, n: usize) -> bool {
    let lo = s.saturating_sub(n).max(c.sent_start(s));
    // ("up to" and "down to" are approximations, not changes.)
    (lo..s).any(|k| {
        change_word(c.lower(k)) && !(matches!(c.lower(k), "up" | "down") && c.lower(k + 1) == "to")
    })
}

/// The token before a figure starting at `s`, past an approximation
/// ("from up to 252 miles" → "from").
fn before_figure(c: &Ctx, s: usize) -> usize {
    match super::approx_len(c, s) {
        Some(n) => (s - n).wrapping_sub(1),
        None => s.wrapping_sub(1),
    }
}

/// Joins ranges and scores into single figures.
fn merge(c: &Ctx, v: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(v.len());
    let mut it = v.into_iter().peekable();
    while let Some(a) = it.next() {
        let Some(b) = it.peek() else {
            out.push(a);
            break;
        };
        if !c.same_sent(a.s, b.s) || b.s < a.e || b.s - a.e > 4 {
            out.push(a);
            continue;
        }
        let mut gap = c.join_low(a.e, b.s);
        // "$500,000 to more than $1 million": the approximation is b's.
        if let Some(rest) = gap.strip_prefix("to ") {
            if Class::Approx.contains(rest) {
                gap = "to".into();
            }
        }
        let pre = before_figure(c, a.s);
        let before = c.lower(pre);
        let between = before == "between";
        let dash = matches!(gap.as_str(), "-" | "–" | "—");
        let conn = match gap.as_str() {
            "to" | "to -" | "-" | "–" | "—" => true,
            "and" => between,
            "or" => a.unit.is_none() && a.counts.is_none() && !a.money,
            _ => false,
        };
        let plain = a.shape == Shape::Plain && b.shape == Shape::Plain;
        let units_ok = a.unit.is_none() && (!a.money || b.money)
            || a.unit == b.unit
            || a.unit.as_deref().is_some_and(|u| {
                b.unit
                    .as_deref()
                    .is_some_and(|v| v.starts_with(u) && v[u.len()..].starts_with(" per "))
            });
        if !conn || !plain || !units_ok || a.counts.is_some() {
            out.push(a);
            continue;
        }
        // "rose from 240 to 273", "increased by $43.6bn to $419.2bn": a change.
        // ("dropped by 1 to 1.5 degrees" is a range of changes.)
        if gap.starts_with("to")
            && (before == "by" && a.unit.is_some()
                || change_before(c, a.s, 3) && before != "by"
                || before == "from" && change_before(c, pre, 6))
        {
            out.push(a);
            continue;
        }
        let b = it.next().unwrap_or_else(|| a.clone());
        let ints = |x: &Cand| {
            x.value
                .is_some_and(|v| v.fract() == 0.0 && (0.0..=200.0).contains(&v))
                && x.unit.is_none()
                && !x.spelled
        };
        let score_ctx = matches!(
            before,
            "won"
                | "lost"
                | "beat"
                | "drew"
                | "defeated"
                | "trailed"
                | "led"
                | "at"
                | "tied"
                | "a"
                | "the"
                | "by"
        ) || matches!(
            c.lower(b.e),
            "win"
                | "victory"
                | "defeat"
                | "loss"
                | "lead"
                | "draw"
                | "down"
                | "up"
                | "win,"
                | "scoreline"
        );
        let score =
            dash && ints(&a) && ints(&b) && (a.value >= b.value || score_ctx && b.counts.is_none());
        let s = if before == "between" { pre } else { a.s };
        if score {
            out.push(Cand {
                s,
                e: b.core_e,
                core_e: b.core_e,
                value: None,
                unit: Some("score".into()),
                counts: None,
                approx: false,
                shape: Shape::Score,
                money: false,
                spelled: false,
                relations: Vec::new(),
            });
        } else {
            out.push(Cand {
                s,
                e: b.e,
                core_e: b.core_e,
                value: None,
                unit: b.unit.clone().or(a.unit.clone()),
                counts: b.counts.clone(),
                approx: a.approx || b.approx,
                shape: Shape::Range,
                money: a.money || b.money,
                spelled: a.spelled && b.spelled,
                relations: Vec::new(),
            });
        }
    }
    out
}

/// How two neighbouring figures relate, from the words between them.
fn relation(c: &Ctx, a: &Cand, b: &Cand) -> Option<RelationKind> {
    if !c.same_sent(a.s, b.s) || b.s < a.e || b.s - a.e > 8 {
        return None;
    }
    // Where a's words begin, past an approximation ("rose as much as 8%").
    let a0 = before_figure(c, a.s).wrapping_add(1);
    let gap: Vec<&str> = (a.e..b.s).map(|k| c.lower(k)).collect();
    let has = |w: &str| gap.contains(&w);
    let g = gap.join(" ");
    // Ratio: "one in five", "one out of three", "3 per 1,000", "1 for every 10".
    // ("12 goals in 20 games" is no ratio: "in" needs a bare first number.)
    if matches!(
        g.as_str(),
        "out of" | "of every" | "for every" | "in every" | "per" | "every" | "per every"
    ) || g == "in" && a.counts.is_none() && a.unit.is_none()
    {
        return Some(RelationKind::Ratio);
    }
    // "eight of 10 avocados"
    if g == "of"
        && a.unit.is_none()
        && a.counts.is_none()
        && matches!((a.value, b.value), (Some(x), Some(y)) if x < y)
    {
        return Some(RelationKind::Ratio);
    }
    // Exchange.
    let time_b = b.unit.as_deref().is_some_and(time_unit);
    if has("exchange")
        || has("return") && has("for")
        || (has("swap") || has("swapped") || has("traded") || has("exchanged")) && has("for")
    {
        return Some(RelationKind::Exchange);
    }
    if gap.first() == Some(&"for")
        && gap.len() <= 3
        && !time_b
        && b.unit.as_deref() != Some("percentage")
    {
        return Some(RelationKind::Exchange);
    }
    // Comparison.
    if (a.shape == Shape::Multiplier || b.shape == Shape::Multiplier)
        && gap.len() <= 6
        && (has("the") || has("as") || has("than") || has("that") || has("of"))
    {
        return Some(RelationKind::Comparison);
    }
    if gap.len() <= 6
        && (has("compared")
            || has("versus")
            || has("vs")
            || has("vs.")
            || has("against")
            || has("than"))
    {
        return Some(RelationKind::Comparison);
    }
    // Change.
    if gap.len() <= 5
        && has("from")
        && (change_before(c, a0, 4) || has("up") || has("down") || has("to"))
    {
        return Some(RelationKind::Change);
    }
    if gap.len() <= 4
        && (has("to") || has("at"))
        && (change_before(c, a0, 3)
            || c.lower(a0.wrapping_sub(1)) == "by"
            || c.lower(a0.wrapping_sub(1)) == "from")
    {
        return Some(RelationKind::Change);
    }
    if gap.len() <= 3
        && (has("up") || has("down") || has("rising") || has("falling"))
        && (a.unit.as_deref() == Some("percentage") || b.unit.as_deref() == Some("percentage"))
    {
        return Some(RelationKind::Change);
    }
    None
}

/// Merges ranges and scores, then links related figures both ways.
pub fn link(c: &Ctx, v: Vec<Cand>) -> Vec<Cand> {
    let mut v = merge(c, v);
    for i in 1..v.len() {
        if let Some(kind) = relation(c, &v[i - 1], &v[i]) {
            v[i - 1].relations.push((kind, i));
            v[i].relations.push((kind, i - 1));
            // "from 4.8 to 4.7 percent", "from 21 mpg to 23": the two ends
            // of a change share a unit written once.
            if kind == RelationKind::Change
                && c.lower_back(v[i - 1].s, 1) == "from"
                && c.join_low(v[i - 1].e, v[i].s).split(' ').any(|w| w == "to")
            {
                if v[i - 1].unit.is_none() && v[i - 1].counts.is_none() {
                    v[i - 1].unit = v[i].unit.clone();
                } else if v[i].unit.is_none() && v[i].counts.is_none() {
                    v[i].unit = v[i - 1].unit.clone();
                }
            }
        }
    }
    v
}
