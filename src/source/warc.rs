//! WARC 1.0/1.1 and ARC v1/v2 archives, plain or gzipped, read one record at a time.
//!
//! Every record that is a document gives an [`Item::Document`]: `response` records (the HTTP
//! status line and header block stripped, `Transfer-Encoding: chunked` and then
//! `Content-Encoding` undone), `resource` and `conversion` records (WET) whose block is the
//! payload, and ARC records. Non-text payloads and `metadata` records (WAT) give an
//! [`Item::Skipped`]; `warcinfo`, `request`, `revisit` and `continuation` records give nothing.
//! A record that cannot be read gives an [`Error::Record`] and the scan goes on with the next
//! record: the next gzip member, or the next line that starts a record.
//!
//! Gzip is decoded member by member with [`flate2::bufread::GzDecoder`] over a buffer that
//! counts the compressed bytes, so the compressed offset of every member is known: a record
//! that fills one member (Common Crawl writes one member per record) is named by the offset
//! of its member, as crawl indexes do. Records of a file gzipped as a whole have no offset.
//! At most one record is held in memory, and a document is at most `max_doc_size` bytes
//! after every decoding step, which also bounds what a gzip bomb can make us hold.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

use encoding_rs::Encoding;
use flate2::bufread::{DeflateDecoder, GzDecoder, ZlibDecoder};

use super::{looks_like_html, Document, Format, Frame, Item, Origin, Sink, SourceOptions};
use crate::error::Error;

/// Size of the buffer over the file as stored.
const RAW_BUF: usize = 64 << 10;
/// Size of the buffer of decoded bytes of a gzip member.
const OUT_BUF: usize = 64 << 10;
/// Longest WARC record header block.
const HEADER_MAX: usize = 1 << 20;
/// How far a record block may exceed `max_doc_size` (its HTTP header block) and still be read.
const HTTP_SLACK: u64 = 1 << 20;
/// Bytes of an over-long record read to tell what it holds.
const HEAD_PEEK: u64 = 64 << 10;
/// Longest line kept while looking for the start of a record (an ARC header line).
const LINE_MAX: usize = 64 << 10;
/// Most bytes reserved up front for a record (its Content-Length is not trusted).
const RESERVE_MAX: u64 = 8 << 20;
/// The first bytes of a gzip member (magic and the deflate method).
const GZ_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// True when the (decompressed) first bytes of a file are a WARC record.
pub fn is_warc(head: &[u8]) -> bool {
    head.starts_with(b"WARC/1.") || head.starts_with(b"WARC/0.")
}

/// True when the (decompressed) first bytes of a file are an ARC file header.
pub fn is_arc(head: &[u8]) -> bool {
    head.starts_with(b"filedesc://")
}

/// Read a WARC 1.0/1.1 file (plain, gzipped one member per record as Common Crawl writes, or
/// one gzip member for the whole file) and send one Item per record that is a document or
/// skipped; returns false when the sink asked to stop.
pub fn read_warc(
    path: &str,
    input: Box<dyn std::io::Read + Send>,
    opts: &SourceOptions,
    sink: &mut Sink<'_>,
) -> bool {
    Reader::new(path, input, opts, Kind::Warc).run(sink)
}

/// Read an ARC (Internet Archive v1/v2) file, plain or gzipped (per record or whole).
pub fn read_arc(
    path: &str,
    input: Box<dyn std::io::Read + Send>,
    opts: &SourceOptions,
    sink: &mut Sink<'_>,
) -> bool {
    Reader::new(path, input, opts, Kind::Arc).run(sink)
}

// ---------------------------------------------------------------------------------------------
// The file as stored: a buffer that counts consumed bytes.

struct RawIn {
    inner: Box<dyn Read + Send>,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
    /// File offset of `buf[pos]`.
    offset: u64,
}

impl RawIn {
    fn new(inner: Box<dyn Read + Send>) -> RawIn {
        RawIn { inner, buf: vec![0; RAW_BUF].into_boxed_slice(), pos: 0, end: 0, offset: 0 }
    }

    /// Make at least `n` (at most `RAW_BUF`) bytes available unless the input ends first.
    fn fill_at_least(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.end - self.pos < n {
            if self.pos > 0 {
                self.buf.copy_within(self.pos..self.end, 0);
                self.end -= self.pos;
                self.pos = 0;
            }
            let got = read_retry(&mut self.inner, &mut self.buf[self.end..])?;
            if got == 0 {
                break;
            }
            self.end += got;
        }
        Ok(&self.buf[self.pos..self.end])
    }
}

fn read_retry<R: Read + ?Sized>(r: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

impl Read for RawIn {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for RawIn {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.end {
            self.pos = 0;
            self.end = 0;
        }
        self.fill_at_least(1)
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.end - self.pos);
        self.pos += n;
        self.offset += n as u64;
    }
}

// ---------------------------------------------------------------------------------------------
// The decoded stream: the file itself, or its gzip members one after the other.

/// Where a record starts.
#[derive(Debug, Clone, Copy)]
struct Mark {
    /// Plain input: the byte offset; gzip: the compressed offset of the current member.
    offset: u64,
    /// Plain input: always; gzip: the record starts at the start of its member.
    member_start: bool,
}

