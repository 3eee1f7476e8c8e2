//! `spamscan eval`: scan a labelled corpus and print how well the verdicts match the labels.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use spamscan::eval::{metrics, read_labels, Label, Metrics, Outcome, Rates};
use spamscan::tune::{cross_validate, fit, outcome, Example};
use spamscan::{read_inputs, Engine, Finding, Item, Report, SourceOptions, Verdict};

/// Labels from `--labels FILE` or from `--spam DIR` and `--clean DIR`.
pub fn labels(corpus: &super::args::Corpus) -> Result<Vec<Label>, String> {
    let (spam, clean) = (corpus.spam.as_deref(), corpus.clean.as_deref());
    if let Some(tsv) = corpus.labels.as_deref() {
        return read_labels(tsv).map_err(|e| e.to_string());
    }
    let mut out = Vec::new();
    for (dir, truth) in [(spam, Verdict::Spam), (clean, Verdict::Clean)] {
        let Some(dir) = dir else { continue };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        out.extend(files.into_iter().map(|path| Label { path, truth, must_flag: Vec::new() }));
    }
    if out.is_empty() {
        return Err("give --labels FILE.tsv, or --spam DIR and --clean DIR".into());
    }
    Ok(out)
}

/// Scan every labelled file: an outcome and the findings of its strongest document per file
/// that could be read, and the errors of the rest.
pub fn scan_labels(engine: &Engine, labels: &[Label]) -> (Vec<(Outcome, Vec<Finding>)>, Vec<String>) {
    let opts = SourceOptions::default();
    let mut scanner = engine.scanner();
    let mut outcomes = Vec::new();
    let mut errors = Vec::new();
    for label in labels {
        let path = label.path.display().to_string();
        let mut score = 0f32;
        let mut rules: Vec<String> = Vec::new();
        let mut top: Vec<(f32, String)> = Vec::new();
        let mut flagged = vec![false; label.must_flag.len()];
        let mut worst: Vec<Finding> = Vec::new();
        let mut docs = 0;
        let mut failed = false;
        read_inputs(std::slice::from_ref(&path), &opts, &mut |item| {
            match item {
                Item::Document(d) => {
                    docs += 1;
                    let r = scanner.scan(&d);
                    if docs == 1 || r.score > score {
                        worst = r.findings.iter().map(|l| l.finding.clone()).collect();
                    }
                    score = score.max(r.score);
                    for l in &r.findings {
                        let f = &l.finding;
                        if f.contribution > 0.0 && !rules.contains(&f.rule) {
                            rules.push(f.rule.clone());
                        }
                        top.push((
                            f.contribution,
                            format!("{}: {} (+{:.2})", f.rule, f.text.trim(), f.contribution),
                        ));
                    }
                    for (i, m) in label.must_flag.iter().enumerate() {
                        flagged[i] |= covers(m, &d.bytes, &r);
                    }
                }
                Item::Error(e) => {
                    failed = true;
                    errors.push(e.to_string());
                }
                Item::Skipped { .. } => {}
            }
            true
        });
        if failed || docs == 0 {
            if docs == 0 && !failed {
                errors.push(format!("{path}: no document"));
            }
            continue;
        }
        top.sort_by(|a, b| b.0.total_cmp(&a.0));
        let outcome = Outcome {
            path,
            truth: label.truth,
            score,
            rules,
            must_flag: (!label.must_flag.is_empty()).then(|| flagged.iter().all(|&f| f)),
            top: top.into_iter().take(3).map(|t| t.1).collect(),
        };
        outcomes.push((outcome, worst));
    }
    (outcomes, errors)
}

