//! Speaker ranking: the rules' choice is one candidate among several, and a
//! linear model learned on annotated news picks the speaker.
//!
//! For each reported quotation the candidates are
//! - the rules' speaker (its own attribution, or the one it inherited),
//! - the attributions after and before it, whichever the rules preferred,
//! - the speakers of the quotations next to it in the paragraph, of the last
//!   quotation of the previous paragraph and of the last quotation before it
//!   (continuity across the article),
//! - the names and subject pronouns near it: the previous paragraph and its
//!   own, outside quotations, the nearest few on each side.
//!
//! Each candidate is described by binary features (where it comes from, what
//! sort of mention it is, how far it stands in sentences and tokens, whether a
//! reporting verb or a verb-like word follows it, its position in the
//! sentence, how often and how lately the article quoted it); the model is a
//! weight per feature, and the candidate with the highest sum wins, the rules'
//! candidate first on ties. Weights are learned ([`super::learn`]) by
//! `presslens train speakers` and compiled in from
//! `data/quotes_speakers.model`; without a model that matches the features,
//! the rules' speakers are kept as they are.
//!
//! Cost: a bounded number of candidates per quotation, each resolved once per
//! document (mentions are cached by position), and a few dozen features.

use std::sync::OnceLock;

use crate::lexicon::FastMap;
use crate::report::{PartyKind, Speaker};
use crate::text::{Doc, TokenKind};

use super::attribution::How;
use super::marks;
use super::np::{Np, NpKind};
use super::speakers::{is_headline, is_verb_like};
use super::words::{self, Pronoun, ADVERBS, FUNCTION_WORDS};
use super::{Pass, QuoteSpan};

/// Feature templates; a feature is a template and a value below [`STRIDE`].
#[derive(Debug, Clone, Copy)]
enum T {
    /// Where the candidate comes from (one feature per source).
    Src,
    /// Source × the quotation's place in its paragraph.
    SrcQpos,
    /// Mention sort × what it resolved to.
    Kind,
    /// Position relative to the quotation (same sentence before or after,
    /// sentences before or after, previous or earlier paragraph, inside as a
    /// transcript label) × mention sort.
    PosKind,
    /// Position × the quotation's place in its paragraph.
    PosQpos,
    /// Token distance, before or after.
    Dist,
    /// What stands right after or before the mention (reporting verb, verb-like
    /// word, comma, colon), × before/after the quotation.
    Cue,
    /// Subject position: sentence-initial, after a comma or conjunction, after
    /// a preposition or determiner, after a closing mark.
    Subj,
    /// Earlier quotations given to this name × whether it was the last one.
    Salience,
    /// The rules' own attribution of the quotation × whether this candidate
    /// is it.
    OwnHow,
    /// Words in the name × what it resolved to.
    NameLen,
    /// Another quotation or a paragraph break between mention and quotation.
    Between,
    /// How many candidates share this name.
    Support,
    /// The mention's own shape: possessive ("Clinton’s"), shouted ("PENCE").
    Shape,
    Count,
}

/// Values per template.
pub const STRIDE: usize = 64;
/// Length of a weight vector.
pub const N_FEATS: usize = T::Count as usize * STRIDE;
/// Changes whenever features change, so that a stale model is not read
/// against the wrong features.
pub const FEATURES_ID: u16 = 2;

fn feat(t: T, v: usize) -> u16 {
    (t as usize * STRIDE + v.min(STRIDE - 1)) as u16
}

/// Candidate sources, as bits.
const SRC_RULE_OWN: u16 = 1 << 0;
const SRC_RULE_INHERITED: u16 = 1 << 1;
const SRC_AFTER: u16 = 1 << 2;
const SRC_BEFORE: u16 = 1 << 3;
const SRC_PREV_Q: u16 = 1 << 4;
const SRC_NEXT_Q: u16 = 1 << 5;
const SRC_PREV_PARA: u16 = 1 << 6;
const SRC_LAST: u16 = 1 << 7;
const SRC_WINDOW: u16 = 1 << 8;
const N_SRC: usize = 9;

/// Window candidates kept on each side of a quotation.
const WINDOW_BEFORE: usize = 6;
const WINDOW_AFTER: usize = 3;
/// Tokens looked at on each side of a quotation for nearby names.
const WINDOW_TOKENS: usize = 160;
/// Quotations looked back over for the last speaker.
const LOOK_BACK: usize = 16;

