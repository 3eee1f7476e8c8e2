//! The labelled fixtures in `fixtures/cases/`: every verdict as expected, every `must_flag`
//! string covered, and every finding's span cutting exactly its text out of the original bytes.

use crate::common;

use std::collections::BTreeMap;

use common::{documents, fixtures, normalise, run};
use spamscan::report::jsonl::DocumentRow;

struct Case {
    file: String,
    verdict: String,
    must_flag: Vec<String>,
}

fn cases() -> Vec<Case> {
    let tsv = std::fs::read_to_string(fixtures().join("cases/expected.tsv")).unwrap();
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "expected.tsv line: {l}");
            let must_flag =
                if cols[2] == "-" { vec![] } else { cols[2].split(" | ").map(str::to_string).collect() };
            Case { file: cols[0].into(), verdict: cols[1].into(), must_flag }
        })
        .collect()
}

fn scan_all() -> BTreeMap<String, Vec<DocumentRow>> {
    let dir = fixtures().join("cases");
    let paths: Vec<String> = cases().iter().map(|c| dir.join(&c.file).display().to_string()).collect();
    let mut args = vec!["--format", "jsonl"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args, b"");
    assert!(
        matches!(out.status.code(), Some(1)),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let mut by_path: BTreeMap<String, Vec<DocumentRow>> = BTreeMap::new();
    for row in documents(&out.stdout) {
        by_path.entry(row.path.clone()).or_default().push(row);
    }
    by_path
}

/// The bytes a row's spans point into: the file, or for a JSON Lines record its text field.
fn document_bytes(file: &std::path::Path, row: &DocumentRow) -> Vec<u8> {
    let raw = std::fs::read(file).unwrap();
    match row.record {
        Some(r) => {
            let line = String::from_utf8(raw)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .nth(r as usize)
                .unwrap()
                .to_string();
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            v["text"].as_str().unwrap().as_bytes().to_vec()
        }
        None => raw,
    }
}

#[test]
fn verdicts_and_must_flag() {
    let rows = scan_all();
    let dir = fixtures().join("cases");
    let mut failures = Vec::new();
    for case in cases() {
        let path = dir.join(&case.file);
        let got = &rows[&path.display().to_string()];
        let worst = got.iter().map(|r| r.verdict.as_str()).max_by_key(|v| match *v {
            "spam" => 2,
            "suspicious" => 1,
            _ => 0,
        });
        if worst != Some(case.verdict.as_str()) {
            let scores: Vec<f32> = got.iter().map(|r| r.score).collect();
            failures.push(format!(
                "{}: verdict {worst:?} (scores {scores:?}), expected {}",
                case.file, case.verdict
            ));
        }
        for must in &case.must_flag {
            let flagged = got.iter().any(|row| {
                let bytes = document_bytes(&path, row);
                covered(must, &bytes, row)
            });
            if !flagged {
                failures.push(format!("{}: not flagged: {must}", case.file));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `must` is covered: where it stands as-is in the bytes, findings cover 60 % of one
/// occurrence; otherwise (obfuscated) a finding's normalised text contains it normalised.
fn covered(must: &str, bytes: &[u8], row: &DocumentRow) -> bool {
    let needle = must.as_bytes();
    let mut found_as_is = false;
    for at in (0..bytes.len().saturating_sub(needle.len() - 1)).filter(|&i| bytes[i..].starts_with(needle)) {
        found_as_is = true;
        let covered: usize = (at..at + needle.len())
            .filter(|&i| row.findings.iter().any(|f| f.start <= i && i < f.end))
            .count();
        if covered * 10 >= needle.len() * 6 {
            return true;
        }
    }
    if found_as_is {
        return false;
    }
    let want = normalise(must);
    row.findings.iter().any(|f| normalise(&f.text).contains(&want))
}

#[test]
fn every_span_cuts_its_text() {
    let rows = scan_all();
    let mut checked = 0;
    for (path, docs) in &rows {
        for row in docs {
            let bytes = document_bytes(std::path::Path::new(path), row);
            for f in &row.findings {
                assert!(f.start < f.end && f.end <= bytes.len(), "{path}: span {}..{}", f.start, f.end);
                let cut = String::from_utf8(bytes[f.start..f.end].to_vec()).expect("fixtures are UTF-8");
                // The file may write the text as character references, and a block-level
                // finding (a hidden block) spans the markup between its texts: read the cut
                // as the extractor does.
                let decoded = html_escape::decode_html_entities(&strip_tags(&cut)).into_owned();
                assert_eq!(
                    squeeze(&normalise(&decoded)),
                    squeeze(&normalise(&f.text)),
                    "{path}: {} at {}..{}",
                    f.rule,
                    f.start,
                    f.end
                );
                let (line, col) = line_col(&bytes, f.start);
                assert_eq!((f.line, f.column), (line, col), "{path}: {}", f.rule);
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} findings checked");
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = at - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

#[test]
fn contributions_add_up_to_the_score() {
    for docs in scan_all().values() {
        for row in docs {
            assert!((0.0..=1.0).contains(&row.score));
            let sum: f32 = row.findings.iter().map(|f| f.contribution).sum();
            assert!(
                (sum - row.score).abs() < 0.002 * (row.findings.len() as f32 + 1.0),
                "{}: {sum} vs {}",
                row.path,
                row.score
            );
        }
    }
}
