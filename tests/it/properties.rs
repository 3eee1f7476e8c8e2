//! Property tests (proptest):
//! - a stream read in pieces of any size gives the same items and findings as read whole,
//!   for plain text, HTML, JSON Lines, gzip, tar and WARC, with and without windows;
//! - scanning a document in windows finds every spam term the whole scan finds, at the same
//!   spans;
//! - the output of a batch scan is the same with 1, 2 or 4 threads;
//! - redacted output holds none of the cut evidence and scores clean, for generated pages and
//!   for every spam fixture.

use crate::common;

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use proptest::prelude::*;
use spamscan::{
    read_stream, Document, Engine, EngineBuilder, Format, Item, Origin, Report, SourceOptions, Verdict,
};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| EngineBuilder::new().build().unwrap())
}

const PIECES: &[&str] = &[
    "The council voted on Tuesday to build protected cycle lanes along the river road. ",
    "Construction starts in June and residents can comment until the end of May. ",
    "A new bakery opened near the station, selling rye bread and cinnamon buns. ",
    "爱上海龙凤419论坛",
    "上海龙凤419会所",
    "casino bonus",
    "buy cheap viagra online",
    "no deposit bonus free spins",
    "加微信 dd0088 ",
    "\n\n",
    "\n",
    "Grüße aus München. ",
    "Онлайн казино вулкан. ",
];

/// A document made of pieces of prose, blank lines and spam.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(0..PIECES.len(), 1..60)
        .prop_map(|ix| format!("Local news\n\n{}", ix.iter().map(|&i| PIECES[i]).collect::<String>()))
}

/// The same as an HTML page: pieces in paragraphs, headings and hidden blocks.
fn html() -> impl Strategy<Value = String> {
    prop::collection::vec((0..PIECES.len(), 0..4usize), 1..40).prop_map(|ix| {
        let body: String = ix
            .iter()
            .map(|&(i, tag)| match tag {
                0 => format!("<p>{}</p>", PIECES[i]),
                1 => format!("<h2>{}</h2>", PIECES[i]),
                2 => format!("<div style=\"display:none\">{}</div>", PIECES[i]),
                _ => format!("<li><a href=\"http://x.example/\">{}</a></li>", PIECES[i]),
            })
            .collect();
        format!(
            "<!DOCTYPE html><html lang=en><head><title>Local news</title></head><body>{body}</body></html>"
        )
    })
}

/// Gives its bytes in pieces of the given sizes, in turn.
struct Pieces {
    data: Cursor<Vec<u8>>,
    sizes: Vec<usize>,
    next: usize,
}

impl Read for Pieces {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.sizes[self.next % self.sizes.len()].clamp(1, buf.len().max(1));
        self.next += 1;
        let len = buf.len().min(n);
        self.data.read(&mut buf[..len])
    }
}

