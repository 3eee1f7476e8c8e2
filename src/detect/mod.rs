//! Detectors: independent passes over a document's blocks, each adding [`Finding`]s with a
//! stable dotted rule id and an exact byte span into the original input.
//!
//! | rule | detector | what it finds |
//! |---|---|---|
//! | `terms.<pack>` | [`terms`] | spam vocabulary from a pattern pack |
//! | `script.island` | [`script`] | a run of a foreign script inside the body |
//! | `meta.script-mismatch` | [`meta`] | title or meta field written in another script than the body |
//! | `meta.lang-mismatch` | [`meta`] | declared language differs from the detected one |
//! | `meta.terms-not-in-body` | [`meta`] | spam vocabulary in metadata that the body lacks |
//! | `hidden.text` | [`hidden`] | text a reader never sees |
//! | `hidden.links` | [`hidden`] | hidden links to other sites |
//! | `links.block` | [`hidden`] | a block made of links to other sites with little text |
//! | `contact.messenger`, `contact.email` | [`contact`] | messenger links and ids, free-mail addresses (supporting) |
//! | `contact.phone-obfuscated` | [`contact`] | a phone number disguised with letters or odd separators |
//! | `obfuscation.*` | [`obfuscation`] | mixed-script words, styled letters, spelled-out phrases, disguised domains |

/// The rule ids of the detectors (pack rules are `terms.<pack id>`).
pub const RULES: [&str; 14] = [
    "script.island",
    "meta.script-mismatch",
    "meta.lang-mismatch",
    "meta.terms-not-in-body",
    "hidden.text",
    "hidden.links",
    "links.block",
    "contact.messenger",
    "contact.email",
    "contact.phone-obfuscated",
    "obfuscation.mixed-script",
    "obfuscation.styled-letters",
    "obfuscation.spaced-letters",
    "obfuscation.fullwidth-domain",
];

pub mod contact;
pub mod hidden;
pub mod meta;
pub mod obfuscation;
pub mod script;
pub mod terms;

use crate::decode::Text;
use crate::extract::{Block, Blocks};
use crate::normalize::Normalized;
use crate::patterns::PatternSet;
use crate::profile::Profile;
use crate::span::Span;

/// Most findings kept per document; more add nothing to a score that has saturated.
pub const MAX_FINDINGS: usize = 512;
/// Most findings kept per rule and document.
pub const MAX_PER_RULE: usize = 64;

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable dotted rule id, e.g. `script.island`, `terms.zh.escort`.
    pub rule: String,
    /// Spam category of a term rule (`adult`, `gambling`, …), or the detector's own category
    /// (`script`, `metadata`, `hidden`, `links`).
    pub category: String,
    /// Weight in [0, 1]: how strongly this finding alone suggests injected spam, after
    /// placement (title, hidden, heading …) is taken into account.
    pub weight: f32,
    /// Share of the document score owed to this finding (the shares add up to the score).
    pub contribution: f32,
    /// A spam term whose own weight, or whose weight where it stands, is below
    /// [`crate::score::TOPIC_WEIGHT`]: vocabulary honest pages on the subject use.
    pub weak: bool,
    /// Byte span in the original document bytes, end exclusive.
    pub span: Span,
    /// The flagged text, decoded (charset and character references), not normalised.
    pub text: String,
    /// Where it stands: `title`, `meta`, `byline`, `heading`, `paragraph`, `list`, `anchor`,
    /// `attribute`, `line`, `code` or `hidden`.
    pub context: &'static str,
    /// Index of the block it was found in.
    pub block: usize,
    /// Where the flagged text stands in its block's text (for excerpts).
    pub block_range: (usize, usize),
    /// Why the weight is what it is (e.g. `glued to block start; digits`).
    pub note: String,
}

/// Everything a detector may read about one document.
pub struct Context<'a> {
    /// The original bytes.
    pub bytes: &'a [u8],
    /// The decoded text and its offset map.
    pub text: &'a Text<'a>,
    /// The blocks.
    pub blocks: &'a Blocks,
    /// The profile.
    pub profile: &'a Profile,
    /// The compiled packs.
    pub patterns: &'a PatternSet,
    /// Sites whose links never count as off-site (lower case, without `www.`).
    pub allow_domains: &'a [String],
}

