//! Drive a scan: inputs in order, one scanner, one printer.

use std::io::{self, IsTerminal};
use std::time::Instant;

use spamscan::report::{Human, JsonLines, Printer, Stats};
use spamscan::{Engine, Input, InputFormat, SourceOptions};
use termcolor::{BufferedStandardStream, ColorChoice};

use super::args::{ColorWhen, InputKind, OutputFormat, ScanArgs};

/// How a run ended.
pub struct Outcome {
    /// Counts.
    pub stats: Stats,
    /// The output pipe was closed by the reader.
    pub broken_pipe: bool,
}

pub fn source_options(a: &ScanArgs) -> SourceOptions {
    let mut id_fields = vec!["url".to_string(), "id".to_string()];
    if let Some(f) = &a.id_field {
        id_fields.insert(0, f.clone());
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
    }
}

fn color_choice(when: ColorWhen) -> ColorChoice {
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
            if io::stdout().is_terminal() && !no_color && !dumb {
                ColorChoice::Always
            } else {
                ColorChoice::Never
            }
        }
    }
}

/// Scan `paths` (stdin when empty) with `engine`, printing as `args` says.
pub fn run(engine: &Engine, paths: &[String], args: &ScanArgs) -> Outcome {
    let start = Instant::now();
    let opts = source_options(args);
    let mut printer: Box<dyn Printer> = match args.format {
        OutputFormat::Jsonl => {
            Box::new(JsonLines::new(io::BufWriter::with_capacity(64 << 10, io::stdout().lock()), true))
        }
        OutputFormat::Human => Box::new(Human::new(BufferedStandardStream::stdout(color_choice(args.color)))),
    };
    let stdin = ["-".to_string()];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    let mut stats = Stats::default();
    let mut scanner = engine.scanner();
    let mut result = Ok(());
    'inputs: for path in paths {
        let input = match Input::open(path, &opts) {
            Ok(i) => i,
            Err(e) => {
                stats.errors += 1;
                eprintln!("spamscan: {e}");
                result = printer.error(&e);
                if result.is_err() {
                    break;
                }
                continue;
            }
        };
        for doc in input {
            result = match doc {
                Ok(d) => {
                    let r = scanner.scan(&d);
                    stats.add(&r);
                    printer.report(&r)
                }
                Err(e) => {
                    stats.errors += 1;
                    eprintln!("spamscan: {e}");
                    printer.error(&e)
                }
            };
            if result.is_err() {
                break 'inputs;
            }
        }
    }
    if result.is_ok() {
        result = printer.finish(&stats, start.elapsed());
    }
    let broken_pipe = match result {
        Ok(()) => false,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            eprintln!("spamscan: writing output: {e}");
            stats.errors += 1;
            false
        }
    };
    Outcome { stats, broken_pipe }
}
