//! Pattern packs: TOML data in, one compiled matcher out.
//!
//! All literal terms of all packs go into one Aho-Corasick automaton and all regular
//! expressions into one multi-pattern regex (`meta::Regex::new_many`, which reports positions
//! and pattern ids), both built once and shared by every scanner thread.
//!
//! Literal matching reports the *maximal* matches: every match that is not inside a longer
//! one. Where leftmost-longest would let `situs judi slot` hide the overlapping
//! `judi slot online`, both are reported; `slot` inside `slot gacor` is not.

mod builtin;
mod pack;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

/// Lazy-DFA cache per thread for the regex set. The default (2 MiB) is too small for the
/// bounded repetitions of the contact patterns over CJK text: the cache is cleared and its
/// states rebuilt over and over, which made determinisation the largest cost on such pages.
const REGEX_CACHE: usize = 16 << 20;

use crate::error::Error;
pub use builtin::BUILTIN;
pub use pack::{line_col, parse, PackFile, CATEGORIES};

/// A loaded pack's description.
#[derive(Debug, Clone)]
pub struct PackInfo {
    /// Pack id, e.g. `zh.escort`.
    pub id: String,
    /// Rule id of its hits, `terms.<id>`.
    pub rule: String,
    /// Spam category (see [`CATEGORIES`]).
    pub category: String,
    /// ISO 639-1 language code of the terms, or `mul`.
    pub lang: String,
    /// Default term weight.
    pub weight: f32,
    /// Where such spam is seen.
    pub source: String,
    /// The file it came from (`patterns/NAME.toml` for built-in packs).
    pub file: PathBuf,
    /// Number of literal terms.
    pub terms: usize,
    /// Number of regular expressions.
    pub patterns: usize,
}

/// One term or pattern.
#[derive(Debug, Clone)]
pub struct TermInfo {
    /// Index into [`PatternSet::packs`].
    pub pack: usize,
    /// Weight in (0, 1].
    pub weight: f32,
    /// The literal or the regular expression.
    pub text: String,
    /// A literal that starts (ends) with an ASCII letter or digit only matches where no ASCII
    /// letter or digit stands before (after) it.
    bounds: (bool, bool),
    /// An exclusion: matched to cancel the terms inside it, never reported.
    exclude: bool,
    /// A regular expression.
    regex: bool,
}

impl TermInfo {
    /// True for a `[[pattern]]` (regular expression), false for a literal.
    pub fn is_regex(&self) -> bool {
        self.regex
    }
}

/// A match: term id (index into [`PatternSet::terms`]) and byte range in the searched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`PatternSet::terms`].
    pub term: usize,
    /// Start offset in the searched (normalised) text.
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
}

/// Every pack compiled into one matcher. Immutable, `Send + Sync`, shared with `Arc`.
#[derive(Debug)]
pub struct PatternSet {
    /// The packs, in load order.
    pub packs: Vec<PackInfo>,
    /// Literal terms first, then regular expressions.
    pub terms: Vec<TermInfo>,
    literals: usize,
    /// FNV-1a hash of every pack id, term, pattern and weight: equal fingerprints, equal rules.
    pub fingerprint: u64,
    ac: Option<AhoCorasick>,
    /// One compiled regex per pattern, in pattern order. A multi-pattern set of hundreds of
    /// patterns with bounded repetitions made its lazy DFA thrash (seconds per megabyte); one
    /// small regex each, run only where its own prefix occurs, stays fast.
    res: Vec<Regex>,
    /// For each trigger in the term automaton (after the terms): the patterns it starts.
    triggers: Vec<Vec<usize>>,
    /// Patterns without a finite set of prefix literals: run over all text.
    ungated: Vec<usize>,
}

