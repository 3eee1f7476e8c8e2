//! JSON Lines datasets: one document per line, the text in a configurable field.

use std::io::{self, BufRead};

use super::{Document, Format, Frame, Item, Origin, SourceOptions};
use crate::error::Error;

/// Read `reader` line by line, sending a document or an error per non-blank line. Returns
/// false when the sink asked to stop.
pub(crate) fn read_lines(
    path: &str,
    reader: &mut dyn BufRead,
    opts: &SourceOptions,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut buf = Vec::new();
    let mut record = 0u64;
    let mut offset = 0u64;
    // A line may be twice the document limit: JSON escapes (\uXXXX) take room.
    let limit = opts.max_doc_size.saturating_mul(2).saturating_add(1 << 16);
    loop {
        buf.clear();
        let n = match <&mut dyn BufRead as io::Read>::take(&mut *reader, limit).read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => return sink(Item::Error(Error::Io { path: path.into(), source: e })),
        };
        if n == 0 {
            return true;
        }
        let start = offset;
        offset += n as u64;
        if buf.last() != Some(&b'\n') && n as u64 == limit {
            // Skip the rest of an over-long line so that the next record starts clean.
            match skip_line(reader) {
                Ok(rest) => offset += rest,
                Err(e) => return sink(Item::Error(Error::Io { path: path.into(), source: e })),
            }
            let msg = format!("line is longer than {limit} bytes");
            let item =
                Item::Error(Error::Record { path: path.into(), record, offset: Some(start), message: msg });
            record += 1;
            if !sink(item) {
                return false;
            }
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = match parse_record(path, record, start, &buf, opts) {
            Ok(d) => Item::Document(d),
            Err(e) => Item::Error(e),
        };
        record += 1;
        if !sink(item) {
            return false;
        }
    }
}

fn skip_line(reader: &mut dyn BufRead) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let avail = reader.fill_buf()?;
        if avail.is_empty() {
            return Ok(skipped);
        }
        if let Some(i) = memchr::memchr(b'\n', avail) {
            reader.consume(i + 1);
            return Ok(skipped + i as u64 + 1);
        }
        let n = avail.len();
        reader.consume(n);
        skipped += n as u64;
    }
}

/// One line -> a document: the text field is the document, named by the first id field.
pub(crate) fn parse_record(
    path: &str,
    record: u64,
    offset: u64,
    line: &[u8],
    opts: &SourceOptions,
) -> Result<Document, Error> {
    let err = |message: String| Error::Record { path: path.into(), record, offset: Some(offset), message };
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| err(format!("not JSON: {e}")))?;
    let obj = value.as_object().ok_or_else(|| err("not a JSON object".into()))?;
    let text = match obj.get(&opts.text_field) {
        Some(serde_json::Value::String(s)) => s,
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
    let format = if super::looks_like_html(text.as_bytes()) { Format::Html } else { Format::Text };
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    Ok(Document {
        origin: Origin { path: path.into(), record: Some(record), offset: Some(offset), url },
        bytes: text.as_bytes().to_vec(),
        format,
        charset: None,
        frame: Frame::JsonLine(line.to_vec()),
        window: None,
    })
}
