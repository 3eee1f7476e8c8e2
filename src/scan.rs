//! Scan: one document through every stage. [`Engine`] holds what is built once (the compiled
//! packs, thresholds); a [`Scanner`] per thread owns every reusable buffer.

use std::path::PathBuf;
use std::sync::Arc;

use crate::decode::decode;
use crate::decode::Text;
use crate::detect::{self, Context, Finding, Findings, Scratch};
use crate::error::Result;
use crate::extract::{extract_html, extract_text, Blocks};
use crate::patterns::PatternSet;
use crate::profile::Profile;
use crate::score::{score, Thresholds, Verdict};
use crate::source::{Document, Format, Origin, Window};
use crate::span::{LineIndex, Span};
use crate::tune::Weights;

/// Characters of context kept on each side of a finding for human output.
const EXCERPT_CHARS: usize = 30;

/// Builds an [`Engine`].
#[derive(Debug, Default, Clone)]
pub struct EngineBuilder {
    pattern_dirs: Vec<PathBuf>,
    thresholds: Thresholds,
    rules: RuleFilter,
    weights: Weights,
    caps: Caps,
}

/// How many findings a report keeps: more add nothing to a score that has saturated, and a
/// page made of ten thousand spam words must not make a report of ten thousand lines. The
/// report says how many it dropped ([`Report::dropped`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Most findings per document. Default 512.
    pub per_document: usize,
    /// Most findings of one rule per document. Default 64.
    pub per_rule: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Caps { per_document: detect::MAX_FINDINGS, per_rule: detect::MAX_PER_RULE }
    }
}

/// Which rules report findings: `select` (all when empty) minus `ignore`. A pattern matches a
/// rule id equal to it or starting with it and a dot: `terms` covers `terms.zh.escort`.
#[derive(Debug, Default, Clone)]
pub struct RuleFilter {
    /// Only these rules (all when empty).
    pub select: Vec<String>,
    /// Never these rules.
    pub ignore: Vec<String>,
    /// Phrases never flagged (compared lower-case): a finding whose text contains one, or
    /// lies inside one, is dropped.
    pub allow_phrases: Vec<String>,
    /// Sites whose links are never counted as off-site (`partner.example` covers its
    /// subdomains).
    pub allow_domains: Vec<String>,
}

impl RuleFilter {
    fn matches(pattern: &str, rule: &str) -> bool {
        rule == pattern || (rule.starts_with(pattern) && rule.as_bytes().get(pattern.len()) == Some(&b'.'))
    }

    /// The `select` and `ignore` patterns that match no rule of `engine` (a typo).
    pub fn unknown<'a>(&'a self, engine: &Engine) -> Vec<&'a str> {
        let packs: Vec<&str> = engine.patterns.packs.iter().map(|p| p.rule.as_str()).collect();
        self.select
            .iter()
            .chain(&self.ignore)
            .map(String::as_str)
            .filter(|p| !crate::detect::RULES.iter().chain(&packs).any(|r| Self::matches(p, r)))
            .collect()
    }

    /// Is `text` an allowlisted phrase, or does it contain one?
    pub fn allowlisted(&self, text: &str) -> bool {
        if self.allow_phrases.is_empty() {
            return false;
        }
        let t = text.trim().to_lowercase();
        !t.is_empty() && self.allow_phrases.iter().any(|p| t.contains(p.as_str()) || p.contains(t.as_str()))
    }

    /// Does `rule` report?
    pub fn allows(&self, rule: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|p| Self::matches(p, rule)))
            && !self.ignore.iter().any(|p| Self::matches(p, rule))
    }
}

impl EngineBuilder {
    /// Built-in packs, the shipped weights and default thresholds.
    pub fn new() -> EngineBuilder {
        EngineBuilder { weights: Weights::shipped(), ..EngineBuilder::default() }
    }

    /// Also load every `*.toml` pack of `dir` (a pack with a built-in id replaces it).
    pub fn patterns_dir(mut self, dir: impl Into<PathBuf>) -> EngineBuilder {
        self.pattern_dirs.push(dir.into());
        self
    }

    /// Score thresholds.
    pub fn thresholds(mut self, t: Thresholds) -> EngineBuilder {
        self.thresholds = t;
        self
    }

    /// Which rules report findings, and what is allowlisted.
    pub fn rules(mut self, mut r: RuleFilter) -> EngineBuilder {
        for p in &mut r.allow_phrases {
            *p = p.trim().to_lowercase();
        }
        r.allow_phrases.retain(|p| !p.is_empty());
        for d in &mut r.allow_domains {
            *d = d.trim().trim_start_matches("www.").to_lowercase();
        }
        self.rules = r;
        self
    }

    /// Per-rule weight multipliers (from `spamscan tune`), in place of the shipped ones;
    /// `Weights::default()` scores with the packs' own weights.
    pub fn weights(mut self, w: Weights) -> EngineBuilder {
        self.weights = w;
        self
    }

    /// Caps on the findings a report keeps.
    pub fn caps(mut self, caps: Caps) -> EngineBuilder {
        self.caps = caps;
        self
    }

