//! The command line as a user runs it: inputs, output formats, exit codes, errors, colour.

use crate::common;

use common::{documents, fixtures, json_lines, run};

fn case(name: &str) -> String {
    fixtures().join("cases").join(name).display().to_string()
}

const CLEAN_TEXT: &str = "A quiet week\n\nThe library extended its opening hours on weekdays, and the reading room now stays open until eight in the evening for students preparing for exams.\n";

#[test]
fn stdin_text_is_clean_and_exits_0() {
    let out = run(&["--format", "jsonl"], CLEAN_TEXT.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = documents(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].path, "-");
    assert_eq!(docs[0].record, None);
    assert_eq!(docs[0].verdict, "clean");
    assert_eq!(docs[0].score, 0.0);
    assert_eq!(docs[0].language.as_deref(), Some("en"));
    let rows = json_lines(&out.stdout);
    let summary = rows.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["documents"], 1);
    assert_eq!(summary["clean"], 1);
}

#[test]
fn dash_reads_stdin_and_spam_exits_1() {
    let text = "Quantum Leap\n\n上海龙凤419会所 The Shanghai Quantum Research Center made global headlines in 2024 by building a machine with 128 qubits.\n";
    let out = run(&["--format", "jsonl", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let docs = documents(&out.stdout);
    assert_eq!(docs[0].verdict, "spam");
    let island = docs[0].findings.iter().find(|f| f.rule == "script.island").expect("island");
    assert_eq!(&text.as_bytes()[island.start..island.end], "上海龙凤419会所".as_bytes());
    assert_eq!((island.line, island.column, island.context.as_str()), (3, 1, "paragraph"));
    // --exit-zero keeps the verdict but not the status.
    let out = run(&["--format", "jsonl", "--exit-zero", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(documents(&out.stdout)[0].verdict, "spam");
}

#[test]
fn threshold_moves_the_spam_line() {
    let out = run(&["--format", "jsonl", "--threshold", "1.0", &case("article-escort-glued.txt")], b"");
    let d = &documents(&out.stdout)[0];
    assert_ne!(d.verdict, "spam");
    assert!(d.score > 0.7);
    assert_eq!(out.status.code(), Some(0));
    let bad = run(&["--threshold", "1.5", "-"], b"");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn missing_file_is_an_error_row_and_the_scan_goes_on() {
    let clean = case("html-cooking-korean-dish-hangul.html");
    let out = run(&["--format", "jsonl", "--sort", "/nonexistent/page.html", &clean], b"");
    assert_eq!(out.status.code(), Some(2), "errors win over every verdict");
    let rows = json_lines(&out.stdout);
    assert_eq!(rows[0]["type"], "error");
    assert_eq!(rows[0]["path"], "/nonexistent/page.html");
    assert!(rows[0]["message"].as_str().unwrap().contains("/nonexistent/page.html"));
    assert_eq!(rows[1]["type"], "document");
    assert_eq!(rows[1]["path"], clean.as_str());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("spamscan: /nonexistent/page.html: "), "{stderr}");
    let summary = rows.last().unwrap();
    assert_eq!((summary["documents"].as_u64(), summary["errors"].as_u64()), (Some(1), Some(1)));
}

#[test]
fn jsonl_records_are_documents_and_bad_lines_are_errors() {
    let input = concat!(
        "{\"url\":\"http://a.example/1\",\"text\":\"The library extended its opening hours on weekdays for students.\"}\n",
        "this is not json\n",
        "{\"id\":\"r3\",\"text\":\"靚女一對一視像陪聊，全港上門約見，加LINE：lady-88xx，陪聊 陪聊 約會 約會\"}\n",
        "{\"url\":\"http://a.example/4\",\"body\":\"no text field\"}\n",
    );
    let out = run(&["--format", "jsonl", "--sort", "--input-format", "jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let rows = json_lines(&out.stdout);
    let kinds: Vec<(&str, Option<u64>)> =
        rows.iter().map(|r| (r["type"].as_str().unwrap(), r["record"].as_u64())).collect();
    assert_eq!(
        kinds,
        [
            ("document", Some(0)),
            ("error", Some(1)),
            ("document", Some(2)),
            ("error", Some(3)),
            ("summary", None)
        ]
    );
    assert_eq!(rows[0]["url"], "http://a.example/1");
    assert_eq!(rows[0]["verdict"], "clean");
    assert_eq!(rows[2]["url"], "r3");
    assert_eq!(rows[2]["verdict"], "spam");
    // Spans point into the record's text field.
    let text = "靚女一對一視像陪聊，全港上門約見，加LINE：lady-88xx，陪聊 陪聊 約會 約會";
    for f in rows[2]["findings"].as_array().unwrap() {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[s..e], f["text"].as_str().unwrap());
    }
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 2);
}

#[test]
fn human_output_without_colour_when_piped() {
    let out = run(&[&case("article-escort-glued.txt")], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no escape codes when stdout is not a terminal");
    let first = text.lines().next().unwrap();
    assert!(first.contains("article-escort-glued.txt: spam (score "), "{first}");
    assert!(text.lines().any(|l| l.contains("script.island") && l.contains("上海龙凤419")), "{text}");
    // Forced colour highlights the flagged text.
    let out = run(&["--color", "always", &case("article-escort-glued.txt")], b"");
    assert!(String::from_utf8(out.stdout).unwrap().contains("\u{1b}["));
}

#[test]
fn human_excerpt_shows_each_finding_where_it_stands() {
    let text = "Title\n\nDo not take sildenafil with nitrates; it can cause headaches in some people.\n\nGeneric sildenafil is available from pharmacies with a prescription.\n";
    let out = run(&["--color", "never", "-"], text.as_bytes());
    let lines: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect();
    assert!(lines[1].contains("3:13") && lines[1].contains("Do not take sildenafil with"), "{lines:?}");
    assert!(lines[2].contains("5:9") && lines[2].contains("Generic sildenafil is available"), "{lines:?}");
}

#[test]
fn count_in_json_is_the_summary_row() {
    let out = run(&["-c", "--format", "jsonl", "-"], CLEAN_TEXT.as_bytes());
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0]["type"].as_str(), rows[0]["clean"].as_u64()), (Some("summary"), Some(1)));
}

#[test]
fn reserved_words_and_dot_slash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules"), CLEAN_TEXT).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spamscan"))
        .args(["--format", "jsonl", "./rules"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(documents(&out.stdout)[0].path, "./rules");
    let out = run(&["rules"], b"");
    assert_eq!(out.status.code(), Some(0));
    let listing = String::from_utf8(out.stdout).unwrap();
    assert!(listing.contains("terms.zh.escort") && listing.contains("adult"), "{listing}");
    let out = run(&["rules", "--export-literals"], b"");
    let literals = String::from_utf8(out.stdout).unwrap();
    assert!(literals.lines().any(|l| l == "爱上海419"));
    assert_eq!(run(&["tune"], b"").status.code(), Some(2));
}

#[test]
fn broken_pack_stops_with_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[pack]\nid = \"x.y\"\ncategory = \"adult\"\nlang = \"zh\"\nweight = 0.5\nsource = \"test\"\n\n[[term]]\ntext = \"ok\"\nweight = 2.0\n",
    )
    .unwrap();
    let out = run(&["--patterns", dir.path().to_str().unwrap(), "-"], CLEAN_TEXT.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.toml:10:10: weight 2 is outside (0, 1]"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn extra_pack_adds_terms() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[pack]\nid = \"en.widgets\"\ncategory = \"counterfeit\"\nlang = \"en\"\nweight = 0.9\nsource = \"test\"\n\n[[term]]\ntext = \"replica widgets\"\n",
    )
    .unwrap();
    let text = "Replica widgets cheap\n\nThe library extended its opening hours on weekdays for students preparing for their exams.\n";
    let out = run(&["--format", "jsonl", "--patterns", dir.path().to_str().unwrap(), "-"], text.as_bytes());
    let d = &documents(&out.stdout)[0];
    let f = d.findings.iter().find(|f| f.rule == "terms.en.widgets").expect("custom rule");
    assert_eq!((f.start, f.end, f.context.as_str()), (0, 15, "title"));
}

