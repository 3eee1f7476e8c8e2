//! One input stream -> items: containers recognised by their magic bytes (gzip, zstd, tar,
//! zip, WARC, ARC), JSON Lines read line by line, and plain documents read in windows.

use std::io::{self, BufRead, BufReader, Cursor, Read, Seek};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::{jsonl, sniff, Document, Format, InputFormat, Item, Origin, SourceOptions, Window};
use crate::error::Error;

/// Bytes looked at to recognise a format.
const HEAD: usize = 8 << 10;
/// Bytes needed to tell every container apart (tar's magic ends at 262).
const MAGIC: usize = 512;

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Gzip,
    Zstd,
    Zip,
    Tar,
    Warc,
    Arc,
    Other,
}

fn kind_of(head: &[u8]) -> Kind {
    if head.starts_with(&[0x1f, 0x8b]) {
        Kind::Gzip
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Kind::Zstd
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Kind::Zip
    } else if is_tar(head) {
        Kind::Tar
    } else if super::warc::is_warc(head) {
        Kind::Warc
    } else if super::warc::is_arc(head) {
        Kind::Arc
    } else {
        Kind::Other
    }
}

/// A tar header: the `ustar` magic at 257 and a checksum that adds up (text that happens to
/// spell `ustar` there, as in "mustard", is not an archive; found by fuzzing).
fn is_tar(head: &[u8]) -> bool {
    if head.len() < 512 || &head[257..262] != b"ustar" {
        return false;
    }
    let field = &head[148..156];
    let digits = field.iter().copied().skip_while(|&b| b == b' ').take_while(|&b| (b'0'..=b'7').contains(&b));
    let stored = digits.fold(0u32, |n, d| n.saturating_mul(8).saturating_add(u32::from(d - b'0')));
    let (mut unsigned, mut signed) = (0u32, 0i32);
    for (i, &b) in head[..512].iter().enumerate() {
        let b = if (148..156).contains(&i) { b' ' } else { b };
        unsigned += u32::from(b);
        signed += i32::from(b as i8);
    }
    stored == unsigned || i64::from(stored) == i64::from(signed)
}

/// Reads sources into a sink, numbering documents for windows and stopping when asked.
pub(crate) struct Reader<'o, 's> {
    pub(crate) opts: &'o SourceOptions,
    sink: &'s mut dyn FnMut(Item) -> bool,
    next_doc: u64,
    stopped: bool,
}

impl<'o, 's> Reader<'o, 's> {
    pub(crate) fn new(opts: &'o SourceOptions, sink: &'s mut dyn FnMut(Item) -> bool) -> Self {
        Reader { opts, sink, next_doc: 0, stopped: false }
    }

    /// Send `item`; false once the sink has asked to stop.
    pub(crate) fn emit(&mut self, item: Item) -> bool {
        if !self.stopped && !(self.sink)(item) {
            self.stopped = true;
        }
        !self.stopped
    }

    pub(crate) fn stopped(&self) -> bool {
        self.stopped
    }