/// One candidate speaker of one quotation, with its features.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The speaker it would give the quotation.
    pub speaker: Speaker,
    /// Its feature ids.
    pub feats: Vec<u16>,
}

/// The candidates of one reported quotation (token span `open..=close` of
/// `Pass::spans[span]`), the rules' candidate first when there is one.
#[derive(Debug, Clone)]
pub struct QuoteCandidates {
    /// Index of the quotation in `Pass::spans`.
    pub span: usize,
    /// Its candidates.
    pub cands: Vec<Candidate>,
    /// Whether `cands[0]` is the rules' speaker (else the rules gave none).
    pub rule_first: bool,
}

/// A learned weight per feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    weights: Vec<i32>,
}

const MAGIC: &[u8; 4] = b"PLSK";

impl Model {
    /// Rounds learned weights to 16 bits, the largest to ±32767.
    pub fn from_weights(w: &[f64]) -> Model {
        let max = w.iter().fold(0f64, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 0.0 };
        Model {
            weights: (0..N_FEATS)
                .map(|i| (w.get(i).copied().unwrap_or(0.0) * scale).round() as i32)
                .collect(),
        }
    }

    /// The model file: magic, features id, count, then i16 little-endian weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(10 + 2 * self.weights.len());
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FEATURES_ID.to_le_bytes());
        b.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for &w in &self.weights {
            b.extend_from_slice(&(w.clamp(-32767, 32767) as i16).to_le_bytes());
        }
        b
    }

    /// Reads a model file; None when it is not one, or was made for other
    /// features.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 10 || &b[..4] != MAGIC {
            return None;
        }
        let id = u16::from_le_bytes([b[4], b[5]]);
        let n = u32::from_le_bytes([b[6], b[7], b[8], b[9]]) as usize;
        if id != FEATURES_ID || n != N_FEATS || b.len() != 10 + 2 * n {
            return None;
        }
        let weights = b[10..]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as i32)
            .collect();
        Some(Model { weights })
    }

    /// A model with no weights: the rules' speakers stand.
    pub fn empty() -> Model {
        Model {
            weights: Vec::new(),
        }
    }

    /// A model with no weight (the rules' choice stands).
    pub fn is_empty(&self) -> bool {
        self.weights.iter().all(|&w| w == 0)
    }

    /// A candidate's score: the sum of its features' weights.
    pub fn score(&self, feats: &[u16]) -> i64 {
        feats
            .iter()
            .map(|&f| self.weights.get(f as usize).copied().unwrap_or(0) as i64)
            .sum()
    }

    /// The index of the best candidate: the highest score, the earliest on ties.
    pub fn best(&self, cands: &[Candidate]) -> Option<usize> {
        let mut best: Option<(usize, i64)> = None;
        for (i, c) in cands.iter().enumerate() {
            let s = self.score(&c.feats);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.map(|b| b.0)
    }
}

static MODEL_FILE: &[u8] = include_bytes!("../../data/quotes_speakers.model");
static MODEL: OnceLock<Model> = OnceLock::new();

/// The speaker model compiled into the engine, read once.
pub fn model() -> &'static Model {
    MODEL.get_or_init(|| Model::from_bytes(MODEL_FILE).unwrap_or_else(Model::empty))
}

/// The speaker of each span of `pass` (None for spans not kept, or with no
/// candidate).
pub fn choose(pass: &Pass, model: &Model) -> Vec<Option<Speaker>> {
    if model.is_empty() {
        return pass
            .rule
            .iter()
            .map(|s| s.clone().filter(|s| !words::is_event_name(&s.name)))
            .collect();
    }
    let mut out = vec![None; pass.spans.len()];
    for qc in candidates(pass) {
        if let Some(b) = model.best(&qc.cands) {
            out[qc.span] = qc.cands.into_iter().nth(b).map(|c| c.speaker);
        }
    }
    out
}

/// A candidate being gathered: its speaker, mention tokens and sources.
struct Gather {
    speaker: Speaker,
    first: usize,
    last: usize,
    np: Option<NpKind>,
    srcs: u16,
}

