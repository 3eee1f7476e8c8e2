//! Drive a scan: one reader thread turns inputs into items, `-j` workers scan them, and this
//! thread merges the windows of large documents, restores input order with `--sort`, and
//! prints. Queues between the stages are bounded, so memory does not grow with the input.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fs::{self, File, OpenOptions};
use std::io::{self, IsTerminal, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, Receiver, Sender};
use spamscan::emit::{write_record, write_redacted};
use spamscan::report::{FileStats, Human, JsonLines, Printer, Stats, Summary};
use spamscan::source::Window;
use spamscan::{
    read_inputs, Document, Engine, Error, InputFormat, Item, Origin, Report, SourceOptions, Verdict,
};
use termcolor::{BufferedStandardStream, ColorChoice};

use super::args::{ColorWhen, FilterMode, InputKind, OutputFormat, ScanArgs};

/// How a run ended.
pub struct Outcome {
    /// Counts.
    pub stats: Stats,
    /// The output pipe was closed by the reader.
    pub broken_pipe: bool,
}

/// Set by the signal handler: stop reading, finish what is in flight, summarise.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Reading options from the command line.
pub fn source_options(a: &ScanArgs) -> SourceOptions {
    let mut id_fields = vec!["url".to_string(), "id".to_string()];
    if let Some(f) = &a.id_field {
        id_fields.insert(0, f.clone());
    }
    let mut window = a.window as usize;
    if a.filter.is_some() || a.redact {
        // Writing a document back needs it whole: up to the record limit.
        window = window.max(a.max_doc_size as usize);
    }
    SourceOptions {
        format: match a.input_format {
            InputKind::Auto => InputFormat::Auto,
            InputKind::Text => InputFormat::Text,
            InputKind::Html => InputFormat::Html,
            InputKind::Jsonl => InputFormat::Jsonl,
        },
        text_field: a.text_field.clone(),
        id_fields,
        max_doc_size: a.max_doc_size,
        window,
        max_decompressed: a.max_decompressed,
        max_ratio: a.max_ratio,
        max_depth: a.max_depth,
        follow_links: a.follow,
        ..SourceOptions::default()
    }
}

fn color_choice(when: ColorWhen, terminal: bool) -> ColorChoice {
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
            if terminal && !no_color && !dumb {
                ColorChoice::Always
            } else {
                ColorChoice::Never
            }
        }
    }
}

/// What a worker hands to the printer for one item.
enum Row {
    Document(Box<Report>, Option<Document>),
    Skipped(Origin, String),
    Error(Error),
}

/// Where scanned documents' reports go, and what else is written.
struct Output {
    printer: Option<Box<dyn Printer>>,
    records: Option<Box<dyn Write>>,
    output_dir: Option<PathBuf>,
    filter: Option<FilterMode>,
    redact: bool,
    text_field: String,
    files_with_spam: bool,
    listed: HashSet<String>,
    stats: Stats,
    files: Vec<FileStats>,
    file_index: HashMap<String, usize>,
    silent_spam: bool,
}

impl Output {
    /// Counts of the file holding `origin`, for files with several documents (a record index
    /// or an archive member says so): a walk over a million single pages keeps nothing here.
    fn file_stats(&mut self, origin: &Origin) -> Option<&mut Stats> {
        let file = origin.path.split('!').next().unwrap_or(&origin.path);
        let i = match self.file_index.get(file) {
            Some(&i) => i,
            None if origin.record.is_some() || origin.path.contains('!') => {
                self.files.push(FileStats { path: file.to_string(), stats: Stats::default() });
                self.file_index.insert(file.to_string(), self.files.len() - 1);
                self.files.len() - 1
            }
            None => return None,
        };
        Some(&mut self.files[i].stats)
    }