struct Stream {
    gzip: bool,
    /// Plain input, or gzip input between members.
    raw: Option<RawIn>,
    /// Gzip input: the current member.
    dec: Option<GzDecoder<RawIn>>,
    /// Decoded bytes of the current member (never of two members).
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
    member_offset: u64,
    /// Decoded bytes of the current member consumed so far.
    member_used: u64,
    /// Counts members started.
    member_seq: u64,
    member_done: bool,
    /// A member given up at this offset: look for the next one after it, quietly.
    abandoned_at: Option<u64>,
    /// Problems between gzip members, to report as `Error::Corrupt`.
    notes: Vec<String>,
    /// A read error of the file itself: the stream has ended.
    fatal: Option<io::Error>,
}

enum BlockErr {
    /// The input ended after this many bytes.
    Eof(u64),
    /// A gzip member starting with the next record began after this many bytes.
    NextRecord(u64),
    /// Gave up discarding an oversized gzip record after this many bytes.
    Bomb(u64),
    Io(io::Error),
}

impl Stream {
    fn new(input: Box<dyn Read + Send>) -> Stream {
        Stream {
            gzip: false,
            raw: Some(RawIn::new(input)),
            dec: None,
            buf: Box::new([]),
            pos: 0,
            end: 0,
            member_offset: 0,
            member_used: 0,
            member_seq: 0,
            member_done: true,
            abandoned_at: None,
            notes: Vec::new(),
            fatal: None,
        }
    }

    /// Look for the gzip magic.
    fn detect(&mut self) -> io::Result<()> {
        if let Some(raw) = self.raw.as_mut() {
            self.gzip = raw.fill_at_least(2)?.starts_with(&GZ_MAGIC[..2]);
        }
        if self.gzip {
            self.buf = vec![0; OUT_BUF].into_boxed_slice();
        }
        Ok(())
    }

    /// Make decoded bytes available and return how many. In gzip input, 0 means the end of
    /// the current member when `cross` is false, else the end of the input.
    fn fill(&mut self, cross: bool) -> io::Result<usize> {
        if !self.gzip {
            return match self.raw.as_mut() {
                Some(r) => Ok(r.fill_buf()?.len()),
                None => Ok(0),
            };
        }
        loop {
            if self.pos < self.end {
                return Ok(self.end - self.pos);
            }
            if !self.member_done {
                if let Some(dec) = self.dec.as_mut() {
                    let n = read_retry(dec, &mut self.buf)?;
                    if n == 0 {
                        self.member_done = true;
                    } else {
                        self.pos = 0;
                        self.end = n;
                        return Ok(n);
                    }
                    continue;
                }
            }
            if !cross || !self.next_member() {
                return Ok(0);
            }
        }
    }

    /// Start decoding the next gzip member, skipping (and noting) bytes that are not one.
    fn next_member(&mut self) -> bool {
        let mut raw = match (self.dec.take(), self.raw.take()) {
            (Some(d), _) => d.into_inner(),
            (None, Some(r)) => r,
            (None, None) => return false,
        };
        self.pos = 0;
        self.end = 0;
        let quiet = self.abandoned_at.is_some();
        if let Some(at) = self.abandoned_at.take() {
            if raw.offset <= at {
                match raw.fill_at_least(1) {
                    Ok(b) if !b.is_empty() => raw.consume(1),
                    Ok(_) => {}
                    Err(e) => {
                        self.fatal = Some(e);
                        return false;
                    }
                }
            }
        }
        let start = raw.offset;
        let found = loop {
            let (len, at) = match raw.fill_at_least(GZ_MAGIC.len()) {
                Ok(b) => (b.len(), memchr::memmem::find(b, &GZ_MAGIC)),
                Err(e) => {
                    self.fatal = Some(e);
                    return false;
                }
            };
            if len == 0 {
                break false;
            }
            match at {
                Some(i) => {
                    raw.consume(i);
                    break true;
                }
                // Keep the last two bytes: the magic may straddle the buffer's end.
                None if len >= GZ_MAGIC.len() => raw.consume(len - 2),
                None => raw.consume(len),
            }
        };
        let skipped = raw.offset - start;
        if skipped > 0 && !quiet {
            self.notes.push(format!("{skipped} bytes at offset {start} are not gzip data; skipped them"));
        }
        if !found {
            self.raw = Some(raw);
            return false;
        }
        self.member_offset = raw.offset;
        self.member_used = 0;
        self.member_seq += 1;
        self.member_done = false;
        self.dec = Some(GzDecoder::new(raw));
        true
    }

    /// Give up the current gzip member (it is broken); the next fill looks for the next one.
    fn abandon(&mut self) {
        if let Some(d) = self.dec.take() {
            self.raw = Some(d.into_inner());
            self.abandoned_at = Some(self.member_offset);
        }
        self.pos = 0;
        self.end = 0;
        self.member_done = true;
    }

    fn avail(&self) -> &[u8] {
        if self.gzip {
            &self.buf[self.pos..self.end]
        } else {
            self.raw.as_ref().map_or(&[][..], |r| &r.buf[r.pos..r.end])
        }
    }

    fn consume(&mut self, n: usize) {
        if self.gzip {
            let n = n.min(self.end - self.pos);
            self.pos += n;
            self.member_used += n as u64;
        } else if let Some(r) = self.raw.as_mut() {
            r.consume(n);
        }
    }

    /// Where the next byte is (call after a successful `fill`).
    fn mark(&self) -> Mark {
        if self.gzip {
            Mark { offset: self.member_offset, member_start: self.member_used == 0 }
        } else {
            Mark { offset: self.raw.as_ref().map_or(0, |r| r.offset), member_start: true }
        }
    }

    /// Gzip input: the current member has no more bytes.
    fn at_member_end(&mut self) -> io::Result<bool> {
        Ok(self.gzip && self.fill(false)? == 0)
    }