/// Sort of mention, for features: name, he, she, they, it, first person,
/// description.
fn mention_sort(np: Option<NpKind>, speaker: &Speaker) -> usize {
    match np {
        Some(NpKind::Name) => 0,
        Some(NpKind::Pronoun(p)) => match p {
            Pronoun::He => 1,
            Pronoun::She => 2,
            Pronoun::They => 3,
            Pronoun::It => 4,
            Pronoun::First => 5,
        },
        Some(NpKind::Descriptor) => 6,
        None if speaker.named => 0,
        None => 6,
    }
}

/// What a candidate resolved to: a person, an organisation or group, a place,
/// a name the parties layer does not know, or nothing named.
fn resolved_class(doc_parties: &[crate::report::Party], s: &Speaker) -> usize {
    if !s.named {
        return 4;
    }
    match s.party.and_then(|p| doc_parties.get(p)).map(|p| p.kind) {
        Some(PartyKind::Person) => 0,
        Some(PartyKind::Organization | PartyKind::Group) => 1,
        Some(PartyKind::Place) => 2,
        None => 3,
    }
}

fn bucket(d: usize) -> usize {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=8 => 4,
        9..=16 => 5,
        17..=32 => 6,
        _ => 7,
    }
}

/// The candidates of every kept span, with their features: the rules'
/// speaker, the attributions after and before it, the speakers of the
/// neighbouring quotations, and names and pronouns nearby.
pub fn candidates(pass: &Pass) -> Vec<QuoteCandidates> {
    let in_quote = inside_quotes(pass);
    // Mentions resolved once per document, by first token.
    let mut cache = Cache {
        at: vec![u32::MAX; pass.doc.tokens.len()],
        found: Vec::new(),
    };
    // Earlier quotations per speaker name (rules' speakers), in text order.
    let mut quoted: FastMap<&str, usize> = FastMap::default();
    let mut last_name: Option<&str> = None;
    let mut out = Vec::new();
    for k in 0..pass.spans.len() {
        if !pass.keep[k] {
            continue;
        }
        let own = pass.attrs[k].and_then(|a| a.np.map(|np| (a.how, np)));
        let g = gather(pass, k, own, &in_quote, &mut cache);
        let rule_first = g
            .first()
            .is_some_and(|c| c.srcs & (SRC_RULE_OWN | SRC_RULE_INHERITED) != 0);
        let feats: Vec<Vec<u16>> = g
            .iter()
            .map(|c| features(pass, k, c, own.map(|o| o.0), &g, &quoted, last_name))
            .collect();
        let cands = g
            .into_iter()
            .zip(feats)
            .map(|(c, feats)| Candidate {
                speaker: c.speaker,
                feats,
            })
            .collect();
        out.push(QuoteCandidates {
            span: k,
            cands,
            rule_first,
        });
        if let Some(sp) = &pass.rule[k] {
            *quoted.entry(sp.name.as_str()).or_insert(0) += 1;
            last_name = Some(sp.name.as_str());
        }
    }
    out
}

/// The candidates of kept quotation `k` (whose own attribution, if it names
/// a mention, is `own`), in the order ties go by: the rules' speaker, the
/// attributions after and before it and the neighbouring quotations'
/// speakers (unless a transcript label inside it settles the matter), then
/// the names and pronouns nearby.
fn gather(
    pass: &Pass,
    k: usize,
    own: Option<(How, Np)>,
    in_quote: &[bool],
    cache: &mut Cache,
) -> Vec<Gather> {
    let mut g = Gathered {
        pass,
        list: Vec::new(),
    };
    let near = Neighbours::of(pass, k);
    // The speaker quoted last: the salient person a pronoun most likely
    // stands for.
    let salient = near.last.and_then(|i| pass.rule[i].as_ref());
    let rule_speaker = match (own, &pass.rule[k]) {
        (Some((_, np)), Some(_)) if matches!(np.kind, NpKind::Pronoun(_)) => {
            Some(resolve_near(pass, cache, np, salient))
        }
        (_, sp) => sp.clone(),
    };
    if let Some(sp) = rule_speaker {
        let src = if own.is_some() {
            SRC_RULE_OWN
        } else {
            SRC_RULE_INHERITED
        };
        g.add(sp, own.map(|o| o.1.kind), src);
    }
    // A transcript label inside the quotation (“PENCE: …”) is the
    // plainest attribution there is: it stands alone.
    let q = &pass.spans[k];
    let labelled = own.is_some_and(|(_, np)| np.first > q.open && np.last < q.inner.end);
    if !labelled {
        for (alt, src) in pass.alts[k].iter().zip([SRC_AFTER, SRC_BEFORE]) {
            if let Some(np) = alt.and_then(|a| a.np) {
                let sp = resolve_near(pass, cache, np, salient);
                g.add(sp, Some(np.kind), src);
            }
        }
        for (i, src) in near.sources() {
            if let Some(sp) = i.and_then(|i| pass.rule[i].clone()) {
                g.add(sp, None, src);
            }
        }
    }
    add_window(&mut g, q, labelled, in_quote, cache, salient);
    g.list
}