/// `spamscan eval`: scan, then print the metrics; exit 2 when a file could not be read.
pub fn run(engine: &Engine, labels: &[Label], json: bool, plot: Option<&Path>) -> i32 {
    let (scanned, errors) = scan_labels(engine, labels);
    let outcomes: Vec<Outcome> = scanned.into_iter().map(|(o, _)| o).collect();
    if let Some(p) = plot {
        if let Err(e) = super::plot::draw(p, &outcomes, engine.thresholds().spam) {
            warn!("spamscan: {}: {e}", p.display());
            return 2;
        }
    }
    for e in &errors {
        warn!("spamscan: {e}");
    }
    let m = metrics(&outcomes, engine.thresholds());
    let out = io::stdout();
    let mut w = io::BufWriter::new(out.lock());
    let res = if json {
        write_json(&mut w, &m, &outcomes, &errors)
    } else {
        write_table(&mut w, &m, &outcomes, errors.len(), engine)
    };
    match res.and_then(|_| w.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            warn!("spamscan: {e}");
            2
        }
        _ if !errors.is_empty() => 2,
        _ => 0,
    }
}

/// `must` is covered by the report's findings: where it stands as-is in the bytes, findings
/// cover 60 % of one occurrence; else (encoded or obfuscated) a finding's normalised text
/// shares a run of half its characters with it.
fn covers(must: &str, bytes: &[u8], r: &Report) -> bool {
    let needle = must.as_bytes();
    if !needle.is_empty() {
        let mut any = false;
        for at in memchr::memmem::find_iter(bytes, needle) {
            any = true;
            let covered = (at..at + needle.len())
                .filter(|&i| r.findings.iter().any(|l| l.finding.span.start <= i && i < l.finding.span.end))
                .count();
            if covered * 10 >= needle.len() * 6 {
                return true;
            }
        }
        if any {
            return false;
        }
    }
    let mut n = spamscan::normalize::Normalized::default();
    n.run(must);
    let want: Vec<char> = n.text.chars().collect();
    let need = want.len().div_ceil(2).max(2);
    r.findings.iter().any(|l| {
        n.run(&l.finding.text);
        longest_common_run(&n.text.chars().collect::<Vec<_>>(), &want) >= need
    })
}