    /// Read one line through its `\n`, keeping at most `keep` bytes of it in `out`; returns the
    /// length of the line (0 at the end of the input). In gzip input a line also ends where its
    /// member ends.
    fn read_line(&mut self, out: &mut Vec<u8>, keep: usize) -> io::Result<u64> {
        let mut total = 0u64;
        let mut kept = 0usize;
        loop {
            if self.fill(total == 0)? == 0 {
                return Ok(total);
            }
            let b = self.avail();
            let (take, done) = match memchr::memchr(b'\n', b) {
                Some(i) => (i + 1, true),
                None => (b.len(), false),
            };
            let k = take.min(keep - kept);
            out.extend_from_slice(&b[..k]);
            kept += k;
            self.consume(take);
            total += take as u64;
            if done {
                return Ok(total);
            }
        }
    }

    /// Consume up to `max` CR and LF bytes of the current member (the end of a record).
    fn skip_newlines(&mut self, max: usize) -> io::Result<()> {
        let mut left = max;
        while left > 0 {
            let n = self.fill(false)?;
            if n == 0 {
                break;
            }
            let b = self.avail();
            let k = b.iter().take(left).take_while(|&&c| c == b'\r' || c == b'\n').count();
            self.consume(k);
            left -= k;
            if k < n {
                break;
            }
        }
        Ok(())
    }

    /// Read `n` bytes of a record block into `out`, or discard them when `out` is `None` (in
    /// gzip input, giving up after `discard_cap` bytes). In gzip input, a member that starts
    /// with what `next_record` recognises ends the block early.
    fn read_block(
        &mut self,
        mut out: Option<&mut Vec<u8>>,
        n: u64,
        discard_cap: u64,
        next_record: fn(&[u8]) -> bool,
    ) -> Result<(), BlockErr> {
        let mut got = 0u64;
        while got < n {
            let seq = self.member_seq;
            let avail = self.fill(true).map_err(BlockErr::Io)?;
            if avail == 0 {
                return Err(BlockErr::Eof(got));
            }
            if self.gzip && self.member_seq != seq && self.member_used == 0 && next_record(self.avail()) {
                return Err(BlockErr::NextRecord(got));
            }
            let take = (avail as u64).min(n - got) as usize;
            if let Some(o) = out.as_deref_mut() {
                o.extend_from_slice(&self.avail()[..take]);
            }
            self.consume(take);
            got += take as u64;
            if out.is_none() && self.gzip && got > discard_cap {
                return Err(BlockErr::Bomb(got));
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Records.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Warc,
    Arc,
}

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    /// WARC `response`: an HTTP response, else a block typed by the WARC `Content-Type`.
    Response,
    /// WARC `resource` or `conversion`: the block is the payload.
    Block,
    /// WARC `metadata`: skipped.
    Metadata,
    /// Nothing to report (`warcinfo`, `request`, `revisit`, `continuation`, other types).
    Ignore,
    /// A WARC record without `WARC-Type`: an error.
    Untyped,
    /// The ARC file header (`filedesc://`): gives the version, nothing emitted.
    ArcHeader,
    /// An ARC record: an HTTP response, else a block typed by the ARC header.
    ArcRecord,
}

/// A record whose header has been read.
struct Rec {
    index: u64,
    mark: Mark,
    url: Option<String>,
    ctype: Option<String>,
    len: u64,
    /// The header as read; the block is appended when it is read.
    raw: Vec<u8>,
    what: What,
}

enum Flow {
    /// Go on with the next record.
    Go,
    /// The input has ended.
    Done,
    /// The sink asked to stop.
    Stop,
}

macro_rules! emit {
    ($sink:expr, $item:expr) => {
        if !($sink)($item) {
            return Flow::Stop;
        }
    };
}

struct Reader<'a> {
    path: &'a str,
    opts: &'a SourceOptions,
    st: Stream,
    kind: Kind,
    /// Index of the next record.
    record: u64,
    /// After a record whose length is unknown: skip to the next record without a report.
    resyncing: bool,
    arc_version: u8,
}

impl<'a> Reader<'a> {
    fn new(path: &'a str, input: Box<dyn Read + Send>, opts: &'a SourceOptions, kind: Kind) -> Reader<'a> {
        Reader { path, opts, st: Stream::new(input), kind, record: 0, resyncing: false, arc_version: 1 }
    }

    fn run(mut self, sink: &mut Sink<'_>) -> bool {
        if let Err(source) = self.st.detect() {
            return sink(Item::Error(Error::Io { path: self.path.into(), source }));
        }
        loop {
            let flow = self.step(sink);
            if matches!(flow, Flow::Stop) || !self.drain_notes(sink) {
                return false;
            }
            if matches!(flow, Flow::Done) {
                break;
            }
        }
        match self.st.fatal.take() {
            Some(source) => sink(Item::Error(Error::Io { path: self.path.into(), source })),
            None => true,
        }
    }

    fn drain_notes(&mut self, sink: &mut Sink<'_>) -> bool {
        for message in std::mem::take(&mut self.st.notes) {
            if !sink(Item::Error(self.corrupt(message))) {
                return false;
            }
        }
        true
    }

    fn corrupt(&self, message: String) -> Error {
        Error::Corrupt { path: self.path.into(), message }
    }

    fn rec_err(&self, index: u64, mark: Mark, message: String) -> Item {
        Item::Error(Error::Record {
            path: self.path.into(),
            record: index,
            offset: mark.member_start.then_some(mark.offset),
            message,
        })
    }