/// Adds the names and subject pronouns near quotation `q`. Where neither
/// the rules nor the neighbouring quotations gave a speaker, only mentions
/// before it are candidates (a speaker introduced earlier: "Carter said …
/// ¶ “That’s because …”"); after it, the rules' reading of cues stands
/// ("“…,” Jane Doe painted." has no speaker). A `labelled` quotation takes
/// none before it.
fn add_window(
    g: &mut Gathered,
    q: &QuoteSpan,
    labelled: bool,
    in_quote: &[bool],
    cache: &mut Cache,
    salient: Option<&Speaker>,
) {
    let pass = g.pass;
    let structural = !g.list.is_empty() && !labelled;
    let (mut before, mut after) = window_mentions(pass, q, in_quote);
    let skip = before.len().saturating_sub(WINDOW_BEFORE);
    if labelled {
        before.clear();
    }
    if !structural {
        after.clear();
    }
    for np in before.into_iter().skip(skip).rev().chain(after) {
        if np.last < in_quote.len() && in_quote[np.last] {
            continue;
        }
        let sp = resolve_near(pass, cache, np, salient);
        g.add(sp, Some(np.kind), SRC_WINDOW);
    }
}

/// The speaker of mention `np` near a quotation whose salient speaker (the
/// one quoted last) is `salient`: a pronoun most likely stands for that one,
/// so it is resolved in context; other mentions are resolved once per
/// document.
fn resolve_near(pass: &Pass, cache: &mut Cache, np: Np, salient: Option<&Speaker>) -> Speaker {
    match np.kind {
        NpKind::Pronoun(p) => pass.resolver.pronoun_in_context(np, p, salient),
        _ => resolve(pass, cache, np),
    }
}

/// Tokens inside quotation marks: never window candidates.
fn inside_quotes(pass: &Pass) -> Vec<bool> {
    let nt = pass.doc.tokens.len();
    let mut in_quote = vec![false; nt];
    for q in &pass.spans {
        let end = q.close.map_or(q.inner.end, |c| c + 1).min(nt);
        for x in in_quote.iter_mut().take(end).skip(q.open) {
            *x = true;
        }
    }
    in_quote
}

/// One quotation's candidates as they are gathered, each speaker span once
/// with every source that gave it.
struct Gathered<'p, 'a> {
    pass: &'p Pass<'a>,
    list: Vec<Gather>,
}

impl Gathered<'_, '_> {
    fn add(&mut self, sp: Speaker, np: Option<NpKind>, src: u16) {
        // Events never speak ("the Fox Business Debate"); a place speaks
        // only as the subject of a cue ("Russia said"), never as a name
        // nearby; a shouted headline ("CONGRESS HAS INVESTIGATED HIM") is
        // not a name.
        if words::is_event_name(&sp.name) {
            return;
        }
        let parties = self.pass.resolver.parties();
        if src == SRC_WINDOW
            && (sp.party.and_then(|p| parties.get(p)).map(|p| p.kind) == Some(PartyKind::Place)
                || is_headline(&sp.name))
        {
            return;
        }
        if let Some(c) = self
            .list
            .iter_mut()
            .find(|c| c.speaker.start == sp.start && c.speaker.end == sp.end)
        {
            c.srcs |= src;
            if c.np.is_none() {
                c.np = np;
            }
            return;
        }
        let doc = self.pass.doc;
        let first = doc.token_at(sp.start);
        let last = doc.token_at(sp.end.saturating_sub(1)).max(first);
        self.list.push(Gather {
            speaker: sp,
            first,
            last,
            np,
            srcs: src,
        });
    }
}

