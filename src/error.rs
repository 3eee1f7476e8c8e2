//! Errors of the library, each naming what failed.

use std::path::PathBuf;

/// What went wrong, with the subject (file, record, pack) in the message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or stream could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path as given (`-` for stdin).
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A pattern pack is broken; `line` and `column` are 1-based positions in `file`.
    #[error("{file}:{line}:{column}: {message}")]
    Pack {
        /// The pack file (a built-in pack is named `patterns/NAME.toml`).
        file: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// One record of a multi-document input could not be read (a JSON Lines line that is not
    /// JSON, a truncated WARC record, a corrupt archive member).
    #[error("{path}: record {record}{}: {message}", offset.map(|o| format!(" at offset {o}")).unwrap_or_default())]
    Record {
        /// The path as given.
        path: String,
        /// 0-based record index.
        record: u64,
        /// Where the record starts in the container file, when known.
        offset: Option<u64>,
        /// What is wrong.
        message: String,
    },
    /// A container is unreadable past some point (corrupt compression, a broken archive
    /// header) and no record can be named.
    #[error("{path}: {message}")]
    Corrupt {
        /// The path as given.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Scanning one document took longer than the time limit; the run went on without it.
    #[error("{path}{}: scanning took longer than {seconds} s", record.map(|r| format!(": record {r}")).unwrap_or_default())]
    Timeout {
        /// The path as given.
        path: String,
        /// 0-based record index inside a container, when the document is a record.
        record: Option<u64>,
        /// Where the record starts in the container file, when known.
        offset: Option<u64>,
        /// The limit, in seconds.
        seconds: f64,
    },
    /// A document is larger than the configured maximum.
    #[error("{path}: document of {size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// The path as given.
        path: String,
        /// Bytes read before giving up.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
