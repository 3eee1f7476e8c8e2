//! WARC, WET, WAT and ARC reading: records, offsets, payload decoding and hostile input. Every
//! archive is built here from strings (gzip with flate2), nothing binary is committed.

use std::io::{Cursor, Write};

use flate2::write::{DeflateEncoder, GzEncoder, ZlibEncoder};
use flate2::Compression;
use spamscan::source::warc::{is_arc, is_warc, read_arc, read_warc};
use spamscan::source::{Document, Format, Frame, Item, SourceOptions};
use spamscan::Error;

// ---------------------------------------------------------------------------------------------
// Building archives.

/// A WARC record: version line, the given fields, Content-Length, the block and CRLFCRLF.
fn record(kind: &str, uri: Option<&str>, fields: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut r = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n");
    if let Some(u) = uri {
        r += &format!("WARC-Target-URI: {u}\r\n");
    }
    r += "WARC-Date: 2024-05-01T10:00:00Z\r\n";
    for (k, v) in fields {
        r += &format!("{k}: {v}\r\n");
    }
    r += &format!("Content-Length: {}\r\n\r\n", block.len());
    let mut r = r.into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A `response` record holding an HTTP response with these header lines and body.
fn response(uri: &str, http_headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut block = b"HTTP/1.1 200 OK\r\n".to_vec();
    for h in http_headers {
        block.extend_from_slice(h.as_bytes());
        block.extend_from_slice(b"\r\n");
    }
    block.extend_from_slice(b"\r\n");
    block.extend_from_slice(body);
    record("response", Some(uri), &[("Content-Type", "application/http; msgtype=response")], &block)
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Each record its own gzip member; returns the file and the offset of every member.
fn gzip_members(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(file.len() as u64);
        file.extend_from_slice(&gzip(r));
    }
    (file, offsets)
}

/// Offsets of records laid end to end in a plain file.
fn plain_offsets(records: &[Vec<u8>]) -> Vec<u64> {
    records.iter().scan(0u64, |at, r| Some(std::mem::replace(at, *at + r.len() as u64))).collect()
}

fn chunked(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for p in parts {
        out.extend_from_slice(format!("{:x}\r\n", p.len()).as_bytes());
        out.extend_from_slice(p);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

// ---------------------------------------------------------------------------------------------
// Reading.

fn read_with(name: &str, data: Vec<u8>, opts: &SourceOptions) -> Vec<Item> {
    let mut items = Vec::new();
    let mut sink = |i: Item| {
        items.push(i);
        true
    };
    assert!(read_warc(name, Box::new(Cursor::new(data)), opts, &mut sink));
    items
}

fn read(name: &str, data: Vec<u8>) -> Vec<Item> {
    read_with(name, data, &SourceOptions::default())
}

fn read_arc_items(name: &str, data: Vec<u8>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut sink = |i: Item| {
        items.push(i);
        true
    };
    assert!(read_arc(name, Box::new(Cursor::new(data)), &SourceOptions::default(), &mut sink));
    items
}

fn doc(item: &Item) -> &Document {
    match item {
        Item::Document(d) => d,
        other => panic!("expected a document, got {other:?}"),
    }
}

/// (record, offset, reason) of a skipped item.
fn skipped(item: &Item) -> (Option<u64>, Option<u64>, &str) {
    match item {
        Item::Skipped { origin, reason } => (origin.record, origin.offset, reason.as_str()),
        other => panic!("expected a skipped item, got {other:?}"),
    }
}

/// (record, offset, message) of a record error.
fn record_error(item: &Item) -> (u64, Option<u64>, &str) {
    match item {
        Item::Error(Error::Record { record, offset, message, .. }) => (*record, *offset, message.as_str()),
        other => panic!("expected a record error, got {other:?}"),
    }
}

fn corrupt(item: &Item) -> &str {
    match item {
        Item::Error(Error::Corrupt { message, .. }) => message,
        other => panic!("expected a corrupt-input error, got {other:?}"),
    }
}

/// One line per item, for failure messages.
fn summary(items: &[Item]) -> String {
    items
        .iter()
        .map(|i| match i {
            Item::Document(d) => {
                format!("doc {:?} {:?} {:?}", d.origin.record, d.origin.offset, d.origin.url)
            }
            Item::Skipped { origin, reason } => format!("skipped {:?} {reason}", origin.record),
            Item::Error(e) => format!("error {e}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// The sample archive used by several tests.

const PAGE_ZH: &str = "<!DOCTYPE html><html><head><title>新闻</title></head><body><p>上海龙凤419会所 今日新闻</p></body></html>";
const NOTES: &str = "Plain notes kept as a resource.\nSecond line.\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

/// warcinfo, request, response (HTML in GBK), response (PNG), resource (text), metadata.
fn sample_records() -> Vec<Vec<u8>> {
    let (gbk, _, _) = encoding_rs::GBK.encode(PAGE_ZH);
    vec![
        record("warcinfo", None, &[("Content-Type", "application/warc-fields")], b"software: test\r\n"),
        record(
            "request",
            Some("http://news.example.cn/a.html"),
            &[("Content-Type", "application/http; msgtype=request")],
            b"GET /a.html HTTP/1.1\r\nHost: news.example.cn\r\n\r\n",
        ),
        response(
            "http://news.example.cn/a.html",
            &["Content-Type: text/html; charset=gbk", &format!("Content-Length: {}", gbk.len())],
            &gbk,
        ),
        response("http://news.example.cn/logo.png", &["Content-Type: image/png"], PNG),
        record(
            "resource",
            Some("http://news.example.cn/notes.txt"),
            &[("Content-Type", "text/plain")],
            NOTES.as_bytes(),
        ),
        record(
            "metadata",
            Some("http://news.example.cn/a.html"),
            &[("Content-Type", "application/warc-fields")],
            b"fetchTimeMs: 12\r\n",
        ),
    ]
}

/// Checks the items of the sample archive; `offsets` are the expected record offsets (None for
/// a whole-file gzip), `gzip` the expected frame flag.
fn check_sample(items: &[Item], records: &[Vec<u8>], offsets: &[Option<u64>], gzip_frame: bool) {
    assert_eq!(items.len(), 4, "{}", summary(items));
    let (gbk, _, _) = encoding_rs::GBK.encode(PAGE_ZH);

    let html = doc(&items[0]);
    assert_eq!(html.origin.record, Some(2));
    assert_eq!(html.origin.offset, offsets[2]);
    assert_eq!(html.origin.url.as_deref(), Some("http://news.example.cn/a.html"));
    assert_eq!(html.origin.path, "sample.warc");
    assert_eq!(html.format, Format::Html);
    assert_eq!(html.charset, Some(encoding_rs::GBK));
    assert_eq!(html.bytes, &gbk[..], "the document is the HTTP body, undecoded");
    match &html.frame {
        Frame::Warc { raw, gzip } => {
            assert_eq!(raw, &records[2], "the frame is the record as read");
            assert_eq!(*gzip, gzip_frame);
        }
        f => panic!("frame {f:?}"),
    }

    assert_eq!(skipped(&items[1]), (Some(3), offsets[3], "non-text payload (image/png)"));

    let notes = doc(&items[2]);
    assert_eq!((notes.origin.record, notes.origin.offset), (Some(4), offsets[4]));
    assert_eq!(notes.origin.url.as_deref(), Some("http://news.example.cn/notes.txt"));
    assert_eq!(notes.format, Format::Text);
    assert_eq!(notes.charset, None);
    assert_eq!(notes.bytes, NOTES.as_bytes());

    assert_eq!(skipped(&items[3]), (Some(5), offsets[5], "metadata record"));
    match &items[3] {
        Item::Skipped { origin, .. } => {
            assert_eq!(origin.url.as_deref(), Some("http://news.example.cn/a.html"))
        }
        _ => unreachable!(),
    }
}

// ---------------------------------------------------------------------------------------------
// Tests.

#[test]
fn sniffing_helpers() {
    assert!(is_warc(b"WARC/1.0\r\n"));
    assert!(is_warc(b"WARC/1.1\r\n"));
    assert!(!is_warc(b"<html>"));
    assert!(is_arc(b"filedesc://x.arc 0.0.0.0 20240101000000 text/plain 75\n"));
    assert!(!is_arc(b"WARC/1.0"));
}

#[test]
fn plain_warc_gives_documents_skips_and_nothing_for_other_records() {
    let records = sample_records();
    let offsets: Vec<Option<u64>> = plain_offsets(&records).into_iter().map(Some).collect();
    let items = read("sample.warc", records.concat());
    check_sample(&items, &records, &offsets, false);
}

#[test]
fn per_record_gzip_offsets_are_member_offsets() {
    let records = sample_records();
    let (file, members) = gzip_members(&records);
    let offsets: Vec<Option<u64>> = members.into_iter().map(Some).collect();
    assert!(offsets[2].unwrap() > 0);
    let items = read("sample.warc", file);
    check_sample(&items, &records, &offsets, true);
}

#[test]
fn whole_file_gzip_has_no_offsets() {
    let records = sample_records();
    let items = read("sample.warc", gzip(&records.concat()));
    check_sample(&items, &records, &[None; 6], false);
}

#[test]
fn chunked_then_content_encoding_is_undone() {
    let page = b"<html><body><p>Chunked and gzipped page.</p></body></html>";
    let gz = gzip(page);
    let body = chunked(&[&gz[..10], &gz[10..]]);
    let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
    zlib.write_all(page).unwrap();
    let mut raw_deflate = DeflateEncoder::new(Vec::new(), Compression::default());
    raw_deflate.write_all(page).unwrap();
    let records = [
        response(
            "http://a.example/gz",
            &["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"],
            &body,
        ),
        response(
            "http://a.example/zlib",
            &["Content-Type: text/html", "Content-Encoding: deflate"],
            &zlib.finish().unwrap(),
        ),
        response(
            "http://a.example/raw",
            &["Content-Type: text/html", "Content-Encoding: deflate"],
            &raw_deflate.finish().unwrap(),
        ),
        response(
            "http://a.example/chunked",
            &["Content-Type: text/plain", "transfer-encoding: Chunked"],
            &chunked(&[b"ab", b"cd"]),
        ),
    ];
    let items = read("enc.warc", records.concat());
    assert_eq!(items.len(), 4, "{}", summary(&items));
    for (i, item) in items[..3].iter().enumerate() {
        let d = doc(item);
        assert_eq!(d.origin.record, Some(i as u64));
        assert_eq!(d.bytes, page, "record {i}");
        assert_eq!(d.format, Format::Html);
        // The frame keeps the record as stored, encodings and all.
        let Frame::Warc { raw, .. } = &d.frame else { panic!() };
        assert_eq!(raw, &records[i]);
    }
    assert_eq!(doc(&items[3]).bytes, b"abcd");
    assert_eq!(doc(&items[3]).format, Format::Text);
}

#[test]
fn bad_payload_encodings_are_record_errors_and_the_scan_goes_on() {
    let page = b"<html><body>fine</body></html>";
    let records = vec![
        response(
            "http://a.example/1",
            &["Content-Type: text/html", "Content-Encoding: gzip"],
            b"this is not gzip at all",
        ),
        response(
            "http://a.example/2",
            &["Content-Type: text/html", "Transfer-Encoding: chunked"],
            b"zz\r\nhello\r\n0\r\n\r\n",
        ),
        response(
            "http://a.example/3",
            &["Content-Type: text/html", "Transfer-Encoding: chunked"],
            b"5\r\nhelloXX\r\n0\r\n\r\n",
        ),
        response("http://a.example/4", &["Content-Type: text/html", "Content-Encoding: br"], b"\x0b\x02\x80"),
        response("http://a.example/5", &["Content-Type: text/html"], page),
    ];
    let offsets = plain_offsets(&records);
    let items = read("bad.warc", records.concat());
    assert_eq!(items.len(), 5, "{}", summary(&items));
    let (r, o, m) = record_error(&items[0]);
    assert_eq!((r, o), (0, Some(0)));
    assert!(m.contains("Content-Encoding gzip"), "{m}");
    let (r, o, m) = record_error(&items[1]);
    assert_eq!((r, o), (1, Some(offsets[1])));
    assert!(m.contains("chunk size"), "{m}");
    let (r, _, m) = record_error(&items[2]);
    assert_eq!(r, 2);
    assert!(m.contains("not followed by CRLF"), "{m}");
    let (r, _, m) = record_error(&items[3]);
    assert_eq!(r, 3);
    assert!(m.contains("unsupported Content-Encoding: br"), "{m}");
    assert_eq!(doc(&items[4]).bytes, page);
}

#[test]
fn truncated_payload_encoding_keeps_what_was_decoded() {
    // A record cut short inside a gzip body (as crawlers truncate long records): the browser
    // shows what it could decode, and so do we.
    let page = "<html><body>".to_string() + &"<p>Some paragraph of text.</p>".repeat(50) + "</body></html>";
    let gz = gzip(page.as_bytes());
    let items = read(
        "t.warc",
        response(
            "http://a.example/",
            &["Content-Type: text/html", "Content-Encoding: gzip"],
            &gz[..gz.len() - 4],
        ),
    );
    assert_eq!(doc(&items[0]).bytes, page.as_bytes());
    // A chunked body cut short keeps its chunks.
    let items = read(
        "t.warc",
        response(
            "http://a.example/",
            &["Content-Type: text/html", "Transfer-Encoding: chunked"],
            b"5\r\nhello\r\n6\r\n wor",
        ),
    );
    assert_eq!(doc(&items[0]).bytes, b"hello wor");
}

#[test]
fn content_types_decide_the_format() {
    let html = b"<!doctype html><html><body><p>x</p></body></html>";
    let records = vec![
        response("http://a.example/none-html", &[], html),
        response("http://a.example/none-text", &[], b"just words"),
        response("http://a.example/none-binary", &[], b"\0\x01\x02binary"),
        response("http://a.example/css", &["Content-Type: text/css"], b"p{}"),
        response("http://a.example/js", &["Content-Type: application/javascript"], b"var x;"),
        response("http://a.example/pdf", &["Content-Type: application/pdf"], b"%PDF-1.4"),
        response(
            "http://a.example/xhtml",
            &["Content-Type: application/xhtml+xml; charset=ISO-8859-1"],
            html,
        ),
        response("http://a.example/csv", &["Content-Type: text/csv"], b"a,b\n"),
        record(
            "conversion",
            Some("http://a.example/wet"),
            &[("Content-Type", "text/plain")],
            b"converted text",
        ),
        record(
            "resource",
            Some("http://a.example/res.html"),
            &[("Content-Type", "text/html; charset=windows-1251")],
            html,
        ),
        record(
            "resource",
            Some("http://a.example/video"),
            &[("Content-Type", "video/mp4")],
            b"\0\0\0 ftypmp42",
        ),
        record("revisit", Some("http://a.example/none-html"), &[("WARC-Profile", "x")], b""),
    ];
    let items = read("types.warc", records.concat());
    let got: Vec<String> = items
        .iter()
        .map(|i| match i {
            Item::Document(d) => {
                format!("{:?} {:?} {:?}", d.origin.record, d.format, d.charset.map(|c| c.name()))
            }
            Item::Skipped { origin, reason } => format!("{:?} {reason}", origin.record),
            Item::Error(e) => format!("{e}"),
        })
        .collect();
    assert_eq!(
        got,
        [
            "Some(0) Html None",
            "Some(1) Text None",
            "Some(2) non-text payload (no content type)",
            "Some(3) non-text payload (text/css)",
            "Some(4) non-text payload (application/javascript)",
            "Some(5) non-text payload (application/pdf)",
            "Some(6) Html Some(\"windows-1252\")",
            "Some(7) Text None",
            "Some(8) Text None",
            "Some(9) Html Some(\"windows-1251\")",
            "Some(10) non-text payload (video/mp4)",
        ]
    );
}

#[test]
fn wet_conversion_records_are_text_documents() {
    let records = vec![
        record("warcinfo", None, &[("Content-Type", "application/warc-fields")], b"isPartOf: CC-MAIN\r\n"),
        record(
            "conversion",
            Some("https://an.example.org/wiki/Escopete"),
            &[("Content-Type", "text/plain"), ("WARC-Identified-Content-Language", "spa")],
            "Escopete\nUn escopete ye una arma de fuego.\n".as_bytes(),
        ),
        record(
            "conversion",
            Some("https://b.example.org/"),
            &[("Content-Type", "text/plain")],
            "Zweite Seite.\n".as_bytes(),
        ),
    ];
    let (file, members) = gzip_members(&records);
    let items = read("x.warc.wet.gz", file);
    assert_eq!(items.len(), 2, "{}", summary(&items));
    for (item, (rec, url)) in
        items.iter().zip([(1u64, "https://an.example.org/wiki/Escopete"), (2, "https://b.example.org/")])
    {
        let d = doc(item);
        assert_eq!(d.origin.record, Some(rec));
        assert_eq!(d.origin.offset, Some(members[rec as usize]));
        assert_eq!(d.origin.url.as_deref(), Some(url));
        assert_eq!(d.format, Format::Text);
    }
    assert_eq!(doc(&items[0]).bytes, "Escopete\nUn escopete ye una arma de fuego.\n".as_bytes());
}

#[test]
fn wat_metadata_records_are_skipped() {
    let records = [
        record("warcinfo", None, &[("Content-Type", "application/warc-fields")], b"x: y\r\n"),
        record(
            "metadata",
            Some("https://a.example/"),
            &[("Content-Type", "application/json")],
            b"{\"Envelope\":{}}",
        ),
    ];
    let items = read("x.warc.wat", records.concat());
    assert_eq!(items.len(), 1);
    assert_eq!(skipped(&items[0]), (Some(1), Some(records[0].len() as u64), "metadata record"));
}

/// An ARC v1 file: file header, an HTTP record, a non-HTTP text record, an image.
fn arc_records() -> Vec<Vec<u8>> {
    let desc = b"1 0 Test Capture\nURL IP-address Archive-date Content-type Archive-length\n";
    let http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>ARC page</body></html>";
    let rec = |head: String, block: &[u8]| {
        let mut r = format!("{head} {}\n", block.len()).into_bytes();
        r.extend_from_slice(block);
        r.push(b'\n');
        r
    };
    vec![
        rec("filedesc://test.arc 127.0.0.1 20140216050221 text/plain".into(), desc),
        rec("http://example.com/a page.html 93.184.216.119 20140216050221 text/html".into(), http),
        rec(
            "http://example.com/robots.txt 93.184.216.119 20140216050222 text/plain".into(),
            b"User-agent: *\n",
        ),
        rec("http://example.com/i.gif 93.184.216.119 20140216050223 image/gif".into(), b"GIF89a\0\0"),
    ]
}

fn check_arc(items: &[Item], offsets: &[u64]) {
    assert_eq!(items.len(), 3, "{}", summary(items));
    let a = doc(&items[0]);
    assert_eq!((a.origin.record, a.origin.offset), (Some(1), Some(offsets[1])));
    assert_eq!(a.origin.url.as_deref(), Some("http://example.com/a page.html"));
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.charset, Some(encoding_rs::UTF_8));
    assert_eq!(a.bytes, b"<html><body>ARC page</body></html>");
    assert!(matches!(a.frame, Frame::Whole));
    let b = doc(&items[1]);
    assert_eq!((b.origin.record, b.origin.offset), (Some(2), Some(offsets[2])));
    assert_eq!(b.format, Format::Text);
    assert_eq!(b.bytes, b"User-agent: *\n");
    assert_eq!(skipped(&items[2]), (Some(3), Some(offsets[3]), "non-text payload (image/gif)"));
}

#[test]
fn arc_v1_plain_and_gzipped() {
    let records = arc_records();
    check_arc(&read_arc_items("t.arc", records.concat()), &plain_offsets(&records));
    let (file, members) = gzip_members(&records);
    check_arc(&read_arc_items("t.arc.gz", file), &members);
}

#[test]
fn arc_v2_headers() {
    let desc = b"2 0 Test\nURL IP-address Archive-date Content-type Result-code Checksum Location Offset Filename Archive-length\n";
    let mut file =
        format!("filedesc://t.arc 0.0.0.0 20240101000000 text/plain 200 - - 0 t.arc {}\n", desc.len())
            .into_bytes();
    file.extend_from_slice(desc);
    file.push(b'\n');
    let body = b"HTTP/1.0 200 OK\nContent-Type: text/plain\n\nhello v2";
    file.extend_from_slice(
        format!("http://v2.example/ 1.2.3.4 20240101000001 text/plain 200 ABCD - 0 t.arc {}\n", body.len())
            .as_bytes(),
    );
    file.extend_from_slice(body);
    file.push(b'\n');
    let items = read_arc_items("v2.arc", file);
    assert_eq!(items.len(), 1, "{}", summary(&items));
    let d = doc(&items[0]);
    assert_eq!(d.origin.url.as_deref(), Some("http://v2.example/"));
    assert_eq!(d.bytes, b"hello v2");
}

#[test]
fn bad_arc_lengths_are_record_errors() {
    let desc = "1 0 Bad\nURL IP-address Archive-date Content-type Archive-length\n";
    let file = format!(
        "filedesc://bad.arc 127.0.0.1 20140301000000 text/plain {}\n{desc}\n\
http://example.com/ 1.2.3.4 20140401000000 text/html -1\n\n\
http://example.com/ 1.2.3.4 20140102000000 text/plain 3\nabc\n\
http://example.com/x 1.2.3.4 20140401000000 text/html abc\n\n",
        desc.len()
    )
    .into_bytes();
    let items = read_arc_items("bad.arc", file);
    assert_eq!(items.len(), 3, "{}", summary(&items));
    assert!(record_error(&items[0]).2.contains("negative"));
    assert_eq!(record_error(&items[0]).0, 1);
    assert_eq!(doc(&items[1]).origin.record, Some(2));
    assert_eq!(doc(&items[1]).bytes, b"abc");
    assert_eq!(record_error(&items[2]).0, 3);
    assert!(record_error(&items[2]).2.contains("not a number"));
}

#[test]
fn content_length_past_end_of_file() {
    let ok = response("http://a.example/1", &["Content-Type: text/html"], b"<p>one</p>");
    let mut cut = response(
        "http://a.example/2",
        &["Content-Type: text/html"],
        b"<p>two, cut short by the end of the file</p>",
    );
    cut.truncate(cut.len() - 20);
    let items = read("eof.warc", [ok.clone(), cut].concat());
    assert_eq!(items.len(), 2, "{}", summary(&items));
    assert_eq!(doc(&items[0]).origin.record, Some(0));
    let (r, o, m) = record_error(&items[1]);
    assert_eq!((r, o), (1, Some(ok.len() as u64)));
    assert!(m.contains("truncated"), "{m}");
}

/// A record whose Content-Length field reads `len`, followed by a good record.
fn bad_length_then_good(len: &str) -> (Vec<u8>, Vec<u8>) {
    let bad = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/bad\r\n\
Content-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n\
HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>bad</p>\r\n\r\n"
    )
    .into_bytes();
    let good = response("http://a.example/good", &["Content-Type: text/html"], b"<p>good</p>");
    (bad, good)
}

#[test]
fn negative_and_non_numeric_lengths_resync_to_the_next_record() {
    for (len, want) in [
        ("-12", "negative"),
        ("12abc", "not a number"),
        ("", "empty"),
        ("99999999999999999999999", "too large"),
    ] {
        let (bad, good) = bad_length_then_good(len);
        for gz in [false, true] {
            let (file, offsets) = if gz {
                gzip_members(&[bad.clone(), good.clone()])
            } else {
                ([bad.clone(), good.clone()].concat(), plain_offsets(&[bad.clone(), good.clone()]))
            };
            let items = read("len.warc", file);
            assert_eq!(items.len(), 2, "{len:?} gzip {gz}: {}", summary(&items));
            let (r, o, m) = record_error(&items[0]);
            assert_eq!((r, o), (0, Some(0)));
            assert!(m.contains(want), "{len:?}: {m}");
            let d = doc(&items[1]);
            assert_eq!((d.origin.record, d.origin.offset), (Some(1), Some(offsets[1])));
            assert_eq!(d.bytes, b"<p>good</p>");
        }
    }
}

#[test]
fn huge_records_are_discarded_in_bounded_memory() {
    // max_doc_size 1 KiB: a record longer than that plus the 1 MiB allowed for HTTP headers is
    // not read whole: an HTML response is an error, an image is skipped, and the records after
    // them still come out. A record under that bound whose document is too large is an error.
    let opts = SourceOptions { max_doc_size: 1024, ..SourceOptions::default() };
    let big_html = [b"<html><body>".to_vec(), vec![b'x'; 1_200_000]].concat();
    let big_png = [PNG.to_vec(), vec![0; 1_200_000]].concat();
    let mid_html = [b"<html><body>".to_vec(), vec![b'y'; 4000]].concat();
    let records = vec![
        response("http://a.example/big.html", &["Content-Type: text/html"], &big_html),
        response("http://a.example/big.png", &["Content-Type: image/png"], &big_png),
        response("http://a.example/mid.html", &["Content-Type: text/html"], &mid_html),
        response("http://a.example/small", &["Content-Type: text/html"], b"<p>small</p>"),
    ];
    for gz in [false, true] {
        let file = if gz { gzip_members(&records).0 } else { records.concat() };
        let items = read_with("huge.warc", file, &opts);
        assert_eq!(items.len(), 4, "{}", summary(&items));
        let (r, _, m) = record_error(&items[0]);
        assert_eq!(r, 0);
        assert!(m.contains("over the limit"), "{m}");
        assert_eq!(skipped(&items[1]).2, "non-text payload (image/png)");
        let (r, _, m) = record_error(&items[2]);
        assert_eq!(r, 2);
        assert!(m.contains("over the limit of 1024"), "{m}");
        assert_eq!(doc(&items[3]).bytes, b"<p>small</p>");
    }
}

#[test]
fn content_encoding_bomb_is_capped() {
    let opts = SourceOptions { max_doc_size: 16 << 10, ..SourceOptions::default() };
    let bomb = gzip(&vec![b'a'; 4 << 20]);
    assert!(bomb.len() < 16 << 10);
    let records = vec![
        response("http://a.example/bomb", &["Content-Type: text/html", "Content-Encoding: gzip"], &bomb),
        response("http://a.example/next", &["Content-Type: text/html"], b"<p>next</p>"),
    ];
    let items = read_with("bomb.warc", gzip_members(&records).0, &opts);
    assert_eq!(items.len(), 2, "{}", summary(&items));
    assert!(record_error(&items[0]).2.contains("over the limit"));
    assert_eq!(doc(&items[1]).origin.record, Some(1));
}

#[test]
fn truncated_gzip_member_keeps_earlier_records() {
    let records = sample_records();
    let (mut file, members) = gzip_members(&records[..3]);
    // Cut the third member (the HTML response) in its middle.
    let cut = members[2] as usize + (file.len() - members[2] as usize) / 2;
    file.truncate(cut);
    let items = read("cut.warc.gz", file);
    // warcinfo and request give nothing; the response is an error row naming its member.
    assert_eq!(items.len(), 1, "{}", summary(&items));
    let (r, o, m) = record_error(&items[0]);
    assert_eq!((r, o), (2, Some(members[2])));
    assert!(m.contains("truncated"), "{m}");

    // The same with documents before the cut.
    let records = vec![
        response("http://a.example/1", &["Content-Type: text/html"], b"<p>one</p>"),
        response("http://a.example/2", &["Content-Type: text/html"], b"<p>two</p>"),
        response("http://a.example/3", &["Content-Type: text/html"], &vec![b'z'; 5000]),
    ];
    let (mut file, members) = gzip_members(&records);
    file.truncate(file.len() - 30);
    let items = read("cut.warc.gz", file);
    assert_eq!(items.len(), 3, "{}", summary(&items));
    assert_eq!(doc(&items[0]).origin.offset, Some(0));
    assert_eq!(doc(&items[1]).origin.offset, Some(members[1]));
    assert_eq!(record_error(&items[2]).0, 2);
    assert_eq!(record_error(&items[2]).1, Some(members[2]));
}

#[test]
fn corrupt_gzip_member_resyncs_to_the_next_member() {
    let records = vec![
        response("http://a.example/1", &["Content-Type: text/html"], &vec![b'a'; 3000]),
        response("http://a.example/2", &["Content-Type: text/html"], b"<p>two</p>"),
    ];
    let (mut file, members) = gzip_members(&records);
    // Flip bytes in the deflate data of the first member.
    for b in &mut file[20..40] {
        *b ^= 0x55;
    }
    let items = read("bad.warc.gz", file);
    assert_eq!(items.len(), 2, "{}", summary(&items));
    // The broken member is taken to hold one record, as members do in a per-record gzip.
    let (r, o, m) = record_error(&items[0]);
    assert_eq!((r, o), (0, Some(0)));
    assert!(m.contains("corrupt"), "{m}");
    assert_eq!(doc(&items[1]).origin.record, Some(1));
    assert_eq!(doc(&items[1]).origin.offset, Some(members[1]));
}

#[test]
fn garbage_between_records_is_reported_and_skipped() {
    let one = response("http://a.example/1", &["Content-Type: text/html"], b"<p>one</p>");
    let two = response("http://a.example/2", &["Content-Type: text/html"], b"<p>two</p>");
    let junk = b"junk that is not a record\r\nmore junk WARC/1.0 not at line start\r\n\r\n";
    let items = read("junk.warc", [one.clone(), junk.to_vec(), two.clone()].concat());
    assert_eq!(items.len(), 3, "{}", summary(&items));
    assert_eq!(doc(&items[0]).origin.record, Some(0));
    let m = corrupt(&items[1]);
    assert!(m.contains(&format!("at offset {}", one.len())) && m.contains("after record 0"), "{m}");
    let d = doc(&items[2]);
    assert_eq!(d.origin.record, Some(1), "garbage is not a record");
    assert_eq!(d.origin.offset, Some((one.len() + junk.len()) as u64));

    // Content-Length two bytes short: the record is read, the leftover is reported.
    let mut short = one.clone();
    let at = short.windows(16).position(|w| w.starts_with(b"Content-Length: ")).unwrap();
    let cl_line_end = at + short[at..].iter().position(|&c| c == b'\r').unwrap();
    let n: usize = std::str::from_utf8(&short[at + 16..cl_line_end]).unwrap().parse().unwrap();
    short.splice(at + 16..cl_line_end, (n - 2).to_string().bytes());
    let items = read("short.warc", [short, two].concat());
    assert_eq!(items.len(), 3, "{}", summary(&items));
    assert_eq!(doc(&items[0]).bytes, b"<p>one</");
    assert!(corrupt(&items[1]).contains("skipped 4 bytes"));
    assert_eq!(doc(&items[2]).origin.record, Some(1));

    // Bytes between gzip members that are not gzip.
    let (file, _) = gzip_members(&[one.clone(), one.clone()]);
    let split = gzip(&one).len();
    let mut with_junk = file[..split].to_vec();
    with_junk.extend_from_slice(b"JUNK");
    with_junk.extend_from_slice(&file[split..]);
    let items = read("junk.warc.gz", with_junk);
    assert_eq!(items.len(), 3, "{}", summary(&items));
    assert!(corrupt(&items[1]).contains(&format!("4 bytes at offset {split}")));
    assert_eq!(doc(&items[2]).origin.offset, Some(split as u64 + 4));
}

#[test]
fn content_length_past_its_gzip_member() {
    // A per-record gzip record whose Content-Length runs into the next member: an error for it,
    // and the next record is read from its own member.
    let (bad, good) = bad_length_then_good("500");
    let (file, members) = gzip_members(&[bad, good]);
    let items = read("over.warc.gz", file);
    assert_eq!(items.len(), 2, "{}", summary(&items));
    let (r, o, m) = record_error(&items[0]);
    assert_eq!((r, o), (0, Some(0)));
    assert!(m.contains("gzip member"), "{m}");
    assert_eq!(doc(&items[1]).origin.offset, Some(members[1]));
}

#[test]
fn record_split_over_gzip_members() {
    // Header in one member, block in the next (as some writers do): one document.
    let rec = response("http://a.example/split", &["Content-Type: text/html"], b"<p>split body</p>");
    let cut = rec.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let file = [gzip(&rec[..cut]), gzip(&rec[cut..])].concat();
    let items = read("split.warc.gz", file);
    assert_eq!(items.len(), 1, "{}", summary(&items));
    assert_eq!(doc(&items[0]).bytes, b"<p>split body</p>");
    assert_eq!(doc(&items[0]).origin.offset, Some(0));
}

#[test]
fn records_without_type_or_length_or_with_a_bad_header() {
    let no_type =
        b"WARC/1.0\r\nWARC-Target-URI: http://a.example/\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n".to_vec();
    let no_len = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\n\r\nhi\r\n\r\n".to_vec();
    let good = record("resource", Some("http://a.example/ok"), &[("Content-Type", "text/plain")], b"ok");
    let items = read("odd.warc", [no_type, no_len, good].concat());
    assert_eq!(items.len(), 3, "{}", summary(&items));
    assert!(record_error(&items[0]).2.contains("WARC-Type"));
    assert!(record_error(&items[1]).2.contains("Content-Length"));
    assert_eq!(doc(&items[2]).origin.record, Some(2));
    // A header cut by the end of the file.
    let items = read("cut.warc", b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Le".to_vec());
    assert!(record_error(&items[0]).2.contains("header is truncated"));
}

#[test]
fn angle_bracket_uris_and_lf_only_files() {
    let rec = b"WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: <http://a.example/x>\nContent-Type: text/plain\nContent-Length: 5\n\nhello\n\n";
    let items = read("lf.warc", rec.to_vec());
    let d = doc(&items[0]);
    assert_eq!(d.origin.url.as_deref(), Some("http://a.example/x"));
    assert_eq!(d.bytes, b"hello");
}

#[test]
fn the_sink_can_stop_the_reading() {
    let records = sample_records();
    let mut n = 0;
    let mut sink = |_: Item| {
        n += 1;
        false
    };
    let data = records.concat();
    assert!(!read_warc("s.warc", Box::new(Cursor::new(data)), &SourceOptions::default(), &mut sink));
    assert_eq!(n, 1);
}

#[test]
fn empty_and_unreadable_inputs() {
    assert!(read("empty.warc", Vec::new()).is_empty());
    let items = read("junk.warc", b"not a warc at all\n".to_vec());
    assert_eq!(items.len(), 1);
    corrupt(&items[0]);
    let items = read("junk.warc.gz", vec![0x1f, 0x8b, 0x08, 0, 1, 2, 3]);
    assert!(!items.is_empty() && items.iter().all(|i| matches!(i, Item::Error(_))), "{}", summary(&items));
}

#[test]
fn a_member_full_of_garbage_is_left_for_the_next_member() {
    // A record followed by 3 MiB of zeros in the same gzip member (a bomb): the garbage is
    // reported once, and the scan gives up on that member and goes on with the next one.
    let opts = SourceOptions { max_doc_size: 4096, ..SourceOptions::default() };
    let one = response("http://a.example/1", &["Content-Type: text/html"], b"<p>one</p>");
    let two = response("http://a.example/2", &["Content-Type: text/html"], b"<p>two</p>");
    let bomb = gzip(&[one, vec![0; 3 << 20]].concat());
    let second = bomb.len() as u64;
    let items = read_with("bomb.warc.gz", [bomb, gzip(&two)].concat(), &opts);
    assert_eq!(items.len(), 3, "{}", summary(&items));
    assert_eq!(doc(&items[0]).origin.record, Some(0));
    assert!(corrupt(&items[1]).contains("not a WARC record"));
    let d = doc(&items[2]);
    assert_eq!((d.origin.record, d.origin.offset), (Some(1), Some(second)));
}
