//! Human-readable output: a line per document, then one line per finding with its position,
//! rule, context and the flagged text highlighted in a short excerpt.

use std::io::{self, Write};

use termcolor::{Color, ColorSpec, WriteColor};

use super::{Printer, Summary};
use crate::error::Error;
use crate::scan::Report;
use crate::score::Verdict;
use crate::source::Origin;

/// Prints for people, in colour when the writer supports it; the summary goes to a writer
/// of its own (stderr in the CLI), or nowhere.
pub struct Human<W: WriteColor> {
    out: W,
    summary: Option<Box<dyn Write + Send>>,
}

impl<W: WriteColor> Human<W> {
    /// Print reports to `out` (a `termcolor` writer; colour is its choice) and the summary
    /// to `summary`.
    pub fn new(out: W, summary: Option<Box<dyn Write + Send>>) -> Human<W> {
        Human { out, summary }
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
        // Truncated, not rounded: 0.996 must not read as 1.00 beside a verdict below it.
        write!(self.out, " (score {:.2}", (r.score * 100.0).floor() / 100.0)?;
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
        if r.dropped > 0 {
            write!(self.out, ", {} more over the caps", r.dropped)?;
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

    fn error(&mut self, _: &Error) -> io::Result<()> {
        // The CLI reports every error on stderr already; people read one copy.
        Ok(())
    }

    fn skipped(&mut self, o: &Origin, reason: &str) -> io::Result<()> {
        let name = o.record.map_or(o.path.clone(), |r| format!("{}:{r}", o.path));
        self.colored(&fg(Color::Magenta, true), &name)?;
        writeln!(self.out, ": skipped ({reason})")
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        self.out.flush()?;
        let Some(w) = self.summary.as_mut() else { return Ok(()) };
        let t = &s.stats;
        for f in &s.files {
            let c = &f.stats;
            writeln!(
                w,
                "{}: {} documents: {} spam, {} suspicious, {} clean, {} skipped, {} errors",
                f.path, c.documents, c.spam, c.suspicious, c.clean, c.skipped, c.errors
            )?;
        }
        writeln!(
            w,
            "{} document{}: {} spam, {} suspicious, {} clean; {} skipped, {} errors; {:.1} MB in {:.2} s ({:.1} MB/s){}",
            t.documents,
            if t.documents == 1 { "" } else { "s" },
            t.spam,
            t.suspicious,
            t.clean,
            t.skipped,
            t.errors,
            t.bytes as f64 / 1e6,
            s.elapsed_ms as f64 / 1e3,
            s.mb_per_s,
            if s.interrupted { "; interrupted" } else { "" }
        )?;
        writeln!(w, "spamscan {}, packs {}", s.version, s.packs)?;
        w.flush()
    }
}
