//! Report: print scan results. Printers format what the scan decided; they decide nothing.

mod human;
pub mod jsonl;

use std::io;

pub use human::Human;
pub use jsonl::JsonLines;

use crate::error::Error;
use crate::scan::Report;
use crate::score::Verdict;

/// Counts over a run. Every input document is counted once: as scanned (clean, suspicious
/// or spam) or as an error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Documents scanned.
    pub documents: u64,
    /// Of those, verdict `clean`.
    pub clean: u64,
    /// Of those, verdict `suspicious`.
    pub suspicious: u64,
    /// Of those, verdict `spam`.
    pub spam: u64,
    /// Documents or inputs that could not be read.
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
    /// Print the closing summary and flush.
    ///
    /// # Errors
    /// The writer's error.
    fn finish(&mut self, stats: &Stats, elapsed: std::time::Duration) -> io::Result<()>;
}

/// The path and record an error is about, for error rows.
pub fn error_subject(e: &Error) -> (String, Option<u64>) {
    match e {
        Error::Io { path, .. } | Error::TooLarge { path, .. } | Error::Corrupt { path, .. } => (path.clone(), None),
        Error::Record { path, record, .. } => (path.clone(), Some(*record)),
        Error::Pack { file, .. } => (file.display().to_string(), None),
    }
}