/// The quotations around quotation `k` whose rules gave a speaker: the
/// previous and next in its paragraph, the nearest in the paragraph before,
/// and the last one quoted (this paragraph or the one before).
struct Neighbours {
    prev: Option<usize>,
    next: Option<usize>,
    prev_para: Option<usize>,
    last: Option<usize>,
}

impl Neighbours {
    fn of(pass: &Pass, k: usize) -> Neighbours {
        let spans = &pass.spans;
        let q = &spans[k];
        let kept_rule = |i: usize| pass.keep[i] && pass.rule[i].is_some();
        let back = || (0..k).rev().take_while(|&i| spans[i].para + 1 >= q.para);
        Neighbours {
            prev: (0..k)
                .rev()
                .take_while(|&i| spans[i].para == q.para)
                .take(LOOK_BACK)
                .find(|&i| kept_rule(i)),
            next: (k + 1..spans.len())
                .take_while(|&i| spans[i].para == q.para)
                .take(LOOK_BACK)
                .find(|&i| kept_rule(i)),
            prev_para: back()
                .take(LOOK_BACK)
                .find(|&i| kept_rule(i) && spans[i].para + 1 == q.para),
            last: back().take(LOOK_BACK).find(|&i| kept_rule(i)),
        }
    }

    /// Each neighbour with the source it is a candidate as.
    fn sources(&self) -> [(Option<usize>, u16); 4] {
        [
            (self.prev, SRC_PREV_Q),
            (self.next, SRC_NEXT_Q),
            (self.prev_para, SRC_PREV_PARA),
            (self.last, SRC_LAST),
        ]
    }
}

/// Names and subject pronouns (he, she, they) outside quotation marks
/// before quotation `q` (from the paragraph before) and after it (to its
/// paragraph's end, at most [`WINDOW_AFTER`]), at most [`WINDOW_TOKENS`] on
/// each side, so that a paragraph of many quotations costs linear time.
fn window_mentions(pass: &Pass, q: &QuoteSpan, in_quote: &[bool]) -> (Vec<Np>, Vec<Np>) {
    let doc = pass.doc;
    let para = &doc.paragraphs[q.para];
    let lo = if q.para > 0 {
        doc.paragraphs[q.para - 1].start
    } else {
        para.start
    };
    let close = q.close.unwrap_or(q.inner.end.saturating_sub(1));
    let lo = lo.max(q.open.saturating_sub(WINDOW_TOKENS));
    let hi = para.end.min(close + 1 + WINDOW_TOKENS);
    let mut before: Vec<Np> = Vec::new();
    let mut after: Vec<Np> = Vec::new();
    let names = pass.resolver.names_in(lo, hi);
    let mut ni = 0;
    let mut t = lo;
    while t < hi {
        if in_quote[t] {
            t += 1;
            continue;
        }
        while ni < names.len() && names[ni].0 < t {
            ni += 1;
        }
        let np = if ni < names.len() && names[ni].0 == t {
            let (f, nf, l) = names[ni];
            ni += 1;
            Some(Np {
                first: f,
                last: l,
                name_first: nf,
                kind: NpKind::Name,
            })
        } else {
            // he, she, they: short words only (skips the lookup for most).
            let short = doc.tokens[t].end - doc.tokens[t].start <= 4;
            short
                .then(|| words::pronoun(doc.tok(t)))
                .flatten()
                .filter(|&p| p != Pronoun::First && p != Pronoun::It)
                .map(|p| Np {
                    first: t,
                    last: t,
                    name_first: t,
                    kind: NpKind::Pronoun(p),
                })
        };
        match np {
            Some(np) if np.last < q.open => {
                before.push(np);
                t = np.last + 1;
            }
            Some(np) if np.first > close => {
                after.push(np);
                if after.len() >= WINDOW_AFTER {
                    break;
                }
                t = np.last + 1;
            }
            _ => t += 1,
        }
    }
    (before, after)
}