    /// Read a whole stream that owns its source (a file, stdin, a decompressor over one).
    pub(crate) fn read_owned(&mut self, origin: Origin, reader: Box<dyn Read + Send>, depth: usize) -> bool {
        let (head, reader) = match peek(reader) {
            Ok(x) => x,
            Err(e) => return self.emit(Item::Error(read_error(origin, e))),
        };
        let kind = kind_of(&head);
        if kind != Kind::Other && depth >= self.opts.max_depth {
            let message = format!("archives nested deeper than {}", self.opts.max_depth);
            return self.emit(Item::Error(read_error(origin, io::Error::other(message))));
        }
        match kind {
            Kind::Gzip => {
                let inner = gzip_head(&head);
                if super::warc::is_warc(&inner) {
                    return self.warc(origin, reader, false);
                }
                if super::warc::is_arc(&inner) {
                    return self.warc(origin, reader, true);
                }
                let counted = Counted::new(reader);
                let read = counted.count.clone();
                // A small buffer: the ratio is measured against what it has read, so a bomb
                // is caught after at most ratio × 16 KiB of output.
                let dec = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(16 << 10, counted));
                let guarded = Guard::new(dec, read, self.opts, "gzip");
                self.read_owned(origin, Box::new(guarded), depth + 1)
            }
            Kind::Zstd => {
                let counted = Counted::new(reader);
                let read = counted.count.clone();
                match ruzstd::decoding::StreamingDecoder::new(counted) {
                    Ok(dec) => {
                        let guarded = Guard::new(dec, read, self.opts, "zstd");
                        self.read_owned(origin, Box::new(guarded), depth + 1)
                    }
                    Err(e) => {
                        let message = format!("bad zstd stream: {e}");
                        self.emit(Item::Error(Error::Corrupt { path: origin.path, message }))
                    }
                }
            }
            Kind::Warc => self.warc(origin, reader, false),
            Kind::Arc => self.warc(origin, reader, true),
            Kind::Tar => self.tar(origin, reader, depth),
            Kind::Zip => match spool(reader, self.opts.max_decompressed) {
                Ok(file) => self.zip(origin, file, depth),
                Err(e) => self.emit(Item::Error(read_error(origin, e))),
            },
            Kind::Other => self.document(origin, &head, reader),
        }
    }

    /// Read an archive member, which borrows its archive: documents are read directly,
    /// containers are spooled to a temporary file first.
    fn read_member(&mut self, origin: Origin, member: &mut dyn Read, depth: usize) -> bool {
        let mut head = Vec::with_capacity(HEAD);
        if let Err(e) = member.take(HEAD as u64).read_to_end(&mut head) {
            return self.emit(Item::Error(read_error(origin, e)));
        }
        if kind_of(&head) == Kind::Other {
            let chained = Cursor::new(head.clone()).chain(member);
            return self.document(origin, &head, Box::new(chained));
        }
        let rest = Cursor::new(head).chain(member);
        match spool(Box::new(rest), self.opts.max_decompressed) {
            Ok(file) => self.read_owned(origin, Box::new(file), depth),
            Err(e) => self.emit(Item::Error(read_error(origin, e))),
        }
    }

    fn warc(&mut self, origin: Origin, reader: Box<dyn Read + Send>, arc: bool) -> bool {
        let opts = self.opts;
        let mut sink = |item: Item| self.emit(item);
        if arc {
            super::warc::read_arc(&origin.path, reader, opts, &mut sink)
        } else {
            super::warc::read_warc(&origin.path, reader, opts, &mut sink)
        }
    }

    fn tar(&mut self, origin: Origin, reader: Box<dyn Read + Send>, depth: usize) -> bool {
        let mut archive = tar::Archive::new(reader);
        let entries = match archive.entries() {
            Ok(e) => e,
            Err(e) => return self.emit(Item::Error(read_error(origin, e))),
        };
        for (i, entry) in entries.enumerate() {
            let record = i as u64;
            let mut entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    // A broken header: tar has no index to find the next member by.
                    let message = format!("unreadable tar member: {e}");
                    let err = Error::Record { path: origin.path.clone(), record, offset: None, message };
                    return self.emit(Item::Error(err));
                }
            };
            let name = entry.path().map(|p| p.display().to_string()).unwrap_or_else(|_| format!("#{i}"));
            let offset = Some(entry.raw_header_position());
            let member =
                Origin { path: format!("{}!{name}", origin.path), record: Some(record), offset, url: None };
            let kind = entry.header().entry_type();
            let keep_going = if kind.is_file() {
                // A header may claim more than the archive holds (10 TB): the member ends in
                // an error row of its own, and nothing follows it.
                let size = entry.size();
                let mut exact = Exact { inner: &mut entry, size, left: size, short: false };
                let keep_going = self.read_member(member, &mut exact, depth + 1);
                if exact.short {
                    return keep_going;
                }
                keep_going
            } else if kind.is_dir() || kind.is_pax_global_extensions() || kind.is_pax_local_extensions() {
                true
            } else {
                let reason = format!("not a regular file ({kind:?})");
                self.emit(Item::Skipped { origin: member, reason })
            };
            if !keep_going {
                return false;
            }
        }
        true
    }

    fn zip<R: Read + Seek>(&mut self, origin: Origin, file: R, depth: usize) -> bool {
        let file = Counted::new(file);
        let read = file.count.clone();
        let mut archive = match zip::ZipArchive::new(file) {
            Ok(a) => a,
            Err(e) => {
                let message = format!("unreadable zip: {e}");
                return self.emit(Item::Error(Error::Corrupt { path: origin.path, message }));
            }
        };
        for i in 0..archive.len() {
            let record = i as u64;
            let mut entry = match archive.by_index(i) {
                Ok(e) => e,
                Err(e) => {
                    let message = format!("unreadable zip member: {e}");
                    let err = Error::Record { path: origin.path.clone(), record, offset: None, message };
                    if !self.emit(Item::Error(err)) {
                        return false;
                    }
                    continue;
                }
            };
            let member = Origin {
                path: format!("{}!{}", origin.path, entry.name()),
                record: Some(record),
                offset: Some(entry.header_start()),
                url: None,
            };
            if entry.is_dir() {
                continue;
            }
            if entry.is_symlink() {
                if !self.emit(Item::Skipped { origin: member, reason: "symlink in archive".into() }) {
                    return false;
                }
                continue;
            }
            // A member may claim any size; the guard holds it to the configured limits, the
            // ratio measured against the compressed bytes read for it so far.
            read.store(0, Ordering::Relaxed);
            let mut guarded = Guard::new(&mut entry, Arc::clone(&read), self.opts, "zip");
            if !self.read_member(member, &mut guarded, depth + 1) {
                return false;
            }
        }
        true
    }

    /// A plain document (text, HTML) or a JSON Lines dataset.
    fn document(&mut self, origin: Origin, head: &[u8], reader: Box<dyn Read + '_>) -> bool {
        let format = match self.opts.format {
            InputFormat::Auto => sniff(&origin.path, head),
            f => f,
        };
        if format == InputFormat::Jsonl {
            let mut buffered = BufReader::with_capacity(64 << 10, reader);
            let opts = self.opts;
            let path = origin.path.clone();
            let mut sink = |item: Item| self.emit(item);
            return jsonl::read_lines(&path, &mut buffered, opts, &mut sink);
        }
        if self.opts.format == InputFormat::Auto && is_binary(head) {
            return self.emit(Item::Skipped { origin, reason: "binary file".into() });
        }
        let format = if format == InputFormat::Html { Format::Html } else { Format::Text };
        self.windows(origin, format, reader)
    }

    /// Read a document in windows of `opts.window` bytes that overlap by `opts.overlap`;
    /// a document that fits one window is sent whole.
    fn windows(&mut self, origin: Origin, format: Format, mut reader: Box<dyn Read + '_>) -> bool {
        let (w, o) = (self.opts.window.max(1) as u64, self.opts.overlap as u64);
        let doc = self.next_doc;
        self.next_doc += 1;
        let mut buf: Vec<u8> = Vec::new();
        let mut base = 0u64; // document offset of buf[0]
        let mut eof = false;
        let (mut lines_before, mut line_start) = (0u64, 0u64);
        for k in 0u64.. {
            let end = (k + 1) * w + o;
            if let Err(e) = fill(&mut reader, &mut buf, (end - base) as usize, &mut eof) {
                return self.read_failed(origin, doc, k, e);
            }
            let total = base + buf.len() as u64;
            if k == 0 && eof && total <= w + o {
                return self.emit(Item::Document(Document::new(origin, buf, format)));
            }
            let last = eof && total <= (k + 1) * w;
            let start = (k * w).saturating_sub(o);
            let bytes = buf[(start - base) as usize..].to_vec();
            let window = Window {
                doc,
                index: k as u32,
                base: start,
                fresh: k * w..if last { u64::MAX } else { (k + 1) * w },
                last,
                lines_before,
                line_start,
                error: None,
            };
            let mut d = Document::new(origin.clone(), bytes, format);
            d.window = Some(window);
            if !self.emit(Item::Document(d)) || last {
                return !self.stopped;
            }
            // Drop what the next window no longer needs, counting its lines.
            let keep_from = ((k + 1) * w).saturating_sub(o);
            let drop = (keep_from - base) as usize;
            for i in memchr::memchr_iter(b'\n', &buf[..drop]) {
                lines_before += 1;
                line_start = base + i as u64 + 1;
            }
            buf.drain(..drop);
            base = keep_from;
        }
        true
    }

    /// A read error after some windows went out: a last, empty window carries the error so
    /// that the document still ends as one (error) row.
    fn read_failed(&mut self, origin: Origin, doc: u64, k: u64, e: io::Error) -> bool {
        if k == 0 {
            return self.emit(Item::Error(read_error(origin, e)));
        }
        let mut d = Document::new(origin, Vec::new(), Format::Text);
        d.window = Some(Window {
            doc,
            index: k as u32,
            base: 0,
            fresh: 0..0,
            last: true,
            lines_before: 0,
            line_start: 0,
            error: Some(e.to_string()),
        });
        self.emit(Item::Document(d))
    }
}

