//! Fitting rule weights on a labelled corpus.
//!
//! The scanner's own scoring function stays as it is (see [`crate::score`]); what is fitted is
//! one multiplier per rule, applied to the weight of each of its findings before scoring
//! (capped at 0.97). The fit minimises the log loss of the document scores against the labels
//! (spam = 1, clean = 0; suspicious documents are left out) plus an L2 penalty that pulls each
//! multiplier towards 1, by coordinate descent over a grid of multipliers: small, documented,
//! and exact for this non-smooth score. `folds`-fold cross-validation reports held-out metrics.
//!
//! A weights file (TOML) names multipliers per rule id:
//! ```toml
//! [rules]
//! "terms.zh.escort" = 1.25
//! "script.island" = 0.75
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::detect::Finding;
use crate::error::Error;
use crate::eval::{rates, Outcome, Rates};
use crate::score::{score, Verdict};

/// Multipliers tried for each rule.
pub const GRID: [f32; 11] = [0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 2.5, 3.0];
/// Strength of the pull towards 1 (per document).
pub const L2: f64 = 0.005;
/// Highest weight of a finding after scaling.
const MAX_WEIGHT: f32 = 0.97;

/// Per-rule weight multipliers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Multiplier per rule id; rules not named keep 1.
    #[serde(default)]
    pub rules: BTreeMap<String, f32>,
}

/// The shipped weights (`patterns/weights/default.toml`), fitted by `spamscan tune` on
/// `fixtures/eval` only.
pub const DEFAULT: &str = include_str!("../patterns/weights/default.toml");

impl Weights {
    /// The shipped weights.
    pub fn shipped() -> Weights {
        toml::from_str(DEFAULT).unwrap_or_default()
    }

    /// Read a weights file.
    ///
    /// # Errors
    /// [`Error::Io`] when unreadable, [`Error::Pack`] (with line and column) when not valid.
    pub fn load(path: &Path) -> Result<Weights, Error> {
        let src = std::fs::read_to_string(path)
            .map_err(|e| Error::Io { path: path.display().to_string(), source: e })?;
        toml::from_str(&src).map_err(|e| {
            let (line, column) = crate::patterns::line_col(&src, e.span().map_or(0, |s| s.start));
            Error::Pack { file: path.to_path_buf(), line, column, message: e.message().trim().to_string() }
        })
    }

    /// The multiplier of `rule`.
    pub fn of(&self, rule: &str) -> f32 {
        self.rules.get(rule).copied().unwrap_or(1.0)
    }

    /// Scale each finding's weight by its rule's multiplier.
    pub fn apply(&self, findings: &mut [Finding]) {
        if self.rules.is_empty() {
            return;
        }
        for f in findings {
            f.weight = (f.weight * self.of(&f.rule)).min(MAX_WEIGHT);
        }
    }
}

/// One labelled document with the findings of its scan (before weighting).
#[derive(Debug, Clone)]
pub struct Example {
    /// The file.
    pub path: String,
    /// The label.
    pub truth: Verdict,
    /// Its findings.
    pub findings: Vec<Finding>,
}

/// The score of `e` under `w`.
pub fn rescore(e: &Example, w: &Weights) -> f32 {
    let mut f = e.findings.clone();
    w.apply(&mut f);
    score(&mut f)
}

fn loss(examples: &[Example], w: &Weights) -> f64 {
    let mut l = 0.0;
    for e in examples {
        let y = match e.truth {
            Verdict::Spam => 1.0,
            Verdict::Clean => 0.0,
            Verdict::Suspicious => continue,
        };
        let s = (rescore(e, w) as f64).clamp(1e-4, 1.0 - 1e-4);
        l -= y * s.ln() + (1.0 - y) * (1.0 - s).ln();
    }
    let penalty: f64 = w.rules.values().map(|&m| (m as f64 - 1.0).powi(2)).sum();
    l + L2 * examples.len() as f64 * penalty
}

