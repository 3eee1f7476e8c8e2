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
/// # Errors
/// The writer's; `Unsupported` for WARC records (write them with `--filter`).
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
        Frame::Warc { .. } => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "redacting WARC records is not supported: use --filter",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

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
