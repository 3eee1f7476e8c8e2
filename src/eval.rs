//! Evaluation on a labelled corpus: precision, recall, F1 and false-positive rate for spam,
//! the confusion matrix over clean/suspicious/spam, ROC AUC, a precision/recall table over
//! thresholds, and per-rule hit rates in spam and clean documents (SpamAssassin's
//! hit-frequencies, with its S/O ratio).
//!
//! Conventions: the positive class is `spam`. A `suspicious` label or verdict counts as not
//! spam. The false-positive rate is the share of documents labelled clean that are called
//! spam; the share of clean documents called suspicious is reported beside it. A rate whose
//! denominator is zero is `None`, never a made-up 0 or 1.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::score::{Thresholds, Verdict};

/// One labelled document as listed in a labels file.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The file (joined to the labels file's folder).
    pub path: PathBuf,
    /// The true verdict.
    pub truth: Verdict,
    /// Strings a good scanner must cover with its findings.
    pub must_flag: Vec<String>,
}

/// Read a labels TSV (`file`, `verdict`, optional `must_flag`; a header line; paths relative
/// to the TSV's folder).
///
/// # Errors
/// [`Error::Io`] when the file cannot be read; [`Error::Record`] (record = 0-based data line)
/// for a line without a file or with an unknown verdict.
pub fn read_labels(tsv: &Path) -> Result<Vec<Label>, Error> {
    let name = tsv.display().to_string();
    let text = std::fs::read_to_string(tsv).map_err(|e| Error::Io { path: name.clone(), source: e })?;
    let base = tsv.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for (i, line) in text.lines().skip(1).enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err =
            |message: String| Error::Record { path: name.clone(), record: i as u64, offset: None, message };
        let file = cols.first().filter(|f| !f.is_empty()).ok_or_else(|| err("no file".into()))?;
        let truth = match cols.get(1).map(|v| v.trim()) {
            Some("spam") => Verdict::Spam,
            Some("clean") => Verdict::Clean,
            Some("suspicious") => Verdict::Suspicious,
            other => return Err(err(format!("verdict {other:?} is not spam, clean or suspicious"))),
        };
        let must_flag = match cols.get(2).map(|m| m.trim()) {
            None | Some("-") | Some("") => Vec::new(),
            Some(m) => m.split(" | ").map(str::to_string).collect(),
        };
        out.push(Label { path: base.join(file), truth, must_flag });
    }
    Ok(out)
}

/// What the scanner said about one labelled document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The file.
    pub path: String,
    /// The label.
    pub truth: Verdict,
    /// The score (the highest of its documents for a multi-document file).
    pub score: f32,
    /// Rules that contributed to the score.
    pub rules: Vec<String>,
    /// `Some(covered)` when the label lists must_flag strings.
    pub must_flag: Option<bool>,
    /// The strongest findings, `rule: text (+contribution)`, for the list of misses.
    pub top: Vec<String>,
}

/// Counts and rates for spam at one threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rates {
    /// Spam threshold.
    pub threshold: f32,
    /// Spam called spam.
    pub tp: u64,
    /// Not spam called spam.
    pub fp: u64,
    /// Spam not called spam.
    pub fn_: u64,
    /// Not spam not called spam.
    pub tn: u64,
    /// tp / (tp + fp).
    pub precision: Option<f64>,
    /// tp / (tp + fn).
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall.
    pub f1: Option<f64>,
    /// Clean documents called spam / clean documents.
    pub false_positive_rate: Option<f64>,
}

/// Per-rule hit frequencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleStats {
    /// Rule id.
    pub rule: String,
    /// Spam documents it fired in.
    pub spam: u64,
    /// Clean documents it fired in.
    pub clean: u64,
    /// spam / (spam + clean) hits.
    pub precision: Option<f64>,
    /// S/O ratio: spam hit rate / (spam hit rate + clean hit rate), 1.0 = only in spam.
    pub so: Option<f64>,
}

/// Everything `spamscan eval` reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Documents per label: clean, suspicious, spam.
    pub labels: [u64; 3],
    /// At the run's thresholds.
    pub at_threshold: Rates,
    /// Clean documents called suspicious / clean documents.
    pub clean_suspicious_rate: Option<f64>,
    /// `confusion[label][verdict]`, both in the order clean, suspicious, spam.
    pub confusion: [[u64; 3]; 3],
    /// Area under the ROC curve of the score, spam against clean (ties count one half).
    pub roc_auc: Option<f64>,
    /// Rates at thresholds 0.1, 0.2, … 0.9.
    pub table: Vec<Rates>,
    /// Per rule, weakest (lowest S/O) first.
    pub rules: Vec<RuleStats>,
    /// (covered, listed) must_flag documents.
    pub must_flag: (u64, u64),
}

