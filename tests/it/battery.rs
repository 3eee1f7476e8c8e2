//! Adversarial battery: hostile inputs generated at run time (nothing big is committed), each
//! run through the built binary under a time and memory bound that the harness checks (wall
//! time, and peak RSS read from /proc while the process runs), with its documented outcome:
//! a document row, a skipped row, or an error row naming the file and record, and exit status
//! 2 where an error occurred.
//!
//! `cargo test` runs every case at a size a debug build scans in seconds; with
//! `SPAMSCAN_BATTERY_FULL=1` (as `.ci/run` does, with `--release`) the big cases run at their
//! full size: a 1 GiB single-line file, 100 MB unterminated comment, script and `<title>`,
//! a 100 MB JSON Lines line, 100 MB of NUL bytes.

use crate::common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const SPAM: &str = "爱上海龙凤419论坛";
const PROSE: &str = "The council voted on Tuesday to build protected cycle lanes along the river road. ";

fn full() -> bool {
    std::env::var_os("SPAMSCAN_BATTERY_FULL").is_some_and(|v| v != "0" && !v.is_empty())
}

/// `big` bytes with SPAMSCAN_BATTERY_FULL, else `small`.
fn size(big: u64, small: u64) -> u64 {
    if full() {
        big
    } else {
        small
    }
}

/// What a case may use.
#[derive(Clone, Copy, Debug)]
struct Bound {
    secs: u64,
    rss_mib: u64,
}

const BOUND: Bound = Bound { secs: 60, rss_mib: 256 };

/// Writes an input to stdin, in pieces.
type Writer = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<()> + Send>;

/// Where the input comes from.
enum Input {
    None,
    Bytes(Vec<u8>),
    /// Written to stdin by a thread, in pieces, so that GiB inputs never sit in memory.
    Stream(Writer),
}

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
    peak_rss_mib: f64,
}

impl Run {
    fn rows(&self) -> Vec<Value> {
        common::json_lines(&self.stdout)
    }
    fn of_type(&self, t: &str) -> Vec<Value> {
        self.rows().into_iter().filter(|r| r["type"] == t).collect()
    }
}

/// Each row's type and record number, in output order.
fn kinds(rows: &[Value]) -> Vec<(&str, Option<u64>)> {
    rows.iter().map(|r| (r["type"].as_str().unwrap(), r["record"].as_u64())).collect()
}

/// Peak resident set of `pid` so far, in KiB (VmHWM), if it is still there to ask.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn collect(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

