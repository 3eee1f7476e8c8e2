//! Sources: turn paths and stdin into [`Item`]s — documents, skipped records, errors — one at
//! a time, without loading archives whole.
//!
//! A plain text or HTML file is one document (scanned in windows when large). A JSON Lines
//! file gives one document per line: the `text` field (configurable) is the document, named by
//! its `url` field, else `id`. Directories are walked; gzip, zstd, tar, zip, WARC, WET and ARC
//! containers are recognised by their magic bytes and read record by record. Formats are
//! sniffed from the first bytes unless the caller fixes them.

mod fs;
mod jsonl;
mod stream;
pub mod warc;

use crate::error::Error;

pub use fs::read_inputs;
pub use stream::read_stream;

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The path as given on the command line (or found under a directory given there), with
    /// `!member` appended for a member of an archive; `-` for stdin.
    pub path: String,
    /// 0-based index of the record or member among all records or members of its container
    /// (a JSON Lines line, a WARC record, a tar or zip member), else `None`.
    pub record: Option<u64>,
    /// Byte offset where the record starts in the container file as stored (for per-record
    /// gzip, the compressed offset, as crawl indexes use), where it has one.
    pub offset: Option<u64>,
    /// The URL or id of the record when the container names one (WARC-Target-URI, JSON field).
    pub url: Option<String>,
}

impl Origin {
    /// The origin of a whole file.
    pub fn file(path: impl Into<String>) -> Origin {
        Origin { path: path.into(), ..Origin::default() }
    }
}

/// What a source yields: a document to scan, a record deliberately not scanned, or an error
/// for an input or record that could not be read. Every input document yields exactly one.
#[derive(Debug)]
pub enum Item {
    /// Scan this.
    Document(Document),
    /// Not scanned on purpose (binary payload, WAT metadata, a symlink not followed …).
    Skipped {
        /// What was skipped.
        origin: Origin,
        /// Why.
        reason: String,
    },
    /// Could not be read; the scan goes on.
    Error(Error),
}

/// Receives the items of a source; returns `false` to stop reading (the output is closed).
pub type Sink<'a> = dyn FnMut(Item) -> bool + 'a;

/// How a document sits in its container, so that `--filter` and `--redact` can write it
/// back: the raw bytes of its record as read.
#[derive(Debug, Clone, Default)]
pub enum Frame {
    /// The document is the whole file (or archive member): its bytes are written as they are.
    #[default]
    Whole,
    /// A JSON Lines record: the line as read (without its newline).
    JsonLine(Vec<u8>),
    /// A WARC record: the record as read (header block, content block and the closing CRLFs,
    /// uncompressed), and whether the input was gzipped per record.
    Warc {
        /// The uncompressed record.
        raw: Vec<u8>,
        /// Gzip it when writing.
        gzip: bool,
    },
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        if let Some(r) = self.record {
            write!(f, ": record {r}")?;
        }
        Ok(())
    }
}

/// How to read a document's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: paragraphs and lines.
    Text,
    /// HTML markup.
    Html,
}

/// What the caller says about the input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Sniff from the first bytes (and the file name).
    #[default]
    Auto,
    /// Plain text.
    Text,
    /// HTML.
    Html,
    /// JSON Lines, one document per line.
    Jsonl,
}

/// One document: its bytes (at most the configured maximum) and origin.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from.
    pub origin: Origin,
    /// The original bytes; every span points into these.
    pub bytes: Vec<u8>,
    /// Text or HTML.
    pub format: Format,
    /// A charset named by the container (an HTTP `Content-Type` header), weighed before the
    /// page's own declaration.
    pub charset: Option<&'static encoding_rs::Encoding>,
    /// How to write the document back.
    pub frame: Frame,
    /// Set when these bytes are one window of a larger document.
    pub window: Option<Window>,
}