    /// Compile the packs.
    ///
    /// # Errors
    /// [`Error::Pack`] for a broken pack, [`Error::Io`] for an unreadable pack directory.
    pub fn build(self) -> Result<Engine> {
        let patterns = PatternSet::load(&self.pattern_dirs)?;
        Ok(Engine {
            patterns: Arc::new(patterns),
            thresholds: self.thresholds,
            rules: Arc::new(self.rules),
            weights: Arc::new(self.weights),
            caps: self.caps,
        })
    }
}

/// Compiled packs and settings; `Send + Sync`, shared by all scanners.
#[derive(Debug, Clone)]
pub struct Engine {
    patterns: Arc<PatternSet>,
    thresholds: Thresholds,
    rules: Arc<RuleFilter>,
    weights: Arc<Weights>,
    caps: Caps,
}

impl Engine {
    /// A scanner with its own buffers.
    pub fn scanner(&self) -> Scanner<'_> {
        Scanner {
            engine: self,
            blocks: Blocks::default(),
            scratch: Scratch::default(),
            findings: Findings {
                max: self.caps.per_document,
                max_per_rule: self.caps.per_rule,
                ..Findings::default()
            },
        }
    }

    /// The caps on findings per report.
    pub fn caps(&self) -> Caps {
        self.caps
    }

    /// The compiled packs.
    pub fn patterns(&self) -> &PatternSet {
        &self.patterns
    }

    /// The thresholds.
    pub fn thresholds(&self) -> Thresholds {
        self.thresholds
    }
}

/// The result of scanning one document.
#[derive(Debug, Clone)]
pub struct Report {
    /// Where the document came from.
    pub origin: Origin,
    /// Size of the document in bytes.
    pub bytes: usize,
    /// Score in [0, 1]: the combined weight of the evidence (see [`crate::score`]).
    pub score: f32,
    /// Verdict at the engine's thresholds.
    pub verdict: Verdict,
    /// ISO 639-1 code of the body language, when identified.
    pub language: Option<&'static str>,
    /// The charset the document was decoded with (WHATWG name).
    pub encoding: &'static str,
    /// The findings, in document order, each with its share of the score.
    pub findings: Vec<Located>,
    /// Findings dropped by the caps ([`Caps`]): not reported and not scored.
    pub dropped: usize,
    /// What `--redact` removes, sorted and disjoint: the spans of the evidence that made the
    /// score (not supporting findings), and whole hidden elements that carry such evidence.
    pub cuts: Vec<Cut>,
    /// Set when the report covers one window of a larger document (see [`Engine::merge`]).
    pub window: Option<Window>,
}

/// A finding with its line, column and a short excerpt around it.
#[derive(Debug, Clone)]
pub struct Located {
    /// The finding.
    pub finding: Finding,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, counted in bytes.
    pub column: usize,
    /// Up to 30 characters of the block before the flagged text.
    pub before: String,
    /// Up to 30 characters of the block after it.
    pub after: String,
}

/// Scans documents one at a time, reusing its buffers.
pub struct Scanner<'e> {
    engine: &'e Engine,
    blocks: Blocks,
    scratch: Scratch,
    findings: Findings,
}

impl Scanner<'_> {
    /// Scan one document. Never fails on content: broken bytes are decoded with
    /// replacement characters and broken markup is read as browsers read it.
    pub fn scan(&mut self, doc: &Document) -> Report {
        let bytes = &doc.bytes[..];
        let text = decode(bytes, doc.format == Format::Html, doc.charset);
        match doc.format {
            Format::Html => extract_html(&text.text, &mut self.blocks),
            Format::Text => extract_text(&text.text, &mut self.blocks),
        }
        let profile = Profile::of(&self.blocks);
        self.findings.clear();
        let ctx = Context {
            bytes,
            text: &text,
            blocks: &self.blocks,
            profile: &profile,
            patterns: &self.engine.patterns,
            allow_domains: &self.engine.rules.allow_domains,
        };
        detect::run(&ctx, &mut self.scratch, &mut self.findings);
        let items = &mut self.findings.items;
        let rules = &self.engine.rules;
        items.retain(|f| rules.allows(&f.rule) && !rules.allowlisted(&f.text));
        self.engine.weights.apply(items);
        items.sort_by_key(|f| (f.span.start, f.span.end));
        let s = score(items);
        let cuts = cuts(items, &self.blocks, &text, bytes);
        // Most documents have no finding: index their lines only when one needs a position.
        let lines = if items.is_empty() { LineIndex::default() } else { LineIndex::new(bytes) };
        let (base, fresh) = match &doc.window {
            Some(w) => (w.base as usize, w.fresh.start as usize..w.fresh.end.min(usize::MAX as u64) as usize),
            None => (0, 0..usize::MAX),
        };
        let findings = items
            .drain(..)
            .filter(|f| fresh.contains(&(base + f.span.start)))
            .map(|mut f| {
                let (mut line, mut column) = lines.line_col(f.span.start);
                if let Some(w) = &doc.window {
                    if line == 1 {
                        column = base + f.span.start - w.line_start as usize + 1;
                    }
                    line += w.lines_before as usize;
                }
                let b = &self.blocks.blocks[f.block.min(self.blocks.blocks.len().saturating_sub(1))];
                let (before, after) = excerpt(&self.blocks, b, f.block_range);
                f.span = Span::new(base + f.span.start, base + f.span.end);
                Located { finding: f, line, column, before, after }
            })
            .collect();
        Report {
            origin: doc.origin.clone(),
            bytes: bytes.len(),
            score: s,
            verdict: self.engine.thresholds.verdict(s),
            language: profile.lang,
            encoding: text.encoding.name(),
            findings,
            dropped: self.findings.dropped,
            cuts,
            window: doc.window.clone(),
        }
    }
}