    fn row(&mut self, row: Row) -> io::Result<()> {
        match row {
            Row::Document(report, doc) => {
                self.stats.add(&report);
                if let Some(s) = self.file_stats(&report.origin) {
                    s.add(&report);
                }
                if report.verdict == Verdict::Spam {
                    self.silent_spam = true;
                }
                if let Some(doc) = &doc {
                    self.write_back(doc, &report)?;
                }
                if self.files_with_spam && report.verdict == Verdict::Spam {
                    let file =
                        report.origin.path.split('!').next().unwrap_or(&report.origin.path).to_string();
                    if self.listed.insert(file.clone()) {
                        let out = self.records.as_mut().expect("-l writes to stdout");
                        writeln!(out, "{file}")?;
                    }
                }
                match self.printer.as_mut() {
                    Some(p) => p.report(&report),
                    None => Ok(()),
                }
            }
            Row::Skipped(origin, reason) => {
                self.stats.skipped += 1;
                if let Some(s) = self.file_stats(&origin) {
                    s.skipped += 1;
                }
                match self.printer.as_mut() {
                    Some(p) => p.skipped(&origin, &reason),
                    None => Ok(()),
                }
            }
            Row::Error(e) => {
                self.error(&e);
                match self.printer.as_mut() {
                    Some(p) => p.error(&e),
                    None => Ok(()),
                }
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(p) = self.printer.as_mut() {
            p.flush()?;
        }
        match self.records.as_mut() {
            Some(r) => r.flush(),
            None => Ok(()),
        }
    }

    fn error(&mut self, e: &Error) {
        self.stats.errors += 1;
        let (path, record, offset) = spamscan::report::error_subject(e);
        if let Some(s) = self.file_stats(&Origin { path, record, offset, url: None }) {
            s.errors += 1;
        }
        warn!("spamscan: {e}");
    }

    /// `--filter` / `--redact`: write the document back.
    fn write_back(&mut self, doc: &Document, report: &Report) -> io::Result<()> {
        let pass = match self.filter {
            Some(FilterMode::NotSpam) => report.verdict != Verdict::Spam,
            Some(FilterMode::Clean) => report.verdict == Verdict::Clean,
            None => true,
        };
        if !pass {
            return Ok(());
        }
        let redact = self.redact && report.verdict == Verdict::Spam;
        let text_field = self.text_field.clone();
        let mut file;
        let out: &mut dyn Write = match &self.output_dir {
            Some(dir) => {
                let mut path = dir.join(relative(&doc.origin.path));
                // Documents come out of gzip/zstd decompressed, and are written so: name them
                // for what they hold (WARC records are gzipped again, per record).
                if !matches!(doc.frame, spamscan::source::Frame::Warc { gzip: true, .. }) {
                    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
                        if matches!(ext, "gz" | "zst" | "zstd") {
                            path.set_extension("");
                        }
                    }
                }
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent)?;
                }
                file = io::BufWriter::new(OpenOptions::new().create(true).append(true).open(&path)?);
                &mut file
            }
            None => self.records.as_mut().expect("records go to stdout"),
        };
        let res = if redact { write_redacted(doc, report, &text_field, out) } else { write_record(doc, out) };
        res.and_then(|_| out.flush())
    }
}