    /// A read error: in gzip input, report it (for the record, else for the member) and go on
    /// with the next member; in plain input, stop.
    fn read_error(&mut self, e: io::Error, rec: Option<(u64, Mark)>, sink: &mut Sink<'_>) -> Flow {
        if !self.st.gzip {
            self.st.fatal = Some(e);
            return Flow::Done;
        }
        let message = if e.kind() == io::ErrorKind::UnexpectedEof {
            format!("the gzip member at offset {} is truncated", self.st.member_offset)
        } else {
            format!("the gzip member at offset {} is corrupt: {e}", self.st.member_offset)
        };
        let item = match rec {
            Some((index, mark)) => self.rec_err(index, mark, message),
            None => Item::Error(self.corrupt(message)),
        };
        self.st.abandon();
        emit!(sink, item);
        Flow::Go
    }

    /// A read error between records. A gzip member that fails before any of it was read is
    /// taken to hold one record (as when gzipped per record) and reported as that record.
    fn member_error(&mut self, e: io::Error, sink: &mut Sink<'_>) -> Flow {
        if self.st.gzip && self.st.member_used == 0 {
            let index = self.record;
            self.record += 1;
            let mark = Mark { offset: self.st.member_offset, member_start: true };
            return self.read_error(e, Some((index, mark)), sink);
        }
        self.read_error(e, None, sink)
    }

    fn is_record_start(&self, line: &[u8]) -> bool {
        match self.kind {
            Kind::Warc => is_version_line(line),
            Kind::Arc => looks_like_arc_header(line),
        }
    }

    /// Find the first line of the next record and read the record.
    fn step(&mut self, sink: &mut Sink<'_>) -> Flow {
        let mut line = Vec::new();
        let mut garbage = 0u64;
        let mut garbage_at: Option<Mark> = None;
        let mark = loop {
            match self.st.fill(true) {
                Err(e) => return self.member_error(e, sink),
                Ok(0) => {
                    if garbage > 0 && !self.resyncing {
                        emit!(sink, Item::Error(self.corrupt(self.garbage_message(garbage, garbage_at))));
                    }
                    return Flow::Done;
                }
                Ok(_) => {}
            }
            let mark = self.st.mark();
            line.clear();
            let n = match self.st.read_line(&mut line, LINE_MAX) {
                Ok(n) => n,
                Err(e) => return self.member_error(e, sink),
            };
            let whole = n == line.len() as u64;
            if whole && is_blank(&line) {
                continue;
            }
            if whole && self.is_record_start(&line) {
                break mark;
            }
            garbage_at.get_or_insert(mark);
            garbage += n;
            if self.st.gzip && garbage > self.opts.max_doc_size.max(1 << 20) {
                // Too much that is not a record in one member (a bomb?): go to the next member.
                self.st.abandon();
            }
        };
        if !self.drain_notes(sink) {
            return Flow::Stop;
        }
        if garbage > 0 && !self.resyncing {
            emit!(sink, Item::Error(self.corrupt(self.garbage_message(garbage, garbage_at))));
        }
        self.resyncing = false;
        let index = self.record;
        self.record += 1;
        match self.kind {
            Kind::Warc => self.warc_record(index, mark, line, sink),
            Kind::Arc => self.arc_record(index, mark, line, sink),
        }
    }

    fn garbage_message(&self, n: u64, at: Option<Mark>) -> String {
        let what = if self.kind == Kind::Warc { "a WARC record" } else { "an ARC record" };
        let after = match self.record {
            0 => "before the first record".to_string(),
            r => format!("after record {}", r - 1),
        };
        match at {
            Some(m) if !self.st.gzip => {
                format!("skipped {n} bytes at offset {} that are not {what} ({after})", m.offset)
            }
            Some(m) => format!(
                "skipped {n} bytes in the gzip member at offset {} that are not {what} ({after})",
                m.offset
            ),
            None => format!("skipped {n} bytes that are not {what} ({after})"),
        }
    }

    fn warc_record(&mut self, index: u64, mark: Mark, first: Vec<u8>, sink: &mut Sink<'_>) -> Flow {
        let mut raw = first;
        loop {
            match self.st.fill(true) {
                Err(e) => return self.read_error(e, Some((index, mark)), sink),
                Ok(0) => {
                    emit!(
                        sink,
                        self.rec_err(index, mark, "the record header is truncated (end of file)".into())
                    );
                    return Flow::Go;
                }
                Ok(_) => {}
            }
            if self.st.gzip && self.st.member_used == 0 && self.st.avail().starts_with(b"WARC/") {
                let m = "the record header is cut short by the next gzip member".into();
                emit!(sink, self.rec_err(index, mark, m));
                return Flow::Go;
            }
            let before = raw.len();
            if let Err(e) = self.st.read_line(&mut raw, (HEADER_MAX + 1).saturating_sub(before)) {
                return self.read_error(e, Some((index, mark)), sink);
            }
            if raw.len() > HEADER_MAX {
                self.resyncing = true;
                let m = format!("the record header is longer than {HEADER_MAX} bytes");
                emit!(sink, self.rec_err(index, mark, m));
                return Flow::Go;
            }
            if is_blank(&raw[before..]) {
                break;
            }
        }
        let fields = parse_fields(&raw);
        let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let what = match get("warc-type").map(str::to_ascii_lowercase).as_deref() {
            Some("response") => What::Response,
            Some("resource" | "conversion") => What::Block,
            Some("metadata") => What::Metadata,
            Some(_) => What::Ignore,
            None => What::Untyped,
        };
        let url = get("warc-target-uri").map(clean_uri).filter(|u| !u.is_empty());
        let ctype = get("content-type").map(str::to_string);
        let len = match get("content-length").map(parse_length) {
            Some(Ok(len)) => len,
            Some(Err(m)) => {
                self.resyncing = true;
                emit!(sink, self.rec_err(index, mark, m));
                return Flow::Go;
            }
            None => {
                self.resyncing = true;
                emit!(sink, self.rec_err(index, mark, "the record has no Content-Length".into()));
                return Flow::Go;
            }
        };
        self.body(Rec { index, mark, url, ctype, len, raw, what }, sink)
    }

