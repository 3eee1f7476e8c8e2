//! Batch scanning: archives built here from strings (gzip, zstd, tar, zip, nesting), windows
//! for large documents, pipeline modes (--filter, --redact, -l, -c, -q), decompression limits.

use crate::common;

use std::io::Write;

use common::{documents, fixtures, json_lines, run};

const CLEAN: &str = "<html lang=en><head><title>Cycle lanes approved</title></head><body>\
<p>The council voted on Tuesday to build protected cycle lanes along the river road, and construction starts in June.</p>\
<p>Shop owners asked for loading bays to be kept; the final plan keeps six of them near the market.</p></body></html>";

fn spam_page() -> String {
    CLEAN.replace("<p>Shop", "<h2>爱上海同城419 Loading bays</h2><p>Shop")
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn tar(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, *data).unwrap();
    }
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Symlink);
    h.set_size(0);
    b.append_link(&mut h, "link.html", "b.html").unwrap();
    b.into_inner().unwrap()
}

#[test]
fn tar_gz_members_are_documents() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"url": "http://a.example/1", "text": "A quiet week at the library, with longer opening hours."}),
        serde_json::json!({"url": "http://a.example/2", "text": "上海龙凤419会所 The Shanghai quantum centre made headlines."})
    );
    let inner_gz = gzip(spam_page().as_bytes());
    let archive = gzip(&tar(&[
        ("site/a.html", CLEAN.as_bytes()),
        ("site/b.html.gz", &inner_gz),
        ("data/records.jsonl", jsonl.as_bytes()),
    ]));
    let path = dir.path().join("crawl.tar.gz");
    std::fs::write(&path, archive).unwrap();
    let p = path.to_str().unwrap();
    let out = run(&["--format", "jsonl", "--sort", p], b"");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = json_lines(&out.stdout);
    let got: Vec<(String, String, Option<u64>, Option<String>)> = rows
        .iter()
        .filter(|r| r["type"] != "summary")
        .map(|r| {
            let v = r["verdict"].as_str().or(r["type"].as_str()).unwrap().to_string();
            (
                r["path"].as_str().unwrap().to_string(),
                v,
                r["record"].as_u64(),
                r["url"].as_str().map(str::to_string),
            )
        })
        .collect();
    let want = [
        (format!("{p}!site/a.html"), "clean".to_string(), Some(0), None),
        (format!("{p}!site/b.html.gz"), "spam".to_string(), Some(1), None),
        (
            format!("{p}!data/records.jsonl"),
            "clean".to_string(),
            Some(0),
            Some("http://a.example/1".to_string()),
        ),
        (
            format!("{p}!data/records.jsonl"),
            "spam".to_string(),
            Some(1),
            Some("http://a.example/2".to_string()),
        ),
        (format!("{p}!link.html"), "skipped".to_string(), Some(3), None),
    ];
    assert_eq!(got, want);
    let summary = rows.last().unwrap();
    assert_eq!(summary["files"][0]["path"], p);
    assert_eq!(summary["files"][0]["documents"], 4);
    assert_eq!(summary["files"][0]["skipped"], 1);
    // The member offsets are where their tar headers start.
    assert_eq!(rows[0]["offset"], 0);
}

#[test]
fn zip_and_zstd_from_stdin() {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        z.start_file("one.html", opts).unwrap();
        z.write_all(spam_page().as_bytes()).unwrap();
        z.add_directory("dir/", opts).unwrap();
        z.start_file("dir/two.txt", opts).unwrap();
        z.write_all(b"Library news\n\nThe library extended its opening hours on weekdays for students.\n")
            .unwrap();
        z.finish().unwrap();
    }
    let out = run(&["--format", "jsonl", "--sort", "-"], buf.get_ref());
    let docs = documents(&out.stdout);
    let got: Vec<(&str, &str, Option<u64>)> =
        docs.iter().map(|d| (d.path.as_str(), d.verdict.as_str(), d.record)).collect();
    assert_eq!(got, [("-!one.html", "spam", Some(0)), ("-!dir/two.txt", "clean", Some(2))]);

    let zst = ruzstd::encoding::compress_to_vec(
        spam_page().as_bytes(),
        ruzstd::encoding::CompressionLevel::Fastest,
    );
    let out = run(&["--format", "jsonl", "-"], &zst);
    let docs = documents(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].verdict, "spam");
    let island = docs[0].findings.iter().find(|f| f.rule == "script.island").unwrap();
    let page = spam_page();
    assert_eq!(&page[island.start..island.end], "爱上海同城419");
}