/// Run `cmd` on `input` and hold it to `bound`: killed and failed past the time, failed
/// past the memory.
fn bounded(name: &str, mut cmd: Command, input: Input, bound: Bound) -> Run {
    let start = Instant::now();
    let mut child: Child = cmd
        .stdin(if matches!(input, Input::None) { Stdio::null() } else { Stdio::piped() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("NO_COLOR")
        .spawn()
        .expect("spawn spamscan");
    let pid = child.id();
    let writer = child.stdin.take().map(|mut stdin| {
        std::thread::spawn(move || match input {
            Input::Bytes(b) => {
                let _ = stdin.write_all(&b);
            }
            Input::Stream(f) => {
                let _ = f(&mut stdin);
            }
            Input::None => {}
        })
    });
    let out = collect(child.stdout.take().expect("stdout"));
    let err = collect(child.stderr.take().expect("stderr"));
    let mut peak = 0u64;
    let status = loop {
        if let Some(kib) = peak_rss_kib(pid) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(bound.secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{name}: still running after {:.1} s (bound {} s); {} bytes written to stdin",
                start.elapsed().as_secs_f64(),
                bound.secs,
                if writer.as_ref().is_some_and(|w| w.is_finished()) { "all" } else { "not all" }
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    if let Some(w) = writer {
        w.join().expect("writer");
    }
    let run = Run {
        code: status.code(),
        stdout: out.join().expect("stdout"),
        stderr: String::from_utf8_lossy(&err.join().expect("stderr")).into_owned(),
        elapsed,
        peak_rss_mib: peak as f64 / 1024.0,
    };
    eprintln!(
        "battery: {name}: {:.2} s, peak RSS {:.0} MiB, exit {:?} (bound {} s, {} MiB)",
        run.elapsed.as_secs_f64(),
        run.peak_rss_mib,
        run.code,
        bound.secs,
        bound.rss_mib
    );
    assert!(
        run.peak_rss_mib <= bound.rss_mib as f64,
        "{name}: peak RSS {:.0} MiB over {} MiB",
        run.peak_rss_mib,
        bound.rss_mib
    );
    assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
    run
}

/// Wait for `child` at most `secs` seconds: past that it is killed and the test fails, saying
/// how long it waited. Tests bound a run this way instead of asserting how long it took.
fn wait_bounded(name: &str, child: &mut Child, secs: u64) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{name}: still running {:.1} s after it should have ended", start.elapsed().as_secs_f64());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Read `child`'s stdout up to the end of its first line, waiting at most `secs` seconds (past
/// that the child is killed and the test fails). Returns what was read and the stream.
fn first_line(name: &str, child: &mut Child, secs: u64) -> (Vec<u8>, std::process::ChildStdout) {
    let mut stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut printed = Vec::new();
        let mut buf = [0u8; 4096];
        while !printed.contains(&b'\n') {
            match stdout.read(&mut buf) {
                Ok(n) if n > 0 => printed.extend_from_slice(&buf[..n]),
                _ => break,
            }
        }
        let _ = tx.send((printed, stdout));
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok((printed, stdout)) if printed.contains(&b'\n') => (printed, stdout),
        Ok((printed, _)) => panic!("{name}: output ended before its first line: {printed:?}"),
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{name}: no line printed within {secs} s");
        }
    }
}

/// The test hook's marker: a document holding it never finishes scanning (see
/// `SPAMSCAN_TEST_STALL` in the README), on any machine however fast or busy.
const STALL: &str = "stall-here-7f3a";

fn spamscan(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_spamscan"));
    c.args(["--format", "jsonl", "--quiet"]).args(args);
    c
}

/// Stream `n` bytes made by repeating `unit`, then `tail`.
fn repeat(unit: &'static [u8], n: u64, head: Vec<u8>, tail: Vec<u8>) -> Input {
    Input::Stream(Box::new(move |w| {
        w.write_all(&head)?;
        let chunk: Vec<u8> = unit.iter().copied().cycle().take(1 << 20).collect();
        let mut left = n;
        while left > 0 {
            let k = left.min(chunk.len() as u64) as usize;
            w.write_all(&chunk[..k])?;
            left -= k as u64;
        }
        w.write_all(&tail)
    }))
}

/// Every finding lies inside the document.
fn spans_inside(doc: &Value) {
    let bytes = doc["bytes"].as_u64().unwrap();
    for f in doc["findings"].as_array().unwrap() {
        let (s, e) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
        assert!(s < e && e <= bytes, "span {s}..{e} outside {bytes} bytes: {f}");
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn one_line_of_a_gib() {
    let n = size(1 << 30, 16 << 20);
    let run = bounded(
        "single line",
        spamscan(&["-"]),
        repeat(PROSE.as_bytes(), n, Vec::new(), SPAM.as_bytes().to_vec()),
        Bound { secs: if full() { 240 } else { 120 }, rss_mib: 256 },
    );
    let docs = run.of_type("document");
    assert_eq!(docs.len(), 1, "{}", run.stderr);
    assert_eq!(docs[0]["bytes"].as_u64(), Some(n + SPAM.len() as u64));
    assert_eq!(docs[0]["verdict"], "spam", "the island at the very end is found");
    spans_inside(&docs[0]);
    assert_eq!(run.code, Some(1));
}

#[test]
fn a_million_nested_divs() {
    let n = 1_000_000u64;
    let run = bounded(
        "10^6 nested <div>",
        spamscan(&["--input-format", "html", "-"]),
        repeat(b"<div>", 5 * n, b"<html><body>".to_vec(), format!("<p>{PROSE}</p>").into_bytes()),
        BOUND,
    );
    let docs = run.of_type("document");
    assert_eq!(docs.len(), 1, "{}", run.stderr);
    assert_eq!(run.code, Some(0));
}

#[test]
fn an_element_with_a_million_attributes() {
    let mut page = b"<html><body><div ".to_vec();
    for i in 0..1_000_000 {
        page.extend_from_slice(format!("a{i}=x ").as_bytes());
    }
    page.extend_from_slice(format!(">{PROSE}</div></body></html>").as_bytes());
    let run =
        bounded("10^6 attributes", spamscan(&["--input-format", "html", "-"]), Input::Bytes(page), BOUND);
    assert_eq!(run.of_type("document").len(), 1, "{}", run.stderr);
    assert_eq!(run.code, Some(0));
}

#[test]
fn unterminated_comment_script_and_title() {
    let n = size(100 << 20, 8 << 20);
    for open in ["<!--", "<script>", "<title>"] {
        let head = format!("<html><head></head><body><p>{PROSE}</p>{open}").into_bytes();
        let run = bounded(
            &format!("unterminated {open} of {} MB", n >> 20),
            spamscan(&["--input-format", "html", "-"]),
            repeat(format!("{PROSE}{SPAM} ").leak().as_bytes(), n, head, Vec::new()),
            // A title is one block: a window of 4 MiB of mixed-script text is normalised
            // whole, with an offset map of its own (about 30 bytes a byte) in each worker.
            Bound { secs: if full() { 120 } else { 90 }, rss_mib: 384 },
        );
        let docs = run.of_type("document");
        assert_eq!(docs.len(), 1, "{open}: {}", run.stderr);
        spans_inside(&docs[0]);
        // Text in a title is read (and flagged); a comment or script is not text.
        let spam = docs[0]["verdict"] == "spam";
        assert_eq!(spam, open == "<title>", "{open}: {}", docs[0]["verdict"]);
        assert_eq!(run.code, Some(if spam { 1 } else { 0 }));
    }
}

#[test]
fn nul_bytes_are_skipped() {
    let n = size(100 << 20, 16 << 20);
    let run = bounded("NUL bytes", spamscan(&["-"]), repeat(b"\0", n, Vec::new(), Vec::new()), BOUND);
    let skipped = run.of_type("skipped");
    assert_eq!((skipped.len(), run.of_type("document").len()), (1, 0), "{}", run.stderr);
    assert_eq!(skipped[0]["reason"], "binary file");
    assert_eq!(run.code, Some(0));
}

/// xorshift: reproducible noise without a dependency.
fn noise(n: usize, mut x: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn random_invalid_utf8() {
    let mut bytes: Vec<u8> = noise(8 << 20, 0x9E37_79B9_7F4A_7C15);
    for b in &mut bytes {
        if *b == 0 {
            *b = 0x80; // NUL bytes would make it a binary file
        }
    }
    assert!(std::str::from_utf8(&bytes).is_err());
    let run = bounded("random bytes", spamscan(&["--input-format", "text", "-"]), Input::Bytes(bytes), BOUND);
    let docs = run.of_type("document");
    assert_eq!(docs.len(), 1, "{}", run.stderr);
    spans_inside(&docs[0]);
    assert!(run.code == Some(0) || run.code == Some(1));
}

/// `bytes[start..end]` of every finding, decoded with the row's charset, is its text.
fn spans_decode(doc: &Value, bytes: &[u8]) {
    let enc = encoding_rs::Encoding::for_label(doc["encoding"].as_str().unwrap().as_bytes()).unwrap();
    for f in doc["findings"].as_array().unwrap() {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        let (text, _) = enc.decode_without_bom_handling(&bytes[s..e]);
        assert_eq!(text, f["text"].as_str().unwrap(), "{}: {s}..{e}", enc.name());
    }
}

#[test]
fn utf16_with_and_without_bom_and_a_wrong_declaration() {
    let text = format!("Cycle lanes\n\n{SPAM} {PROSE}\n");
    let le: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    // Declares Shift_JIS, written in GBK.
    let mut lying = b"<html><head><meta charset=shift_jis><title>News</title></head><body><p>".to_vec();
    lying.extend_from_slice(&encoding_rs::GBK.encode(&format!("{SPAM}上海的科技创新中心正在快速发展。")).0);
    lying.extend_from_slice(b"</p></body></html>");
    for (name, bytes, encoding, verdict) in [
        ("UTF-16LE with BOM", le, "UTF-16LE", Some("spam")),
        ("UTF-16BE without BOM", be, "UTF-16BE", Some("spam")),
        ("declared Shift_JIS, written in GBK", lying, "GBK", None),
    ] {
        let run = bounded(name, spamscan(&["-"]), Input::Bytes(bytes.clone()), BOUND);
        let docs = run.of_type("document");
        assert_eq!(docs.len(), 1, "{name}: {}", run.stderr);
        assert_eq!(docs[0]["encoding"], encoding, "{name}");
        if let Some(v) = verdict {
            assert_eq!(docs[0]["verdict"], v, "{name}");
        }
        spans_decode(&docs[0], &bytes);
        assert_ne!(run.code, Some(2), "{name}: {}", run.stderr);
    }
}

/// A deflate stream of `mib` MiB of `byte`, made without compressing all of it: after the
/// first MiB, every further MiB compresses to the same sync-flushed block, repeated.
fn deflate_bomb(byte: u8, mib: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut c = Compress::new(Compression::best(), false);
    let chunk = vec![byte; 1 << 20];
    let mut block = |input: &[u8], flush: FlushCompress| {
        let mut out = Vec::with_capacity(1 << 16);
        let before = c.total_in();
        let mut fed = 0;
        loop {
            out.reserve(1 << 16);
            c.compress_vec(&input[fed..], &mut out, flush).unwrap();
            fed = (c.total_in() - before) as usize;
            if fed == input.len() && out.len() < out.capacity() {
                break out;
            }
        }
    };
    let first = block(&chunk, FlushCompress::Sync);
    let _second = block(&chunk, FlushCompress::Sync);
    let steady = block(&chunk, FlushCompress::Sync);
    let last = block(&[], FlushCompress::Finish);
    let mut out = first;
    for _ in 1..mib {
        out.extend_from_slice(&steady);
    }
    out.extend_from_slice(&last);
    out
}

fn gzip_member(deflate: &[u8]) -> Vec<u8> {
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255];
    gz.extend_from_slice(deflate);
    gz.extend_from_slice(&[0; 8]); // CRC and size: the guard stops long before
    gz
}

/// A zip of one member stored (method 0, `data` is the content) or deflated (method 8,
/// `data` is the compressed stream, `size` its declared size and its CRC left 0).
fn zip_one(name: &str, data: &[u8], size: u64, method: u16) -> Vec<u8> {
    let (n, csize, usize_) = (name.len() as u16, data.len() as u32, size as u32);
    let crc = if method == 0 {
        let mut c = flate2::Crc::new();
        c.update(data);
        c.sum()
    } else {
        0
    };
    let mut z = Vec::new();
    z.extend_from_slice(b"PK\x03\x04");
    z.extend_from_slice(&20u16.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z.extend_from_slice(&method.to_le_bytes());
    z.extend_from_slice(&[0; 4]); // time, date
    z.extend_from_slice(&crc.to_le_bytes());
    z.extend_from_slice(&csize.to_le_bytes());
    z.extend_from_slice(&usize_.to_le_bytes());
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z.extend_from_slice(name.as_bytes());
    z.extend_from_slice(data);
    let cd = z.len() as u32;
    z.extend_from_slice(b"PK\x01\x02");
    z.extend_from_slice(&20u16.to_le_bytes());
    z.extend_from_slice(&20u16.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z.extend_from_slice(&method.to_le_bytes());
    z.extend_from_slice(&[0; 4]);
    z.extend_from_slice(&crc.to_le_bytes());
    z.extend_from_slice(&csize.to_le_bytes());
    z.extend_from_slice(&usize_.to_le_bytes());
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
    z.extend_from_slice(&0u32.to_le_bytes()); // external attributes
    z.extend_from_slice(&0u32.to_le_bytes()); // local header offset
    z.extend_from_slice(name.as_bytes());
    let cd_len = z.len() as u32 - cd;
    z.extend_from_slice(b"PK\x05\x06");
    z.extend_from_slice(&[0; 4]);
    z.extend_from_slice(&1u16.to_le_bytes());
    z.extend_from_slice(&1u16.to_le_bytes());
    z.extend_from_slice(&cd_len.to_le_bytes());
    z.extend_from_slice(&cd.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z
}

#[test]
fn decompression_bombs() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = deflate_bomb(b'a', 4000); // 4000 MiB of 'a'
    let ratio = (4000u64 << 20) / bomb.len() as u64;
    assert!(ratio > 1000, "the bomb expands {ratio}:1");
    // High ratio: gzip, and a zip member that declares its true size.
    std::fs::write(dir.path().join("bomb.gz"), gzip_member(&bomb)).unwrap();
    std::fs::write(dir.path().join("bomb.zip"), zip_one("a.txt", &bomb, 4000 << 20, 8)).unwrap();
    // Nested: gzip in gzip in gzip in gzip in gzip (each layer modest, the whole a bomb).
    let mut nested = gzip(&vec![b'a'; 8 << 20]);
    for _ in 0..4 {
        nested = gzip(&nested);
    }
    std::fs::write(dir.path().join("nested.gz"), &nested).unwrap();
    // A zip in a zip in a zip ... deeper than --max-depth.
    let mut zip = zip_one("x.txt", PROSE.as_bytes(), PROSE.len() as u64, 0);
    for i in 0..5 {
        zip = zip_one(&format!("z{i}.zip"), &zip, zip.len() as u64, 0);
    }
    std::fs::write(dir.path().join("nested.zip"), &zip).unwrap();
    let path = |n: &str| dir.path().join(n).display().to_string();
    let run = bounded("bombs", spamscan(&["--sort", dir.path().to_str().unwrap()]), Input::None, BOUND);
    let errors = run.of_type("error");
    let message = |p: &str| {
        errors
            .iter()
            .find(|e| e["path"].as_str().unwrap().starts_with(&path(p)))
            .unwrap_or_else(|| panic!("no error row for {p}: {:?}", run.rows()))["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(message("bomb.gz").contains("expands more than 1000:1"), "{}", message("bomb.gz"));
    assert!(message("bomb.zip!a.txt").contains("expands more than 1000:1"), "{}", message("bomb.zip"));
    let zip_row = errors.iter().find(|e| e["path"].as_str().unwrap().ends_with("bomb.zip!a.txt")).unwrap();
    assert_eq!(zip_row["record"], 0);
    assert!(message("nested.gz").contains("nested deeper than 4"), "{}", message("nested.gz"));
    assert!(message("nested.zip").contains("nested deeper than 4"), "{}", message("nested.zip"));
    for e in &errors {
        let p = e["path"].as_str().unwrap();
        assert_eq!(e["record"].is_u64(), p.contains('!'), "an archive member's error names its record: {e}");
    }
    assert_eq!(run.of_type("document").len(), 0);
    assert_eq!(run.code, Some(2));
}

fn warc_record(fields: &str, block: &[u8]) -> Vec<u8> {
    let mut r =
        format!("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://a.example/\r\n{fields}\r\n")
            .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn truncated_gzip_and_broken_warc_lengths() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("<html><body><p>{}</p></body></html>", PROSE.repeat(2000));
    let gz = gzip(page.as_bytes());
    std::fs::write(dir.path().join("cut.html.gz"), &gz[..gz.len() / 2]).unwrap();
    let body = format!("text/plain {PROSE}").into_bytes();
    let good = |_: ()| {
        warc_record(&format!("Content-Type: text/plain\r\nContent-Length: {}\r\n", body.len()), &body)
    };
    let mut warc = good(());
    warc.extend(warc_record("Content-Length: -5\r\n", &body));
    warc.extend(warc_record("Content-Length: twelve\r\n", &body));
    warc.extend(warc_record("Content-Length: 99999999999999999999999\r\n", &body));
    warc.extend(good(()));
    warc.extend(warc_record(&format!("Content-Length: {}\r\n", body.len() + 100_000), &body));
    std::fs::write(dir.path().join("lengths.warc"), &warc).unwrap();
    // One member per record, the last cut in the middle.
    let mut per_record = gzip(&good(()));
    let last = gzip(&good(()));
    per_record.extend_from_slice(&last[..last.len() / 2]);
    std::fs::write(dir.path().join("cut.warc.gz"), &per_record).unwrap();
    let run = bounded("truncations", spamscan(&["--sort", dir.path().to_str().unwrap()]), Input::None, BOUND);
    let rows = run.rows();
    let of = |name: &str| -> Vec<&Value> {
        rows.iter().filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with(name))).collect()
    };
    // The cut gzip: an error row naming the file.
    let cut = of("cut.html.gz");
    assert_eq!(cut.len(), 1, "{rows:?}");
    assert_eq!(cut[0]["type"], "error", "{:?}", cut[0]);
    // The WARC: good records are documents, each bad length an error row naming its record.
    let warc_rows = of("lengths.warc");
    let kinds: Vec<(String, Option<u64>)> =
        warc_rows.iter().map(|r| (r["type"].as_str().unwrap().to_string(), r["record"].as_u64())).collect();
    assert_eq!(kinds[0], ("document".to_string(), Some(0)), "{warc_rows:?}");
    for r in &warc_rows[1..] {
        if r["type"] == "error" {
            assert!(r["record"].is_u64(), "error rows name the record: {r}");
        }
    }
    assert!(warc_rows.iter().filter(|r| r["type"] == "error").count() >= 3, "{warc_rows:#?}");
    assert!(warc_rows.iter().any(|r| r["type"] == "document" && r["record"] == 4), "{warc_rows:#?}");
    // The per-record gzip: the first record, then an error for the cut one.
    let cut_warc = of("cut.warc.gz");
    assert_eq!(cut_warc[0]["type"], "document", "{cut_warc:?}");
    assert_eq!(cut_warc.last().unwrap()["type"], "error", "{cut_warc:?}");
    assert_eq!(run.code, Some(2));
}

#[test]
fn tar_header_claiming_ten_terabytes() {
    let mut header = [0u8; 512];
    header[..9].copy_from_slice(b"huge.html");
    header[100..107].copy_from_slice(b"0000644");
    // Size in GNU base-256: 10 TB.
    let size: u64 = 10_000_000_000_000;
    header[124] = 0x80;
    header[124 + 4..136].copy_from_slice(&size.to_be_bytes());
    header[136..147].copy_from_slice(b"00000000000");
    header[156] = b'0';
    header[257..263].copy_from_slice(b"ustar ");
    header[263..265].copy_from_slice(b" \0");
    header[148..156].copy_from_slice(b"        ");
    let sum: u32 = header.iter().map(|&b| b as u32).sum();
    header[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    let mut tar = header.to_vec();
    tar.extend_from_slice(format!("<p>{PROSE}</p>").as_bytes());
    tar.resize(tar.len() + 4096, 0);
    let run = bounded("tar of 10 TB", spamscan(&["-"]), Input::Bytes(tar), BOUND);
    let errors = run.of_type("error");
    assert_eq!(errors.len(), 1, "{:?} {}", run.rows(), run.stderr);
    eprintln!("{}", errors[0]);
    assert_eq!(errors[0]["path"], "-!huge.html");
    assert_eq!(errors[0]["record"], 0);
    assert_eq!(run.code, Some(2));
}

#[test]
fn json_lines_with_a_huge_line_invalid_lines_and_no_text() {
    let n = size(100 << 20, 8 << 20);
    let args: Vec<String> =
        if full() { vec![] } else { vec!["--max-doc-size".into(), (4u64 << 20).to_string()] };
    let mut cmd = spamscan(&["--input-format", "jsonl", "--sort"]);
    cmd.args(&args).arg("-");
    let head = format!("{{\"id\":\"a\",\"text\":\"{PROSE}\"}}\n{{\"id\":\"big\",\"text\":\"").into_bytes();
    let tail = format!(
        "\"}}\nnot json at all\n{{\"id\":\"c\",\"body\":\"no text field\"}}\n{{\"id\":\"d\",\"text\":7}}\n{{\"id\":\"e\",\"text\":\"{SPAM} {PROSE}\"}}\n"
    )
    .into_bytes();
    let run = bounded(
        &format!("JSON Lines with a {} MB line", n >> 20),
        cmd,
        repeat(b"word ", n, head, tail),
        Bound { secs: 60, rss_mib: if full() { 512 } else { 128 } },
    );
    let rows = run.rows();
    assert_eq!(
        kinds(&rows),
        vec![
            ("document", Some(0)),
            ("error", Some(1)),
            ("error", Some(2)),
            ("error", Some(3)),
            ("error", Some(4)),
            ("document", Some(5)),
            ("summary", None)
        ],
        "{}",
        run.stderr
    );
    assert!(rows[1]["message"].as_str().unwrap().contains("over the limit"), "{}", rows[1]);
    assert!(rows[3]["message"].as_str().unwrap().contains("no `text` field"), "{}", rows[3]);
    assert_eq!(rows[5]["verdict"], "spam");
    assert_eq!(run.code, Some(2));
}

#[test]
fn directory_with_an_unreadable_file_a_fifo_and_a_symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("page.txt"), format!("{SPAM} {PROSE}")).unwrap();
    let secret = root.join("secret.txt");
    std::fs::write(&secret, PROSE).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    assert!(Command::new("mkfifo").arg(root.join("fifo")).status().unwrap().success());
    std::fs::create_dir(root.join("sub")).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    // As root every file is readable: run as nobody, through setpriv, when it is there.
    let as_root = std::fs::read(&secret).is_ok();
    let setpriv = Path::new("/usr/bin/setpriv").exists();
    if as_root && !setpriv {
        eprintln!("battery: running as root without setpriv: the unreadable file is readable");
    }
    let drop_root = as_root && setpriv;
    if drop_root {
        std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    for follow in [false, true] {
        let mut cmd = if drop_root {
            let mut c = Command::new("/usr/bin/setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_spamscan")]);
            c.args(["--format", "jsonl", "--quiet"]);
            c
        } else {
            spamscan(&[])
        };
        cmd.args(["--sort", root.to_str().unwrap()]);
        if follow {
            cmd.arg("--follow");
        }
        let run = bounded(&format!("directory (follow {follow})"), cmd, Input::None, BOUND);
        let rows = run.rows();
        let row = |name: &str| {
            rows.iter()
                .find(|r| r["path"].as_str().is_some_and(|p| p.ends_with(name)))
                .unwrap_or_else(|| panic!("{name}: {rows:#?}"))
        };
        assert_eq!(row("page.txt")["verdict"], "spam");
        assert_eq!(row("fifo")["type"], "skipped", "a FIFO in a walk is not opened");
        if follow {
            assert_eq!(row("loop")["type"], "error");
            assert!(row("loop")["message"].as_str().unwrap().contains("loop"));
        } else {
            assert_eq!(row("loop")["type"], "skipped");
        }
        if drop_root || !as_root {
            assert_eq!(row("secret.txt")["type"], "error");
            assert!(row("secret.txt")["message"].as_str().unwrap().contains("ermission denied"));
            assert_eq!(run.code, Some(2));
        }
    }
}

#[test]
fn closed_stdout_ends_at_once_and_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        std::fs::write(dir.path().join(format!("p{i:03}.txt")), format!("Title\n\n{SPAM} {PROSE}\n"))
            .unwrap();
    }
    let d = dir.path().to_str().unwrap();
    let bin = env!("CARGO_BIN_EXE_spamscan");
    for (name, cmd) in [
        ("-l | head -1", format!("'{bin}' -l '{d}' | head -1")),
        ("jsonl | head -1", format!("'{bin}' --format jsonl '{d}' | head -1")),
        ("human 2>&1 | head -1", format!("'{bin}' '{d}' 2>&1 | head -1")),
    ] {
        let mut c = Command::new("bash");
        c.args(["-c", &format!("set -o pipefail; {cmd}; echo \"status ${{PIPESTATUS[0]}}\"")]);
        let run = bounded(name, c, Input::None, Bound { secs: 30, rss_mib: 64 });
        let out = String::from_utf8_lossy(&run.stdout).into_owned();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{name}: {out}");
        assert!(lines[1] == "status 0" || lines[1] == "status 1", "{name}: {out}");
        assert!(run.stderr.is_empty(), "{name}: {}", run.stderr);
    }
    // Directly: the reader goes away after one line while the scan has far to go (the rows
    // still to come fail to write), and again while the one document left never finishes (the
    // run is writing nothing, and must notice the closed pipe by itself). Neither run may
    // wait for its input to end: a scanner that does is killed and fails here.
    let stalled = dir.path().join("stalled.txt");
    std::fs::write(&stalled, format!("Title\n\n{STALL} {PROSE}\n")).unwrap();
    let stalled = stalled.to_str().unwrap();
    let first = dir.path().join("p000.txt");
    for (name, args) in [
        ("reader leaves a long scan", vec![d, d, d, d, d, stalled]),
        ("reader leaves a stalled scan", vec![first.to_str().unwrap(), stalled]),
    ] {
        let mut child = Command::new(bin)
            .args(["--format", "jsonl", "--quiet", "-j1"])
            .args(&args)
            .env("SPAMSCAN_TEST_STALL", STALL)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let err = collect(child.stderr.take().unwrap());
        drop(first_line(name, &mut child, 30));
        let start = Instant::now();
        let status = wait_bounded(name, &mut child, 30);
        eprintln!(
            "battery: closed stdout, {name}: ended {:.2} s after the reader left",
            start.elapsed().as_secs_f64()
        );
        assert_eq!(status.code(), Some(0), "{name}");
        let stderr = err.join().unwrap();
        assert!(stderr.is_empty(), "{name}: {}", String::from_utf8_lossy(&stderr));
    }
}

#[test]
fn signals_during_a_batch_scan() {
    for signal in ["INT", "TERM"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_spamscan"))
            .args(["--format", "jsonl", "--quiet", "--input-format", "jsonl", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // An endless batch: records until the pipe closes.
        let feeder = std::thread::spawn(move || {
            let line = format!("{{\"id\":\"x\",\"text\":\"{SPAM} {PROSE}\"}}\n").repeat(100);
            while stdin.write_all(line.as_bytes()).is_ok() {}
        });
        // The signal comes once the first row is out (an event, not a moment): the run is then
        // in the middle of its batch on any machine.
        let (mut printed, stdout) = first_line(&format!("SIG{signal}"), &mut child, 60);
        let out = collect(stdout);
        let pid = child.id().to_string();
        assert!(Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap().success());
        let start = Instant::now();
        let status = wait_bounded(&format!("SIG{signal}"), &mut child, 60);
        eprintln!("battery: SIG{signal}: ended {:.2} s after the signal", start.elapsed().as_secs_f64());
        printed.extend(out.join().unwrap());
        let _ = feeder.join();
        assert_eq!(status.code(), Some(2), "SIG{signal}");
        assert!(printed.ends_with(b"\n"), "SIG{signal}: a cut line");
        let rows = common::json_lines(&printed);
        let summary = rows.last().unwrap();
        assert_eq!(summary["type"], "summary");
        assert_eq!(summary["interrupted"], true);
        let docs = rows.iter().filter(|r| r["type"] == "document").count() as u64;
        assert!(docs > 0, "SIG{signal}: nothing scanned before the signal");
        assert_eq!(summary["documents"].as_u64(), Some(docs), "SIG{signal}: every counted row printed");
    }
}

#[test]
fn findings_caps_and_time_limit() {
    // 5000 spam words: at most 10 findings listed, the rest counted.
    let text = format!("Title\n\n{}\n", "casino bonus online casino, ".repeat(5000));
    let run = bounded(
        "caps",
        spamscan(&["--max-findings", "10", "--max-findings-per-rule", "3", "-"]),
        Input::Bytes(text.into_bytes()),
        BOUND,
    );
    let doc = &run.of_type("document")[0];
    let findings = doc["findings"].as_array().unwrap();
    assert!(!findings.is_empty() && findings.len() <= 10, "{}", findings.len());
    let mut per_rule = std::collections::HashMap::new();
    for f in findings {
        *per_rule.entry(f["rule"].as_str().unwrap()).or_insert(0) += 1;
    }
    assert!(per_rule.values().all(|&n| n <= 3), "{per_rule:?}");
    assert!(doc["findings_dropped"].as_u64().unwrap() > 1000, "{}", doc["findings_dropped"]);
    // A document that takes longer than the limit is an error row naming its record; the
    // batch goes on around it. The slow one never finishes (the test hook), so the run ending
    // at all shows that it did not wait for it; the others take microseconds against a 1 s
    // limit.
    let mut lines = String::new();
    for i in 0..3 {
        lines.push_str(&format!("{{\"id\":\"{i}\",\"text\":\"{PROSE}\"}}\n"));
    }
    lines.push_str(&format!("{{\"id\":\"slow\",\"text\":\"{SPAM} {STALL} {PROSE}\"}}\n"));
    lines.push_str(&format!("{{\"id\":\"after\",\"text\":\"{SPAM} {PROSE}\"}}\n"));
    let mut cmd = spamscan(&["--timeout-per-doc", "1", "--sort", "--input-format", "jsonl", "-"]);
    cmd.env("SPAMSCAN_TEST_STALL", STALL);
    let run = bounded("time limit", cmd, Input::Bytes(lines.into_bytes()), BOUND);
    let rows = run.rows();
    assert_eq!(
        kinds(&rows),
        vec![
            ("document", Some(0)),
            ("document", Some(1)),
            ("document", Some(2)),
            ("error", Some(3)),
            ("document", Some(4)),
            ("summary", None)
        ],
        "{}",
        run.stderr
    );
    assert!(rows[3]["message"].as_str().unwrap().contains("scanning took longer than 1 s"), "{}", rows[3]);
    assert_eq!(rows[4]["verdict"], "spam", "{}", rows[4]);
    assert_eq!(run.code, Some(2));
}

/// Workers take several queued documents at once and send their rows together; when the time
/// limit gives up on one of them, the rows already scanned and the documents still queued
/// behind it must all come out, each exactly once. The three slow records never finish (the
/// test hook); the others take microseconds against a 1 s limit.
#[test]
fn time_limit_inside_a_burst_loses_no_row() {
    let slow = [1u64, 13, 26];
    let mut lines = String::new();
    for i in 0..40 {
        let text = if slow.contains(&i) { format!("{SPAM} {STALL} {PROSE}") } else { PROSE.repeat(3) };
        lines.push_str(&format!("{{\"id\":\"{i}\",\"text\":\"{text}\"}}\n"));
    }
    let mut cmd = spamscan(&["-j1", "--timeout-per-doc", "1", "--sort", "--input-format", "jsonl", "-"]);
    cmd.env("SPAMSCAN_TEST_STALL", STALL);
    let run = bounded("time limit in a burst", cmd, Input::Bytes(lines.into_bytes()), BOUND);
    let rows = run.rows();
    let (summary, rows) = rows.split_last().unwrap();
    let records: Vec<u64> = rows.iter().map(|r| r["record"].as_u64().unwrap()).collect();
    assert_eq!(records, (0..40).collect::<Vec<u64>>(), "{}", run.stderr);
    let errors: Vec<u64> =
        rows.iter().filter(|r| r["type"] == "error").map(|r| r["record"].as_u64().unwrap()).collect();
    assert_eq!(errors, slow, "{}", run.stderr);
    assert!(rows.iter().all(|r| matches!(r["type"].as_str(), Some("document" | "error"))));
    assert_eq!((summary["documents"].as_u64(), summary["errors"].as_u64()), (Some(37), Some(3)), "{summary}");
    assert_eq!(run.code, Some(2));
}