    fn arc_record(&mut self, index: u64, mark: Mark, line: Vec<u8>, sink: &mut Sink<'_>) -> Flow {
        let filedesc = line.starts_with(b"filedesc://");
        let version = if filedesc { 1 } else { self.arc_version };
        let Some(h) = parse_arc_header(&line, version) else {
            // is_record_start accepted it as a v1 header, so this is unreachable in practice.
            self.resyncing = true;
            emit!(sink, self.rec_err(index, mark, "unreadable ARC record header".into()));
            return Flow::Go;
        };
        let len = match parse_length(&h.len) {
            Ok(len) => len,
            Err(m) => {
                self.resyncing = true;
                emit!(sink, self.rec_err(index, mark, m));
                return Flow::Go;
            }
        };
        let what = if filedesc { What::ArcHeader } else { What::ArcRecord };
        let rec = Rec { index, mark, url: Some(h.url), ctype: Some(h.mime), len, raw: line, what };
        self.body(rec, sink)
    }

    /// Read the block of `rec` and the end of the record, and report it.
    fn body(&mut self, mut rec: Rec, sink: &mut Sink<'_>) -> Flow {
        let next_record: fn(&[u8]) -> bool = match self.kind {
            Kind::Warc => |b| b.starts_with(b"WARC/"),
            Kind::Arc => |b| memchr::memchr(b'\n', b).is_some_and(|i| looks_like_arc_header(&b[..i + 1])),
        };
        let max = self.opts.max_doc_size;
        let limit = max.saturating_add(HTTP_SLACK);
        let discard_cap = max.saturating_mul(16).max(1 << 30).min(self.opts.max_decompressed);
        let wanted = matches!(rec.what, What::Response | What::Block | What::ArcRecord | What::ArcHeader);
        let header_len = rec.raw.len();
        let mut oversized = false;
        let read = if wanted && rec.len <= limit {
            rec.raw.reserve(rec.len.min(RESERVE_MAX) as usize);
            self.st.read_block(Some(&mut rec.raw), rec.len, discard_cap, next_record)
        } else if wanted {
            oversized = true;
            let head = rec.len.min(HEAD_PEEK);
            self.st
                .read_block(Some(&mut rec.raw), head, discard_cap, next_record)
                .and_then(|()| self.st.read_block(None, rec.len - head, discard_cap, next_record))
        } else {
            self.st.read_block(None, rec.len, discard_cap, next_record)
        };
        if let Err(e) = read {
            let m = match e {
                BlockErr::Io(e) => return self.read_error(e, Some((rec.index, rec.mark)), sink),
                BlockErr::Eof(got) => format!(
                    "the record is truncated: its length is {} bytes but the input ends after {got}",
                    rec.len
                ),
                BlockErr::NextRecord(got) => format!(
                    "the record is truncated: its length is {} bytes but its gzip member ends after {got}",
                    rec.len
                ),
                BlockErr::Bomb(got) => {
                    self.st.abandon();
                    format!("gave up on a record of {} bytes after decompressing {got} bytes", rec.len)
                }
            };
            emit!(sink, self.rec_err(rec.index, rec.mark, m));
            return Flow::Go;
        }
        // The end of the record, and whether it fills its gzip member.
        let aligned = match self.finish_record() {
            Ok(a) => a,
            Err(e) => return self.read_error(e, Some((rec.index, rec.mark)), sink),
        };
        let offset = (rec.mark.member_start && (!self.st.gzip || aligned)).then_some(rec.mark.offset);
        let origin = Origin { path: self.path.into(), record: Some(rec.index), offset, url: rec.url };
        let block = &rec.raw[header_len..];
        let result = match rec.what {
            What::Ignore => return Flow::Go,
            What::ArcHeader => {
                if let Some(v) = block.first().filter(|v| matches!(v, b'1' | b'2')) {
                    self.arc_version = v - b'0';
                }
                return Flow::Go;
            }
            What::Metadata => {
                emit!(sink, Item::Skipped { origin, reason: "metadata record".into() });
                return Flow::Go;
            }
            What::Untyped => {
                emit!(sink, self.rec_err(rec.index, rec.mark, "the record has no WARC-Type".into()));
                return Flow::Go;
            }
            _ if oversized => Err(classify_oversized(block, rec.what, rec.ctype.as_deref(), rec.len, max)),
            What::Response | What::ArcRecord if block.starts_with(b"HTTP/") => http_payload(block, max),
            What::Response
                if rec
                    .ctype
                    .as_deref()
                    .is_some_and(|c| c.to_ascii_lowercase().contains("application/http")) =>
            {
                Err(Outcome::Fail("the response block does not start with an HTTP status line".into()))
            }
            _ => plain_payload(block, rec.ctype.as_deref(), max),
        };
        let item = match result {
            Ok(p) => {
                let frame = match self.kind {
                    Kind::Warc => {
                        let mut raw = std::mem::take(&mut rec.raw);
                        raw.extend_from_slice(b"\r\n\r\n");
                        Frame::Warc { raw, gzip: self.st.gzip && offset.is_some() }
                    }
                    Kind::Arc => Frame::Whole,
                };
                Item::Document(Document {
                    origin,
                    bytes: p.bytes,
                    format: p.format,
                    charset: p.charset,
                    frame,
                    window: None,
                })
            }
            Err(Outcome::Skip(reason)) => Item::Skipped { origin, reason },
            Err(Outcome::Fail(m)) => self.rec_err(rec.index, rec.mark, m),
        };
        emit!(sink, item);
        Flow::Go
    }