#[test]
fn windows_find_what_a_whole_scan_finds() {
    // ~120 KB of prose with injections near a window boundary and at the very end.
    let para = "The council voted on Tuesday to build protected cycle lanes along the river road, and construction starts in June.\n";
    let mut text = String::from("Cycle lanes\n\n");
    for i in 0..1000 {
        if i == 300 {
            text.push_str("上海龙凤419会所 Loading bays are kept near the market for deliveries.\n");
        }
        text.push_str(para);
    }
    text.push_str("爱上海同城419\n");
    let whole = run(&["--format", "jsonl", "-"], text.as_bytes());
    let windowed = run(&["--format", "jsonl", "--window", "4096", "-"], text.as_bytes());
    let (w, s) = (&documents(&whole.stdout)[0], &documents(&windowed.stdout)[0]);
    let spans = |d: &spamscan::report::jsonl::DocumentRow| {
        d.findings.iter().map(|f| (f.rule.clone(), f.start, f.end, f.line, f.column)).collect::<Vec<_>>()
    };
    assert_eq!(s.verdict, "spam");
    assert_eq!(s.bytes, text.len());
    let (ws, ss) = (spans(w), spans(s));
    for f in ws.iter().filter(|f| f.0 != "script.island") {
        assert!(ss.contains(f), "windowed scan lost {f:?}: {ss:?}");
    }
    let last = s.findings.iter().rfind(|f| f.rule == "script.island").unwrap();
    assert_eq!(&text.as_bytes()[last.start..last.end], "爱上海同城419".as_bytes());
    assert_eq!((last.line, last.column), (text.lines().count(), 1));
}

#[test]
fn filter_keeps_records_unchanged() {
    let lines = [
        serde_json::json!({"id": 1, "text": "A quiet week at the library, with longer opening hours.", "lang": "en"}).to_string(),
        serde_json::json!({"id": 2, "text": "上海龙凤419会所 The Shanghai quantum centre made headlines.", "lang": "en"}).to_string(),
        serde_json::json!({"id": 3, "text": "Shop owners asked for loading bays to be kept near the market."}).to_string(),
    ];
    let input = lines.join("\n") + "\n";
    let out = run(
        &["--filter", "not-spam", "--sort", "--format", "jsonl", "--input-format", "jsonl"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{}\n{}\n", lines[0], lines[2]));
    // The report went to stderr: one row per record and the summary.
    let report = json_lines(
        &out.stderr.split(|&b| b == b'\n').filter(|l| l.starts_with(b"{")).collect::<Vec<_>>().join(&b'\n'),
    );
    assert_eq!(report.iter().filter(|r| r["type"] == "document").count(), 3);
}

#[test]
fn redact_cuts_the_injection_and_keeps_the_article() {
    let article = std::fs::read_to_string(fixtures().join("cases/article-escort-glued.txt")).unwrap();
    let out = run(&["--redact", "--format", "jsonl", "-"], article.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let redacted = String::from_utf8(out.stdout).unwrap();
    for s in ["爱上海", "419", "龙凤", "夜网", "楼凤"] {
        assert!(!redacted.contains(s), "{s} left in redacted text");
    }
    for s in [
        "At 5:42 on Saturday morning",
        "A Line Six Years in the Making",
        "Fares, Frequencies and a Few Complaints",
    ] {
        assert!(redacted.contains(s), "article text lost: {s}");
    }
    let again = run(&["--format", "jsonl", "-"], redacted.as_bytes());
    assert_eq!(documents(&again.stdout)[0].verdict, "clean");

    // HTML: the hidden link block goes whole; everything else stays byte-identical.
    let html = std::fs::read_to_string(fixtures().join("cases/html-pharma-hidden-footer.html")).unwrap();
    let out = run(&["--redact", "--input-format", "html", "-"], html.as_bytes());
    let red = String::from_utf8(out.stdout).unwrap();
    let start = html.find("<div style=\"display:none\">").unwrap();
    let end = start + html[start..].find("</div>").unwrap() + "</div>".len();
    assert_eq!(red, format!("{}{}", &html[..start], &html[end..]));
    let again = run(&["--format", "jsonl", "--input-format", "html", "-"], red.as_bytes());
    assert_eq!(documents(&again.stdout)[0].verdict, "clean");
}

#[test]
fn grep_like_modes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), CLEAN).unwrap();
    std::fs::write(dir.path().join("b.html"), spam_page()).unwrap();
    let d = dir.path().to_str().unwrap();
    let out = run(&["-l", d], b"");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{d}/b.html\n"));
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["-c", d], b"");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "spam\t1\nsuspicious\t0\nclean\t1\nskipped\t0\nerrors\t0\n"
    );
    let out = run(&["-q", d], b"");
    assert!(out.stdout.is_empty());
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["-q", &format!("{d}/a.html")], b"");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn output_dir_mirrors_relative_paths() {
    let src = tempfile::tempdir().unwrap();
    let dst = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(src.path().join("news")).unwrap();
    std::fs::write(src.path().join("news/a.html"), CLEAN).unwrap();
    std::fs::write(src.path().join("news/b.html"), spam_page()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spamscan"))
        .args(["--filter", "clean", "--output-dir", dst.path().to_str().unwrap(), "news"])
        .current_dir(src.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(dst.path().join("news/a.html")).unwrap(), CLEAN);
    assert!(!dst.path().join("news/b.html").exists());
}

#[test]
fn decompression_bomb_is_an_error_row() {
    let zeros = vec![b'a'; 8 << 20];
    let bomb = gzip(&zeros);
    let out = run(&["--format", "jsonl", "--max-ratio", "100", "-"], &bomb);
    assert_eq!(out.status.code(), Some(2));
    let rows = json_lines(&out.stdout);
    assert_eq!(rows[0]["type"], "error");
    assert!(rows[0]["message"].as_str().unwrap().contains("expands more than 100:1"), "{:?}", rows[0]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("expands more than"));
}

/// A WARC record with an HTTP response around `body`.
fn warc_response(uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http =
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len())
            .into_bytes();
    http.extend_from_slice(body);
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{:08}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        http.len()
    )
    .into_bytes();
    rec.extend_from_slice(&http);
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