impl Document {
    /// A document of `bytes` in `format`, with no container charset, as a whole file.
    pub fn new(origin: Origin, bytes: Vec<u8>, format: Format) -> Document {
        Document { origin, bytes, format, charset: None, frame: Frame::Whole, window: None }
    }
}

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct SourceOptions {
    /// Fixed format, or sniffing.
    pub format: InputFormat,
    /// JSON Lines field holding the document text.
    pub text_field: String,
    /// JSON Lines fields naming the document, tried in order.
    pub id_fields: Vec<String>,
    /// Largest record held whole in memory (a JSON Lines line, a WARC or ARC record, a zip
    /// read from a pipe); a larger one is an error row for that record. Default 64 MiB.
    pub max_doc_size: u64,
    /// Documents read as streams (files, archive members) larger than this are scanned in
    /// overlapping windows of this many bytes. Default 4 MiB.
    pub window: usize,
    /// Bytes each window shares with its neighbours, so that a finding up to this long is
    /// seen whole by the window that reports it. Default 4 KiB.
    pub overlap: usize,
    /// Largest decompressed size of one compressed stream or member. Default 16 GiB.
    pub max_decompressed: u64,
    /// Largest ratio of decompressed to compressed bytes once past 1 MiB. Default 1000.
    pub max_ratio: u64,
    /// How many archives may nest inside each other (a tar inside a gzip is 2). Default 4.
    pub max_depth: usize,
    /// Follow symbolic links met while walking directories.
    pub follow_links: bool,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            format: InputFormat::Auto,
            text_field: "text".into(),
            id_fields: vec!["url".into(), "id".into()],
            max_doc_size: 64 << 20,
            window: 4 << 20,
            overlap: 4 << 10,
            max_decompressed: 16 << 30,
            max_ratio: 1000,
            max_depth: 4,
            follow_links: false,
        }
    }
}

/// Where a window of a large document lies in it. Windows of one document share `doc`; the
/// scan of each reports the findings that start in `fresh`, and the caller merges them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Identifies the document among all documents of a run.
    pub doc: u64,
    /// 0-based window number.
    pub index: u32,
    /// Offset of the window's first byte in the document.
    pub base: u64,
    /// Findings starting in this absolute range belong to this window.
    pub fresh: std::ops::Range<u64>,
    /// This is the document's last window.
    pub last: bool,
    /// Newlines in the document before `base`.
    pub lines_before: u64,
    /// Offset in the document of the start of the line holding `base`.
    pub line_start: u64,
    /// Reading the document failed after earlier windows were sent: this empty last window
    /// carries the message, and the document ends as an error row.
    pub error: Option<String>,
}

/// Guess the format from the file name and the first bytes.
pub fn sniff(path: &str, head: &[u8]) -> InputFormat {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return InputFormat::Jsonl;
    }
    if first_line_is_json_object(head) {
        return InputFormat::Jsonl;
    }
    if lower.ends_with(".html")
        || lower.ends_with(".htm")
        || lower.ends_with(".xhtml")
        || looks_like_html(head)
    {
        return InputFormat::Html;
    }
    InputFormat::Text
}

/// True when the first line of `head` (after a BOM and white space) is a JSON object.
pub(crate) fn first_line_is_json_object(head: &[u8]) -> bool {
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let trimmed = body.trim_ascii_start();
    if trimmed.first() != Some(&b'{') {
        return false;
    }
    let first_line = trimmed.split(|&b| b == b'\n').next().unwrap_or(trimmed);
    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(first_line).is_ok()
}

/// Bytes [`looks_like_html`] and the binary check look at.
pub(crate) const SNIFF: usize = 1024;

/// True when the first KiB holds an HTML doctype or a common top-level tag.
pub fn looks_like_html(head: &[u8]) -> bool {
    let head = &head[..head.len().min(SNIFF)];
    let mut lower = [0u8; SNIFF];
    let lower = &mut lower[..head.len()];
    lower.copy_from_slice(head);
    lower.make_ascii_lowercase();
    const TAGS: [&[u8]; 8] =
        [b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title>", b"<div", b"<p>"];
    TAGS.iter().any(|t| memchr::memmem::find(lower, t).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        let cases: &[(&str, &[u8], InputFormat)] = &[
            ("a.txt", b"Hello world\n", InputFormat::Text),
            ("a", b"<!DOCTYPE html><html>", InputFormat::Html),
            ("a", b"\xEF\xBB\xBF  <html lang=en>", InputFormat::Html),
            ("a", b"{\"url\":\"u\",\"text\":\"t\"}\n{\"x\":1}", InputFormat::Jsonl),
            ("a", b"{not json", InputFormat::Text),
            ("x.jsonl", b"", InputFormat::Jsonl),
            ("x.htm", b"plain", InputFormat::Html),
        ];
        for (path, head, want) in cases {
            assert_eq!(sniff(path, head), *want, "{path} {:?}", String::from_utf8_lossy(head));
        }
    }
}
