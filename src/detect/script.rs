//! Script islands: runs of a foreign script inside a document written in another.
//!
//! A run of letters whose Unicode Script is not native to the document's dominant script
//! (see [`crate::profile::is_native`]: Latin never counts as foreign) is an island. Digits
//! touching it and short gaps of spaces or punctuation between runs of the same script belong
//! to it. What makes an island look injected, each adding to its weight:
//! glued to the start or end of a block of native text, mixed with digits (`爱上海419`),
//! in metadata (title, meta, byline), repeated with variations across blocks, hidden.
//! What makes it honest, and so no finding: a gloss in brackets (`Shanghai (上海)`), text
//! inside an element with its own `lang` or a language-switcher link (`hreflang`); and much
//! less weight: a quotation, a long sentence, a page that is bilingual.

use std::collections::HashMap;

use unicode_script::Script;

use super::{Context, Finding, Findings};
use crate::extract::BlockKind;
use crate::profile::{is_native, script_class};

/// Base weight of any island.
const BASE: f32 = 0.1;
/// Added when the island is glued (white space only between) to the start or end of a
/// heading, paragraph, line or byline of native text.
const GLUED: f32 = 0.15;
/// Added when digits are part of the island.
const DIGITS: f32 = 0.3;
/// Added in title, meta fields and bylines.
const METADATA: f32 = 0.1;
/// Added when islands of other blocks share a pair of characters with it.
const REPEATED: f32 = 0.1;
/// Added in a hidden block.
const HIDDEN: f32 = 0.1;
/// Highest weight of one island.
const MAX: f32 = 0.85;
/// Gap of neutral characters (space, punctuation) that still joins two runs of one script.
const MAX_GAP: usize = 3;
/// Islands in this many different foreign scripts make a language list or a multilingual
/// page, not an injection.
const MANY_SCRIPTS: usize = 2;
/// Share of the body's letters in one foreign script that makes a page bilingual.
const BILINGUAL: f32 = 0.2;
/// This many islands make a bilingual page.
const MANY_ISLANDS: usize = 10;

#[derive(Debug)]
struct Island {
    block: usize,
    script: Script,
    start: usize,
    end: usize,
    letters: usize,
    digits: bool,
    spaced: bool,
}

/// Run the island detector.
pub fn detect(ctx: &Context<'_>, out: &mut Findings) {
    let dominant = ctx.profile.dominant;
    let mut found = Vec::new();
    for (idx, b) in ctx.blocks.blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::Meta(_) | BlockKind::Title) && meta_mismatched(ctx, idx) {
            continue; // reported whole by meta.script-mismatch
        }
        find_islands(idx, ctx.blocks.text_of(b), dominant, &mut found);
    }
    let islands: Vec<Island> = found.into_iter().filter(|isl| !excused(ctx, isl)).collect();
    if islands.is_empty() {
        return;
    }
    let repeats = repeated(ctx, &islands);
    let mut scripts: Vec<Script> = islands.iter().map(|i| i.script).collect();
    scripts.sort_by_key(|s| s.full_name());
    scripts.dedup();
    let many_scripts = scripts.len() >= MANY_SCRIPTS;
    let many = islands.len() >= MANY_ISLANDS;
    // A page with much text in the island's script is bilingual, not injected.
    let share = |s: Script| {
        let n: usize = ctx.profile.histogram.iter().filter(|h| h.0 == s).map(|h| h.1).sum();
        n as f32 / ctx.profile.letters.max(1) as f32
    };
    for (i, isl) in islands.iter().enumerate() {
        let b = &ctx.blocks.blocks[isl.block];
        let text = ctx.blocks.text_of(b);
        let before = &text[..isl.start];
        let after = &text[isl.end..];
        let open = before.trim_end().chars().next_back();
        let close = after.trim_start().chars().next();
        let quoted = matches!(open, Some('"' | '“' | '«' | '„' | '‘' | '\'' | '‹' | '「'))
            || matches!(close, Some('"' | '”' | '»' | '’' | '\'' | '›'));
        let prose = matches!(
            b.kind,
            BlockKind::Heading
                | BlockKind::Paragraph
                | BlockKind::Line
                | BlockKind::Byline
                | BlockKind::Title
        );
        let glued = prose
            && !quoted
            && ((before.trim().is_empty() && glued_by_space(after) && has_native(after, dominant))
                || (after.trim().is_empty() && glued_by_space_rev(before) && has_native(before, dominant)));
        let mut w = BASE;
        let mut why: Vec<&str> = Vec::new();
        if glued {
            w += GLUED;
            why.push(if before.trim().is_empty() { "glued to block start" } else { "glued to block end" });
        }
        if isl.digits {
            w += DIGITS;
            why.push("mixed with digits");
        }
        if b.kind.is_metadata() {
            w += METADATA;
            why.push("in metadata");
        }
        if repeats[i] {
            w += REPEATED;
            why.push("repeated across blocks");
        }
        if b.hidden.is_some() {
            w += HIDDEN;
            why.push("hidden");
        }
        let mut damp = |factor: f32, reason: &'static str| {
            w *= factor;
            why.push(reason);
        };
        if quoted {
            damp(0.3, "quoted");
        }
        if !isl.digits && translated(after, dominant) {
            damp(0.5, "followed by a translation");
        }
        if isl.spaced && isl.letters >= 25 && !b.kind.is_metadata() {
            damp(0.5, "sentence-length");
        }
        if !isl.digits {
            if many_scripts {
                damp(0.4, "several foreign scripts on the page");
            } else if many {
                damp(0.5, "many islands: bilingual page");
            }
        }
        let sh = share(isl.script);
        if sh >= BILINGUAL && !isl.digits {
            continue; // a bilingual page: its second script is not an island
        } else if sh >= 0.08 {
            damp(0.6, "much text in this script");
        }
        if b.kind == BlockKind::Code {
            damp(0.5, "code");
        }
        let w = w.min(MAX);
        let context = ctx.context(isl.block, isl.start, isl.end);
        out.push(Finding {
            rule: "script.island".into(),
            category: "script".into(),
            weight: w,
            contribution: 0.0,
            weak: false,
            span: ctx.span(b, isl.start, isl.end),
            text: ctx.flagged(b, isl.start, isl.end),
            context,
            block: isl.block,
            block_range: (isl.start, isl.end),
            note: format!(
                "{} in a {} page{}{}",
                isl.script.full_name(),
                dominant.full_name(),
                if why.is_empty() { "" } else { ": " },
                why.join(", ")
            ),
        });
    }
}

