//! Sources: turn paths and stdin into [`Document`]s, one at a time.
//!
//! A plain text or HTML file is one document. A JSON Lines file gives one document per line:
//! the `text` field (configurable) is the document, named by its `url` field, else `id`.
//! The format is sniffed from the first bytes unless the caller fixes it.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use crate::error::{Error, Result};

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
}

impl Document {
    /// A document of `bytes` in `format`, with no container charset, as a whole file.
    pub fn new(origin: Origin, bytes: Vec<u8>, format: Format) -> Document {
        Document { origin, bytes, format, charset: None, frame: Frame::Whole }
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
    /// Maximum bytes of one document (a larger one is an error for that document).
    pub max_doc_size: u64,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            format: InputFormat::Auto,
            text_field: "text".into(),
            id_fields: vec!["url".into(), "id".into()],
            max_doc_size: 64 << 20,
        }
    }
}

/// The documents of one input (a file or stdin), read lazily.
pub struct Input {
    path: String,
    state: State,
    opts: SourceOptions,
}

enum State {
    Single(Option<Document>),
    Lines { reader: Box<dyn BufRead>, record: u64, buf: Vec<u8> },
    Done,
}

impl Input {
    /// Open `path` (`-` is stdin) and sniff its format.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be opened or read, [`Error::TooLarge`] when a
    /// single-document input exceeds `opts.max_doc_size`.
    pub fn open(path: &str, opts: &SourceOptions) -> Result<Input> {
        let io_err = |source| Error::Io { path: path.to_string(), source };
        let reader: Box<dyn Read> = if path == "-" {
            Box::new(io::stdin().lock())
        } else {
            let f = File::open(path).map_err(io_err)?;
            if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
                return Err(io_err(io::Error::other("is a directory")));
            }
            Box::new(f)
        };
        Input::from_reader(path, reader, opts)
    }

    /// Read documents from any reader, named `path`.
    ///
    /// # Errors
    /// As [`Input::open`].
    pub fn from_reader(path: &str, reader: Box<dyn Read>, opts: &SourceOptions) -> Result<Input> {
        let io_err = |source| Error::Io { path: path.to_string(), source };
        let mut reader = BufReader::with_capacity(64 << 10, reader);
        let head = reader.fill_buf().map_err(io_err)?.to_vec();
        let format = match opts.format {
            InputFormat::Auto => sniff(path, &head),
            f => f,
        };
        let state = match format {
            InputFormat::Jsonl => State::Lines { reader: Box::new(reader), record: 0, buf: Vec::new() },
            f => {
                let mut bytes = Vec::new();
                let limit = opts.max_doc_size;
                reader.by_ref().take(limit + 1).read_to_end(&mut bytes).map_err(io_err)?;
                if bytes.len() as u64 > limit {
                    return Err(Error::TooLarge { path: path.into(), size: bytes.len() as u64, limit });
                }
                let format = if f == InputFormat::Html { Format::Html } else { Format::Text };
                State::Single(Some(Document::new(Origin::file(path), bytes, format)))
            }
        };
        Ok(Input { path: path.into(), state, opts: opts.clone() })
    }

    fn next_line(&mut self) -> Option<Result<Document>> {
        let State::Lines { reader, record, buf } = &mut self.state else {
            return None;
        };
        loop {
            buf.clear();
            let limit = self.opts.max_doc_size.saturating_mul(2).saturating_add(1 << 16);
            let n = match reader.by_ref().take(limit).read_until(b'\n', buf) {
                Ok(n) => n,
                Err(e) => {
                    self.state = State::Done;
                    return Some(Err(Error::Io { path: self.path.clone(), source: e }));
                }
            };
            if n == 0 {
                self.state = State::Done;
                return None;
            }
            let rec = *record;
            if buf.last() != Some(&b'\n') && n as u64 == limit {
                // Skip the rest of an over-long line so the next record starts clean.
                let _ = skip_line(reader);
                *record += 1;
                return Some(Err(Error::Record {
                    path: self.path.clone(),
                    record: rec,
                    offset: None,
                    message: format!("line is longer than {limit} bytes"),
                }));
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            *record += 1;
            return Some(parse_json_record(&self.path, rec, buf, &self.opts));
        }
    }
}

