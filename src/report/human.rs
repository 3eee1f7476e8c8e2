//! Human-readable output: a line per document, then one line per finding with its position,
//! rule, context and the flagged text highlighted in a short excerpt.

use std::io;

use termcolor::{Color, ColorSpec, WriteColor};

use super::{error_subject, Printer, Stats};
use crate::error::Error;
use crate::scan::Report;
use crate::score::Verdict;

/// Prints for people, in colour when the writer supports it.
pub struct Human<W: WriteColor> {
    out: W,
    documents: u64,
}

impl<W: WriteColor> Human<W> {
    /// Print to `out` (a `termcolor` writer; colour is its choice).
    pub fn new(out: W) -> Human<W> {
        Human { out, documents: 0 }
    }

    fn colored(&mut self, spec: &ColorSpec, s: &str) -> io::Result<()> {
        self.out.set_color(spec)?;
        write!(self.out, "{s}")?;
        self.out.reset()
    }
}

fn fg(c: Color, bold: bool) -> ColorSpec {
    let mut s = ColorSpec::new();
    s.set_fg(Some(c)).set_bold(bold);
    s
}

impl<W: WriteColor> Printer for Human<W> {
    fn report(&mut self, r: &Report) -> io::Result<()> {
        self.documents += 1;
        let name = match (r.origin.record, &r.origin.url) {
            (Some(rec), Some(url)) => format!("{}:{rec} ({url})", r.origin.path),
            (Some(rec), None) => format!("{}:{rec}", r.origin.path),
            _ => r.origin.path.clone(),
        };
        self.colored(&fg(Color::Magenta, true), &name)?;
        write!(self.out, ": ")?;
        let vc = match r.verdict {
            Verdict::Spam => fg(Color::Red, true),
            Verdict::Suspicious => fg(Color::Yellow, true),
            Verdict::Clean => fg(Color::Green, false),
        };
        self.colored(&vc, r.verdict.as_str())?;
        write!(self.out, " (score {:.2}", r.score)?;
        if let Some(l) = r.language {
            write!(self.out, ", language {l}")?;
        }
        if !r.findings.is_empty() {
            write!(
                self.out,
                ", {} finding{}",
                r.findings.len(),
                if r.findings.len() == 1 { "" } else { "s" }
            )?;
        }
        writeln!(self.out, ")")?;
        for l in &r.findings {
            let f = &l.finding;
            write!(self.out, "  {:>4}:{:<4} ", l.line, l.column)?;
            self.colored(&fg(Color::Cyan, false), &format!("{:<24}", f.rule))?;
            write!(self.out, " {:<9} ", f.context)?;
            if !l.before.is_empty() {
                write!(self.out, "…{}", l.before)?;
            }
            self.colored(&fg(Color::Red, true), &f.text.replace(['\n', '\r'], " "))?;
            if !l.after.is_empty() {
                write!(self.out, "{}…", l.after)?;
            }
            writeln!(self.out, "  [w {:.2}, +{:.2}]", f.weight, f.contribution)?;
        }
        Ok(())
    }

    fn error(&mut self, e: &Error) -> io::Result<()> {
        let (path, _) = error_subject(e);
        self.colored(&fg(Color::Magenta, true), &path)?;
        write!(self.out, ": ")?;
        self.colored(&fg(Color::Red, true), "error")?;
        writeln!(self.out, " ({e})")
    }

    fn finish(&mut self, s: &Stats, elapsed: std::time::Duration) -> io::Result<()> {
        if self.documents + s.errors > 1 {
            writeln!(
                self.out,
                "{} documents: {} spam, {} suspicious, {} clean, {} errors ({:.1} MB in {:.2} s)",
                s.documents,
                s.spam,
                s.suspicious,
                s.clean,
                s.errors,
                s.bytes as f64 / 1e6,
                elapsed.as_secs_f64()
            )?;
        }
        self.out.flush()
    }
}