/// Fill `buf` to `want` bytes or the end of the stream.
fn fill(reader: &mut dyn Read, buf: &mut Vec<u8>, want: usize, eof: &mut bool) -> io::Result<()> {
    if *eof || buf.len() >= want {
        return Ok(());
    }
    let need = (want - buf.len()) as u64;
    let n = reader.take(need).read_to_end(buf)?;
    if (n as u64) < need {
        *eof = true;
    }
    Ok(())
}

/// The first bytes of a stream, and the stream again with them in front. They are read until
/// what is sniffed from them cannot change, so that the result does not depend on the sizes
/// the stream comes in (a pipe gives what it has; a file, 8 KiB at once), and no longer, so
/// that a slow pipe of JSON Lines is scanned line by line: a container's magic number (for
/// gzip, with 512 bytes to look inside), a first line that is a JSON object, or the first KiB
/// and a whole first line; at most 8 KiB.
fn peek(mut reader: Box<dyn Read + Send>) -> io::Result<(Vec<u8>, Box<dyn Read + Send>)> {
    let mut head = vec![0u8; HEAD];
    let mut n = 0;
    while n < HEAD {
        match reader.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        let h = &head[..n];
        let kind = kind_of(h);
        if kind != Kind::Other {
            if kind != Kind::Gzip || n >= MAGIC {
                break;
            }
            continue;
        }
        let line = h.contains(&b'\n');
        if line && (n >= super::SNIFF.max(MAGIC) || super::first_line_is_json_object(h)) {
            break;
        }
    }
    head.truncate(n);
    let again = Cursor::new(head.clone()).chain(reader);
    Ok((head, Box::new(again)))
}