/// A path under the output directory: archive members (`a.tar!x/y.html`) become folders,
/// and nothing climbs out (`..`, a leading `/`).
fn relative(path: &str) -> PathBuf {
    let path = path.replace('!', "/");
    Path::new(&path)
        .components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// Scan `paths` (stdin when empty) with `engine`, printing as `args` says.
pub fn run(engine: &Engine, paths: &[String], args: &ScanArgs) -> Outcome {
    let start = Instant::now();
    let opts = source_options(args);
    let writing = args.filter.is_some() || args.redact;
    let stdout_terminal = io::stdout().is_terminal();
    // Reports go to stdout, unless records are written there.
    let report_to: Option<Box<dyn io::Write + Send>> = match (&args.report, writing) {
        (Some(p), _) => match File::create(p) {
            Ok(f) => Some(Box::new(io::BufWriter::new(f))),
            Err(e) => {
                warn!("spamscan: {}: {e}", p.display());
                return Outcome { stats: Stats { errors: 1, ..Stats::default() }, broken_pipe: false };
            }
        },
        (None, true) => Some(Box::new(io::stderr())),
        (None, false) => None,
    };
    let printer: Option<Box<dyn Printer>> = if args.silent || args.count || args.files_with_spam {
        None
    } else {
        Some(match (args.format, report_to) {
            (OutputFormat::Jsonl, Some(w)) => Box::new(JsonLines::new(w, true)),
            (OutputFormat::Jsonl, None) => {
                Box::new(JsonLines::new(io::BufWriter::with_capacity(64 << 10, io::stdout().lock()), true))
            }
            (OutputFormat::Human, Some(w)) => {
                Box::new(Human::new(termcolor::NoColor::new(w), Some(Box::new(io::stderr()))))
            }
            (OutputFormat::Human, None) => Box::new(Human::new(
                BufferedStandardStream::stdout(color_choice(args.color, stdout_terminal)),
                Some(Box::new(io::stderr())),
            )),
        })
    };
    let records: Option<Box<dyn Write>> =
        if (writing && args.output_dir.is_none()) || args.files_with_spam || args.count {
            Some(Box::new(io::BufWriter::with_capacity(64 << 10, io::stdout().lock())))
        } else {
            None
        };
    let mut out = Output {
        printer,
        records,
        output_dir: if writing { args.output_dir.clone() } else { None },
        filter: args.filter,
        redact: args.redact,
        text_field: args.text_field.clone(),
        files_with_spam: args.files_with_spam,
        listed: HashSet::new(),
        stats: Stats::default(),
        files: Vec::new(),
        file_index: HashMap::new(),
        silent_spam: false,
    };

    let threads =
        args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let (item_tx, item_rx) = bounded::<(u64, Item)>(threads * 4);
    let (row_tx, row_rx) = bounded::<Rows>(threads * 4);
    let stop = Arc::new(AtomicBool::new(false));

    // Reader: numbers items in input order; the windows of one document share a number.
    let paths: Vec<String> = if paths.is_empty() { vec!["-".into()] } else { paths.to_vec() };
    {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut seq = 0u64;
            let mut window_seq: HashMap<u64, u64> = HashMap::new();
            read_inputs(&paths, &opts, &mut |item| {
                let s = match &item {
                    Item::Document(Document { window: Some(w), .. }) => {
                        let s = *window_seq.entry(w.doc).or_insert_with(|| {
                            seq += 1;
                            seq - 1
                        });
                        if w.last {
                            window_seq.remove(&w.doc);
                        }
                        s
                    }
                    _ => {
                        seq += 1;
                        seq - 1
                    }
                };
                !stop.load(Ordering::Relaxed)
                    && !INTERRUPTED.load(Ordering::Relaxed)
                    && item_tx.send((s, item)).is_ok()
            });
        });
    }
    let mut slots: Vec<Arc<Slot>> = (0..threads)
        .map(|_| spawn_worker(engine, item_rx.clone(), row_tx.clone(), VecDeque::new(), writing))
        .collect();
    // The collector keeps a receiver of items only to hand it to workers that replace stuck
    // ones; rows come from the workers alone, so the loop ends when the last one is done.
    drop(row_tx);
    let timeout = (args.timeout_per_doc > 0.0).then(|| Duration::from_secs_f64(args.timeout_per_doc));
    let tick = timeout.map_or(Duration::from_millis(200), |t| {
        (t / 4).clamp(Duration::from_millis(5), Duration::from_millis(200))
    });
    let watch_stdout = out.records.is_some() || (out.printer.is_some() && args.report.is_none() && !writing);
    let mut last_check = Instant::now();

    // The bar appears only once a run has taken a second: short runs stay quiet.
    let mut progress: Option<indicatif::ProgressBar> = None;
    let mut scanned = 0u64;
    let mut windows: HashMap<u64, Vec<Report>> = HashMap::new();
    let mut pending: BTreeMap<u64, Row> = BTreeMap::new();
    let mut next = 0u64;
    let mut result: io::Result<()> = Ok(());
    'collect: loop {
        // Wake up now and then: after a signal, whatever is still being read (a pipe that
        // never ends) is not waited for; a document scanned for too long is given up.
        let mut rows: Vec<(u64, Row)> = Vec::new();
        match row_rx.recv_timeout(tick) {
            Ok(batch) => rows = batch,
            Err(crossbeam_channel::RecvTimeoutError::Timeout) if INTERRUPTED.load(Ordering::Relaxed) => break,
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {
                result = out.flush();
                if result.is_err() {
                    break;
                }
            }
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break,
        }
        if last_check.elapsed() >= tick {
            last_check = Instant::now();
            // What is ready reaches a reader downstream within a tick, even on a busy run.
            result = out.flush();
            if result.is_ok() && watch_stdout && stdout_closed() {
                result = Err(io::ErrorKind::BrokenPipe.into());
            }
            if result.is_err() {
                break;
            }
            if let Some(limit) = timeout {
                rows.extend(watchdog(engine, &mut slots, &item_rx, limit, writing));
            }
            rows.extend(take_ready(&slots, tick));
        }
        for (seq, row) in rows {
            let row = match merge_window(engine, &mut windows, row, writing) {
                Some(r) => r,
                None => continue,
            };
            if let Row::Document(r, _) = &row {
                scanned += r.bytes as u64;
                if progress.is_none() && start.elapsed() > Duration::from_secs(1) {
                    progress = progress_bar(args);
                }
                if let Some(pb) = &progress {
                    pb.set_position(scanned);
                }
            }
            if args.sort || writing {
                pending.insert(seq, row);
                while let Some(row) = pending.remove(&next) {
                    next += 1;
                    result = out.row(row);
                    if result.is_err() {
                        break;
                    }
                }
            } else {
                result = out.row(row);
            }
            if result.is_err() || (args.silent && out.silent_spam) {
                break 'collect;
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    drop((row_rx, item_rx));
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    // Rows still held for order (an input ended early) are printed as they are.
    if result.is_ok() {
        for (_, row) in std::mem::take(&mut pending) {
            result = out.row(row);
            if result.is_err() {
                break;
            }
        }
    }
    let elapsed = start.elapsed();
    let summary = summary(engine, &out, elapsed);
    if result.is_ok() {
        if args.count {
            let s = &out.stats;
            let w = out.records.as_mut().expect("-c writes to stdout");
            result = match args.format {
                // Machines get the summary row.
                OutputFormat::Jsonl => JsonLines::new(w, true).finish(&summary),
                OutputFormat::Human => writeln!(
                    w,
                    "spam\t{}\nsuspicious\t{}\nclean\t{}\nskipped\t{}\nerrors\t{}",
                    s.spam, s.suspicious, s.clean, s.skipped, s.errors
                ),
            };
        }
        if let Some(p) = out.printer.as_mut() {
            result = result.and_then(|_| p.finish(&summary));
        }
        if let Some(r) = out.records.as_mut() {
            result = result.and_then(|_| r.flush());
        }
    }
    let broken_pipe = match result {
        Ok(()) => false,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            warn!("spamscan: writing output: {e}");
            out.stats.errors += 1;
            false
        }
    };
    Outcome { stats: out.stats, broken_pipe }
}