fn skip_line(reader: &mut Box<dyn BufRead>) -> io::Result<()> {
    loop {
        let avail = reader.fill_buf()?;
        if avail.is_empty() {
            return Ok(());
        }
        if let Some(i) = memchr::memchr(b'\n', avail) {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = avail.len();
        reader.consume(n);
    }
}

fn parse_json_record(path: &str, record: u64, line: &[u8], opts: &SourceOptions) -> Result<Document> {
    let err = |message: String| Error::Record { path: path.into(), record, offset: None, message };
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| err(format!("not JSON: {e}")))?;
    let obj = value.as_object().ok_or_else(|| err("not a JSON object".into()))?;
    let text = match obj.get(&opts.text_field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err(err(format!("field `{}` is not a string", opts.text_field))),
        None => return Err(err(format!("no `{}` field", opts.text_field))),
    };
    if text.len() as u64 > opts.max_doc_size {
        return Err(err(format!(
            "text of {} bytes is over the limit of {} bytes",
            text.len(),
            opts.max_doc_size
        )));
    }
    let url = opts.id_fields.iter().find_map(|f| match obj.get(f) {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    });
    let format = if looks_like_html(text.as_bytes()) { Format::Html } else { Format::Text };
    Ok(Document {
        origin: Origin { path: path.into(), record: Some(record), offset: None, url },
        bytes: text.into_bytes(),
        format,
        charset: None,
        frame: Frame::JsonLine(line.strip_suffix(b"\n").unwrap_or(line).to_vec()),
    })
}

impl Iterator for Input {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.state {
            State::Single(doc) => {
                let d = doc.take();
                if d.is_none() {
                    self.state = State::Done;
                }
                d.map(Ok)
            }
            State::Lines { .. } => self.next_line(),
            State::Done => None,
        }
    }
}

/// Guess the format from the file name and the first bytes.
pub fn sniff(path: &str, head: &[u8]) -> InputFormat {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return InputFormat::Jsonl;
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let trimmed = body.trim_ascii_start();
    if trimmed.first() == Some(&b'{') {
        let first_line = trimmed.split(|&b| b == b'\n').next().unwrap_or(trimmed);
        if serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(first_line).is_ok() {
            return InputFormat::Jsonl;
        }
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

/// True when the first KiB holds an HTML doctype or a common top-level tag.
pub fn looks_like_html(head: &[u8]) -> bool {
    let head = &head[..head.len().min(1024)];
    let mut lower = [0u8; 1024];
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

    #[test]
    fn jsonl_records_and_errors() {
        let data =
            b"{\"url\":\"a\",\"text\":\"one\"}\n\nnot json\n{\"id\":7,\"text\":\"two\"}\n{\"url\":\"b\"}\n";
        let input = Input::from_reader("d.jsonl", Box::new(&data[..]), &SourceOptions::default()).unwrap();
        let got: Vec<_> = input.collect();
        assert_eq!(got.len(), 4);
        let d0 = got[0].as_ref().unwrap();
        assert_eq!(
            (d0.origin.record, d0.origin.url.as_deref(), &d0.bytes[..]),
            (Some(0), Some("a"), &b"one"[..])
        );
        assert!(matches!(got[1], Err(Error::Record { record: 1, .. })));
        let d2 = got[2].as_ref().unwrap();
        assert_eq!((d2.origin.record, d2.origin.url.as_deref()), (Some(2), Some("7")));
        assert!(
            matches!(&got[3], Err(Error::Record { record: 3, message, .. }) if message.contains("no `text`"))
        );
    }

    #[test]
    fn too_large() {
        let opts = SourceOptions { max_doc_size: 4, ..Default::default() };
        let r = Input::from_reader("big", Box::new(&b"hello world"[..]), &opts);
        assert!(matches!(r, Err(Error::TooLarge { limit: 4, .. })));
    }
}
