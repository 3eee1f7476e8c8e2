//! The command line: arguments, the scan driver, subcommands.

pub mod args;
pub mod eval;
pub mod run;