/// A worker's link to the collector: the sender of its rows (taken away when the watchdog
/// gives up on it) and the document it is scanning.
struct Slot(Mutex<SlotState>);

struct SlotState {
    tx: Option<Sender<Rows>>,
    job: Option<Job>,
    /// Rows scanned and not yet sent: a worker sends them together when it is about to wait
    /// for input (or has [`BATCH`] of them), so that a run of small documents costs one
    /// wake-up of the collector per batch instead of one per document. The watchdog takes
    /// them with the slot's sender, so a stuck document does not hold back the rows before it.
    ready: Rows,
    /// Items taken from the reader's queue and not yet scanned; a replacement worker gets them.
    queue: VecDeque<(u64, Item)>,
}

/// Rows in input order numbers, as workers send them.
type Rows = Vec<(u64, Row)>;

/// Most rows a worker holds before sending them.
const BATCH: usize = 16;

/// A worker takes up to this many of the items already queued, and up to [`BURST_BYTES`] of
/// documents, in one go: the reader is then woken once per burst, not once per document. The
/// reader's queue holds four items per worker, so a burst leaves the other workers theirs.
const BURST: usize = 4;
const BURST_BYTES: usize = 1 << 20;

/// A document being scanned, for the watchdog.
struct Job {
    seq: u64,
    origin: Origin,
    window: Option<Window>,
    started: Instant,
}