    /// Consume the CRLFs that end a record; true when the record ends where its gzip member
    /// ends (before or after them).
    fn finish_record(&mut self) -> io::Result<bool> {
        let aligned = self.st.at_member_end()?;
        self.st.skip_newlines(4)?;
        Ok(aligned || self.st.at_member_end()?)
    }
}

// ---------------------------------------------------------------------------------------------
// Header lines.

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&c| matches!(c, b'\r' | b'\n' | b' ' | b'\t'))
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_version_line(line: &[u8]) -> bool {
    line.strip_prefix(b"WARC/").is_some_and(|v| v.first().is_some_and(u8::is_ascii_digit))
}

/// The fields of a WARC header block (after its version line): lowercase names, trimmed values,
/// continuation lines joined.
fn parse_fields(block: &[u8]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in block.split(|&c| c == b'\n').skip(1) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if matches!(line[0], b' ' | b'\t') {
            if let Some((_, v)) = fields.last_mut() {
                v.push(' ');
                v.push_str(String::from_utf8_lossy(line).trim());
            }
            continue;
        }
        if let Some(colon) = memchr::memchr(b':', line) {
            let name = String::from_utf8_lossy(&line[..colon]).trim().to_ascii_lowercase();
            let value = String::from_utf8_lossy(&line[colon + 1..]).trim().to_string();
            fields.push((name, value));
        }
    }
    fields
}

/// A WARC-Target-URI without the angle brackets some writers put around it.
fn clean_uri(v: &str) -> String {
    let v = v.trim();
    v.strip_prefix('<').and_then(|u| u.strip_suffix('>')).unwrap_or(v).trim().to_string()
}

/// A record length: decimal digits only.
fn parse_length(v: &str) -> Result<u64, String> {
    let t = v.trim();
    if t.is_empty() {
        return Err("the record length is empty".into());
    }
    if let Some(rest) = t.strip_prefix('-') {
        if !rest.is_empty() && rest.bytes().all(|c| c.is_ascii_digit()) {
            return Err(format!("the record length is negative: {t}"));
        }
    }
    if !t.bytes().all(|c| c.is_ascii_digit()) {
        return Err(format!("the record length is not a number: {t:?}"));
    }
    t.parse::<u64>().map_err(|_| format!("the record length is too large: {t}"))
}

struct ArcHeader {
    url: String,
    mime: String,
    len: String,
}

/// An ARC record header line: v1 `URL IP DATE MIME LENGTH`, v2 `URL IP DATE MIME CODE
/// CHECKSUM LOCATION OFFSET FILENAME LENGTH`. The URL may hold spaces, so fields are taken from
/// the right.
fn parse_arc_header(line: &[u8], version: u8) -> Option<ArcHeader> {
    let s = String::from_utf8_lossy(trim_eol(line));
    let tail = if version == 2 { 9 } else { 4 };
    let parts: Vec<&str> = s.trim().rsplitn(tail + 1, ' ').collect();
    if parts.len() < tail + 1 {
        return if version == 2 { parse_arc_header(line, 1) } else { None };
    }
    Some(ArcHeader {
        url: parts[tail].trim().to_string(),
        mime: parts[tail - 3].to_string(),
        len: parts[0].to_string(),
    })
}

/// A line that starts an ARC record: a URL with a scheme and four more fields, the third of
/// them a date of digits.
fn looks_like_arc_header(line: &[u8]) -> bool {
    let t = trim_eol(line);
    if t.is_empty() || t.len() > LINE_MAX || !t[0].is_ascii_alphabetic() {
        return false;
    }
    let s = String::from_utf8_lossy(t);
    let parts: Vec<&str> = s.rsplitn(5, ' ').collect();
    if parts.len() < 5 || parts[..4].iter().any(|p| p.is_empty()) {
        return false;
    }
    let date_ok = parts[2].bytes().all(|c| c.is_ascii_digit());
    let scheme_ok = parts[4].split_once(':').is_some_and(|(scheme, rest)| {
        !rest.is_empty()
            && scheme.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
    });
    date_ok && scheme_ok
}

// ---------------------------------------------------------------------------------------------
// Payloads.

struct Payload {
    bytes: Vec<u8>,
    format: Format,
    charset: Option<&'static Encoding>,
}

enum Outcome {
    /// Not a document: `Item::Skipped` with this reason.
    Skip(String),
    /// Unreadable: an error row for the record.
    Fail(String),
}

/// What a MIME type makes of a payload.
enum Class {
    Html,
    Text,
    /// No usable type: sniff the bytes.
    Sniff,
    /// Not a document, with the reason.
    Skip(String),
}

