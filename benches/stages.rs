//! One benchmark per pipeline stage over the HTML pages of `fixtures/eval` (clean and
//! injected pages in several languages and charsets), in bytes of input per second:
//! decoding, HTML extraction, normalisation, pattern matching, language profiling, the
//! detectors (script islands, metadata, hidden content) and the whole scan. Each stage's
//! output (blocks, characters, hits, findings) is counted once before timing and checked on
//! every iteration, so a change that silently does nothing cannot look fast.
//!
//! `cargo bench --bench stages`; quote medians and compare runs made the same day.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use spamscan::decode::{decode, Text};
use spamscan::detect::{self, Context, Findings, Scratch};
use spamscan::extract::{extract_html, Blocks};
use spamscan::normalize::Normalized;
use spamscan::profile::Profile;
use spamscan::{Document, EngineBuilder, Format, Origin};

/// The HTML pages of the evaluation set, in name order.
fn pages() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/eval");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let bytes: u64 = pages.iter().map(|p| p.len() as u64).sum();
    let engine = EngineBuilder::new().build().unwrap();
    let patterns = engine.patterns();
    let texts: Vec<Text<'_>> = pages.iter().map(|p| decode(p, true, None)).collect();
    let blocks: Vec<Blocks> = texts
        .iter()
        .map(|t| {
            let mut b = Blocks::default();
            extract_html(&t.text, &mut b);
            b
        })
        .collect();
    let profiles: Vec<Profile> = blocks.iter().map(Profile::of).collect();

    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes));

    let chars: usize = texts.iter().map(|t| t.text.len()).sum();
    assert!(chars as u64 >= bytes / 2, "decoding lost text: {chars} of {bytes}");
    group.bench_function("decode", |b| {
        b.iter(|| {
            let n: usize = pages.iter().map(|p| decode(black_box(p), true, None).text.len()).sum();
            assert_eq!(n, chars);
        })
    });

    let n_blocks: usize = blocks.iter().map(|b| b.blocks.len()).sum();
    assert!(n_blocks > 2000, "only {n_blocks} blocks");
    let mut out = Blocks::default();
    group.bench_function("extract_html", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                extract_html(black_box(&t.text), &mut out);
                n += out.blocks.len();
            }
            assert_eq!(n, n_blocks);
        })
    });

    let mut norm = Normalized::default();
    let normalise_all = |norm: &mut Normalized| {
        let mut n = 0;
        for b in &blocks {
            for blk in &b.blocks {
                norm.run(black_box(b.text_of(blk)));
                n += norm.text.len();
            }
        }
        n
    };
    let normalised = normalise_all(&mut norm);
    group.bench_function("normalize", |b| b.iter(|| assert_eq!(normalise_all(&mut norm), normalised)));

    // Pattern matching over normalised block texts (normalised once, outside the timing).
    let norm_texts: Vec<String> = blocks
        .iter()
        .flat_map(|b| b.blocks.iter().map(|blk| b.text_of(blk)))
        .map(|t| {
            norm.run(t);
            norm.text.clone()
        })
        .collect();
    let mut hits = Vec::new();
    let match_all = |hits: &mut Vec<_>| {
        let mut n = 0;
        for t in &norm_texts {
            patterns.find_with(black_box(t), hits, |_| false, |_| n += 1);
        }
        n
    };
    let n_hits = match_all(&mut hits);
    assert!(n_hits > 200, "only {n_hits} pattern hits");
    group.bench_function("patterns", |b| b.iter(|| assert_eq!(match_all(&mut hits), n_hits)));

    let langs = profiles.iter().filter(|p| p.lang.is_some()).count();
    assert!(langs * 10 >= profiles.len() * 9, "a language for only {langs} pages");
    group.bench_function("profile", |b| {
        b.iter(|| {
            let n = blocks.iter().filter(|b| Profile::of(black_box(b)).lang.is_some()).count();
            assert_eq!(n, langs);
        })
    });

    let mut scratch = Scratch::default();
    let mut findings = Findings::default();
    let detect_all = |scratch: &mut Scratch, findings: &mut Findings| {
        let mut n = 0;
        for (i, page) in pages.iter().enumerate() {
            let ctx = Context {
                bytes: page,
                text: &texts[i],
                blocks: &blocks[i],
                profile: &profiles[i],
                patterns,
                allow_domains: &[],
            };
            findings.items.clear();
            detect::run(black_box(&ctx), scratch, findings);
            n += findings.items.len();
        }
        n
    };
    let n_findings = detect_all(&mut scratch, &mut findings);
    assert!(n_findings > 500, "only {n_findings} findings");
    group.bench_function("detect", |b| {
        b.iter(|| assert_eq!(detect_all(&mut scratch, &mut findings), n_findings))
    });

    let docs: Vec<Document> =
        pages.iter().map(|p| Document::new(Origin::file("page.html"), p.clone(), Format::Html)).collect();
    let mut scanner = engine.scanner();
    let scanned: usize = docs.iter().map(|d| scanner.scan(d).findings.len()).sum();
    assert!(scanned > 500, "only {scanned} findings");
    group.bench_function("scan", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| scanner.scan(black_box(d)).findings.len()).sum();
            assert_eq!(n, scanned);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
