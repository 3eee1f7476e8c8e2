//! What the user typed.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Find injected spam and SEO injection in scraped web pages.
///
/// Reads HTML, plain text or JSON Lines from files or stdin and prints, for every document,
/// a score in [0, 1], a verdict (clean, suspicious, spam) and each finding with its rule and
/// exact byte span. Exit status: 0 no document is spam, 1 at least one is, 2 any error.
#[derive(Debug, Parser)]
#[command(name = "spamscan", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Files to scan; none, or `-`, reads stdin. (A file named like a subcommand: `./rules`.)
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    #[command(flatten)]
    pub scan: ScanArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of a scan.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Input format; `auto` sniffs each input.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    pub input_format: InputKind,

    /// Score at or above which a document is spam.
    #[arg(long, default_value_t = 0.7, value_parser = unit_interval)]
    pub threshold: f32,

    /// Score at or above which a document is suspicious.
    #[arg(long, default_value_t = 0.4, value_parser = unit_interval)]
    pub suspicious_threshold: f32,

    /// Add the pattern packs (*.toml) of DIR; a pack with a built-in id replaces it.
    #[arg(long = "patterns", value_name = "DIR")]
    pub patterns: Vec<PathBuf>,

    /// When to use colour (auto: only on a terminal, never with NO_COLOR set).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// Exit 0 even when a document is spam (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// JSON Lines field holding the document text.
    #[arg(long, default_value = "text")]
    pub text_field: String,

    /// JSON Lines field naming a document (else `url`, then `id`).
    #[arg(long)]
    pub id_field: Option<String>,

    /// Largest document read, in bytes; a larger one is an error row.
    #[arg(long, default_value_t = 64 << 20)]
    pub max_doc_size: u64,
}

fn unit_interval(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not in [0, 1]"))
    }
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the loaded pattern packs, or export their literal terms.
    Rules {
        /// Add the packs of DIR.
        #[arg(long = "patterns", value_name = "DIR")]
        patterns: Vec<PathBuf>,
        /// Print the literal terms, one per line.
        #[arg(long)]
        export_literals: bool,
    },
    /// Measure precision and recall on a labelled corpus (not in this version).
    Eval,
    /// Fit rule weights on a labelled corpus (not in this version).
    Tune,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// For people.
    Human,
    /// One JSON object per line.
    Jsonl,
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// Sniff.
    Auto,
    /// Plain text.
    Text,
    /// HTML.
    Html,
    /// JSON Lines.
    Jsonl,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal without NO_COLOR.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