/// What a reader gave: each item with everything that identifies it, and the findings of
/// each document.
fn read_all(reader: Box<dyn Read + Send>, opts: &SourceOptions) -> Vec<String> {
    let mut out = Vec::new();
    let mut scanner = engine().scanner();
    read_stream(Origin::file("input"), reader, opts, &mut |item| {
        out.push(match item {
            Item::Document(d) => {
                let r = scanner.scan(&d);
                let spans: Vec<_> = r
                    .findings
                    .iter()
                    .map(|l| (l.finding.rule.clone(), l.finding.span, l.line, l.column))
                    .collect();
                format!(
                    "document {:?} {:?} {} bytes {:?} window {:?}: {} {:?}",
                    d.origin,
                    d.format,
                    d.bytes.len(),
                    d.charset.map(|e| e.name()),
                    d.window,
                    r.score,
                    spans
                )
            }
            Item::Skipped { origin, reason } => format!("skipped {origin:?} {reason}"),
            Item::Error(e) => format!("error {e}"),
        });
        true
    });
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn tar(name: &str, data: &[u8]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(data.len() as u64);
    h.set_mode(0o644);
    h.set_cksum();
    b.append_data(&mut h, name, data).unwrap();
    b.into_inner().unwrap()
}

fn warc(uri: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(&http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn jsonl(docs: &[String]) -> Vec<u8> {
    docs.iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string() + "\n")
        .collect::<String>()
        .into_bytes()
}

/// The inputs of one case in every container, and whether to read them in small windows.
fn containers(text: &str, page: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut per_record_gz = gzip(&warc("http://a.example/1", page.as_bytes()));
    per_record_gz.extend(gzip(&warc("http://a.example/2", text.as_bytes())));
    vec![
        ("text", text.as_bytes().to_vec()),
        ("html", page.as_bytes().to_vec()),
        ("jsonl", jsonl(&[text.to_string(), page.to_string()])),
        ("gzip", gzip(text.as_bytes())),
        ("tar", tar("page.html", page.as_bytes())),
        ("tar.gz", gzip(&tar("a.txt", text.as_bytes()))),
        ("warc", warc("http://a.example/", page.as_bytes())),
        ("warc.gz per record", per_record_gz),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Pieces of any size (1 byte, a few, odd sizes, more than the input) give the same
    /// items, spans and scores as one read of the whole.
    #[test]
    fn pieces_of_any_size_read_as_the_whole(
        text in text(),
        page in html(),
        sizes in prop::collection::vec(1usize..9000, 1..8),
        windows in any::<bool>(),
    ) {
        let opts = if windows {
            SourceOptions { window: 4096, overlap: 1024, ..SourceOptions::default() }
        } else {
            SourceOptions::default()
        };
        for (name, bytes) in containers(&text, &page) {
            let whole = read_all(Box::new(Cursor::new(bytes.clone())), &opts);
            let pieces = read_all(Box::new(Pieces { data: Cursor::new(bytes), sizes: sizes.clone(), next: 0 }), &opts);
            prop_assert_eq!(&whole, &pieces, "{}: pieces {:?}", name, sizes);
            prop_assert!(!whole.is_empty());
        }
    }

    /// Windows find every spam term that the whole document holds, at the same spans
    /// (script islands depend on the window's own language profile, so they are not held
    /// to this).
    #[test]
    fn windows_find_what_the_whole_finds(text in text(), repeat in 1usize..6) {
        let text = text.repeat(repeat);
        let whole = engine().scanner().scan(&Document::new(Origin::file("-"), text.as_bytes().to_vec(), Format::Text));
        let opts = SourceOptions { window: 4096, overlap: 1024, ..SourceOptions::default() };
        let mut parts: Vec<Report> = Vec::new();
        let mut single = None;
        let mut scanner = engine().scanner();
        read_stream(Origin::file("-"), Box::new(Cursor::new(text.clone().into_bytes())), &opts, &mut |item| {
            if let Item::Document(d) = item {
                let r = scanner.scan(&d);
                if d.window.is_some() { parts.push(r) } else { single = Some(r) }
            }
            true
        });
        let merged = single.unwrap_or_else(|| engine().merge(parts));
        prop_assert_eq!(merged.bytes, text.len());
        let spans = |r: &Report| -> Vec<(String, usize, usize, usize, usize)> {
            r.findings.iter()
                .filter(|l| l.finding.rule.starts_with("terms."))
                .map(|l| (l.finding.rule.clone(), l.finding.span.start, l.finding.span.end, l.line, l.column))
                .collect()
        };
        let got = spans(&merged);
        if whole.dropped == 0 && merged.dropped == 0 {
            for f in spans(&whole) {
                prop_assert!(got.contains(&f), "windows lost {:?}", f);
            }
        }
        for l in &merged.findings {
            let f = &l.finding;
            prop_assert_eq!(&text[f.span.start..f.span.end], f.text.as_str());
        }
    }

    /// Redaction cuts every piece of evidence, and what is left scores clean.
    #[test]
    fn redacted_pages_hold_no_evidence_and_score_clean(page in html(), text in text()) {
        for (bytes, format) in [(page.into_bytes(), Format::Html), (text.into_bytes(), Format::Text)] {
            check_redaction(&Document::new(Origin::file("-"), bytes, format))?;
        }
    }
}

/// Redact `doc` if it is spam, and check the result.
fn check_redaction(doc: &Document) -> Result<(), TestCaseError> {
    let mut scanner = engine().scanner();
    let report = scanner.scan(doc);
    if report.verdict != Verdict::Spam {
        return Ok(());
    }
    let mut out = Vec::new();
    spamscan::emit::write_redacted(doc, &report, "text", &mut out).unwrap();
    let again = scanner.scan(&Document::new(doc.origin.clone(), out.clone(), doc.format));
    prop_assert_eq!(again.verdict, Verdict::Clean, "{}: {:?}", doc.origin.path, again.findings);
    // Every cut is gone: each cut text occurs in the output fewer times than in the input,
    // by the number of cuts of that text (the same words elsewhere, not evidence, may stay).
    let count = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).filter(|w| *w == needle).count();
    for c in report.cuts.iter().filter(|c| !c.element && !c.span.is_empty()) {
        let cut = &doc.bytes[c.span.start..c.span.end];
        let cuts =
            report.cuts.iter().filter(|d| !d.element && &doc.bytes[d.span.start..d.span.end] == cut).count();
        let (before, after) = (count(&doc.bytes, cut), count(&out, cut));
        prop_assert!(
            after + cuts <= before,
            "{}: {:?} occurs {} times, {} before with {} cuts",
            doc.origin.path,
            String::from_utf8_lossy(cut),
            after,
            before,
            cuts
        );
    }
    Ok(())
}

/// Every spam fixture (the cases and the evaluation corpus) redacts to a clean document.
#[test]
fn redacted_spam_fixtures_score_clean() {
    let mut checked = 0;
    for dir in ["cases", "eval"] {
        let mut paths: Vec<_> =
            std::fs::read_dir(common::fixtures().join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let format = match ext {
                "html" => Format::Html,
                "txt" => Format::Text,
                _ => continue,
            };
            let bytes = std::fs::read(&path).unwrap();
            let doc = Document::new(Origin::file(path.display().to_string()), bytes, format);
            if engine().scanner().scan(&doc).verdict == Verdict::Spam {
                check_redaction(&doc).unwrap_or_else(|e| panic!("{e}"));
                checked += 1;
            }
        }
    }
    assert!(checked >= 150, "only {checked} spam fixtures");
}

/// A batch scan prints the same rows with 1, 2 and 4 threads (with `--sort`; the summary
/// differs only in its timings).
#[test]
fn output_does_not_depend_on_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner =
        proptest::test_runner::TestRunner::new(ProptestConfig { cases: 4, ..ProptestConfig::default() });
    let docs = prop::collection::vec(prop_oneof![text(), html()], 20..60);
    runner
        .run(&docs, |docs| {
            let file = dir.path().join("batch.jsonl");
            std::fs::write(&file, jsonl(&docs)).unwrap();
            std::fs::write(dir.path().join("page.html"), &docs[0]).unwrap();
            std::fs::write(dir.path().join("cut.html.gz"), &gzip(docs[1].as_bytes())[..20]).unwrap();
            let outputs: Vec<String> = ["1", "2", "4"]
                .iter()
                .map(|j| {
                    let out = common::run(
                        &[
                            "--format",
                            "jsonl",
                            "--sort",
                            "-j",
                            j,
                            "--window",
                            "4096",
                            dir.path().to_str().unwrap(),
                        ],
                        b"",
                    );
                    let text = String::from_utf8(out.stdout).unwrap();
                    text.lines()
                        .map(|l| {
                            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                            if v["type"] == "summary" {
                                v["elapsed_ms"] = 0.into();
                                v["mb_per_s"] = 0.into();
                            }
                            v.to_string()
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            prop_assert!(outputs[0].lines().count() > docs.len());
            prop_assert_eq!(&outputs[0], &outputs[1]);
            prop_assert_eq!(&outputs[0], &outputs[2]);
            Ok(())
        })
        .unwrap();
}