impl Slot {
    fn lock(&self) -> MutexGuard<'_, SlotState> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Start a worker that scans items from `queue`, then from `rx`, and sends rows to `tx`,
/// until either channel closes or the watchdog gives up on it (then its late result is
/// dropped).
fn spawn_worker(
    engine: &Engine,
    rx: Receiver<(u64, Item)>,
    tx: Sender<Rows>,
    queue: VecDeque<(u64, Item)>,
    writing: bool,
) -> Arc<Slot> {
    let slot = Arc::new(Slot(Mutex::new(SlotState { tx: Some(tx), job: None, ready: Vec::new(), queue })));
    let (mine, engine) = (Arc::clone(&slot), engine.clone());
    std::thread::spawn(move || {
        // However the worker ends, its sender goes with it (the collector's loop ends when
        // the last sender is gone), and the rows it holds are sent first.
        struct Release(Arc<Slot>);
        impl Drop for Release {
            fn drop(&mut self) {
                let mut st = self.0.lock();
                let ready = std::mem::take(&mut st.ready);
                if let Some(tx) = st.tx.take() {
                    if !ready.is_empty() {
                        let _ = tx.send(ready);
                    }
                }
            }
        }
        let release = Release(mine);
        let mine = &release.0;
        let mut scanner = engine.scanner();
        loop {
            // The sender is cloned only to send: a worker must not hold one while it scans,
            // or a document the watchdog gave up on would keep the collector waiting for it.
            let next = {
                let mut st = mine.lock();
                if st.tx.is_none() {
                    return;
                }
                let next = st.queue.pop_front();
                // About to wait for input: what is ready goes now.
                if next.is_none() && !st.ready.is_empty() {
                    let (ready, tx) = (std::mem::take(&mut st.ready), st.tx.clone());
                    drop(st);
                    if tx.is_some_and(|tx| tx.send(ready).is_err()) {
                        return;
                    }
                }
                next
            };
            let (seq, item) = match next {
                Some(next) => next,
                None => {
                    let Ok(first) = rx.recv() else { return };
                    let mut bytes = item_bytes(&first.1);
                    let mut burst = VecDeque::new();
                    while bytes < BURST_BYTES && burst.len() + 1 < BURST {
                        let Ok(next) = rx.try_recv() else { break };
                        bytes += item_bytes(&next.1);
                        burst.push_back(next);
                    }
                    mine.lock().queue.append(&mut burst);
                    first
                }
            };
            let row = match item {
                Item::Document(doc) => {
                    {
                        let mut st = mine.lock();
                        if st.tx.is_none() {
                            return;
                        }
                        let (origin, window) = (doc.origin.clone(), doc.window.clone());
                        st.job = Some(Job { seq, origin, window, started: Instant::now() });
                    }
                    stall_if_marked(&doc.bytes);
                    // A bug in a detector must cost one document, not the run: the document
                    // becomes an error row (the panic message is on stderr).
                    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| scanner.scan(&doc))) {
                        Ok(report) => {
                            let keep = writing && doc.window.is_none();
                            Row::Document(Box::new(report), keep.then_some(doc))
                        }
                        Err(_) => {
                            scanner = engine.scanner();
                            failed_row(
                                &doc.origin,
                                doc.window.as_ref(),
                                "internal error while scanning".into(),
                            )
                        }
                    }
                }
                Item::Skipped { origin, reason } => Row::Skipped(origin, reason),
                Item::Error(e) => Row::Error(e),
            };
            let (tx, rows) = {
                let mut st = mine.lock();
                st.job = None;
                if st.tx.is_none() {
                    return;
                }
                st.ready.push((seq, row));
                if st.ready.len() < BATCH {
                    continue;
                }
                (st.tx.clone(), std::mem::take(&mut st.ready))
            };
            if tx.is_some_and(|tx| tx.send(rows).is_err()) {
                return;
            }
        }
    });
    slot
}

