//! Direct quotations and who said them.
//!
//! The layer runs in four steps over the tokens of [`Doc`], each in its own
//! module, with no regular expressions and no backtracking:
//!
//! 1. [`marks`]: quotation marks are told apart from apostrophes and paired
//!    within each paragraph (with the news convention for quotes that run
//!    over paragraphs);
//! 2. [`attribution`]: a reporting verb next to each quotation ties it to a
//!    speaker mention (“…,” said X / X said: “…” / according to X / “…” — X);
//! 3. [`speech`]: scare quotes, titles and nicknames are set aside;
//! 4. [`speakers`]: mentions become canonical speakers through the parties
//!    layer (names), the salient or nearest compatible person (pronouns), or
//!    stay descriptions (anonymous sources, documents). Quotations without a
//!    cue of their own take the speaker of the quotation next to them in the
//!    paragraph, or of the previous paragraph when they open theirs;
//! 5. [`rank`]: the rules' speaker of each quotation is one candidate among
//!    the other attributions, the neighbouring quotations' speakers and the
//!    names and pronouns nearby, and a linear model learned on annotated
//!    news ([`learn`], `presslens train speakers`) picks one.
//!
//! What a reported quotation is:
//! - its span covers its marks, inside one paragraph. A quotation that runs
//!   over paragraphs by the news convention (a paragraph opening a quote
//!   without closing it, the next opening with a mark) is reported as one
//!   [`Quote`] per paragraph, all with the same speaker; nested quotations
//!   are part of their host;
//! - it is a direct quotation of an utterance: partial quotations woven into
//!   the reporter's sentence (`said the plan would “fail miserably.”`, `the
//!   “objective” journalist`) are not reported, nor are titles and
//!   nicknames;
//! - `speaker` is None when no cue or neighbouring quotation names one.
//!
//! Cost: one pass over the tokens to pair marks, bounded windows around each
//! quotation for cues, and lookups in indexes built once per document.
//!
//! Word lists live in `data/quotes_*.txt` ([`words`]).

pub(crate) mod attribution;
pub mod learn;
pub(crate) mod marks;
pub(crate) mod np;
pub mod rank;
pub(crate) mod speakers;
pub(crate) mod speech;
pub(crate) mod words;

use crate::report::{Cue, Party, Quote, Speaker};
use crate::text::Doc;

use attribution::Attribution;
use marks::QuoteSpan;
use rank::Model;
use speakers::Resolver;

/// Finds the direct quotations in `doc`, resolving speakers against `parties`
/// with the speaker model compiled into the engine.
///
/// Never panics; every span lies inside the text and inside one paragraph.
pub fn find(doc: &Doc, parties: &[Party]) -> Vec<Quote> {
    find_with(doc, parties, rank::model())
}

/// [`find`] with a given speaker model (the trainer scores its own).
pub fn find_with(doc: &Doc, parties: &[Party], model: &Model) -> Vec<Quote> {
    let pass = Pass::new(doc, parties);
    let mut speakers = rank::choose(&pass, model);
    let Pass {
        spans,
        keep,
        mut cues,
        ..
    } = pass;
    let mut out = Vec::new();
    for (k, q) in spans.iter().enumerate() {
        if !keep[k] {
            continue;
        }
        out.push(Quote {
            start: q.start,
            end: q.end,
            text: doc.text[q.start..q.end].to_string(),
            speaker: speakers[k].take(),
            cue: cues[k].take(),
        });
    }
    out
}

/// The rule pass over one document: quotation spans, their attributions,
/// which are speech, and the speakers the rules give them. The speaker
/// ranking ([`rank`]) starts from it, and the trainer reads it.
pub struct Pass<'a> {
    /// The document.
    pub doc: &'a Doc<'a>,
    /// Every quotation span the marks delimit.
    pub spans: Vec<QuoteSpan>,
    /// The attribution the rules chose for each span.
    pub attrs: Vec<Option<Attribution>>,
    /// The attributions after and before each span that name a mention,
    /// whichever the rules chose (candidates for the ranking).
    pub alts: Vec<[Option<Attribution>; 2]>,
    /// Which spans are reported (speech, not scare quotes or titles).
    pub keep: Vec<bool>,
    /// The rules' speakers: own attribution, else inherited.
    pub rule: Vec<Option<Speaker>>,
    /// The cue of each span's attribution.
    pub cues: Vec<Option<Cue>>,
    /// Canonical names and pronoun resolution over the document.
    pub resolver: Resolver<'a>,
}

