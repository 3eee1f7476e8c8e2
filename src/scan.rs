//! Scan: one document through every stage. [`Engine`] holds what is built once (the compiled
//! packs, thresholds); a [`Scanner`] per thread owns every reusable buffer.

use std::path::PathBuf;
use std::sync::Arc;

use crate::decode::decode;
use crate::detect::{self, Context, Finding, Findings, Scratch};
use crate::error::{Error, Result};
use crate::extract::{extract_html, extract_text, Blocks};
use crate::patterns::PatternSet;
use crate::profile::Profile;
use crate::score::{score, Thresholds, Verdict};
use crate::source::{Document, Format, Origin};
use crate::span::LineIndex;

/// Characters of context kept on each side of a finding for human output.
const EXCERPT_CHARS: usize = 30;

/// Builds an [`Engine`].
#[derive(Debug, Default, Clone)]
pub struct EngineBuilder {
    pattern_dirs: Vec<PathBuf>,
    thresholds: Thresholds,
}

impl EngineBuilder {
    /// Built-in packs and default thresholds.
    pub fn new() -> EngineBuilder {
        EngineBuilder::default()
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

    /// Compile the packs.
    ///
    /// # Errors
    /// [`Error::Pack`] for a broken pack, [`Error::Io`] for an unreadable pack directory.
    pub fn build(self) -> Result<Engine> {
        let patterns = PatternSet::load(&self.pattern_dirs)?;
        Ok(Engine { patterns: Arc::new(patterns), thresholds: self.thresholds })
    }
}

/// Compiled packs and settings; `Send + Sync`, shared by all scanners.
#[derive(Debug, Clone)]
pub struct Engine {
    patterns: Arc<PatternSet>,
    thresholds: Thresholds,
}

impl Engine {
    /// A scanner with its own buffers.
    pub fn scanner(&self) -> Scanner<'_> {
        Scanner {
            engine: self,
            blocks: Blocks::default(),
            scratch: Scratch::default(),
            findings: Findings::default(),
        }
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
    /// Findings dropped by the per-document caps.
    pub dropped: usize,
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
        };
        detect::run(&ctx, &mut self.scratch, &mut self.findings);
        let items = &mut self.findings.items;
        items.sort_by_key(|f| (f.span.start, f.span.end));
        let s = score(items);
        let lines = LineIndex::new(bytes);
        let findings = items
            .drain(..)
            .map(|f| {
                let (line, column) = lines.line_col(f.span.start);
                let b = &self.blocks.blocks[f.block.min(self.blocks.blocks.len().saturating_sub(1))];
                let (before, after) = excerpt(&self.blocks, b, &f.text);
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
        }
    }

    /// Scan `doc`, or turn a source error into an error for that document.
    pub fn scan_result(&mut self, doc: Result<Document>) -> std::result::Result<Report, Error> {
        doc.map(|d| self.scan(&d))
    }
}

fn excerpt(blocks: &Blocks, b: &crate::extract::Block, flagged: &str) -> (String, String) {
    if blocks.blocks.is_empty() {
        return (String::new(), String::new());
    }
    let text = blocks.text_of(b);
    let Some(at) = text.find(flagged) else {
        return (String::new(), String::new());
    };
    let before: String = {
        let chars: Vec<char> = text[..at].chars().rev().take(EXCERPT_CHARS).collect();
        chars.into_iter().rev().collect()
    };
    let after: String = text[at + flagged.len()..].chars().take(EXCERPT_CHARS).collect();
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
