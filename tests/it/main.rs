//! The integration tests, in one binary (one link instead of one per file; modules share the
//! helpers in `common`). Run one group with `cargo test --test it battery::`.

mod common;

mod batch;
mod battery;
mod charsets;
mod cli;
mod eval;
mod fixtures;
mod properties;
mod warc;