/// The first decompressed bytes of a gzip stream whose start is `head` (errors ignored: the
/// head is usually cut in the middle of the stream).
fn gzip_head(head: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(512);
    let mut dec = flate2::read::GzDecoder::new(head);
    let mut chunk = [0u8; 512];
    while out.len() < 512 {
        match dec.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&chunk[..n]),
        }
    }
    out
}

/// NUL bytes in the first KiB, unless the text is UTF-16.
fn is_binary(head: &[u8]) -> bool {
    let h = &head[..head.len().min(1024)];
    if h.starts_with(&[0xFF, 0xFE]) || h.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let nul = h.iter().filter(|&&b| b == 0).count();
    if nul == 0 {
        return false;
    }
    // UTF-16 without a BOM: NULs at every other byte of ASCII text.
    let (even, odd) =
        h.chunks_exact(2).fold((0, 0), |(e, o), p| (e + usize::from(p[0] == 0), o + usize::from(p[1] == 0)));
    let pairs = h.len() / 2;
    !(pairs > 0 && (odd * 10 > pairs * 7 || even * 10 > pairs * 7) && (even * 10 < pairs || odd * 10 < pairs))
}

/// Copy a stream into a temporary file (for zip, which needs to seek), at most `limit` bytes.
fn spool(reader: Box<dyn Read + '_>, limit: u64) -> io::Result<std::fs::File> {
    let mut file = tempfile::tempfile()?;
    let n = io::copy(&mut reader.take(limit + 1), &mut file)?;
    if n > limit {
        return Err(io::Error::other(format!("archive larger than {limit} bytes")));
    }
    file.rewind()?;
    Ok(file)
}

