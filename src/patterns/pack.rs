//! The pattern-pack file format (TOML, see `patterns/SCHEMA.md`) and its checks.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::Error;

/// The spam categories a pack may belong to.
/// `scam`: fraud that asks for money or data (crypto recovery, investment and earn-money
/// offers, airdrops, job offers); `fraud`: forged papers sold (fake invoices, passports).
pub const CATEGORIES: [&str; 10] =
    ["adult", "gambling", "pharma", "counterfeit", "loan", "diploma", "contact", "casino", "scam", "fraud"];

/// A pack as written in its file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// The `[pack]` table.
    pub pack: PackHeader,
    /// Literal terms.
    #[serde(default)]
    pub term: Vec<TermEntry>,
    /// Regular expressions.
    #[serde(default)]
    pub pattern: Vec<PatternEntry>,
    /// Harmless longer words that contain a term (`昨夜网友` contains `夜网`): a term match
    /// inside one of these is no match.
    #[serde(default)]
    pub exclude: Vec<ExcludeEntry>,
}

/// An `[[exclude]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcludeEntry {
    /// The harmless word, in normalised form.
    pub text: Spanned<String>,
    /// Why it is harmless.
    #[serde(default)]
    pub note: Option<String>,
}

/// The `[pack]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    /// `<lang>.<category>`; the rule id is `terms.<id>`.
    pub id: Spanned<String>,
    /// One of [`CATEGORIES`].
    pub category: Spanned<String>,
    /// ISO 639-1 code of the terms, or `mul`.
    pub lang: String,
    /// Default term weight in (0, 1].
    pub weight: Spanned<f32>,
    /// Where such spam is seen.
    pub source: String,
    /// What the pack is for.
    #[serde(default)]
    pub note: Option<String>,
}

/// A `[[term]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// The literal, in normalised form.
    pub text: Spanned<String>,
    /// Weight in (0, 1]; the pack's when absent.
    #[serde(default)]
    pub weight: Option<Spanned<f32>>,
    /// Why the term is there.
    #[serde(default)]
    pub note: Option<String>,
}

/// A `[[pattern]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternEntry {
    /// The regular expression.
    pub regex: Spanned<String>,
    /// Weight in (0, 1]; the pack's when absent.
    #[serde(default)]
    pub weight: Option<Spanned<f32>>,
    /// Why the pattern is there.
    #[serde(default)]
    pub note: Option<String>,
}

/// Parse and check one pack. `name` is the file name used in messages.
///
/// # Errors
/// [`Error::Pack`] with the 1-based line and column of the first problem: TOML syntax, an
/// unknown field, a weight outside (0, 1], an unknown category, an empty or duplicate term,
/// or a term that is not in normalised form.
pub fn parse(name: &Path, src: &str) -> Result<PackFile, Error> {
    let at = |offset: usize, message: String| {
        let (line, column) = line_col(src, offset);
        Error::Pack { file: name.to_path_buf(), line, column, message }
    };
    let pack: PackFile = toml::from_str(src).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, e.message().trim().to_string())
    })?;
    let check_weight = |w: &Spanned<f32>| {
        let v = *w.get_ref();
        if !(v > 0.0 && v <= 1.0) {
            return Err(at(w.span().start, format!("weight {v} is outside (0, 1]")));
        }
        Ok(())
    };
    check_weight(&pack.pack.weight)?;
    let id = pack.pack.id.get_ref();
    if id.is_empty()
        || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Err(at(
            pack.pack.id.span().start,
            format!("pack id `{id}` must be lower-case ASCII, digits, '.' and '-'"),
        ));
    }
    let cat = pack.pack.category.get_ref();
    if !CATEGORIES.contains(&cat.as_str()) {
        return Err(at(
            pack.pack.category.span().start,
            format!("unknown category `{cat}` (one of {})", CATEGORIES.join(", ")),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    let mut norm = crate::normalize::Normalized::default();
    for t in &pack.term {
        if let Some(w) = &t.weight {
            check_weight(w)?;
        }
        let text = t.text.get_ref();
        let start = t.text.span().start;
        if text.trim().is_empty() {
            return Err(at(start, "empty term".into()));
        }
        norm.run(text);
        if norm.text != *text {
            return Err(at(start, format!("term `{text}` is not normalised: write `{}`", norm.text)));
        }
        if !seen.insert(text.as_str()) {
            return Err(at(start, format!("duplicate term `{text}`")));
        }
    }
    for x in &pack.exclude {
        let text = x.text.get_ref();
        norm.run(text);
        if text.trim().is_empty() || norm.text != *text {
            return Err(at(x.text.span().start, format!("exclude `{text}` is empty or not normalised")));
        }
        if !pack.term.iter().any(|t| text.contains(t.text.get_ref().as_str())) {
            return Err(at(x.text.span().start, format!("exclude `{text}` contains no term of this pack")));
        }
    }
    for p in &pack.pattern {
        if let Some(w) = &p.weight {
            check_weight(w)?;
        }
        // Parsing checks the syntax; compiling each pattern here as well cost as much as
        // building the whole pattern set (half of start-up), which compiles it anyway.
        if let Err(e) = regex_automata::util::syntax::parse(p.regex.get_ref()) {
            let why = last_line(&e.to_string());
            return Err(at(p.regex.span().start, format!("bad regex: {why}")));
        }
    }
    Ok(pack)
}

/// The last non-empty line of a multi-line message (regex-syntax puts the reason there).
fn last_line(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_string()
}

/// 1-based line and column of byte `offset` in `src` (for TOML error spans).
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = offset - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> String {
        parse(Path::new("p.toml"), src).unwrap_err().to_string()
    }

    const HEAD: &str =
        "[pack]\nid = \"x.y\"\ncategory = \"adult\"\nlang = \"zh\"\nweight = 0.5\nsource = \"s\"\n";

    #[test]
    fn diagnostics_have_positions() {
        assert_eq!(
            err(&format!("{HEAD}[[term]]\ntext = \"a\"\nweight = 1.5\n")),
            "p.toml:9:10: weight 1.5 is outside (0, 1]"
        );
        assert_eq!(
            err(&format!("{HEAD}[[term]]\ntext = \"Viagra\"\n")),
            "p.toml:8:8: term `Viagra` is not normalised: write `viagra`"
        );
        assert_eq!(
            err(&format!("{HEAD}[[term]]\ntext = \"a\"\n[[term]]\ntext = \"a\"\n")),
            "p.toml:10:8: duplicate term `a`"
        );
        assert_eq!(
            err(&format!("{HEAD}[[pattern]]\nregex = \"(\"\n")),
            "p.toml:8:9: bad regex: error: unclosed group"
        );
        assert!(err("[pack]\nid = \"x\"\nnope = 1\n").starts_with("p.toml:3:1: unknown field `nope`"));
        assert!(err("[pack\n").starts_with("p.toml:1:"));
        assert!(err(&HEAD.replace("adult", "spam")).starts_with("p.toml:3:12: unknown category `spam`"));
        assert_eq!(
            err(&format!("{HEAD}[[term]]\ntext = \"夜网\"\n[[exclude]]\ntext = \"昨夜\"\n")),
            "p.toml:10:8: exclude `昨夜` contains no term of this pack"
        );
    }

    #[test]
    fn good_pack() {
        let p = parse(Path::new("p.toml"), &format!("{HEAD}[[term]]\ntext = \"龙凤419\"\n[[pattern]]\nregex = 'qq[:：]?[0-9]{{5,}}'\nweight = 0.7\n")).unwrap();
        assert_eq!(p.term.len(), 1);
        assert_eq!(p.pattern.len(), 1);
    }
}
