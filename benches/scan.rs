//! Whole single-document scans over the fixture pages, in bytes per second. Each benchmark
//! checks its finding count once before timing, so a change that silently finds nothing
//! cannot look fast.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use spamscan::{Document, EngineBuilder, Format, Origin};

fn corpus() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/cases");
    let mut docs: Vec<Document> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            let format = match p.extension()?.to_str()? {
                "html" => Format::Html,
                "txt" => Format::Text,
                _ => return None,
            };
            Some(Document::new(Origin::file(p.display().to_string()), std::fs::read(&p).ok()?, format))
        })
        .collect();
    docs.sort_by(|a, b| a.origin.path.cmp(&b.origin.path));
    docs
}

fn bench(c: &mut Criterion) {
    let engine = EngineBuilder::new().build().unwrap();
    let docs = corpus();
    let mut group = c.benchmark_group("scan");
    for (name, format) in [("html", Format::Html), ("text", Format::Text)] {
        let set: Vec<&Document> = docs.iter().filter(|d| d.format == format).collect();
        let bytes: usize = set.iter().map(|d| d.bytes.len()).sum();
        let mut scanner = engine.scanner();
        let findings: usize = set.iter().map(|d| scanner.scan(d).findings.len()).sum();
        assert!(findings > 20, "{name}: only {findings} findings");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let n: usize = set.iter().map(|d| scanner.scan(black_box(d)).findings.len()).sum();
                assert_eq!(n, findings);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