/// Test hook: with `SPAMSCAN_TEST_STALL=MARKER` in the environment, a document whose bytes
/// hold MARKER is never finished (its worker waits until the process ends). The tests of the
/// time limit, of signals and of a closed stdout use it to have a slow document on any
/// machine, however fast or busy; unset, it costs one check per document.
fn stall_if_marked(bytes: &[u8]) {
    static MARKER: std::sync::OnceLock<Option<Vec<u8>>> = std::sync::OnceLock::new();
    let marker = MARKER.get_or_init(|| {
        std::env::var_os("SPAMSCAN_TEST_STALL").filter(|m| !m.is_empty()).map(|m| m.into_encoded_bytes())
    });
    if marker.as_deref().is_some_and(|m| memchr::memmem::find(bytes, m).is_some()) {
        loop {
            std::thread::park();
        }
    }
}

/// Rows that workers busy for longer than a tick hold ready: they go out now, not after the
/// document being scanned, so that a slow document does not hold back the rows before it.
fn take_ready(slots: &[Arc<Slot>], tick: Duration) -> Vec<(u64, Row)> {
    let mut rows = Vec::new();
    for slot in slots {
        let mut st = slot.lock();
        if st.job.as_ref().is_some_and(|j| j.started.elapsed() >= tick) {
            rows.append(&mut st.ready);
        }
    }
    rows
}

/// Bytes of document an item carries.
fn item_bytes(item: &Item) -> usize {
    match item {
        Item::Document(d) => d.bytes.len(),
        _ => 0,
    }
}

/// Give up on every document scanned for longer than `limit`: its row becomes an error, its
/// worker is left to finish in the background (its result is dropped) and a new worker
/// takes its place.
fn watchdog(
    engine: &Engine,
    slots: &mut [Arc<Slot>],
    items: &Receiver<(u64, Item)>,
    limit: Duration,
    writing: bool,
) -> Vec<(u64, Row)> {
    let mut rows = Vec::new();
    for slot in slots.iter_mut() {
        let expired = {
            let mut st = slot.lock();
            match &st.job {
                Some(j) if j.started.elapsed() > limit => {
                    rows.append(&mut st.ready);
                    st.job.take().zip(st.tx.take()).map(|(j, tx)| (j, tx, std::mem::take(&mut st.queue)))
                }
                _ => None,
            }
        };
        let Some((job, tx, queue)) = expired else { continue };
        let seconds = limit.as_secs_f64();
        let row = match &job.window {
            Some(w) => failed_row(&job.origin, Some(w), format!("scanning took longer than {seconds} s")),
            None => {
                let Origin { path, record, offset, .. } = job.origin;
                Row::Error(Error::Timeout { path, record, offset, seconds })
            }
        };
        rows.push((job.seq, row));
        *slot = spawn_worker(engine, items.clone(), tx, queue, writing);
    }
    rows
}

/// The row of a document that could not be scanned: an error row, or for one window of a
/// large document, an empty report carrying the message (the document ends as an error row
/// once its windows are together).
fn failed_row(origin: &Origin, window: Option<&Window>, message: String) -> Row {
    match window {
        Some(w) => Row::Document(
            Box::new(Report {
                origin: origin.clone(),
                bytes: 0,
                score: 0.0,
                verdict: Verdict::Clean,
                language: None,
                encoding: "UTF-8",
                findings: Vec::new(),
                dropped: 0,
                cuts: Vec::new(),
                window: Some(Window { error: Some(message), ..w.clone() }),
            }),
            None,
        ),
        None => Row::Error(document_error(origin, message)),
    }
}