/// The speaker of mention `np`, resolved once per document.
fn resolve(pass: &Pass, cache: &mut Cache, np: Np) -> Speaker {
    let slot = cache.at.get(np.first).copied().unwrap_or(u32::MAX) as usize;
    if let Some((last, sp)) = cache.found.get(slot) {
        if *last == np.last {
            return sp.clone();
        }
        return pass.resolver.speaker(np);
    }
    let sp = pass.resolver.speaker(np);
    if let Some(a) = cache.at.get_mut(np.first) {
        *a = cache.found.len() as u32;
        cache.found.push((np.last, sp.clone()));
    }
    sp
}

/// Speakers resolved once per document, by their mention's first token:
/// `at[first]` indexes `found`, which holds the mention's last token and its
/// speaker (a vector, not a map: no hashing code in the payload).
struct Cache {
    at: Vec<u32>,
    found: Vec<(usize, Speaker)>,
}

/// The quotation's place in its paragraph: 0 it is the whole paragraph, 1 it
/// opens it, 2 it closes it, 3 it sits inside.
fn quote_place(doc: &Doc, q: &marks::QuoteSpan) -> usize {
    let para = &doc.paragraphs[q.para];
    let close = q.close.unwrap_or(q.inner.end.saturating_sub(1));
    // Only punctuation after the closing mark counts as the end.
    let ends = (close + 1..para.end).all(|x| doc.tokens[x].kind == TokenKind::Punct);
    let opens = q.open == para.start;
    match (opens, ends) {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (false, false) => 3,
    }
}

fn how_index(h: Option<How>) -> usize {
    match h {
        None => 0,
        Some(How::After) => 1,
        Some(How::Before) => 2,
        Some(How::BeforeFar) => 3,
        Some(How::Dash) => 4,
        Some(How::Colon) => 5,
    }
}

fn features(
    pass: &Pass,
    k: usize,
    c: &Gather,
    own: Option<How>,
    all: &[Gather],
    quoted: &FastMap<&str, usize>,
    last_name: Option<&str>,
) -> Vec<u16> {
    let doc = pass.doc;
    let q = &pass.spans[k];
    let mut f = Vec::with_capacity(24);
    let qpos = quote_place(doc, q);
    for b in 0..N_SRC {
        if c.srcs & (1 << b) != 0 {
            f.push(feat(T::Src, b));
            f.push(feat(T::SrcQpos, b * 4 + qpos));
        }
    }
    let sort = mention_sort(c.np, &c.speaker);
    let class = resolved_class(pass.resolver.parties(), &c.speaker);
    f.push(feat(T::Kind, sort * 5 + class));
    // Position in sentences and paragraphs.
    let close = q.close.unwrap_or(q.inner.end.saturating_sub(1));
    let is_after = c.first > close;
    let inside = c.first >= q.open && c.first <= close;
    let pos = position(doc, q, c.first);
    f.push(feat(T::PosKind, pos * 7 + sort));
    f.push(feat(T::PosQpos, pos * 4 + qpos));
    let dist = if is_after {
        c.first - close
    } else {
        q.open.saturating_sub(c.last)
    };
    f.push(feat(T::Dist, bucket(dist) * 2 + is_after as usize));
    // What stands around the mention.
    context_feats(doc, c, is_after, &mut f);
    // Salience: how often and how lately the article quoted this name.
    let times = quoted.get(c.speaker.name.as_str()).copied().unwrap_or(0);
    let is_last = last_name == Some(c.speaker.name.as_str());
    f.push(feat(
        T::Salience,
        times.min(3) * 2 + is_last as usize + 8 * c.speaker.named as usize,
    ));
    f.push(feat(
        T::OwnHow,
        how_index(own) * 2 + (c.srcs & SRC_RULE_OWN != 0) as usize,
    ));
    let name_words = c.speaker.name.split_whitespace().count().min(3);
    f.push(feat(T::NameLen, name_words * 5 + class));
    // Another quotation or a paragraph break in between.
    between_feats(pass, q, c, is_after, &mut f);
    let support = all
        .iter()
        .filter(|o| o.speaker.name == c.speaker.name)
        .count();
    f.push(feat(
        T::Support,
        support.min(4) + 5 * doc.is_cap(c.first) as usize,
    ));
    let last_word = doc.tok(c.last);
    if crate::text::possessive_base(last_word).is_some() {
        f.push(feat(T::Shape, 1 + is_after as usize));
    }
    if last_word.chars().count() > 2 && last_word.chars().all(|ch| !ch.is_lowercase()) {
        f.push(feat(T::Shape, 3 + inside as usize));
    }
    f
}

