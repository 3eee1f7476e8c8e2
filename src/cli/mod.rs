//! The command line: arguments, the scan driver, subcommands.

pub mod args;
pub mod config;
pub mod eval;
pub mod plot;
pub mod run;
