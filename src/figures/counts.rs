//! What a figure counts: the noun phrase after a number.
//!
//! Without a tagger, a counted phrase is read as a short run of content
//! words: it stops at function words, common verbs and punctuation, and after
//! its first plural noun when the number is more than one ("400 security
//! prisoners freed" counts "security prisoners"). Trailing "-ed"/"-ing"/"-ly"
//! words are dropped ("seven countries surveyed" counts "countries").

use super::lex::Ctx;
use crate::lexicon::{Class, WordSet};
use crate::text::ends_possessive;

/// Words that never belong to a counted noun phrase.
static STOP: WordSet = WordSet::of(Class::FigureStop);

/// Whether `w` (lowercase) can never be part of a counted phrase.
pub fn is_stop(w: &str) -> bool {
    STOP.contains(w)
}

/// Whether `w` (lowercase) looks like a plural noun.
pub fn is_plural(w: &str) -> bool {
    Class::PluralHead.contains(w)
        || w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !ends_possessive(w)
}

fn content_word(c: &Ctx, j: usize) -> bool {
    let t = c.tok(j);
    let acronym = t.len() >= 2 && t.chars().all(|ch| ch.is_uppercase());
    let negation = c.lower(j).ends_with("n’t") || c.lower(j).ends_with("n't");
    c.is_word(j)
        && !negation
        && (acronym || !is_stop(c.lower(j)))
        && c.tok(j).chars().next().is_some_and(|ch| ch.is_alphabetic())
        && !c.tok(j).contains('.')
}

/// The counted phrase starting at token `k`: its token span. With `many`,
/// the phrase ends at its first plural noun.
pub fn phrase(c: &Ctx, k: usize, many: bool) -> Option<(usize, usize)> {
    let mut j = k;
    // "25 million more people", "two additional staff", "one of the most
    // expensive cities": a comparative or superlative word is no noun.
    if matches!(
        c.lower(j),
        "more" | "fewer" | "less" | "additional" | "extra" | "other" | "most" | "least"
    ) && content_word(c, j + 1)
    {
        j += 1;
    }
    let superlative = j > k && matches!(c.lower(k), "most" | "least");
    let k = j;
    let mut words: Vec<(usize, usize)> = Vec::new();
    while words.len() < 4 && c.same_sent(j, k) && content_word(c, j) {
        // Hyphenated compounds: "first-team", "loan-to-value".
        let mut e = j + 1;
        while c.tok(e) == "-" && c.stuck(e) && c.stuck(e + 1) && c.is_word(e + 1) {
            e += 2;
        }
        let last = c.lower(e - 1);
        // With one counted, a word in "s" after the head is a verb: "her
        // 14-year-old daughter attends".
        if !many && !words.is_empty() && is_plural(last) && !Class::PluralHead.contains(last) {
            break;
        }
        words.push((j, e));
        if many && is_plural(last) && !c.tok(e).starts_with('’') {
            break;
        }
        // A possessive starts the phrase afresh: "of Hillary Clinton’s
        // campaign donors" counts "campaign donors".
        if ends_possessive(last) || c.tok(e) == "’" && c.stuck(e) && last.ends_with('s') {
            words.clear();
            j = if c.tok(e) == "’" { e + 1 } else { e };
            continue;
        }
        j = e;
    }
    while let Some(&(_, e)) = words.last() {
        let w = c.lower(e - 1);
        let verbish =
            w.ends_with("ed") || w.ends_with("ing") && !w.ends_with("thing") || w.ends_with("ly");
        if !verbish {
            break;
        }
        words.pop();
    }
    let first = words.first()?.0;
    let last = words.last()?.1;
    // After "most" the phrase must reach its plural noun: "one of the most
    // famous" counts nothing.
    if superlative && !is_plural(c.lower(last - 1)) {
        return None;
    }
    Some((first, last))
}

/// An "of" phrase at token `k`: "of the Fortune 100" no, "of oil", "of its
/// revenue". Returns the phrase span and whether a determiner stood before
/// it (then the phrase is not part of the figure's text).
pub fn of_phrase(c: &Ctx, k: usize, many: bool) -> Option<((usize, usize), bool)> {
    if c.lower(k) != "of" || !c.same_sent(k, k + 1) {
        return None;
    }
    let mut j = k + 1;
    let mut det = false;
    while Class::Determiner.contains(c.lower(j)) || matches!(c.lower(j), "all" | "a" | "an") {
        det = true;
        j += 1;
    }
    // After a possessive restart ("of Hillary Clinton’s campaign donors")
    // the phrase does not join the figure's text either.
    phrase(c, j, many).map(|p| (p, det || p.0 != j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn counted(text: &str, k: usize, many: bool) -> Option<String> {
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        phrase(&c, k, many).map(|(s, e)| {
            let (a, b) = c.span(s, e);
            text[a..b].to_string()
        })
    }

    #[test]
    fn counted_phrases() {
        assert_eq!(
            counted("400 security prisoners freed today", 1, true).as_deref(),
            Some("security prisoners")
        );
        assert_eq!(
            counted("7 European countries surveyed in", 1, true).as_deref(),
            Some("European countries")
        );
        assert_eq!(
            counted("14 first-team players left", 1, true).as_deref(),
            Some("first-team players")
        );
        assert_eq!(
            counted("6 week pause before Ramadan", 2, false).as_deref(),
            Some("pause")
        );
        assert_eq!(
            counted("one of the most expensive cities in", 3, true).as_deref(),
            Some("expensive cities")
        );
        assert_eq!(counted("one of the most famous in", 3, true), None);
        assert_eq!(counted("40 of the", 1, true), None);
        assert_eq!(counted("40 died", 1, true), None);
    }
}