/// Fit multipliers for every rule that fires in `examples`.
pub fn fit(examples: &[Example]) -> Weights {
    let mut rules: Vec<String> =
        examples.iter().flat_map(|e| e.findings.iter().map(|f| f.rule.clone())).collect();
    rules.sort();
    rules.dedup();
    let mut w = Weights { rules: rules.iter().map(|r| (r.clone(), 1.0)).collect() };
    let mut best = loss(examples, &w);
    for _sweep in 0..3 {
        let mut changed = false;
        for r in &rules {
            let mut keep = w.of(r);
            for &m in &GRID {
                if m == keep {
                    continue;
                }
                w.rules.insert(r.clone(), m);
                let l = loss(examples, &w);
                if l + 1e-9 < best {
                    best = l;
                    keep = m;
                    changed = true;
                }
            }
            w.rules.insert(r.clone(), keep);
        }
        if !changed {
            break;
        }
    }
    w.rules.retain(|_, m| *m != 1.0);
    w
}

/// `folds`-fold cross-validation: documents are dealt to folds in order (i mod folds), each
/// fold scored with weights fitted on the others. Returns the rates of each fold at spam
/// threshold `threshold` and every document's held-out outcome.
pub fn cross_validate(examples: &[Example], folds: usize, threshold: f32) -> (Vec<Rates>, Vec<Outcome>) {
    let folds = folds.clamp(2, examples.len().max(2));
    let mut all = Vec::with_capacity(examples.len());
    let per_fold = (0..folds)
        .map(|k| {
            let train: Vec<Example> =
                examples.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, e)| e.clone()).collect();
            let w = fit(&train);
            let held: Vec<Outcome> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds == k)
                .map(|(_, e)| outcome(e, &w))
                .collect();
            let r = rates(&held, threshold);
            all.extend(held);
            r
        })
        .collect();
    (per_fold, all)
}

/// The eval outcome of `e` under `w`.
pub fn outcome(e: &Example, w: &Weights) -> Outcome {
    Outcome {
        path: e.path.clone(),
        truth: e.truth,
        score: rescore(e, w),
        rules: Vec::new(),
        must_flag: None,
        top: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn f(rule: &str, weight: f32) -> Finding {
        Finding {
            rule: rule.into(),
            category: "x".into(),
            weight,
            contribution: 0.0,
            weak: false,
            span: Span::new(0, 1),
            text: "x".into(),
            context: "heading",
            block: 0,
            block_range: (0, 0),
            note: String::new(),
        }
    }

    fn ex(truth: Verdict, findings: Vec<Finding>) -> Example {
        Example { path: String::new(), truth, findings }
    }

    #[test]
    fn fit_moves_weights_the_right_way() {
        // `good` fires only in spam, `noisy` in spam and clean alike.
        let mut data = Vec::new();
        for _ in 0..10 {
            data.push(ex(Verdict::Spam, vec![f("good", 0.5), f("noisy", 0.5)]));
            data.push(ex(Verdict::Clean, vec![f("noisy", 0.5)]));
        }
        let w = fit(&data);
        assert!(w.of("good") > 1.0, "{w:?}");
        assert!(w.of("noisy") < 1.0, "{w:?}");
        assert!(loss(&data, &w) < loss(&data, &Weights::default()));
        let (folds, held) = cross_validate(&data, 5, 0.7);
        assert_eq!((folds.len(), held.len()), (5, 20));
        assert!(folds.iter().all(|r| r.tp + r.fp + r.fn_ + r.tn == 4));
    }

    #[test]
    fn shipped_weights_parse() {
        let w: Weights = toml::from_str(DEFAULT).expect("patterns/weights/default.toml");
        assert!(w.rules.values().all(|m| (0.1..=4.0).contains(m)));
    }

    #[test]
    fn weights_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.toml");
        std::fs::write(&p, "[rules]\n\"script.island\" = 0.5\n").unwrap();
        let w = Weights::load(&p).unwrap();
        let mut v = vec![f("script.island", 0.8), f("terms.x", 0.8)];
        w.apply(&mut v);
        assert_eq!((v[0].weight, v[1].weight), (0.4, 0.8));
        std::fs::write(&p, "[rules]\n\"a\" = \"x\"\n").unwrap();
        assert!(matches!(Weights::load(&p), Err(Error::Pack { line: 2, .. })));
    }
}
