//! Emit: write documents back for pipelines. `--filter` writes the records that pass as they
//! were read; `--redact` writes each document with its cuts (see [`Cut`]) removed and the rest
//! byte-identical.

use std::io::{self, Write};

use crate::scan::{Cut, Report};
use crate::source::{Document, Format, Frame};

/// Write `doc`'s record as it was read: a file's bytes, a JSON Lines line (with a newline),
/// a WARC record (gzipped as one member when the input was gzipped per record).
///
/// # Errors
/// The writer's.
pub fn write_record(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    match &doc.frame {
        Frame::Whole => out.write_all(&doc.bytes),
        Frame::JsonLine(line) => {
            out.write_all(line)?;
            out.write_all(b"\n")
        }
        Frame::Warc { raw, gzip: false } => out.write_all(raw),
        Frame::Warc { raw, gzip: true } => {
            let mut enc = flate2::write::GzEncoder::new(out, flate2::Compression::default());
            enc.write_all(raw)?;
            enc.finish().map(drop)
        }
    }
}

/// `bytes` with `cuts` removed. In HTML a text cut keeps the tags inside it, so the markup
/// stays balanced; an element cut goes whole.
pub fn redact_bytes(bytes: &[u8], cuts: &[Cut], format: Format) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    for c in cuts {
        let (s, e) = (c.span.start.min(bytes.len()), c.span.end.min(bytes.len()));
        if s < at {
            continue;
        }
        out.extend_from_slice(&bytes[at..s]);
        if format == Format::Html && !c.element {
            keep_tags(&bytes[s..e], &mut out);
        }
        at = e;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

fn keep_tags(cut: &[u8], out: &mut Vec<u8>) {
    let mut rest = cut;
    while let Some(i) = memchr::memchr(b'<', rest) {
        let end = memchr::memchr(b'>', &rest[i..]).map_or(rest.len(), |j| i + j + 1);
        out.extend_from_slice(&rest[i..end]);
        rest = &rest[end..];
    }
}

/// Write `doc` with its report's cuts removed, in its frame: the file's bytes, or the JSON
/// Lines line with `text_field` replaced and every other field kept.
///
/// A WARC record is rebuilt around the redacted payload (see [`redact_warc`]).
///
/// # Errors
/// The writer's.
pub fn write_redacted(
    doc: &Document,
    report: &Report,
    text_field: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let redacted = redact_bytes(&doc.bytes, &report.cuts, doc.format);
    match &doc.frame {
        Frame::Whole => out.write_all(&redacted),
        Frame::JsonLine(line) => {
            let mut value: serde_json::Value = serde_json::from_slice(line).map_err(io::Error::other)?;
            if let Some(obj) = value.as_object_mut() {
                let text = String::from_utf8_lossy(&redacted).into_owned();
                obj.insert(text_field.to_string(), serde_json::Value::String(text));
            }
            serde_json::to_writer(&mut *out, &value).map_err(io::Error::from)?;
            out.write_all(b"\n")
        }
        Frame::Warc { raw, gzip } => {
            let record = redact_warc(raw, &redacted);
            write_record(&Document { frame: Frame::Warc { raw: record, gzip: *gzip }, ..doc.clone() }, out)
        }
    }
}

/// A WARC record rebuilt around a new payload: the WARC headers with a new `Content-Length`
/// (and without the digests, which no longer hold); for an HTTP response, its status line
/// and headers without `Content-Encoding`, `Transfer-Encoding` and `Content-Length` (the
/// payload is written decoded) plus a new `Content-Length`.
pub fn redact_warc(raw: &[u8], payload: &[u8]) -> Vec<u8> {
    let Some(h) = memchr::memmem::find(raw, b"\r\n\r\n") else { return raw.to_vec() };
    let block = &raw[h + 4..];
    let mut new_block = Vec::with_capacity(payload.len() + 512);
    if block.starts_with(b"HTTP/") {
        let end = memchr::memmem::find(block, b"\r\n\r\n").unwrap_or(block.len());
        copy_headers(
            &block[..end],
            &[b"content-encoding", b"transfer-encoding", b"content-length"],
            &mut new_block,
        );
        new_block.extend_from_slice(format!("Content-Length: {}\r\n\r\n", payload.len()).as_bytes());
    }
    new_block.extend_from_slice(payload);
    let mut out = Vec::with_capacity(new_block.len() + h + 64);
    copy_headers(&raw[..h], &[b"content-length", b"warc-payload-digest", b"warc-block-digest"], &mut out);
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", new_block.len()).as_bytes());
    out.extend_from_slice(&new_block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// Copy the lines of a header block (first line included) to `out` with CRLF endings, leaving
/// out the headers named in `drop` (lower case).
fn copy_headers(head: &[u8], drop: &[&[u8]], out: &mut Vec<u8>) {
    for line in head.split(|&b| b == b'\n') {
        let l = line.strip_suffix(b"\r").unwrap_or(line);
        let name = l.split(|&b| b == b':').next().unwrap_or(l).trim_ascii().to_ascii_lowercase();
        if !drop.contains(&name.as_slice()) {
            out.extend_from_slice(l);
            out.extend_from_slice(b"\r\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn warc_record_around_a_new_payload() {
        let body = b"<p>old body</p>";
        let raw = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Payload-Digest: sha1:X\r\nContent-Length: 999\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: 40\r\n\r\n{}\r\n\r\n",
            String::from_utf8_lossy(body)
        );
        let out = String::from_utf8(redact_warc(raw.as_bytes(), b"<p>new</p>")).unwrap();
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10\r\n\r\n<p>new</p>";
        assert_eq!(
            out,
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
                http.len()
            )
        );
    }

    #[test]
    fn text_and_element_cuts() {
        let html = b"<h2>Title \xe7\x88\xb1</h2><div hidden><a href=x>spam</a></div><p>ok</p>";
        let cuts =
            [Cut { span: Span::new(10, 13), element: false }, Cut { span: Span::new(18, 54), element: true }];
        let out = redact_bytes(html, &cuts, Format::Html);
        assert_eq!(String::from_utf8(out).unwrap(), "<h2>Title </h2><p>ok</p>");
        // A text cut across tags keeps the tags.
        let html = b"<a>AB</a> <a>CD</a>";
        let out = redact_bytes(html, &[Cut { span: Span::new(3, 14), element: false }], Format::Html);
        assert_eq!(String::from_utf8(out).unwrap(), "<a></a><a>D</a>");
    }
}