fn longest_common_run(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for &ca in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            if ca == cb {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

fn fmt(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".into(), |v| format!("{v:.3}"))
}

fn write_table(
    w: &mut dyn Write,
    m: &Metrics,
    outcomes: &[Outcome],
    errors: usize,
    engine: &Engine,
) -> io::Result<()> {
    let t = engine.thresholds();
    let [clean, susp, spam] = m.labels;
    writeln!(w, "{} documents ({spam} spam, {clean} clean, {susp} suspicious), {errors} errors; spam threshold {:.2}, suspicious {:.2}", outcomes.len(), t.spam, t.suspicious)?;
    let r = &m.at_threshold;
    writeln!(
        w,
        "spam: precision {}  recall {}  F1 {}  false-positive rate {}  clean called suspicious {}  ROC AUC {}",
        fmt(r.precision),
        fmt(r.recall),
        fmt(r.f1),
        fmt(r.false_positive_rate),
        fmt(m.clean_suspicious_rate),
        fmt(m.roc_auc)
    )?;
    writeln!(
        w,
        "\nconfusion (rows: label, columns: verdict)\n{:>14} {:>10} {:>10} {:>10}",
        "", "clean", "suspicious", "spam"
    )?;
    for (name, row) in ["clean", "suspicious", "spam"].iter().zip(m.confusion) {
        writeln!(w, "{:>14} {:>10} {:>10} {:>10}", name, row[0], row[1], row[2])?;
    }
    writeln!(w, "\n{:>9} {:>10} {:>8} {:>8}", "threshold", "precision", "recall", "FPR")?;
    for Rates { threshold, precision, recall, false_positive_rate, .. } in &m.table {
        writeln!(
            w,
            "{:>9.1} {:>10} {:>8} {:>8}",
            threshold,
            fmt(*precision),
            fmt(*recall),
            fmt(*false_positive_rate)
        )?;
    }
    writeln!(
        w,
        "\n{:<28} {:>6} {:>6} {:>10} {:>6}   (weakest first)",
        "rule", "spam", "clean", "precision", "S/O"
    )?;
    for s in &m.rules {
        writeln!(w, "{:<28} {:>6} {:>6} {:>10} {:>6}", s.rule, s.spam, s.clean, fmt(s.precision), fmt(s.so))?;
    }
    writeln!(w, "\nmust_flag: {} of {} documents fully covered", m.must_flag.0, m.must_flag.1)?;
    let misses: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| (o.truth == Verdict::Spam) != (o.score >= t.spam) || o.must_flag == Some(false))
        .collect();
    writeln!(w, "\nmisses: {}", misses.len())?;
    for o in misses {
        let kind = match (o.truth, o.score >= t.spam) {
            (Verdict::Spam, false) => "false negative",
            (_, true) if o.truth != Verdict::Spam => "false positive",
            _ => "must_flag not covered",
        };
        writeln!(w, "  {kind}: {} (label {}, score {:.2})", o.path, o.truth.as_str(), o.score)?;
        for f in &o.top {
            writeln!(w, "      {f}")?;
        }
    }
    Ok(())
}

fn write_json(w: &mut dyn Write, m: &Metrics, outcomes: &[Outcome], errors: &[String]) -> io::Result<()> {
    let v = serde_json::json!({ "metrics": m, "documents": outcomes, "errors": errors });
    serde_json::to_writer_pretty(&mut *w, &v).map_err(io::Error::from)?;
    writeln!(w)
}

/// `spamscan tune`: fit per-rule multipliers with k-fold cross-validation, print the held-out
/// metrics of each fold and of all folds together, and write the weights fitted on everything.
pub fn tune(engine: &Engine, labels: &[Label], folds: usize, output: &Path) -> i32 {
    let (scanned, errors) = scan_labels(engine, labels);
    for e in &errors {
        warn!("spamscan: {e}");
    }
    let examples: Vec<Example> =
        scanned.into_iter().map(|(o, findings)| Example { path: o.path, truth: o.truth, findings }).collect();
    let t = engine.thresholds().spam;
    say!("{} documents, {folds}-fold cross-validation at spam threshold {t:.2}", examples.len());
    say!("{:>5} {:>10} {:>8} {:>8} {:>6}", "fold", "precision", "recall", "FPR", "docs");
    let (per_fold, held) = cross_validate(&examples, folds, t);
    for (k, r) in per_fold.iter().enumerate() {
        let n = r.tp + r.fp + r.fn_ + r.tn;
        say!(
            "{:>5} {:>10} {:>8} {:>8} {:>6}",
            k + 1,
            fmt(r.precision),
            fmt(r.recall),
            fmt(r.false_positive_rate),
            n
        );
    }
    let h = metrics(&held, engine.thresholds());
    say!(
        "held out, all folds: precision {}  recall {}  false-positive rate {}  clean called suspicious {}",
        fmt(h.at_threshold.precision),
        fmt(h.at_threshold.recall),
        fmt(h.at_threshold.false_positive_rate),
        fmt(h.clean_suspicious_rate)
    );
    let weights = fit(&examples);
    let after: Vec<Outcome> = examples.iter().map(|e| outcome(e, &weights)).collect();
    let m = metrics(&after, engine.thresholds());
    say!(
        "fitted on all {} documents: precision {}  recall {}  false-positive rate {}  clean called suspicious {}",
        examples.len(),
        fmt(m.at_threshold.precision),
        fmt(m.at_threshold.recall),
        fmt(m.at_threshold.false_positive_rate),
        fmt(m.clean_suspicious_rate)
    );
    let text = match toml::to_string(&weights) {
        Ok(t) => t,
        Err(e) => {
            warn!("spamscan: {e}");
            return 2;
        }
    };
    let header = format!("# Written by `spamscan tune` from {} labelled documents.\n", examples.len());
    if let Err(e) = std::fs::write(output, header + &text) {
        warn!("spamscan: {}: {e}", output.display());
        return 2;
    }
    say!("weights written to {}", output.display());
    i32::from(!errors.is_empty()) * 2
}