#[test]
fn closed_stdout_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let files: Vec<String> = (0..200).map(|_| case("article-escort-glued.txt")).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_spamscan"))
        .args(["--format", "jsonl"])
        .args(&files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a closed pipe is not an error");
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn directory_is_walked_completely() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("sub/.hidden")).unwrap();
    std::fs::write(root.join(".ignore"), "*.html\n").unwrap();
    std::fs::write(root.join("sub/page.html"), "<html><body><h2>爱上海同城419 News</h2><p>The council voted on Tuesday to build protected cycle lanes.</p></body></html>").unwrap();
    std::fs::write(root.join("sub/.hidden/note.txt"), CLEAN_TEXT).unwrap();
    std::fs::write(root.join("blob.bin"), [0u8, 1, 2, 0, 0, 0, 7, 0, 0, 9].repeat(50)).unwrap();
    std::os::unix::fs::symlink(root.join("sub"), root.join("sub/loop")).unwrap();
    let out = run(&["--format", "jsonl", "--sort", root.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = json_lines(&out.stdout);
    let by_name = |name: &str| {
        rows.iter()
            .find(|r| r["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .unwrap_or_else(|| panic!("{name}: {rows:#?}"))
    };
    assert_eq!(by_name("sub/page.html")["verdict"], "spam");
    assert_eq!(by_name("note.txt")["verdict"], "clean");
    assert_eq!(by_name(".ignore")["type"], "document");
    assert_eq!(by_name("blob.bin")["type"], "skipped");
    assert_eq!(by_name("sub/loop")["type"], "skipped");
    let summary = rows.last().unwrap();
    assert_eq!(
        (summary["documents"].as_u64(), summary["skipped"].as_u64(), summary["errors"].as_u64()),
        (Some(3), Some(2), Some(0))
    );
    assert_eq!(rows.len(), 6);
}

#[test]
fn sigint_ends_with_a_partial_summary() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_spamscan"))
        .args(["--format", "jsonl", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{{\"id\":\"a\",\"text\":\"The library extended its opening hours on weekdays.\"}}")
        .unwrap();
    stdin.flush().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains("\"type\":\"document\""), "{first}");
    // stdin stays open: only the signal can end the run.
    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(2));
    assert_eq!(rest.len(), 1, "{rest:?}");
    let summary: serde_json::Value = serde_json::from_str(&rest[0]).unwrap();
    assert_eq!((summary["interrupted"].as_bool(), summary["documents"].as_u64()), (Some(true), Some(1)));
}

#[test]
fn eval_reports_metrics_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let cases = fixtures().join("cases");
    let tsv = dir.path().join("labels.tsv");
    std::fs::write(
        &tsv,
        format!(
            "file\tverdict\tmust_flag\n{c}/article-escort-glued.txt\tspam\t上海龙凤419\n{c}/html-cooking-korean-dish-hangul.html\tclean\t-\n{c}/missing.html\tclean\t-\n",
            c = cases.display()
        ),
    )
    .unwrap();
    let svg = dir.path().join("eval.svg");
    let out = run(
        &["eval", "--labels", tsv.to_str().unwrap(), "--format", "json", "--plot", svg.to_str().unwrap()],
        b"",
    );
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(
        picture.starts_with("<svg")
            && picture.contains("precision / recall")
            && picture.contains("threshold 0.70")
    );
    assert_eq!(out.status.code(), Some(2), "a missing file is an error");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &v["metrics"];
    assert_eq!(m["labels"], serde_json::json!([1, 0, 1]));
    assert_eq!(m["at_threshold"]["precision"], 1.0);
    assert_eq!(m["at_threshold"]["recall"], 1.0);
    assert_eq!(m["at_threshold"]["false_positive_rate"], 0.0);
    assert_eq!(m["roc_auc"], 1.0);
    assert_eq!(m["must_flag"], serde_json::json!([1, 1]));
    assert_eq!(v["errors"].as_array().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.html"));
}

#[test]
fn select_and_ignore_rules() {
    let rules_of = |args: &[&str]| {
        let mut all = vec!["--format", "jsonl"];
        all.extend_from_slice(args);
        let f = fixtures().join("cases/article-escort-glued.txt");
        all.push(f.to_str().unwrap());
        let out = run(&all, b"");
        let mut r: Vec<String> = documents(&out.stdout)[0].findings.iter().map(|f| f.rule.clone()).collect();
        r.sort();
        r.dedup();
        r
    };
    assert_eq!(rules_of(&["--select", "script"]), ["script.island"]);
    assert_eq!(rules_of(&["--ignore", "script,meta"]), ["terms.zh.escort"]);
    assert_eq!(rules_of(&["--select", "terms.zh"]), ["terms.zh.escort"]);
    // Prefixes end at a dot: `terms.z` names no rule, which is an error.
    let out = run(&["--select", "terms.z", "-"], CLEAN_TEXT.as_bytes());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_check_validates_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.toml"), "[pack]\nid = \"en.x\"\ncategory = \"pharma\"\nlang = \"en\"\nweight = 0.5\nsource = \"s\"\n[[term]]\ntext = \"replica pills\"\n").unwrap();
    let out = run(&["rules", "--check", dir.path().to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: 44 packs"));
    std::fs::write(dir.path().join("bad.toml"), "[pack]\nid = \"en.y\"\n").unwrap();
    let out = run(&["rules", "--check", dir.path().to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("bad.toml:1:1: missing field"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn config_file_settings_and_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string(fixtures().join("cases/article-escort-glued.txt")).unwrap();
    std::fs::write(dir.path().join("a.txt"), &article).unwrap();
    let scan = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_spamscan"))
            .args(["--format", "jsonl"])
            .args(args)
            .arg("a.txt")
            .current_dir(dir.path())
            .output()
            .unwrap();
        (out.status.code(), documents(&out.stdout).pop(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    std::fs::write(
        dir.path().join("spamscan.toml"),
        "threshold = 1.0\nignore = [\"meta\"]\nallow = [\"上海楼凤419\"]\n",
    )
    .unwrap();
    let (code, doc, _) = scan(&[]);
    let doc = doc.unwrap();
    assert_eq!((code, doc.verdict.as_str()), (Some(0), "suspicious"), "threshold 1.0 from the file");
    assert!(doc.findings.iter().all(|f| !f.rule.starts_with("meta.")));
    assert!(doc.findings.iter().all(|f| !f.text.contains("楼凤")), "allowlisted phrase");
    let (code, doc, _) = scan(&["--threshold", "0.7"]);
    assert_eq!((code, doc.unwrap().verdict.as_str()), (Some(1), "spam"), "the command line wins");
    let (code, doc, _) = scan(&["--no-config"]);
    assert!(doc.unwrap().findings.iter().any(|f| f.rule.starts_with("meta.")));
    assert_eq!(code, Some(1));
    std::fs::write(dir.path().join("spamscan.toml"), "threshold = 0.8\ncolour = 1\n").unwrap();
    let (code, doc, err) = scan(&[]);
    assert_eq!(code, Some(2));
    assert!(doc.is_none());
    assert!(err.contains("spamscan.toml:2:1: unknown field `colour`"), "{err}");
}