impl PatternSet {
    /// The built-in packs plus every `*.toml` in `extra_dirs` (a pack with the id of an
    /// earlier one replaces it).
    ///
    /// # Errors
    /// [`Error::Pack`] for the first broken pack, [`Error::Io`] for an unreadable directory or
    /// file.
    pub fn load(extra_dirs: &[PathBuf]) -> Result<PatternSet, Error> {
        let mut files: Vec<(PathBuf, PackFile)> = Vec::new();
        for (name, src) in BUILTIN {
            let path = Path::new("patterns").join(name);
            files.push((path.clone(), parse(&path, src)?));
        }
        for dir in extra_dirs {
            let io = |e| Error::Io { path: dir.display().to_string(), source: e };
            let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            paths.sort();
            for path in paths {
                let src = std::fs::read_to_string(&path)
                    .map_err(|e| Error::Io { path: path.display().to_string(), source: e })?;
                let pack = parse(&path, &src)?;
                files.retain(|(_, p)| p.pack.id.get_ref() != pack.pack.id.get_ref());
                files.push((path, pack));
            }
        }
        PatternSet::build(files)
    }

    /// Compile parsed packs.
    ///
    /// # Errors
    /// [`Error::Pack`] when the automaton or the regex set cannot be built (too large).
    pub fn build(files: Vec<(PathBuf, PackFile)>) -> Result<PatternSet, Error> {
        let mut packs = Vec::new();
        let mut literals = Vec::new();
        let mut regexes = Vec::new();
        for (file, p) in files {
            let idx = packs.len();
            let weight = *p.pack.weight.get_ref();
            packs.push(PackInfo {
                id: p.pack.id.get_ref().clone(),
                rule: format!("terms.{}", p.pack.id.get_ref()),
                category: p.pack.category.get_ref().clone(),
                lang: p.pack.lang.clone(),
                weight,
                source: p.pack.source.clone(),
                file,
                terms: p.term.len(),
                patterns: p.pattern.len(),
            });
            for t in p.term {
                let text = t.text.into_inner();
                let b = text.as_bytes();
                let bounds = (b[0].is_ascii_alphanumeric(), b[b.len() - 1].is_ascii_alphanumeric());
                literals.push(TermInfo {
                    pack: idx,
                    weight: t.weight.map_or(weight, |w| *w.get_ref()),
                    text,
                    bounds,
                    exclude: false,
                    regex: false,
                });
            }
            for x in p.exclude {
                let text = x.text.into_inner();
                let b = text.as_bytes();
                let bounds = (b[0].is_ascii_alphanumeric(), b[b.len() - 1].is_ascii_alphanumeric());
                literals.push(TermInfo { pack: idx, weight: 0.0, text, bounds, exclude: true, regex: false });
            }
            for r in p.pattern {
                let text = r.regex.into_inner();
                regexes.push(TermInfo {
                    pack: idx,
                    weight: r.weight.map_or(weight, |w| *w.get_ref()),
                    text,
                    bounds: (false, false),
                    exclude: false,
                    regex: true,
                });
            }
        }
        let fail =
            |message: String| Error::Pack { file: PathBuf::from("patterns"), line: 1, column: 1, message };
        // A pattern runs only where one of its prefix literals occurs, anchored there.
        let mut by_prefix: std::collections::BTreeMap<Vec<u8>, Vec<usize>> = Default::default();
        let mut ungated = Vec::new();
        for (i, r) in regexes.iter().enumerate() {
            match regex_triggers(std::slice::from_ref(r)) {
                Some(prefixes) => {
                    for p in prefixes {
                        by_prefix.entry(p).or_default().push(i);
                    }
                }
                None => ungated.push(i),
            }
        }
        let (triggers, trigger_patterns): (Vec<Vec<u8>>, Vec<Vec<usize>>) = by_prefix.into_iter().unzip();
        let ac = if literals.is_empty() && triggers.is_empty() {
            None
        } else {
            // A DFA is 1.3–3x faster than the NFA for packs of this size and small in memory
            // below some ten thousand terms; beyond that the contiguous NFA keeps memory flat.
            let n = literals.len() + triggers.len();
            let kind = if n <= 10_000 { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA };
            let terms = literals.iter().map(|t| t.text.as_bytes());
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(kind))
                    .build(terms.chain(triggers.iter().map(Vec::as_slice)))
                    .map_err(|e| fail(format!("cannot build the term automaton: {e}")))?,
            )
        };
        let res = regexes
            .iter()
            .map(|t| {
                // Searched anchored at a prefix found by the term automaton: no prefilter
                // to build, and the lazy DFA is enough (a full DFA or a one-pass DFA per
                // pattern cost more to build than they save).
                Regex::builder()
                    .configure(
                        Regex::config()
                            .hybrid_cache_capacity(REGEX_CACHE)
                            .auto_prefilter(false)
                            .dfa(false)
                            .onepass(false),
                    )
                    .build(&t.text)
                    .map_err(|e| fail(format!("cannot build pattern `{}`: {e}", t.text)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let n = literals.len();
        literals.extend(regexes);
        let mut h = Fnv::default();
        for t in &literals {
            h.write(packs[t.pack].id.as_bytes());
            h.write(t.text.as_bytes());
            h.write(&t.weight.to_bits().to_le_bytes());
            h.write(&[u8::from(t.exclude), u8::from(t.regex)]);
        }
        let fingerprint = h.0;
        Ok(PatternSet {
            packs,
            terms: literals,
            literals: n,
            fingerprint,
            ac,
            res,
            triggers: trigger_patterns,
            ungated,
        })
    }

    /// Call `f` for every match in `text` (normalised): maximal literal matches that
    /// respect word boundaries, in order of start, then regex matches. `buf` is scratch space.
    pub fn find(&self, text: &str, buf: &mut Vec<Hit>, f: impl FnMut(Hit)) {
        self.find_with(text, buf, |_| false, f)
    }

    /// As [`PatternSet::find`], with `boundary(pos)` telling where the text had a word
    /// boundary that normalisation hid: a change from lower to upper case (`stewQQ`).
    pub fn find_with(
        &self,
        text: &str,
        buf: &mut Vec<Hit>,
        boundary: impl Fn(usize) -> bool,
        mut f: impl FnMut(Hit),
    ) {
        let bytes = text.as_bytes();
        // (pattern, start) of every trigger occurrence.
        let mut starts: Vec<(usize, usize)> = Vec::new();
        if let Some(ac) = &self.ac {
            buf.clear();
            for m in ac.find_overlapping_iter(text) {
                let Some(t) = self.terms[..self.literals].get(m.pattern().as_usize()) else {
                    // A regex trigger, not a term: its patterns may match from here.
                    let trig = m.pattern().as_usize() - self.literals;
                    starts.extend(self.triggers[trig].iter().map(|&p| (p, m.start())));
                    continue;
                };
                if t.bounds.0
                    && m.start() > 0
                    && bytes[m.start() - 1].is_ascii_alphanumeric()
                    && !boundary(m.start())
                {
                    continue;
                }
                if t.bounds.1
                    && bytes.get(m.end()).is_some_and(u8::is_ascii_alphanumeric)
                    && !boundary(m.end())
                {
                    continue;
                }
                buf.push(Hit { term: m.pattern().as_usize(), start: m.start(), end: m.end() });
            }
            // Longest first among equal starts; then drop matches inside an earlier one.
            buf.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
            let mut reach = 0;
            for h in buf.iter() {
                if h.end > reach {
                    reach = h.end;
                    if !self.terms[h.term].exclude {
                        f(*h);
                    }
                }
            }
        }
        if starts.is_empty() && self.ungated.is_empty() {
            return;
        }
        let mut hits: Vec<Hit> = Vec::new();
        starts.sort_unstable();
        starts.dedup();
        // Each pattern's matches from its trigger positions, anchored, none inside an earlier
        // one of the same pattern (as a leftmost search through the text would give).
        let mut reach: (usize, usize) = (usize::MAX, 0);
        for &(p, at) in &starts {
            if reach.0 == p && at < reach.1 {
                continue;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            if let Some(m) = self.res[p].search(&input).filter(|m| !m.is_empty()) {
                hits.push(Hit { term: self.literals + p, start: m.start(), end: m.end() });
                reach = (p, m.end());
            }
        }
        for &p in &self.ungated {
            for m in self.res[p].find_iter(text) {
                if !m.is_empty() {
                    hits.push(Hit { term: self.literals + p, start: m.start(), end: m.end() });
                }
            }
        }
        hits.sort_unstable_by_key(|h| (h.start, h.term));
        for h in hits {
            f(h);
        }
    }

    /// The pack of term `term`.
    pub fn pack_of(&self, term: usize) -> &PackInfo {
        &self.packs[self.terms[term].pack]
    }

    /// The literal terms, one per entry (for baselines and users' own tooling).
    pub fn literals(&self) -> impl Iterator<Item = &str> {
        self.terms[..self.literals].iter().filter(|t| !t.exclude).map(|t| t.text.as_str())
    }
}

/// Byte strings one of which starts every match of every regex in `regexes`: the prefix
/// literals regex-syntax extracts (the same syntax the set is compiled with), cut to 8 bytes,
/// each kept only if no shorter one is a prefix of it. `None` when some pattern has no finite
/// set of prefixes of at least 2 bytes (an unbounded class at its start, `v` alone): the set
/// then runs on all text.
fn regex_triggers(regexes: &[TermInfo]) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut out: Vec<Vec<u8>> = Vec::new();
    for r in regexes {
        let hir = regex_syntax::Parser::new().parse(&r.text).ok()?;
        let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
        if seq.min_literal_len()? < 2 {
            return None;
        }
        for lit in seq.literals()? {
            let b = lit.as_bytes();
            out.push(b[..b.len().min(8)].to_vec());
        }
    }
    out.sort();
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(out.len());
    for lit in out {
        if !kept.last().is_some_and(|k| lit.starts_with(k)) {
            kept.push(lit);
        }
    }
    Some(kept)
}

/// 64-bit FNV-1a: a stable hash (std's is not stable across releases).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Shared handle.
pub type SharedPatterns = Arc<PatternSet>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_packs_load() {
        let set = PatternSet::load(&[]).unwrap();
        assert!(set.packs.len() >= 8);
        let ids: Vec<_> = set.packs.iter().map(|p| p.id.as_str()).collect();
        for want in ["zh.escort", "zh.gambling", "ja.counterfeit", "en.pharma"] {
            assert!(ids.contains(&want), "{want} in {ids:?}");
        }
    }

    #[test]
    fn boundaries_and_ids() {
        let set = PatternSet::load(&[]).unwrap();
        let mut hits = Vec::new();
        set.find("buy viagra online; xviagra; 爱上海龙凤419论坛", &mut Vec::new(), |h| {
            hits.push((set.terms[h.term].text.clone(), h.start))
        });
        assert!(hits.iter().any(|(t, s)| t.contains("viagra") && *s <= 4), "{hits:?}");
        assert!(!hits.iter().any(|(_, s)| *s == 20), "xviagra must not match: {hits:?}");
        assert!(hits.iter().any(|(t, _)| t.contains("龙凤419") || t.contains("爱上海")), "{hits:?}");
    }

    /// The regex set runs only where a trigger occurred: a pattern's prefix literals, cut to 8
    /// bytes and folded into the shortest; a pattern that can start with one byte turns the
    /// gate off (the set then runs everywhere), and matches are the same either way.
    #[test]
    fn regex_triggers_gate_the_set() {
        let term = |re: &str| TermInfo {
            pack: 0,
            weight: 1.0,
            text: re.to_string(),
            bounds: (false, false),
            exclude: false,
            regex: true,
        };
        let got = regex_triggers(&[
            term(r"(?-u:\b)(?:buy|order) (?:cheap|discount) pills"),
            term("qq[ 〓]*[0-9]{5}"),
        ]);
        let want: Vec<&[u8]> = vec![b"buy chea", b"buy disc", b"order ch", b"order di", b"qq"];
        assert_eq!(got.unwrap(), want);
        assert_eq!(regex_triggers(&[term("qq"), term("x+y")]), None);

        let pack = |re: &str| {
            let src = format!(
                "[pack]\nid = \"t\"\ncategory = \"pharma\"\nlang = \"en\"\nweight = 0.5\nsource = \"s\"\n\
                 [[pattern]]\nregex = '{re}'\n"
            );
            let pack = parse(Path::new("t.toml"), &src).unwrap();
            PatternSet::build(vec![(PathBuf::from("t.toml"), pack)]).unwrap()
        };
        let cases = [
            (pack(r"(?-u:\b)buy (?:cheap|discount) pills"), true, vec![3, 24]),
            (pack("[a-z]uy cheap pills"), false, vec![3]),
        ];
        for (set, gated, want) in cases {
            assert_eq!(set.ungated.is_empty(), gated);
            let mut got = Vec::new();
            set.find("we buy cheap pills, you buy discount pills", &mut Vec::new(), |h| got.push(h.start));
            assert_eq!(got, want, "gated {gated}");
            got.clear();
            set.find("nothing to see here", &mut Vec::new(), |h| got.push(h.start));
            assert!(got.is_empty());
        }
    }

    /// Every built-in pattern has prefix literals, so the regex set (which has no prefilter of
    /// its own) runs only where the term automaton found one.
    #[test]
    fn builtin_set_is_gated() {
        let set = PatternSet::load(&[]).unwrap();
        let ungated: Vec<String> = set.terms[set.literals..]
            .iter()
            // A prefix of digits alone (`[0-9]{2,4} ?fs`) would open the gate on every number.
            .filter(|t| {
                regex_triggers(std::slice::from_ref(*t))
                    .is_none_or(|p| p.iter().any(|p| p.iter().all(u8::is_ascii_digit)))
            })
            .map(|t| format!("{}: {}", set.packs[t.pack].id, t.text))
            .collect();
        assert!(
            set.ungated.is_empty() && ungated.is_empty(),
            "patterns without prefix literals: {ungated:#?}"
        );
    }

    #[test]
    fn maximal_matches_overlap() {
        let src =
            "[pack]\nid = \"t\"\ncategory = \"gambling\"\nlang = \"id\"\nweight = 0.5\nsource = \"s\"\n\
                   [[term]]\ntext = \"situs judi slot\"\n[[term]]\ntext = \"judi slot online\"\n\
                   [[term]]\ntext = \"slot\"\n[[term]]\ntext = \"slot gacor\"\n";
        let pack = parse(Path::new("t.toml"), src).unwrap();
        let set = PatternSet::build(vec![(PathBuf::from("t.toml"), pack)]).unwrap();
        let mut got = Vec::new();
        let text = "situs judi slot online dan slot gacor, slotting";
        set.find(text, &mut Vec::new(), |h| got.push(set.terms[h.term].text.clone()));
        assert_eq!(got, ["situs judi slot", "judi slot online", "slot gacor"]);

        let src = "[pack]\nid = \"z\"\ncategory = \"adult\"\nlang = \"zh\"\nweight = 0.5\nsource = \"s\"\n\
                   [[term]]\ntext = \"夜网\"\n[[exclude]]\ntext = \"昨夜网友\"\n";
        let pack = parse(Path::new("z.toml"), src).unwrap();
        let set = PatternSet::build(vec![(PathBuf::from("z.toml"), pack)]).unwrap();
        let mut got = Vec::new();
        set.find("昨夜网友说, 上海夜网", &mut Vec::new(), |h| {
            got.push((set.terms[h.term].text.clone(), h.start))
        });
        assert_eq!(got, [("夜网".to_string(), "昨夜网友说, 上海".len())]);
        assert_eq!(set.literals().collect::<Vec<_>>(), ["夜网"]);
    }

    #[test]
    fn extra_dir_replaces_pack() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.toml"),
            "[pack]\nid = \"zh.escort\"\ncategory = \"adult\"\nlang = \"zh\"\nweight = 0.5\nsource = \"test\"\n[[term]]\ntext = \"zzqq\"\n",
        )
        .unwrap();
        let set = PatternSet::load(&[dir.path().to_path_buf()]).unwrap();
        let esc: Vec<_> = set.packs.iter().filter(|p| p.id == "zh.escort").collect();
        assert_eq!(esc.len(), 1);
        assert_eq!(esc[0].terms, 1);
    }
}