/// The error of a stream that could not be read: of its record, when it is one.
fn read_error(origin: Origin, e: io::Error) -> Error {
    match origin.record {
        Some(record) => {
            Error::Record { path: origin.path, record, offset: origin.offset, message: e.to_string() }
        }
        None => Error::Io { path: origin.path, source: e },
    }
}

/// A tar member, which must give as many bytes as its header says: an archive that ends
/// before is an error, not a shorter member.
struct Exact<R> {
    inner: R,
    size: u64,
    left: u64,
    short: bool,
}

impl<R: Read> Read for Exact<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && self.left > 0 && !buf.is_empty() {
            self.short = true;
            let got = self.size - self.left;
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("the archive ends {got} bytes into a member of {} bytes", self.size),
            ));
        }
        self.left = self.left.saturating_sub(n as u64);
        Ok(n)
    }
}

/// Counts the bytes read through it (the compressed side of a decompressor).
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counted<R> {
    fn new(inner: R) -> Self {
        Counted { inner, count: Arc::new(AtomicU64::new(0)) }
    }
}

impl<R: Seek> Seek for Counted<R> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Holds a decompressor to the size and ratio limits: a bomb becomes a read error.
struct Guard<R> {
    inner: R,
    compressed: Arc<AtomicU64>,
    out: u64,
    max: u64,
    ratio: u64,
    what: &'static str,
}

impl<R> Guard<R> {
    fn new(inner: R, compressed: Arc<AtomicU64>, opts: &SourceOptions, what: &'static str) -> Self {
        Guard { inner, compressed, out: 0, max: opts.max_decompressed, ratio: opts.max_ratio, what }
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.out += n as u64;
        if self.out > self.max {
            return Err(io::Error::other(format!("{} data larger than {} bytes", self.what, self.max)));
        }
        let compressed = self.compressed.load(Ordering::Relaxed).max(1);
        if self.out > (1 << 20) && self.out / compressed > self.ratio {
            return Err(io::Error::other(format!(
                "{} expands more than {}:1 (a decompression bomb?)",
                self.what, self.ratio
            )));
        }
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Guard<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.out += amt as u64;
        self.inner.consume(amt)
    }
}

/// Read one stream (stdin, a file, anything readable) named by `origin` into `sink`.
/// Returns false when the sink asked to stop.
pub fn read_stream(
    origin: Origin,
    reader: Box<dyn Read + Send>,
    opts: &SourceOptions,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut r = Reader::new(opts, sink);
    r.read_owned(origin, reader, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text with `ustar` at offset 257 is text; a real tar header is a tar.
    #[test]
    fn tar_needs_its_checksum() {
        let mut text = b"{\"text\":\"".to_vec();
        text.resize(256, b'a');
        text.extend_from_slice(b"mustard and more text\"}\n");
        text.resize(600, b'b');
        assert_eq!(kind_of(&text), Kind::Other);
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_ustar();
        h.set_size(3);
        h.set_cksum();
        b.append_data(&mut h, "a.txt", &b"abc"[..]).unwrap();
        assert_eq!(kind_of(&b.into_inner().unwrap()), Kind::Tar);
    }
}