/// An error about one document: of its record when it is one, else of its file.
fn document_error(origin: &Origin, message: String) -> Error {
    match origin.record {
        Some(record) => Error::Record { path: origin.path.clone(), record, offset: origin.offset, message },
        None => Error::Corrupt { path: origin.path.clone(), message },
    }
}

/// True when stdout is a pipe whose reader has gone (`spamscan … | head -1` after `head`
/// ended): the run can stop before it next writes.
#[cfg(unix)]
fn stdout_closed() -> bool {
    use rustix::event::{poll, PollFd, PollFlags};
    use std::os::fd::AsFd;
    let stdout = io::stdout();
    let fd = stdout.as_fd();
    let mut fds = [PollFd::new(&fd, PollFlags::empty())];
    let now = rustix::event::Timespec { tv_sec: 0, tv_nsec: 0 };
    matches!(poll(&mut fds, Some(&now)), Ok(n) if n > 0) && fds[0].revents().contains(PollFlags::ERR)
}

#[cfg(not(unix))]
fn stdout_closed() -> bool {
    false
}

/// Collect the windows of large documents; return a row once a document is whole.
fn merge_window(
    engine: &Engine,
    windows: &mut HashMap<u64, Vec<Report>>,
    row: Row,
    writing: bool,
) -> Option<Row> {
    let Row::Document(report, doc) = row else { return Some(row) };
    let Some(w) = report.window.clone() else { return Some(Row::Document(report, doc)) };
    let parts = windows.entry(w.doc).or_default();
    parts.push(*report);
    let last = parts.iter().find_map(|p| p.window.as_ref().filter(|w| w.last).map(|w| w.index));
    if last.is_none_or(|l| parts.len() < l as usize + 1) {
        return None;
    }
    let parts = windows.remove(&w.doc).expect("present");
    let origin = parts[0].origin.clone();
    if let Some(msg) = parts.iter().find_map(|p| p.window.as_ref().and_then(|w| w.error.clone())) {
        return Some(Row::Error(document_error(&origin, msg)));
    }
    if writing {
        let message = "document larger than --max-doc-size cannot be written back".to_string();
        let record = origin.record.unwrap_or(0);
        return Some(Row::Error(Error::Record { path: origin.path, record, offset: origin.offset, message }));
    }
    Some(Row::Document(Box::new(engine.merge(parts)), None))
}

fn summary(engine: &Engine, out: &Output, elapsed: Duration) -> Summary {
    let secs = elapsed.as_secs_f64().max(1e-9);
    Summary {
        stats: out.stats,
        elapsed_ms: elapsed.as_millis() as u64,
        mb_per_s: (out.stats.bytes as f64 / 1e6 / secs * 10.0).round() / 10.0,
        version: env!("CARGO_PKG_VERSION").to_string(),
        packs: format!("{:016x}", engine.patterns().fingerprint),
        files: out
            .files
            .iter()
            .filter(|f| {
                let s = &f.stats;
                s.documents + s.skipped + s.errors > 1
            })
            .cloned()
            .collect(),
        interrupted: INTERRUPTED.load(Ordering::Relaxed),
    }
}

fn progress_bar(args: &ScanArgs) -> Option<indicatif::ProgressBar> {
    if args.quiet || args.silent || !io::stderr().is_terminal() {
        return None;
    }
    let pb = indicatif::ProgressBar::new_spinner();
    let style =
        indicatif::ProgressStyle::with_template("{spinner} {bytes} scanned ({bytes_per_sec}) {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
    pb.set_style(style);
    pb.enable_steady_tick(Duration::from_millis(200));
    Some(pb)
}
