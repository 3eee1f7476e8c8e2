//! The `spamscan` binary: parse arguments, build the engine, scan, map the outcome to an exit
//! status (0: no document is spam, 1: at least one is, 2: any error).

/// `eprintln!` that cannot panic: a closed stderr (`spamscan … 2>&1 | head -1`) loses the
/// message, not the run.
macro_rules! warn {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `println!` that cannot panic: a closed stdout (`spamscan tune … | head -1`) loses the
/// line, not the run.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use cli::args::{Args, Command};
use spamscan::{EngineBuilder, Thresholds};

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Rules { mut patterns, export_literals, check }) => {
            if let Some(dir) = check {
                patterns.push(dir);
                return match spamscan::patterns::PatternSet::load(&patterns) {
                    Ok(set) => {
                        say!("ok: {} packs, {} terms and patterns", set.packs.len(), set.terms.len());
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        warn!("spamscan: {e}");
                        ExitCode::from(2)
                    }
                };
            }
            rules(&patterns, export_literals)
        }
        Some(Command::Tune { corpus, folds, output, patterns }) => {
            let labels = match cli::eval::labels(&corpus) {
                Ok(l) => l,
                Err(e) => {
                    warn!("spamscan: {e}");
                    return ExitCode::from(2);
                }
            };
            // Fit from the packs' own weights, not from the shipped ones.
            let builder = EngineBuilder::new().weights(spamscan::tune::Weights::default());
            match build_engine(builder, &patterns, None) {
                Ok(engine) => ExitCode::from(cli::eval::tune(&engine, &labels, folds, &output) as u8),
                Err(code) => code,
            }
        }
        Some(Command::Eval { corpus, format, plot, threshold, patterns, weights }) => {
            let labels = match cli::eval::labels(&corpus) {
                Ok(l) => l,
                Err(e) => {
                    warn!("spamscan: {e}");
                    return ExitCode::from(2);
                }
            };
            let builder = EngineBuilder::new().thresholds(Thresholds { spam: threshold, suspicious: 0.4 });
            match build_engine(builder, &patterns, weights.as_deref()) {
                Ok(engine) => ExitCode::from(cli::eval::run(
                    &engine,
                    &labels,
                    format == cli::args::EvalFormat::Json,
                    plot.as_deref(),
                ) as u8),
                Err(code) => code,
            }
        }
        None => scan(&args),
    }
}

fn scan(args: &Args) -> ExitCode {
    let a = &args.scan;
    // A second signal ends the process at once, as users expect.
    let _ = ctrlc::set_handler(|| {
        if cli::run::INTERRUPTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    let config =
        if a.no_config { Ok(cli::config::Config::default()) } else { cli::config::load(a.config.as_deref()) };
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            warn!("spamscan: {e}");
            return ExitCode::from(2);
        }
    };
    // The command line wins; lists add up.
    let thresholds = Thresholds {
        spam: a.threshold.or(config.threshold).unwrap_or(0.7),
        suspicious: a.suspicious_threshold.or(config.suspicious_threshold).unwrap_or(0.4),
    };
    let rules = spamscan::scan::RuleFilter {
        select: if a.select.is_empty() { config.select } else { a.select.clone() },
        ignore: config.ignore.into_iter().chain(a.ignore.iter().cloned()).collect(),
        allow_phrases: config.allow,
        allow_domains: config.allow_domains,
    };
    let patterns: Vec<std::path::PathBuf> =
        config.patterns.into_iter().chain(a.patterns.iter().cloned()).collect();
    let weights = a.weights.clone().or(config.weights);
    let caps =
        spamscan::Caps { per_document: a.max_findings as usize, per_rule: a.max_findings_per_rule as usize };
    let builder = EngineBuilder::new().thresholds(thresholds).rules(rules.clone()).caps(caps);
    let engine = match build_engine(builder, &patterns, weights.as_deref()) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let unknown = rules.unknown(&engine);
    if !unknown.is_empty() {
        warn!("spamscan: no rule matches {} (see `spamscan rules`)", unknown.join(", "));
        return ExitCode::from(2);
    }
    let out = cli::run::run(&engine, &args.paths, a);
    if out.broken_pipe {
        return ExitCode::SUCCESS;
    }
    if out.stats.errors > 0 || cli::run::INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
        ExitCode::from(2)
    } else if out.stats.spam > 0 && !a.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules(dirs: &[std::path::PathBuf], export_literals: bool) -> ExitCode {
    let set = match spamscan::patterns::PatternSet::load(dirs) {
        Ok(s) => s,
        Err(e) => {
            warn!("spamscan: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let res = if export_literals {
        set.literals().try_for_each(|t| writeln!(out, "{t}"))
    } else {
        writeln!(out, "{:<28} {:<12} {:<5} {:>6} {:>8}  file", "rule", "category", "lang", "terms", "weight")
            .and_then(|_| {
                set.packs.iter().try_for_each(|p| {
                    writeln!(
                        out,
                        "{:<28} {:<12} {:<5} {:>6} {:>8.2}  {}",
                        p.rule,
                        p.category,
                        p.lang,
                        p.terms + p.patterns,
                        p.weight,
                        p.file.display()
                    )
                })
            })
    };
    match res.and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            warn!("spamscan: {e}");
            ExitCode::from(2)
        }
    }
}

/// Add the pack folders and the weights file to `builder` and build; on failure the message
/// is printed and the exit code returned.
fn build_engine(
    mut builder: EngineBuilder,
    patterns: &[std::path::PathBuf],
    weights: Option<&std::path::Path>,
) -> Result<spamscan::Engine, ExitCode> {
    for d in patterns {
        builder = builder.patterns_dir(d);
    }
    if let Some(w) = weights {
        match spamscan::tune::Weights::load(w) {
            Ok(w) => builder = builder.weights(w),
            Err(e) => {
                warn!("spamscan: {e}");
                return Err(ExitCode::from(2));
            }
        }
    }
    builder.build().map_err(|e| {
        warn!("spamscan: {e}");
        ExitCode::from(2)
    })
}
