//! Invariants shared by the fuzz targets. Each check panics (a libFuzzer crash) when the
//! library breaks a promise of its documentation, not only when it panics by itself.

use std::io::Cursor;
use std::sync::OnceLock;

use encoding_rs::Encoding;
use spamscan::normalize::Normalized;
use spamscan::source::{Frame, Window};
use spamscan::{
    read_stream, Document, Engine, EngineBuilder, InputFormat, Item, Origin, Report, SourceOptions,
};

/// The engine with the built-in packs, built once per process.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| EngineBuilder::new().build().expect("built-in packs"))
}

/// Small limits, so that a fuzz input cannot make a run slow or large on purpose.
pub fn small_options(format: InputFormat) -> SourceOptions {
    SourceOptions {
        format,
        max_doc_size: 1 << 20,
        window: 64 << 10,
        overlap: 4 << 10,
        max_decompressed: 8 << 20,
        max_ratio: 200,
        max_depth: 3,
        ..SourceOptions::default()
    }
}

/// Lower case, NFKC, invisible characters dropped and white space collapsed: what two texts
/// must agree on to be "the same text" for a finding.
pub fn canonical(s: &str) -> String {
    let mut n = Normalized::default();
    n.run(s);
    n.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Check a report of `doc` (scanned whole, not as a window).
pub fn check_report(doc: &Document, r: &Report) {
    let bytes = &doc.bytes;
    assert!((0.0..=1.0).contains(&r.score), "score {} out of [0, 1]", r.score);
    assert_eq!(r.bytes, bytes.len());
    let sum: f32 = r.findings.iter().map(|l| l.finding.contribution).sum();
    assert!((sum - r.score).abs() < 1e-3, "contributions add up to {sum}, score {}", r.score);
    let enc = Encoding::for_label(r.encoding.as_bytes()).expect("encoding name is a label");
    let mut prev = (0, 0);
    for l in &r.findings {
        let f = &l.finding;
        let (s, e) = (f.span.start, f.span.end);
        assert!(s < e && e <= bytes.len(), "{}: span {s}..{e} outside 0..{}", f.rule, bytes.len());
        assert!((s, e) >= prev, "findings not in document order");
        prev = (s, e);
        assert!((0.0..=1.0).contains(&f.weight), "{}: weight {}", f.rule, f.weight);
        assert!(f.contribution >= 0.0 && f.contribution <= r.score + 1e-6);
        // Line and column of the start.
        let line = 1 + bytes[..s].iter().filter(|&&b| b == b'\n').count();
        let col = s - bytes[..s].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        assert_eq!((l.line, l.column), (line, col), "{}: line/column of {s}", f.rule);
        // The span decodes to the finding's text. Markup and character references may stand
        // between them in HTML, and a legacy charset's broken bytes re-decode differently
        // when cut out, so the comparison is made where neither can happen.
        let (slice, malformed) = enc.decode_without_bom_handling(&bytes[s..e]);
        let markup = doc.format == spamscan::Format::Html && slice.contains(['<', '&']);
        let stateful = enc == encoding_rs::ISO_2022_JP;
        if !malformed && !markup && !stateful && !f.text.contains('\u{FFFD}') {
            assert_eq!(
                canonical(&slice),
                canonical(&f.text),
                "{}: bytes {s}..{e} decode to {slice:?}, finding text {:?}",
                f.rule,
                f.text
            );
        }
    }
    let mut end = 0;
    for c in &r.cuts {
        assert!(c.span.start <= c.span.end && c.span.end <= bytes.len(), "cut {:?}", c.span);
        assert!(c.span.start >= end, "cuts overlap: {:?}", r.cuts);
        end = c.span.end;
    }
}

/// What a container reader yielded, checked as it comes.
#[derive(Default)]
pub struct Tally {
    /// Documents, skipped and error items.
    pub items: usize,
    open: Vec<(u64, u32)>,
}

/// Read `data` as one stream with small limits and check every item.
pub fn read_all(data: &[u8], format: InputFormat) -> Tally {
    let opts = small_options(format);
    let mut tally = Tally::default();
    let mut sink = |item: Item| {
        tally.items += 1;
        assert!(tally.items < 1_000_000, "endless items");
        match item {
            Item::Document(d) => check_document(&d, &opts, &mut tally.open),
            Item::Skipped { origin, reason } => {
                assert!(origin.path.starts_with("fuzz"), "{origin:?}");
                assert!(!reason.is_empty());
            }
            Item::Error(e) => {
                let (path, _, _) = spamscan::report::error_subject(&e);
                assert!(path.starts_with("fuzz"), "error names {path}: {e}");
                assert!(!e.to_string().is_empty());
            }
        }
        true
    };
    read_stream(Origin::file("fuzz"), Box::new(Cursor::new(data.to_vec())), &opts, &mut sink);
    assert!(tally.open.is_empty(), "documents whose last window never came: {:?}", tally.open);
    tally
}

fn check_document(d: &Document, opts: &SourceOptions, open: &mut Vec<(u64, u32)>) {
    assert!(d.origin.path.starts_with("fuzz"), "{:?}", d.origin);
    let limit = (opts.window + opts.overlap) as u64;
    match &d.window {
        None => {
            assert!(d.bytes.len() as u64 <= limit.max(opts.max_doc_size), "{} bytes held", d.bytes.len());
        }
        Some(w) => check_window(d, w, limit, open),
    }
    if let Frame::JsonLine(line) = &d.frame {
        assert!(line.len() as u64 <= opts.max_doc_size * 2 + (1 << 16));
    }
    // Every document scans without breaking the report's promises.
    if d.window.is_none() && d.bytes.len() <= 64 << 10 {
        let r = engine().scanner().scan(d);
        check_report(d, &r);
    }
}

fn check_window(d: &Document, w: &Window, limit: u64, open: &mut Vec<(u64, u32)>) {
    assert!(d.bytes.len() as u64 <= limit, "window of {} bytes", d.bytes.len());
    match open.iter_mut().find(|(doc, _)| *doc == w.doc) {
        Some(entry) => {
            assert_eq!(w.index, entry.1 + 1, "windows out of order");
            entry.1 = w.index;
        }
        None => {
            assert_eq!(w.index, 0, "a document's first window is window 0");
            open.push((w.doc, 0));
        }
    }
    if w.last {
        open.retain(|(doc, _)| *doc != w.doc);
    }
}