/// Where mention `first` stands from quotation `q`: 0 in the sentence
/// before the mark, 1 in the sentence after it, 2 and 3 one and more
/// sentences before, 4 later in the paragraph, 5 in the paragraph before,
/// 6 farther, 7 inside the marks.
fn position(doc: &Doc, q: &QuoteSpan, first: usize) -> usize {
    let close = q.close.unwrap_or(q.inner.end.saturating_sub(1));
    let m_para = doc.tokens[first].para;
    if first >= q.open && first <= close {
        7
    } else if m_para == q.para {
        let sm = doc.sentence_of(first);
        if first <= close {
            match doc.sentence_of(q.open).saturating_sub(sm) {
                0 => 0,
                1 => 2,
                _ => 3,
            }
        } else if sm == doc.sentence_of(close) {
            1
        } else {
            4
        }
    } else if m_para + 1 == q.para {
        5
    } else {
        6
    }
}

/// What stands around the mention: the word after it (past adverbs: a
/// reporting verb, a verb, a comma, a colon, a quotation mark) and before
/// it (a reporting verb, "according to"; and what it is the subject of).
fn context_feats(doc: &Doc, c: &Gather, is_after: bool, f: &mut Vec<u16>) {
    let nt = doc.tokens.len();
    let a = is_after as usize;
    let mut nx = c.last + 1;
    while nx < nt && doc.tokens[nx].kind == TokenKind::Word && ADVERBS.contains(doc.tok(nx)) {
        nx += 1;
    }
    if nx < nt {
        let t = doc.tok(nx);
        if doc.tokens[nx].kind == TokenKind::Word && words::is_reporting_verb(t) {
            f.push(feat(T::Cue, a));
        } else if is_verb_like(doc, nx) {
            f.push(feat(T::Cue, 2 + a));
        } else if t == "," {
            f.push(feat(T::Cue, 4 + a));
        } else if t == ":" {
            f.push(feat(T::Cue, 6 + a));
        } else if marks::is_mark(t) {
            f.push(feat(T::Cue, 8 + a));
        }
    }
    if c.first > 0 {
        let p = c.first - 1;
        let t = doc.tok(p);
        if doc.tokens[p].kind == TokenKind::Word && words::is_reporting_verb(t) {
            f.push(feat(T::Cue, 10 + a));
        } else if t == "to" && p > 0 && doc.tok(p - 1).eq_ignore_ascii_case("according") {
            f.push(feat(T::Cue, 12 + a));
        }
        let subj = if doc.is_sentence_initial(c.first) {
            1
        } else if matches!(t, "," | ";" | "and" | "but" | "—" | "–") {
            2
        } else if words::PREPOSITIONS.contains(t) {
            3
        } else if words::contains_lower(&FUNCTION_WORDS, t) {
            4
        } else if marks::is_mark(t) {
            5
        } else {
            6
        };
        f.push(feat(T::Subj, subj));
    } else {
        f.push(feat(T::Subj, 1));
    }
}

/// Another quotation, or a paragraph break, between the mention and the
/// quotation.
fn between_feats(pass: &Pass, q: &QuoteSpan, c: &Gather, is_after: bool, f: &mut Vec<u16>) {
    let close = q.close.unwrap_or(q.inner.end.saturating_sub(1));
    let (x, y) = if is_after {
        (close + 1, c.first)
    } else {
        (c.last + 1, q.open)
    };
    // Spans are in text order: the first opening at or after `x` (never the
    // quotation itself, which opens before an `x` after it and at `y` before).
    let other_quote = pass
        .spans
        .get(pass.spans.partition_point(|s| s.open < x))
        .is_some_and(|s| s.open < y && s.open != q.open);
    if other_quote {
        f.push(feat(T::Between, 1 + is_after as usize));
    }
    if pass.doc.tokens[c.first].para != q.para {
        f.push(feat(T::Between, 3));
    }
}