fn idx(v: Verdict) -> usize {
    match v {
        Verdict::Clean => 0,
        Verdict::Suspicious => 1,
        Verdict::Spam => 2,
    }
}

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Rates for spam when documents scoring `threshold` or more are called spam.
pub fn rates(outcomes: &[Outcome], threshold: f32) -> Rates {
    let (mut tp, mut fp, mut fn_, mut tn, mut clean, mut clean_fp) = (0, 0, 0, 0, 0, 0);
    for o in outcomes {
        let called = o.score >= threshold;
        let spam = o.truth == Verdict::Spam;
        match (spam, called) {
            (true, true) => tp += 1,
            (true, false) => fn_ += 1,
            (false, true) => fp += 1,
            (false, false) => tn += 1,
        }
        if o.truth == Verdict::Clean {
            clean += 1;
            clean_fp += u64::from(called);
        }
    }
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    Rates { threshold, tp, fp, fn_, tn, precision, recall, f1, false_positive_rate: ratio(clean_fp, clean) }
}

/// ROC AUC as the Mann–Whitney statistic: the chance that a random spam document scores
/// higher than a random clean one, ties counting one half. `None` when a class is empty.
pub fn roc_auc(positive: &[f32], negative: &[f32]) -> Option<f64> {
    if positive.is_empty() || negative.is_empty() {
        return None;
    }
    let mut neg = negative.to_vec();
    neg.sort_by(f32::total_cmp);
    let mut wins = 0f64;
    for &p in positive {
        let below = neg.partition_point(|&n| n < p);
        let equal = neg[below..].partition_point(|&n| n <= p);
        wins += below as f64 + equal as f64 / 2.0;
    }
    Some(wins / (positive.len() as f64 * neg.len() as f64))
}