impl<'a> Pass<'a> {
    /// The rules' pass over `doc`, with the parties already found in it.
    pub fn new(doc: &'a Doc<'a>, parties: &'a [Party]) -> Pass<'a> {
        let spans = marks::find_spans(doc);
        let resolver = Resolver::new(doc, parties);
        let n = spans.len();
        // 1. Attribution of each span on its own.
        let mut attrs: Vec<Option<Attribution>> = Vec::with_capacity(n);
        let mut alts = Vec::with_capacity(n);
        for k in 0..n {
            let found = attribution::attribute(doc, &spans, k);
            attrs.push(found.chosen);
            alts.push(found.named);
        }
        // 2. Speech or not.
        let keep: Vec<bool> = spans
            .iter()
            .zip(&attrs)
            .map(|(q, a)| speech::is_speech(&speech::shape(doc, q), q, a.map(|a| a.how)))
            .collect();
        // 3. Speakers and cues of the kept spans.
        let mut rule: Vec<Option<Speaker>> = vec![None; n];
        let mut cues: Vec<Option<Cue>> = vec![None; n];
        for k in 0..n {
            if !keep[k] {
                continue;
            }
            if let Some(a) = attrs[k] {
                rule[k] = a.np.map(|np| resolver.speaker(np));
                cues[k] = a.cue.map(|(s, e)| {
                    let (s, e) = (doc.tokens[s].start, doc.tokens[e].end);
                    Cue {
                        text: doc.text[s..e].to_string(),
                        start: s,
                        end: e,
                    }
                });
            }
        }
        inherit(doc, &spans, &keep, &mut rule, &resolver);
        Pass {
            doc,
            spans,
            attrs,
            alts,
            keep,
            rule,
            cues,
            resolver,
        }
    }
}

/// How many neighbouring quotations a quotation without a cue looks at for
/// a speaker (a bound that keeps pathological inputs linear).
const NEIGHBOURS: usize = 16;

/// Gives speakers to kept quotations without one: along a multi-paragraph
/// quotation, from the neighbouring quotation in the paragraph, and from the
/// previous paragraph for a quotation that opens its own.
fn inherit(
    doc: &Doc,
    spans: &[QuoteSpan],
    keep: &[bool],
    speakers: &mut [Option<Speaker>],
    resolver: &Resolver,
) {
    share_along_chains(spans, speakers);
    from_paragraph_neighbours(spans, keep, speakers);
    from_previous_paragraph(doc, spans, keep, speakers, resolver);
}

/// Multi-paragraph quotations share one speaker: each paragraph takes the
/// nearest speaker before it in the chain, else the first one after it.
fn share_along_chains(spans: &[QuoteSpan], speakers: &mut [Option<Speaker>]) {
    let n = spans.len();
    let mut k = 0;
    while k < n {
        let mut e = k;
        while e + 1 < n && spans[e].cont_next && spans[e + 1].cont_prev {
            e += 1;
        }
        if e > k {
            let mut last: Option<Speaker> = None;
            for sp in speakers.iter_mut().take(e + 1).skip(k) {
                match sp {
                    Some(s) => last = Some(s.clone()),
                    None => *sp = last.clone(),
                }
            }
            let first = (k..=e).find_map(|i| speakers[i].clone());
            for sp in speakers.iter_mut().take(e + 1).skip(k) {
                if sp.is_none() {
                    *sp = first.clone();
                }
            }
        }
        k = e + 1;
    }
}

/// Within a paragraph, a quotation without a speaker takes the previous
/// kept quotation's, else the next one's.
fn from_paragraph_neighbours(spans: &[QuoteSpan], keep: &[bool], speakers: &mut [Option<Speaker>]) {
    let n = spans.len();
    for k in 0..n {
        if !keep[k] || speakers[k].is_some() {
            continue;
        }
        let prev = (0..k)
            .rev()
            .take_while(|&i| spans[i].para == spans[k].para)
            .take(NEIGHBOURS)
            .find(|&i| keep[i] && speakers[i].is_some());
        let next = (k + 1..n)
            .take_while(|&i| spans[i].para == spans[k].para)
            .take(NEIGHBOURS)
            .find(|&i| keep[i] && speakers[i].is_some());
        if let Some(i) = prev.or(next) {
            speakers[k] = speakers[i].clone();
        }
    }
}

/// A quotation that opens its paragraph continues the previous paragraph:
/// it takes the speaker of a cue ending it ("Caddell continued:"), else of
/// its last quotation.
fn from_previous_paragraph(
    doc: &Doc,
    spans: &[QuoteSpan],
    keep: &[bool],
    speakers: &mut [Option<Speaker>],
    resolver: &Resolver,
) {
    for k in 0..spans.len() {
        if !keep[k] || speakers[k].is_some() || doc.paragraphs[spans[k].para].start != spans[k].open
        {
            continue;
        }
        let p = spans[k].para;
        if p == 0 {
            continue;
        }
        let prev_para = &doc.paragraphs[p - 1];
        if prev_para.is_empty() {
            continue;
        }
        if doc.tok(prev_para.end - 1) == ":" {
            if let Some(a) = attribution::before(doc, &spans[k], prev_para.start) {
                if let Some(np) = a.np {
                    speakers[k] = Some(resolver.speaker(np));
                    continue;
                }
            }
        }
        let last = (0..k)
            .rev()
            .take_while(|&i| spans[i].para + 1 >= p)
            .take(NEIGHBOURS)
            .find(|&i| keep[i] && spans[i].para == p - 1 && speakers[i].is_some());
        if let Some(i) = last {
            speakers[k] = speakers[i].clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str) -> Vec<Quote> {
        find(&Doc::new(t), &[])
    }

    fn speaker(q: &Quote) -> &str {
        q.speaker.as_ref().map_or("", |s| s.name.as_str())
    }

    #[test]
    fn said_after_and_before() {
        let q = quotes("“We will win this election easily,” said Jane Doe.");
        assert_eq!(q.len(), 1);
        assert_eq!(speaker(&q[0]), "Jane Doe");
        let q = quotes("Jane Doe said: “We will win this election easily.”");
        assert_eq!(speaker(&q[0]), "Jane Doe");
    }

    #[test]
    fn short_scare_quotes_are_not_speech() {
        assert!(quotes("He called it “objective” journalism.").is_empty());
        // Negative: a short quote with a cue is speech.
        assert_eq!(quotes("“Not now,” she said.").len(), 1);
    }

    #[test]
    fn anonymous_source() {
        let q = quotes("“We are awaiting a response from them,” said a senior official.");
        let s = q[0].speaker.as_ref().unwrap();
        assert!(!s.named);
        assert_eq!(s.name, "a senior official");
        // Negative: a named speaker is named.
        let q = quotes("“We are awaiting a response from them,” said Jane Doe.");
        assert!(q[0].speaker.as_ref().unwrap().named);
    }

    #[test]
    fn quote_only_paragraph_continues_previous_speaker() {
        let q = quotes("“We will win this election easily,” said Jane Doe.\n\n“And then we will govern for everyone in the land.”");
        assert_eq!(q.len(), 2);
        assert_eq!(speaker(&q[1]), "Jane Doe");
        // Negative: a paragraph in between breaks the chain.
        let q = quotes("“We will win this election easily,” said Jane Doe.\n\nThe rally ended late.\n\n“And then we will govern for everyone in the land.”");
        assert_eq!(q.len(), 2);
        assert!(q[1].speaker.is_none());
    }

    #[test]
    fn second_quote_in_paragraph_takes_the_first_speaker() {
        let q = quotes(
            "“This is in their heads,” said Caddell. “It is one of the things worrying them.”",
        );
        assert_eq!(q.len(), 2);
        assert_eq!(speaker(&q[1]), "Caddell");
    }

    #[test]
    fn pronoun_resolves_to_person() {
        let q = quotes("Jane Doe spoke at the rally on Monday.\n\n“We will win this election easily,” she said.");
        let s = q[0].speaker.as_ref().unwrap();
        assert_eq!(s.name, "Jane Doe");
        assert_eq!(s.end - s.start, 3);
    }

    #[test]
    fn colon_continues_into_next_paragraph() {
        let q = quotes(
            "Caddell continued:\n\n\"The health issue overall is very much a partisan issue.\"",
        );
        assert_eq!(speaker(&q[0]), "Caddell");
    }
}
