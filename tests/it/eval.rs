//! The development corpus `fixtures/eval`: held-out metrics of `spamscan tune` and the shipped
//! weights' metrics from `spamscan eval` stay within the bounds the project promises.

use crate::common;

use common::{fixtures, run};

fn labels() -> String {
    fixtures().join("eval/labels.tsv").display().to_string()
}

#[test]
fn cross_validated_metrics_meet_the_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("w.toml");
    let out =
        run(&["tune", "--labels", &labels(), "--folds", "5", "--output", out_file.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with("held out, all folds:")).expect(&text);
    let value = |name: &str| -> f64 {
        let rest = &line[line.find(name).unwrap_or_else(|| panic!("{name} in {line}")) + name.len()..];
        rest.split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(value("precision") >= 0.98, "{line}");
    assert!(value("recall") >= 0.95, "{line}");
    assert!(value("false-positive rate") <= 0.005, "{line}");
    assert!(value("clean called suspicious") <= 0.02, "{line}");
    assert!(std::fs::read_to_string(out_file).unwrap().contains("[rules]"));
}

#[test]
fn shipped_weights_meet_the_bounds_on_the_corpus() {
    let out = run(&["eval", "--labels", &labels(), "--format", "json"], b"");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &v["metrics"];
    assert_eq!(m["labels"], serde_json::json!([156, 13, 168]));
    assert!(m["at_threshold"]["precision"].as_f64().unwrap() >= 0.98);
    assert!(m["at_threshold"]["recall"].as_f64().unwrap() >= 0.95);
    assert!(m["at_threshold"]["false_positive_rate"].as_f64().unwrap() <= 0.005);
    assert!(m["clean_suspicious_rate"].as_f64().unwrap() <= 0.02);
}