/// Islands that are foreign on purpose: glosses in brackets (either way round:
/// `Shanghai (上海)`, `出塚水産 (Dezuka Suisan)`), text in an element with its own `lang`,
/// language-switcher links, and single letters.
fn excused(ctx: &Context<'_>, isl: &Island) -> bool {
    let b = &ctx.blocks.blocks[isl.block];
    let text = ctx.blocks.text_of(b);
    let (gs, ge) = (b.text.start + isl.start, b.text.start + isl.end);
    if ctx.blocks.lang_spans.iter().any(|r| r.start <= gs && ge <= r.end) {
        return true;
    }
    if ctx.blocks.links.iter().any(|l| l.lang_tagged && l.text.start <= gs && ge <= l.text.end) {
        return true;
    }
    if isl.letters < 2 && !isl.digits {
        return true;
    }
    if is_endonym(text[isl.start..isl.end].trim()) {
        return true;
    }
    let opening = |c: char| matches!(c, '(' | '（' | '[' | '［' | '【' | '「' | '『' | '〔');
    let closing = |c: char| matches!(c, ')' | '）' | ']' | '］' | '】' | '」' | '』' | '〕');
    let is_bracket = |c: &char| opening(*c) || closing(*c);
    // Inside brackets: the nearest bracket before opens, the nearest after closes.
    let mut from = isl.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (isl.end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let (before, after) = (&text[from..isl.start], &text[isl.end..to]);
    let inside = before.chars().rev().find(is_bracket).is_some_and(opening)
        && after.chars().find(is_bracket).is_some_and(closing);
    // Followed by a bracketed reading or translation: `出塚水産 (Dezuka Suisan)`.
    let glossed = text[isl.end..].trim_start().chars().next().is_some_and(opening);
    inside || (glossed && !isl.digits)
}

/// Native names of languages, as language menus list them.
fn is_endonym(s: &str) -> bool {
    const NAMES: &[&str] = &[
        "中文",
        "简体中文",
        "繁體中文",
        "繁体中文",
        "简体",
        "繁體",
        "日本語",
        "한국어",
        "조선말",
        "Русский",
        "Українська",
        "Български",
        "Беларуская",
        "Српски",
        "Македонски",
        "Қазақ тілі",
        "Монгол",
        "Ελληνικά",
        "العربية",
        "فارسی",
        "دری",
        "پښتو",
        "اردو",
        "עברית",
        "ייִדיש",
        "हिन्दी",
        "বাংলা",
        "ਪੰਜਾਬੀ",
        "ગુજરાતી",
        "தமிழ்",
        "తెలుగు",
        "ಕನ್ನಡ",
        "മലയാളം",
        "मराठी",
        "नेपाली",
        "සිංහල",
        "ไทย",
        "ລາວ",
        "ខ្មែរ",
        "မြန်မာ",
        "ქართული",
        "Հայերեն",
        "አማርኛ",
        "ትግርኛ",
        "Кыргызча",
        "Тоҷикӣ",
        "Татарча",
        "Ўзбекча",
        "Azərbaycanca",
    ];
    NAMES.contains(&s)
}

/// The text after an island is a separator (`|`, `-`, `–`, `/`, `:`) and then native text:
/// `僕のヒーローアカデミア | Boku no Hero Academia`.
fn translated(after: &str, dominant: Script) -> bool {
    let t = after.trim_start();
    let Some(sep) = t.chars().next() else {
        return false;
    };
    matches!(sep, '|' | '-' | '–' | '—' | '/' | ':' | '：') && has_native(&t[sep.len_utf8()..], dominant)
}

/// The text after an island goes on, after white space or nothing, with a letter or digit.
fn glued_by_space(after: &str) -> bool {
    after.trim_start().chars().next().is_some_and(char::is_alphanumeric)
}

/// The text before an island ends, before white space or nothing, with a letter, digit or
/// the end of a sentence.
fn glued_by_space_rev(before: &str) -> bool {
    before.trim_end().chars().next_back().is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '!' | '?'))
}

