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

    /// Score at or above which a document is spam [default: 0.7, or spamscan.toml's].
    #[arg(long, value_parser = unit_interval)]
    pub threshold: Option<f32>,

    /// Score at or above which a document is suspicious [default: 0.4, or spamscan.toml's].
    #[arg(long, value_parser = unit_interval)]
    pub suspicious_threshold: Option<f32>,

    /// Settings file [default: ./spamscan.toml when it exists].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Do not read ./spamscan.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,

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

    /// Largest record held whole in memory (a JSON Lines line, a WARC record), in bytes; a
    /// larger one is an error row. Files and archive members of any size are scanned in windows.
    #[arg(long, default_value_t = 64 << 20)]
    pub max_doc_size: u64,

    /// Window for large documents, in bytes: a document larger than this is scanned in
    /// overlapping windows, never truncated.
    #[arg(long, default_value_t = 4 << 20, value_parser = clap::value_parser!(u64).range(4096..))]
    pub window: u64,

    /// Largest decompressed size of one compressed stream or archive member, in bytes.
    #[arg(long, default_value_t = 16 << 30)]
    pub max_decompressed: u64,

    /// Largest ratio of decompressed to compressed bytes (past the first MiB).
    #[arg(long, default_value_t = 1000)]
    pub max_ratio: u64,

    /// How deep archives may nest (a tar inside a gzip is 2).
    #[arg(long, default_value_t = 4)]
    pub max_depth: usize,

    /// Most findings listed per document; more are counted (`findings_dropped`), not listed
    /// or scored.
    #[arg(long, default_value_t = 512, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_findings: u64,

    /// Most findings of one rule listed per document.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_findings_per_rule: u64,

    /// Longest a document may take to scan, in seconds (0: no limit); one that takes longer
    /// becomes an error row and the run goes on.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = seconds)]
    pub timeout_per_doc: f64,

    /// Follow symbolic links while walking directories (loops are reported, not followed).
    #[arg(long)]
    pub follow: bool,

    /// Report only these rules (ids or dotted prefixes: `terms`, `terms.zh`, `script.island`).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Never report these rules (ids or dotted prefixes).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Per-rule weight multipliers written by `spamscan tune`.
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,

    /// Scanning threads (default: all cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,

    /// Print results in input order (default: as they are ready).
    #[arg(long)]
    pub sort: bool,

    /// Write to stdout the input records whose verdict passes, unchanged (JSON Lines lines,
    /// WARC records, files); the report goes to stderr or --report.
    #[arg(long, value_enum, conflicts_with = "redact")]
    pub filter: Option<FilterMode>,

    /// Write every document with its flagged spans removed (spam documents only; the rest
    /// unchanged); the report goes to stderr or --report.
    #[arg(long)]
    pub redact: bool,

    /// With --filter or --redact: write files under DIR at their relative paths, not stdout.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    /// With --filter or --redact: write the report to FILE, not stderr.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Print only the paths of files with a spam document.
    #[arg(short = 'l', long, conflicts_with_all = ["count", "silent"])]
    pub files_with_spam: bool,

    /// Print only the counts per verdict.
    #[arg(short = 'c', long, conflicts_with = "silent")]
    pub count: bool,

    /// Print nothing; the exit status tells (stops at the first spam document).
    #[arg(short = 'q', long = "silent")]
    pub silent: bool,

    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// Which records `--filter` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FilterMode {
    /// Clean and suspicious documents.
    NotSpam,
    /// Clean documents only.
    Clean,
}

fn seconds(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|e| format!("{e}"))?;
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(format!("{s} is not a number of seconds"))
    }
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
        /// Only check the packs of DIR (and the built-in ones): report the first broken one
        /// as `file:line:column: message` and exit 2, or say how many are fine.
        #[arg(long, value_name = "DIR")]
        check: Option<PathBuf>,
    },
    /// Fit per-rule weight multipliers on a labelled corpus, with k-fold cross-validation.
    Tune {
        #[command(flatten)]
        corpus: Corpus,
        /// Number of folds.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Where to write the weights (TOML).
        #[arg(long, value_name = "FILE", default_value = "weights.toml")]
        output: PathBuf,
        /// Add the pattern packs of DIR.
        #[arg(long = "patterns", value_name = "DIR")]
        patterns: Vec<PathBuf>,
    },
    /// Measure precision, recall and per-rule hit rates on a labelled corpus.
    Eval {
        #[command(flatten)]
        corpus: Corpus,
        /// `json` for machines.
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// Also draw the precision/recall curve and the score histograms into FILE.svg.
        #[arg(long, value_name = "FILE.svg")]
        plot: Option<PathBuf>,
        /// Score at or above which a document is spam.
        #[arg(long, default_value_t = 0.7, value_parser = unit_interval)]
        threshold: f32,
        /// Add the pattern packs of DIR.
        #[arg(long = "patterns", value_name = "DIR")]
        patterns: Vec<PathBuf>,
        /// Per-rule weight multipliers written by `spamscan tune`.
        #[arg(long, value_name = "FILE")]
        weights: Option<PathBuf>,
    },
}

/// A labelled corpus for `eval` and `tune`.
#[derive(Debug, clap::Args)]
pub struct Corpus {
    /// Labels: a TSV with `file`, `verdict` (spam, clean, suspicious) and optionally
    /// `must_flag`, paths relative to the TSV.
    #[arg(long, value_name = "FILE.tsv")]
    pub labels: Option<PathBuf>,
    /// A folder of spam documents (instead of --labels).
    #[arg(long, value_name = "DIR", conflicts_with = "labels")]
    pub spam: Option<PathBuf>,
    /// A folder of clean documents (instead of --labels).
    #[arg(long, value_name = "DIR", conflicts_with = "labels")]
    pub clean: Option<PathBuf>,
}

/// `eval` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Tables for people.
    Table,
    /// One JSON object.
    Json,
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