/// The MIME type (lowercase, without parameters) and charset of a `Content-Type` value.
fn parse_content_type(v: Option<&str>) -> (Option<String>, Option<&'static Encoding>) {
    let Some(v) = v else { return (None, None) };
    let mut parts = v.split(';');
    let mime = parts.next().unwrap_or("").split(',').next().unwrap_or("").trim().to_ascii_lowercase();
    let mime = (mime.contains('/') && !mime.contains(char::is_whitespace)).then_some(mime);
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        Encoding::for_label(v.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes())
    });
    (mime, charset)
}

fn classify(mime: Option<&str>) -> Class {
    let Some(m) = mime else { return Class::Sniff };
    let script = m.contains("javascript") || m.contains("ecmascript") || m.contains("jscript");
    match m {
        "text/html" | "application/xhtml+xml" => Class::Html,
        _ if script || m == "text/css" || m == "text/dns" => Class::Skip(format!("non-text payload ({m})")),
        _ if m.starts_with("text/") => Class::Text,
        _ => Class::Skip(format!("non-text payload ({m})")),
    }
}

/// A payload whose type is `Class::Sniff`: HTML by its tags, binary by a NUL byte, else text.
fn sniff(bytes: &[u8]) -> Result<Format, Outcome> {
    if looks_like_html(bytes) {
        Ok(Format::Html)
    } else if memchr::memchr(0, &bytes[..bytes.len().min(1024)]).is_some() {
        Err(Outcome::Skip("non-text payload (no content type)".into()))
    } else {
        Ok(Format::Text)
    }
}

fn too_large(n: usize, max: u64) -> Outcome {
    Outcome::Fail(format!("the document of {n} bytes is over the limit of {max} bytes"))
}

/// A block that is the payload itself, typed by `ctype`.
fn plain_payload(block: &[u8], ctype: Option<&str>, max: u64) -> Result<Payload, Outcome> {
    let (mime, charset) = parse_content_type(ctype);
    let format = match classify(mime.as_deref()) {
        Class::Skip(reason) => return Err(Outcome::Skip(reason)),
        Class::Html => Format::Html,
        Class::Text => Format::Text,
        Class::Sniff => sniff(block)?,
    };
    if block.len() as u64 > max {
        return Err(too_large(block.len(), max));
    }
    Ok(Payload { bytes: block.to_vec(), format, charset })
}

/// The header fields of an HTTP response and where its body starts.
fn split_http(block: &[u8]) -> (Vec<(String, String)>, usize) {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut pos = match memchr::memchr(b'\n', block) {
        Some(i) => i + 1,
        None => return (headers, block.len()),
    };
    while pos < block.len() {
        let (line, next) = match memchr::memchr(b'\n', &block[pos..]) {
            Some(i) => (&block[pos..pos + i], pos + i + 1),
            None => (&block[pos..], block.len()),
        };
        pos = next;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return (headers, pos);
        }
        if matches!(line[0], b' ' | b'\t') {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(String::from_utf8_lossy(line).trim());
            }
        } else if let Some(colon) = memchr::memchr(b':', line) {
            let name = String::from_utf8_lossy(&line[..colon]).trim().to_ascii_lowercase();
            headers.push((name, String::from_utf8_lossy(&line[colon + 1..]).trim().to_string()));
        }
    }
    (headers, block.len())
}

/// The last non-empty value of a header.
fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().rev().find(|(k, v)| k == name && !v.is_empty()).map(|(_, v)| v.as_str())
}