fn meta_mismatched(ctx: &Context<'_>, idx: usize) -> bool {
    super::meta::foreign_share(ctx.blocks.text_of(&ctx.blocks.blocks[idx]), ctx.profile.dominant).is_some()
}

fn has_native(s: &str, dominant: Script) -> bool {
    s.chars().any(|c| script_class(c).is_some_and(|x| x == dominant))
}

fn find_islands(block: usize, text: &str, dominant: Script, out: &mut Vec<Island>) {
    if text.is_ascii() {
        return; // Latin is native everywhere: no island in ASCII text
    }
    let mut cur: Option<Island> = None;
    let mut gap = 0usize; // neutral chars since the island's last letter or digit
    let mut digit_run: Option<usize> = None; // start of the digits just before this char
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let class = script_class(c);
        match class {
            Some(s) if !is_native(s, dominant) => {
                match &mut cur {
                    Some(isl) if isl.script == s && gap <= MAX_GAP => {
                        if gap > 0 {
                            isl.spaced = true;
                        }
                        isl.end = end;
                        isl.letters += 1;
                    }
                    _ => {
                        if let Some(done) = cur.take() {
                            out.push(done);
                        }
                        let start = digit_run.unwrap_or(i);
                        cur = Some(Island {
                            block,
                            script: s,
                            start,
                            end,
                            letters: 1,
                            digits: digit_run.is_some(),
                            spaced: false,
                        });
                    }
                }
                gap = 0;
                digit_run = None;
            }
            Some(_) => {
                if let Some(done) = cur.take() {
                    out.push(done);
                }
                gap = 0;
                digit_run = None;
            }
            None if c.is_ascii_digit() => {
                if let Some(isl) = &mut cur {
                    if gap == 0 {
                        isl.end = end;
                        isl.digits = true;
                        continue;
                    }
                }
                if digit_run.is_none() {
                    digit_run = Some(i);
                }
                gap += 1;
            }
            None => {
                digit_run = None;
                gap += 1;
                if gap > MAX_GAP {
                    if let Some(done) = cur.take() {
                        out.push(done);
                    }
                }
            }
        }
    }
    if let Some(done) = cur.take() {
        out.push(done);
    }
}

/// For each island: do islands of at least one other block share a pair of its letters?
fn repeated(ctx: &Context<'_>, islands: &[Island]) -> Vec<bool> {
    let mut seen: HashMap<(char, char), Vec<usize>> = HashMap::new();
    let pairs = |isl: &Island| {
        let b = &ctx.blocks.blocks[isl.block];
        let t = &ctx.blocks.text_of(b)[isl.start..isl.end];
        let letters: Vec<char> = t.chars().filter(|c| script_class(*c).is_some()).collect();
        letters.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
    };
    for isl in islands {
        for p in pairs(isl) {
            let blocks = seen.entry(p).or_default();
            if !blocks.contains(&isl.block) {
                blocks.push(isl.block);
            }
        }
    }
    islands.iter().map(|isl| pairs(isl).iter().any(|p| seen.get(p).is_some_and(|b| b.len() >= 2))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn islands(text: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        find_islands(0, text, Script::Latin, &mut out);
        out.iter().map(|i| (text[i.start..i.end].to_string(), i.digits)).collect()
    }

    #[test]
    fn runs() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("爱上海同城419 AI Capital", &[("爱上海同城419", true)]),
            ("🔖 爱上海龙凤419论坛 📢0", &[("爱上海龙凤419论坛", true)]),
            ("419论坛 x", &[("419论坛", true)]),
            ("Shanghai (上海) and Pudong (浦东)", &[("上海", false), ("浦东", false)]),
            ("keywords: 爱上海, 上海夜网", &[("爱上海, 上海夜网", false)]),
            ("He said: Я просто не увидел", &[("Я просто не увидел", false)]),
            ("plain English 2024", &[]),
        ];
        for (text, want) in cases {
            let got = islands(text);
            let want: Vec<(String, bool)> = want.iter().map(|(s, d)| (s.to_string(), *d)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
