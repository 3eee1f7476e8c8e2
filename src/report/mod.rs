//! Report: print scan results. Printers format what the scan decided; they decide nothing.

mod human;
pub mod jsonl;

use std::io;

use serde::{Deserialize, Serialize};

pub use human::Human;
pub use jsonl::JsonLines;

use crate::error::Error;
use crate::scan::Report;
use crate::score::Verdict;
use crate::source::Origin;

/// Counts over a run or one input file. Every input document is counted once: as scanned
/// (clean, suspicious or spam), skipped, or an error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Documents scanned.
    pub documents: u64,
    /// Of those, verdict `clean`.
    pub clean: u64,
    /// Of those, verdict `suspicious`.
    pub suspicious: u64,
    /// Of those, verdict `spam`.
    pub spam: u64,
    /// Records or files deliberately not scanned (non-text payloads, metadata records,
    /// symbolic links not followed).
    pub skipped: u64,
    /// Documents, records or inputs that could not be read.
    pub errors: u64,
    /// Bytes scanned.
    pub bytes: u64,
}

impl Stats {
    /// Count one report.
    pub fn add(&mut self, r: &Report) {
        self.documents += 1;
        self.bytes += r.bytes as u64;
        match r.verdict {
            Verdict::Clean => self.clean += 1,
            Verdict::Suspicious => self.suspicious += 1,
            Verdict::Spam => self.spam += 1,
        }
    }
}

/// Counts of one input file that held several documents (an archive, a JSON Lines file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStats {
    /// The file's path as given or found.
    pub path: String,
    /// Its counts.
    #[serde(flatten)]
    pub stats: Stats,
}

/// The end of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Counts over all inputs.
    #[serde(flatten)]
    pub stats: Stats,
    /// Wall time in milliseconds.
    pub elapsed_ms: u64,
    /// Bytes scanned per second of wall time, in MB (10⁶ bytes).
    pub mb_per_s: f64,
    /// spamscan's version.
    pub version: String,
    /// Fingerprint of the loaded packs and weights (hex): equal runs, equal rules.
    pub packs: String,
    /// Per input file that held more than one document.
    pub files: Vec<FileStats>,
    /// The run was interrupted (SIGINT/SIGTERM) before every input was read.
    pub interrupted: bool,
}

/// Where reports go.
pub trait Printer {
    /// Print one document's report.
    ///
    /// # Errors
    /// The writer's error (a closed pipe is `BrokenPipe`).
    fn report(&mut self, r: &Report) -> io::Result<()>;
    /// Print an error for one input or document.
    ///
    /// # Errors
    /// The writer's error.
    fn error(&mut self, e: &Error) -> io::Result<()>;
    /// Print a record or file that was not scanned on purpose.
    ///
    /// # Errors
    /// The writer's error.
    fn skipped(&mut self, origin: &Origin, reason: &str) -> io::Result<()>;
    /// Write out what is buffered (the input is idle: let a reader downstream see it).
    ///
    /// # Errors
    /// The writer's error.
    fn flush(&mut self) -> io::Result<()>;
    /// Print the closing summary and flush.
    ///
    /// # Errors
    /// The writer's error.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// The path, record and offset an error is about, for error rows.
pub fn error_subject(e: &Error) -> (String, Option<u64>, Option<u64>) {
    match e {
        Error::Io { path, .. } | Error::TooLarge { path, .. } | Error::Corrupt { path, .. } => {
            (path.clone(), None, None)
        }
        Error::Record { path, record, offset, .. } => (path.clone(), Some(*record), *offset),
        Error::Timeout { path, record, offset, .. } => (path.clone(), *record, *offset),
        Error::Pack { file, .. } => (file.display().to_string(), None, None),
    }
}
