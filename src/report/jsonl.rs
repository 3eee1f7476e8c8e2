//! JSON Lines output: one JSON object per line, the contract for machines.
//!
//! Every line has a `type`:
//!
//! `document` — one per scanned document:
//! ```json
//! {"type":"document","path":"page.html","record":null,"url":null,"score":0.93,
//!  "verdict":"spam","language":"en","encoding":"UTF-8","bytes":5120,
//!  "findings":[{"rule":"script.island","category":"script","weight":0.6,
//!   "contribution":0.31,"start":911,"end":929,"line":10,"column":1,
//!   "text":"爱上海同城419","context":"heading","note":"…"}]}
//! ```
//! - `path`: the path as given on the command line, `-` for stdin.
//! - `record`: 0-based record index inside a multi-document input (a JSON Lines line), else
//!   `null`; `url`: the record's URL or id when it has one.
//! - `score`: in [0, 1], the combined evidence; `verdict`: `clean`, `suspicious` or `spam` at
//!   the run's thresholds; `language`: ISO 639-1 code of the body, or `null`.
//! - `start`/`end`: byte offsets into the ORIGINAL document bytes (for a JSON Lines record:
//!   into its decoded text field, UTF-8), end exclusive: `bytes[start..end]` is the flagged
//!   text as it stands in the input. `line`/`column`: 1-based, the column counted in bytes.
//! - `text`: the flagged text decoded (charset, character references), not normalised.
//! - `weight`: the finding's weight in [0, 1] after placement; `contribution`: its share of
//!   `score` (the shares of a document add up to its score).
//! - `context`: one of `title`, `meta`, `byline`, `heading`, `paragraph`, `list`, `anchor`,
//!   `attribute`, `line`, `code`, `hidden`.
//! - `findings_dropped`: present only when the caps on findings (`--max-findings`, default
//!   512 per document, `--max-findings-per-rule`, default 64) cut the list: how many more
//!   findings there were. They are neither listed nor scored.
//!
//! `error` — an input or record that could not be read:
//! `{"type":"error","path":"…","record":3,"offset":1234,"message":"…"}`
//!
//! `skipped` — a record or file not scanned on purpose (binary payload, WAT metadata, a
//! symbolic link not followed):
//! `{"type":"skipped","path":"…","record":4,"offset":5678,"url":"…","reason":"non-text payload (image/png)"}`
//!
//! `summary` — last line of a run; `documents + skipped + errors` is every input document:
//! `{"type":"summary","documents":10,"clean":8,"suspicious":1,"spam":1,"skipped":2,"errors":0,
//!   "bytes":52311,"elapsed_ms":12,"mb_per_s":4.3,"version":"0.1.0","packs":"9f3c…",
//!   "files":[{"path":"crawl.warc.gz","documents":9,…}],"interrupted":false}`
//!
//! In a document row `offset` is where its record starts in its container file (compressed
//! offset for per-record gzip), or null.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::{error_subject, Printer, Summary};
use crate::error::Error;
use crate::scan::Report;
use crate::source::Origin;

/// A `document` row.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct DocumentRow {
    /// Always `document`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Path as given.
    pub path: String,
    /// Record index, or null.
    pub record: Option<u64>,
    /// URL or id of the record.
    pub url: Option<String>,
    /// Offset of the record in its container file, when it has one.
    #[serde(default)]
    pub offset: Option<u64>,
    /// Score in [0, 1].
    pub score: f32,
    /// `clean`, `suspicious` or `spam`.
    pub verdict: String,
    /// ISO 639-1 code of the body language.
    pub language: Option<String>,
    /// Charset used to decode.
    pub encoding: String,
    /// Document size in bytes.
    pub bytes: usize,
    /// Findings in document order.
    pub findings: Vec<FindingRow>,
    /// Findings beyond the caps, neither listed nor scored (absent when none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub findings_dropped: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One finding of a `document` row.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct FindingRow {
    /// Rule id.
    pub rule: String,
    /// Category.
    pub category: String,
    /// Weight in [0, 1].
    pub weight: f32,
    /// Share of the score.
    pub contribution: f32,
    /// Start byte offset into the original document.
    pub start: usize,
    /// End byte offset, exclusive.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in bytes.
    pub column: usize,
    /// The flagged text, decoded.
    pub text: String,
    /// Where it stands.
    pub context: String,
    /// Why it weighs what it weighs.
    pub note: String,
}

/// An `error` row.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct ErrorRow {
    /// Always `error`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Path as given.
    pub path: String,
    /// Record index, when the error is about one record.
    pub record: Option<u64>,
    /// Offset of the record in its container, when known.
    pub offset: Option<u64>,
    /// What went wrong.
    pub message: String,
}

/// A `skipped` row.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct SkippedRow {
    /// Always `skipped`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Path as given.
    pub path: String,
    /// Record index inside a container.
    pub record: Option<u64>,
    /// Offset of the record in its container.
    pub offset: Option<u64>,
    /// URL of the record.
    pub url: Option<String>,
    /// Why it was not scanned.
    pub reason: String,
}

/// The `summary` row: `{"type":"summary", …}` with the fields of [`Summary`].
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct SummaryRow {
    /// Always `summary`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The summary.
    #[serde(flatten)]
    pub summary: Summary,
}

fn round(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

impl DocumentRow {
    /// The row for `r`.
    pub fn from_report(r: &Report) -> DocumentRow {
        DocumentRow {
            kind: "document".into(),
            path: r.origin.path.clone(),
            record: r.origin.record,
            url: r.origin.url.clone(),
            offset: r.origin.offset,
            score: round(r.score),
            verdict: r.verdict.as_str().into(),
            language: r.language.map(str::to_string),
            encoding: r.encoding.into(),
            bytes: r.bytes,
            findings: r
                .findings
                .iter()
                .map(|l| FindingRow {
                    rule: l.finding.rule.clone(),
                    category: l.finding.category.clone(),
                    weight: round(l.finding.weight),
                    contribution: round(l.finding.contribution),
                    start: l.finding.span.start,
                    end: l.finding.span.end,
                    line: l.line,
                    column: l.column,
                    text: l.finding.text.clone(),
                    context: l.finding.context.into(),
                    note: l.finding.note.clone(),
                })
                .collect(),
            findings_dropped: r.dropped,
        }
    }
}

/// Prints JSON Lines to a writer.
pub struct JsonLines<W: Write> {
    out: W,
    summary: bool,
}

impl<W: Write> JsonLines<W> {
    /// Print to `out`; `summary` adds the closing `summary` row.
    pub fn new(out: W, summary: bool) -> JsonLines<W> {
        JsonLines { out, summary }
    }

    fn line<T: Serialize>(&mut self, row: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, row).map_err(io::Error::from)?;
        self.out.write_all(b"\n")
    }
}

impl<W: Write> Printer for JsonLines<W> {
    fn report(&mut self, r: &Report) -> io::Result<()> {
        self.line(&DocumentRow::from_report(r))
    }

    fn error(&mut self, e: &Error) -> io::Result<()> {
        let (path, record, offset) = error_subject(e);
        self.line(&ErrorRow { kind: "error".into(), path, record, offset, message: e.to_string() })
    }

    fn skipped(&mut self, o: &Origin, reason: &str) -> io::Result<()> {
        self.line(&SkippedRow {
            kind: "skipped".into(),
            path: o.path.clone(),
            record: o.record,
            offset: o.offset,
            url: o.url.clone(),
            reason: reason.into(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.summary {
            self.line(&SummaryRow { kind: "summary".into(), summary: summary.clone() })?;
        }
        self.out.flush()
    }
}