/// A stretch of the original bytes that `--redact` removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cut {
    /// The bytes.
    pub span: Span,
    /// A whole element (start tag to end tag): remove everything. Otherwise flagged text,
    /// which may run across tags: remove the text and keep the tags so the markup stays whole.
    pub element: bool,
}

/// Evidence spans and the hidden elements that hold evidence, merged (original offsets).
fn cuts(findings: &[Finding], blocks: &Blocks, text: &Text<'_>, bytes: &[u8]) -> Vec<Cut> {
    let evidence: Vec<Span> = findings
        .iter()
        .filter(|f| f.contribution > 0.0 && !crate::score::is_supporting(&f.rule))
        .map(|f| f.span)
        .collect();
    let mut cuts: Vec<Cut> = evidence.iter().map(|&span| Cut { span, element: false }).collect();
    for r in &blocks.hidden_roots {
        let root = Span::new(text.map.to_src(bytes, r.start), text.map.to_src(bytes, r.end));
        if evidence.iter().any(|e| root.start <= e.start && e.end <= root.end) {
            cuts.push(Cut { span: root, element: true });
        }
    }
    // Elements first where they start together; then drop what an earlier cut covers.
    cuts.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end), !c.element));
    let mut merged: Vec<Cut> = Vec::with_capacity(cuts.len());
    for c in cuts {
        match merged.last_mut() {
            Some(last) if c.span.end <= last.span.end => {}
            Some(last) if c.span.start < last.span.end && last.element == c.element => {
                last.span.end = c.span.end
            }
            Some(last) if c.span.start < last.span.end => {
                // A text cut running out of an element: keep its part after the element.
                let rest = Cut { span: Span::new(last.span.end, c.span.end), element: c.element };
                merged.push(rest)
            }
            _ => merged.push(c),
        }
    }
    merged
}

impl Engine {
    /// Merge the reports of the windows of one document (any order) into one report: the
    /// findings of all windows, scored together. The first window names the document.
    pub fn merge(&self, mut parts: Vec<Report>) -> Report {
        parts.sort_by_key(|p| p.window.as_ref().map_or(0, |w| w.index));
        let mut items: Vec<Located> = parts.iter_mut().flat_map(|p| p.findings.drain(..)).collect();
        items.sort_by_key(|l| (l.finding.span.start, l.finding.span.end));
        // Each window kept up to the caps: the document keeps the first ones, in order.
        let before = items.len();
        let mut per_rule: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        items.retain(|l| {
            let n = per_rule.entry(l.finding.rule.clone()).or_default();
            *n += 1;
            *n <= self.caps.per_rule
        });
        items.truncate(self.caps.per_document);
        let capped = before - items.len();
        let mut findings: Vec<Finding> = items.iter().map(|l| l.finding.clone()).collect();
        let s = score(&mut findings);
        for (l, f) in items.iter_mut().zip(findings) {
            l.finding = f;
        }
        let bytes = parts.last().map_or(0, |p| p.window.as_ref().map_or(0, |w| w.base as usize) + p.bytes);
        let first = &parts[0];
        Report {
            origin: first.origin.clone(),
            bytes,
            score: s,
            verdict: self.thresholds.verdict(s),
            language: parts.iter().find_map(|p| p.language),
            encoding: first.encoding,
            findings: items,
            dropped: parts.iter().map(|p| p.dropped).sum::<usize>() + capped,
            cuts: Vec::new(),
            window: None,
        }
    }
}

fn excerpt(blocks: &Blocks, b: &crate::extract::Block, (s, e): (usize, usize)) -> (String, String) {
    let text = blocks.text_of(b);
    if blocks.blocks.is_empty()
        || s >= e
        || e > text.len()
        || !text.is_char_boundary(s)
        || !text.is_char_boundary(e)
    {
        return (String::new(), String::new());
    }
    let before: String = {
        let chars: Vec<char> = text[..s].chars().rev().take(EXCERPT_CHARS).collect();
        chars.into_iter().rev().collect()
    };
    let after: String = text[e..].chars().take(EXCERPT_CHARS).collect();
    let clean = |s: String| s.replace(['\n', '\r', '\t'], " ");
    (clean(before), clean(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn engine_is_shareable() {
        assert_send_sync::<Engine>();
        assert_send_sync::<PatternSet>();
    }
}