#[test]
fn warc_gz_rows_and_filtered_warc_rereads() {
    let records = [
        warc_response("http://news.example/a", "text/html; charset=utf-8", CLEAN.as_bytes()),
        warc_response("http://news.example/b", "text/html", spam_page().as_bytes()),
        warc_response("http://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n...."),
        warc_response(
            "http://news.example/c",
            "text/plain",
            b"Library news\n\nThe library extended its opening hours on weekdays.\n",
        ),
    ];
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in &records {
        offsets.push(file.len() as u64);
        file.extend(gzip(r));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, &file).unwrap();
    let p = path.to_str().unwrap();
    let out = run(&["--format", "jsonl", "--sort", p], b"");
    assert_eq!(out.status.code(), Some(1));
    let rows = json_lines(&out.stdout);
    let got: Vec<(String, Option<u64>, Option<u64>, String)> = rows
        .iter()
        .filter(|r| r["type"] != "summary")
        .map(|r| {
            let what = r["verdict"].as_str().or(r["type"].as_str()).unwrap().to_string();
            (r["url"].as_str().unwrap().to_string(), r["record"].as_u64(), r["offset"].as_u64(), what)
        })
        .collect();
    let want: Vec<(String, Option<u64>, Option<u64>, String)> = [
        ("http://news.example/a", "clean"),
        ("http://news.example/b", "spam"),
        ("http://news.example/logo.png", "skipped"),
        ("http://news.example/c", "clean"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (u, v))| (u.to_string(), Some(i as u64), Some(offsets[i]), v.to_string()))
    .collect();
    assert_eq!(got, want);

    // --filter writes the passing records as a valid WARC, gzipped per record like the input.
    let out = run(&["--filter", "not-spam", p], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(&out.stdout[..2], &[0x1f, 0x8b]);
    let again = run(&["--format", "jsonl", "--sort", "-"], &out.stdout);
    assert_eq!(again.status.code(), Some(0));
    let urls: Vec<String> = documents(&again.stdout).iter().map(|d| d.url.clone().unwrap()).collect();
    assert_eq!(urls, ["http://news.example/a", "http://news.example/c"]);
}

#[test]
fn redacted_warc_rereads_clean_and_gz_outputs_are_named_for_what_they_hold() {
    let mut file = Vec::new();
    for r in [
        warc_response("http://news.example/a", "text/html", CLEAN.as_bytes()),
        warc_response("http://news.example/b", "text/html", spam_page().as_bytes()),
    ] {
        file.extend(gzip(&r));
    }
    let out = run(&["--redact", "--format", "jsonl", "-"], &file);
    assert_eq!(out.status.code(), Some(1));
    let again = run(&["--format", "jsonl", "--sort", "-"], &out.stdout);
    assert_eq!(again.status.code(), Some(0), "{}", String::from_utf8_lossy(&again.stderr));
    let docs = documents(&again.stdout);
    assert_eq!(
        docs.iter().map(|d| d.url.clone().unwrap()).collect::<Vec<_>>(),
        ["http://news.example/a", "http://news.example/b"]
    );
    assert!(docs.iter().all(|d| d.verdict == "clean"));
    // The report went to stderr with the summary; nothing was counted twice.
    let summary = json_lines(
        &out.stderr.split(|&b| b == b'\n').filter(|l| l.starts_with(b"{")).collect::<Vec<_>>().join(&b'\n'),
    );
    let s = summary.last().unwrap();
    assert_eq!((s["documents"].as_u64(), s["errors"].as_u64()), (Some(2), Some(0)));

    // A gzipped page is written decompressed, under its name without `.gz`; the report goes
    // to stderr, not among the records.
    let src = tempfile::tempdir().unwrap();
    let dst = tempfile::tempdir().unwrap();
    std::fs::write(src.path().join("page.html.gz"), gzip(CLEAN.as_bytes())).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spamscan"))
        .args(["--filter", "clean", "--output-dir", dst.path().to_str().unwrap(), "page.html.gz"])
        .current_dir(src.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(std::fs::read_to_string(dst.path().join("page.html")).unwrap(), CLEAN);
}

#[test]
fn unknown_rule_names_are_errors() {
    let out = run(&["--select", "terms.nonexistent", "-"], CLEAN.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rule matches terms.nonexistent"));
}