/// The tokens of every value of a list-valued header, lowercase.
fn header_tokens(headers: &[(String, String)], name: &str) -> Vec<String> {
    headers
        .iter()
        .filter(|(k, _)| k == name)
        .flat_map(|(_, v)| v.split(','))
        .map(|t| t.trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

/// An HTTP response: strip the header block, undo chunking and content codings.
fn http_payload(block: &[u8], max: u64) -> Result<Payload, Outcome> {
    let (headers, body_start) = split_http(block);
    let (mime, charset) = parse_content_type(header(&headers, "content-type"));
    let class = match classify(mime.as_deref()) {
        Class::Skip(reason) => return Err(Outcome::Skip(reason)),
        c => c,
    };
    let mut body = Cow::Borrowed(&block[body_start..]);
    if header_tokens(&headers, "transfer-encoding").iter().any(|t| t == "chunked") {
        body = Cow::Owned(dechunk(&body).map_err(Outcome::Fail)?);
    }
    for coding in header_tokens(&headers, "content-encoding").iter().rev() {
        body = Cow::Owned(decode_content(coding, &body, max)?);
    }
    if body.len() as u64 > max {
        return Err(too_large(body.len(), max));
    }
    let format = match class {
        Class::Html => Format::Html,
        Class::Text => Format::Text,
        _ => sniff(&body)?,
    };
    Ok(Payload { bytes: body.into_owned(), format, charset })
}

/// Undo `Transfer-Encoding: chunked`. A body cut short (a truncated record) keeps what it has;
/// a chunk size that is not hex, or chunk data not followed by a line end, is an error.
fn dechunk(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut p = 0;
    while p < body.len() {
        let (line, next) = match memchr::memchr(b'\n', &body[p..]) {
            Some(i) => (&body[p..p + i], p + i + 1),
            None => (&body[p..], body.len()),
        };
        let size = line.split(|&c| c == b';').next().unwrap_or(b"").trim_ascii();
        if size.is_empty() || size.len() > 15 || !size.iter().all(u8::is_ascii_hexdigit) {
            let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
            return Err(format!("bad chunked encoding: chunk size {shown:?} at byte {p} of the body"));
        }
        if next == body.len() && !body.ends_with(b"\n") {
            break; // a size line cut short
        }
        let size = usize::from_str_radix(std::str::from_utf8(size).unwrap_or("0"), 16).unwrap_or(0);
        p = next;
        if size == 0 {
            break; // the last chunk; trailers are ignored
        }
        if size >= body.len() - p {
            out.extend_from_slice(&body[p..]);
            break;
        }
        out.extend_from_slice(&body[p..p + size]);
        p += size;
        let rest = &body[p..];
        if rest.starts_with(b"\r\n") {
            p += 2;
        } else if rest.starts_with(b"\n") {
            p += 1;
        } else if !rest.is_empty() && rest != b"\r" {
            return Err(format!(
                "bad chunked encoding: chunk data not followed by CRLF at byte {p} of the body"
            ));
        }
    }
    Ok(out)
}

/// Undo one content coding, keeping at most `max` + 1 bytes. A stream cut short keeps what
/// it decoded (as browsers do); corrupt data or an unknown coding is an error.
fn decode_content(coding: &str, body: &[u8], max: u64) -> Result<Vec<u8>, Outcome> {
    if body.is_empty() {
        return Ok(Vec::new());
    }
    let reader: Box<dyn Read + '_> = match coding {
        "identity" | "none" => return Ok(body.to_vec()),
        "gzip" | "x-gzip" => Box::new(GzDecoder::new(body)),
        "deflate" => {
            // RFC 9110 deflate is zlib-wrapped; some servers send raw deflate.
            let zlib = body.len() >= 2
                && body[0] & 0x0f == 8
                && (u16::from(body[0]) << 8 | u16::from(body[1])) % 31 == 0;
            if zlib {
                Box::new(ZlibDecoder::new(body))
            } else {
                Box::new(DeflateDecoder::new(body))
            }
        }
        other => return Err(Outcome::Fail(format!("unsupported Content-Encoding: {other}"))),
    };
    let mut out = Vec::with_capacity(body.len().saturating_mul(4).min(RESERVE_MAX as usize));
    match reader.take(max.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof && !out.is_empty() => {}
        Err(e) => return Err(Outcome::Fail(format!("cannot undo Content-Encoding {coding}: {e}"))),
    }
    if out.len() as u64 > max {
        return Err(Outcome::Fail(format!(
            "the document is over the limit of {max} bytes after undoing Content-Encoding {coding}"
        )));
    }
    Ok(out)
}

/// A record too large to read: skipped when its start shows a non-text payload, else an error.
fn classify_oversized(head: &[u8], what: What, ctype: Option<&str>, len: u64, max: u64) -> Outcome {
    let (class, body) = if matches!(what, What::Response | What::ArcRecord) && head.starts_with(b"HTTP/") {
        let (headers, start) = split_http(head);
        let (mime, _) = parse_content_type(header(&headers, "content-type"));
        (classify(mime.as_deref()), &head[start..])
    } else {
        let (mime, _) = parse_content_type(ctype);
        (classify(mime.as_deref()), head)
    };
    match class {
        Class::Skip(reason) => Outcome::Skip(reason),
        Class::Sniff if memchr::memchr(0, &body[..body.len().min(1024)]).is_some() => {
            Outcome::Skip("non-text payload (no content type)".into())
        }
        _ => Outcome::Fail(format!("the record of {len} bytes is over the limit of {max} bytes")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        assert_eq!(parse_length(" 12 "), Ok(12));
        assert!(parse_length("-1").unwrap_err().contains("negative"));
        assert!(parse_length("abc").unwrap_err().contains("not a number"));
        assert!(parse_length("99999999999999999999999").unwrap_err().contains("too large"));
        assert!(parse_length("").is_err());
    }

    #[test]
    fn arc_headers() {
        let h = parse_arc_header(b"http://a.com/x y 1.2.3.4 20140216050221 text/html 12\n", 1).unwrap();
        assert_eq!(
            (h.url.as_str(), h.mime.as_str(), h.len.as_str()),
            ("http://a.com/x y", "text/html", "12")
        );
        let v2 = b"http://a.com/ 1.2.3.4 20140216050221 text/html 200 abc - 0 f.arc 9\n";
        let h = parse_arc_header(v2, 2).unwrap();
        assert_eq!((h.url.as_str(), h.mime.as_str(), h.len.as_str()), ("http://a.com/", "text/html", "9"));
        assert!(looks_like_arc_header(b"http://example.com/ 1.2.3.4 20140102000000 text/plain abc\n"));
        assert!(!looks_like_arc_header(b"1 0 Bad Capture\n"));
        assert!(!looks_like_arc_header(b"URL IP-address Archive-date Content-type Archive-length\n"));
    }

    #[test]
    fn chunks() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n").unwrap(), b"hello world");
        assert_eq!(dechunk(b"5\r\nhel").unwrap(), b"hel");
        assert!(dechunk(b"zz\r\nhello\r\n0\r\n\r\n").is_err());
        assert!(dechunk(b"5\r\nhelloXX\r\n0\r\n\r\n").is_err());
    }

    #[test]
    fn content_types() {
        let (m, c) = parse_content_type(Some("Text/HTML; charset=\"GBK\""));
        assert_eq!(m.as_deref(), Some("text/html"));
        assert_eq!(c, Some(encoding_rs::GBK));
        assert!(matches!(classify(Some("text/css")), Class::Skip(_)));
        assert!(matches!(classify(Some("application/javascript")), Class::Skip(_)));
        assert!(matches!(classify(Some("text/xml")), Class::Text));
        assert!(matches!(parse_content_type(Some("unk")), (None, None)));
    }
}