/// All metrics of `outcomes` at thresholds `t`.
pub fn metrics(outcomes: &[Outcome], t: Thresholds) -> Metrics {
    let mut labels = [0u64; 3];
    let mut confusion = [[0u64; 3]; 3];
    for o in outcomes {
        labels[idx(o.truth)] += 1;
        confusion[idx(o.truth)][idx(t.verdict(o.score))] += 1;
    }
    let clean_suspicious_rate = ratio(confusion[0][1], labels[0]);
    let pos: Vec<f32> = outcomes.iter().filter(|o| o.truth == Verdict::Spam).map(|o| o.score).collect();
    let neg: Vec<f32> = outcomes.iter().filter(|o| o.truth == Verdict::Clean).map(|o| o.score).collect();
    let table = (1..10).map(|k| rates(outcomes, k as f32 / 10.0)).collect();
    let mut hits: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for o in outcomes {
        for r in &o.rules {
            let e = hits.entry(r.as_str()).or_default();
            match o.truth {
                Verdict::Spam => e.0 += 1,
                Verdict::Clean => e.1 += 1,
                Verdict::Suspicious => {}
            }
        }
    }
    let mut rules: Vec<RuleStats> = hits
        .into_iter()
        .map(|(rule, (s, c))| {
            let sr = ratio(s, labels[2]).unwrap_or(0.0);
            let cr = ratio(c, labels[0]).unwrap_or(0.0);
            RuleStats {
                rule: rule.to_string(),
                spam: s,
                clean: c,
                precision: ratio(s, s + c),
                so: (sr + cr > 0.0).then(|| sr / (sr + cr)),
            }
        })
        .collect();
    rules.sort_by(|a, b| a.so.unwrap_or(0.0).total_cmp(&b.so.unwrap_or(0.0)).then(a.rule.cmp(&b.rule)));
    let listed = outcomes.iter().filter(|o| o.must_flag.is_some()).count() as u64;
    let covered = outcomes.iter().filter(|o| o.must_flag == Some(true)).count() as u64;
    Metrics {
        labels,
        at_threshold: rates(outcomes, t.spam),
        clean_suspicious_rate,
        confusion,
        roc_auc: roc_auc(&pos, &neg),
        table,
        rules,
        must_flag: (covered, listed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(truth: Verdict, score: f32, rules: &[&str]) -> Outcome {
        Outcome {
            path: String::new(),
            truth,
            score,
            rules: rules.iter().map(|r| r.to_string()).collect(),
            must_flag: None,
            top: vec![],
        }
    }

    #[test]
    fn rates_by_hand() {
        // 3 spam (0.9, 0.8, 0.3), 3 clean (0.75, 0.1, 0.0), 1 suspicious (0.5).
        let v = [
            o(Verdict::Spam, 0.9, &[]),
            o(Verdict::Spam, 0.8, &[]),
            o(Verdict::Spam, 0.3, &[]),
            o(Verdict::Clean, 0.75, &[]),
            o(Verdict::Clean, 0.1, &[]),
            o(Verdict::Clean, 0.0, &[]),
            o(Verdict::Suspicious, 0.5, &[]),
        ];
        let r = rates(&v, 0.7);
        assert_eq!((r.tp, r.fp, r.fn_, r.tn), (2, 1, 1, 3));
        assert_eq!(r.precision, Some(2.0 / 3.0));
        assert_eq!(r.recall, Some(2.0 / 3.0));
        assert!((r.f1.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.false_positive_rate, Some(1.0 / 3.0));
        let m = metrics(&v, Thresholds::default());
        assert_eq!(m.labels, [3, 1, 3]);
        assert_eq!(m.confusion, [[2, 0, 1], [0, 1, 0], [1, 0, 2]]);
        assert_eq!(m.clean_suspicious_rate, Some(0.0));
        // AUC: spam beats clean in 2*3 + (0.3 beats 0.1 and 0.0) = 8 of 9 pairs.
        assert!((m.roc_auc.unwrap() - 8.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn ties_and_empty_classes() {
        assert_eq!(roc_auc(&[0.5, 0.5], &[0.5]), Some(0.5));
        assert_eq!(roc_auc(&[0.9], &[0.5, 0.9]), Some(0.75));
        assert_eq!(roc_auc(&[], &[0.1]), None);
        assert_eq!(roc_auc(&[0.1], &[]), None);
        let only_clean = [o(Verdict::Clean, 0.2, &[])];
        let r = rates(&only_clean, 0.7);
        assert_eq!((r.precision, r.recall, r.f1, r.false_positive_rate), (None, None, None, Some(0.0)));
        let nothing_called = [o(Verdict::Spam, 0.2, &[])];
        let r = rates(&nothing_called, 0.7);
        assert_eq!((r.precision, r.recall, r.f1), (None, Some(0.0), None));
        assert_eq!(metrics(&[], Thresholds::default()).roc_auc, None);
    }

    #[test]
    fn rule_frequencies() {
        let v = [
            o(Verdict::Spam, 0.9, &["terms.a", "script.island"]),
            o(Verdict::Spam, 0.9, &["terms.a"]),
            o(Verdict::Clean, 0.1, &["script.island"]),
            o(Verdict::Clean, 0.1, &[]),
        ];
        let m = metrics(&v, Thresholds::default());
        // script.island: spam rate 1/2, clean rate 1/2 -> S/O 0.5; terms.a: 2/2 vs 0 -> 1.0.
        assert_eq!(m.rules[0].rule, "script.island");
        assert_eq!((m.rules[0].spam, m.rules[0].clean, m.rules[0].so), (1, 1, Some(0.5)));
        assert_eq!(
            (m.rules[1].rule.as_str(), m.rules[1].precision, m.rules[1].so),
            ("terms.a", Some(1.0), Some(1.0))
        );
    }

    #[test]
    fn labels_file() {
        let dir = tempfile::tempdir().unwrap();
        let tsv = dir.path().join("labels.tsv");
        std::fs::write(
            &tsv,
            "file\tverdict\tmust_flag\na.html\tspam\tx | y\nb.txt\tclean\t-\n\nc.txt\tsuspicious\n",
        )
        .unwrap();
        let l = read_labels(&tsv).unwrap();
        assert_eq!(l.len(), 3);
        assert_eq!(
            (l[0].truth, l[0].must_flag.clone()),
            (Verdict::Spam, vec!["x".to_string(), "y".to_string()])
        );
        assert_eq!(l[1].path, dir.path().join("b.txt"));
        assert!(l[2].must_flag.is_empty());
        std::fs::write(&tsv, "file\tverdict\na\tham\n").unwrap();
        assert!(matches!(read_labels(&tsv), Err(Error::Record { record: 0, .. })));
    }
}