impl Context<'_> {
    /// Original byte span of block-local text range `s..e` in block `b`.
    pub fn span(&self, b: &Block, s: usize, e: usize) -> Span {
        let ds = self.blocks.to_doc_start(b, b.text.start + s);
        let de = self.blocks.to_doc_end(b, b.text.start + e);
        let ss = self.text.map.to_src(self.bytes, ds);
        let se = self.text.map.to_src(self.bytes, de).max(ss);
        Span::new(ss, se)
    }

    /// The flagged text of block-local range `s..e` in block `b` (see [`Blocks::flagged_text`]).
    pub fn flagged(&self, b: &Block, s: usize, e: usize) -> String {
        self.blocks.flagged_text(b, s, e, &self.text.text)
    }

    /// The context name of block-local range `s..e` of block `idx`.
    pub fn context(&self, idx: usize, s: usize, e: usize) -> &'static str {
        let b = &self.blocks.blocks[idx];
        if b.hidden.is_some() {
            return "hidden";
        }
        let (gs, ge) = (b.text.start + s, b.text.start + e);
        if self
            .blocks
            .links
            .iter()
            .any(|l| l.text.start <= gs && ge <= l.text.end && l.text.start < l.text.end)
        {
            return "anchor";
        }
        b.kind.context()
    }
}

/// Findings of one document, with per-rule and per-document caps.
#[derive(Debug)]
pub struct Findings {
    /// The findings, in detector order.
    pub items: Vec<Finding>,
    /// Findings dropped by the caps.
    pub dropped: usize,
    /// Most findings kept per document ([`MAX_FINDINGS`] by default).
    pub max: usize,
    /// Most findings kept per rule and document ([`MAX_PER_RULE`] by default).
    pub max_per_rule: usize,
}

impl Default for Findings {
    fn default() -> Self {
        Findings { items: Vec::new(), dropped: 0, max: MAX_FINDINGS, max_per_rule: MAX_PER_RULE }
    }
}

impl Findings {
    /// Add `f` unless a cap is reached or its span is empty.
    pub fn push(&mut self, f: Finding) {
        if f.span.is_empty() {
            return;
        }
        if self.items.len() >= self.max
            || self.items.iter().filter(|x| x.rule == f.rule).count() >= self.max_per_rule
        {
            self.dropped += 1;
            return;
        }
        self.items.push(f);
    }

    /// Remove everything.
    pub fn clear(&mut self) {
        self.items.clear();
        self.dropped = 0;
    }
}

/// Per-thread scratch buffers for detectors.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Normalised text of the current block.
    pub norm: Normalized,
    /// Match buffer.
    pub hits: Vec<crate::patterns::Hit>,
}

/// Run every detector.
pub fn run(ctx: &Context<'_>, scratch: &mut Scratch, out: &mut Findings) {
    // Contacts first: the term detector reads them (spam words beside a contact advertise).
    contact::detect(ctx, out);
    obfuscation::detect(ctx, out);
    terms::detect(ctx, scratch, out);
    meta::detect(ctx, out);
    script::detect(ctx, out);
    hidden::detect(ctx, out);
}

/// What a detector's finding is: its rule, category and weight before placement.
pub(crate) struct Evidence {
    pub rule: &'static str,
    pub category: &'static str,
    pub weight: f32,
}

/// Add a finding of `ev` for block-local range `s..e` of block `idx` (white space trimmed
/// off; inside `<pre>`/`<code>`, a quotation, the weight is scaled as a term's is there).
pub(crate) fn push_evidence(
    ctx: &Context<'_>,
    out: &mut Findings,
    idx: usize,
    (s, e): (usize, usize),
    ev: Evidence,
    note: String,
) {
    let b = &ctx.blocks.blocks[idx];
    let (s, e) = trim_range(ctx.blocks.text_of(b), s, e);
    if s >= e {
        return;
    }
    let weight = if b.kind == crate::extract::BlockKind::Code {
        ev.weight * terms::placement("code")
    } else {
        ev.weight
    };
    out.push(Finding {
        rule: ev.rule.into(),
        category: ev.category.into(),
        weight,
        contribution: 0.0,
        weak: false,
        span: ctx.span(b, s, e),
        text: ctx.flagged(b, s, e),
        context: ctx.context(idx, s, e),
        block: idx,
        block_range: (s, e),
        note,
    });
}

/// Trim white space from block-local range `s..e` of `text`.
pub(crate) fn trim_range(text: &str, s: usize, e: usize) -> (usize, usize) {
    let t = &text[s..e];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    (s + lead, (e - trail).max(s + lead))
}

#[cfg(test)]
mod tests;
