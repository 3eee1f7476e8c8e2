//! Obfuscation: text written so that filters cannot read it, which honest pages almost never
//! do. No vocabulary is needed, so a spam family no pack knows is still caught by its disguise.
//!
//! | rule | what |
//! |---|---|
//! | `obfuscation.mixed-script` | words mixing Latin, Cyrillic and Greek letters (`Вαc`, `мaлο`, `Hеllo` with a Cyrillic е) |
//! | `obfuscation.styled-letters` | words in mathematical, small-capital, enclosed, full-width (outside CJK pages) or Cherokee look-alike letters (`𝐅𝐑𝐄𝐄`, `ᴨᴩиʍᴇᴩ`) |
//! | `obfuscation.spaced-letters` | a phrase spelled out letter by letter (`R E C O V E R  M Y  F U N D S`) |
//! | `obfuscation.fullwidth-domain` | a domain written with an ideographic full stop or full-width letters (`ＡＢＣ７７７。ＣＯＭ`) |
//!
//! Every rule is read on the decoded text before normalisation, which folds these forms away.
//! One mixed word is a typo or a keyboard left in the wrong layout, so mixed-script words
//! count only from the second; a styled run needs [`STYLED_MIN`] styled letters.

use unicode_script::{Script, UnicodeScript};

use super::{push_evidence, Context, Evidence, Findings};

/// Weight of one mixed-script word (repeated ones decay, as every rule's do).
const MIXED_WEIGHT: f32 = 0.45;
/// Weight of a mixed-script word in a block where few words are mixed.
const MIXED_SPARSE_WEIGHT: f32 = 0.1;
/// Mixed words, and their share of a block's words (per cent), that make the block dense.
const MIXED_DENSE_MIN: usize = 3;
const MIXED_DENSE_PCT: usize = 15;
/// Mixed-script words a document needs before any counts.
const MIXED_MIN: usize = 2;
/// Weight of a run of styled letters.
const STYLED_WEIGHT: f32 = 0.5;
/// Styled letters a run needs.
const STYLED_MIN: usize = 5;
/// Weight of a phrase spelled out letter by letter.
const SPACED_WEIGHT: f32 = 0.4;
/// Letters a spelled-out phrase needs.
const SPACED_MIN: usize = 8;
/// Weight of a disguised domain.
const DOMAIN_WEIGHT: f32 = 0.6;

/// Run the obfuscation detectors over every block.
pub fn detect(ctx: &Context<'_>, out: &mut Findings) {
    let cjk_page =
        matches!(ctx.profile.dominant, Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul);
    let mut mixed: Vec<(usize, usize, usize)> = Vec::new();
    // Words of each block holding a mixed word.
    let mut block_words: Vec<(usize, usize)> = Vec::new();
    for (idx, b) in ctx.blocks.blocks.iter().enumerate() {
        let text = ctx.blocks.text_of(b);
        let ascii = text.is_ascii();
        if !ascii {
            // Cheap byte tests first: most blocks hold one script and no styled letters.
            let b = text.as_bytes();
            let latin = b.iter().any(u8::is_ascii_alphabetic);
            let greek = b.iter().any(|&x| matches!(x, 0xCE | 0xCF));
            let cyrillic = b.iter().any(|&x| matches!(x, 0xD0..=0xD4));
            if (greek || cyrillic) && (latin || (greek && cyrillic) || b.contains(&0xE1)) {
                let before = mixed.len();
                let mut words_in_block = 0;
                for (s, e) in words(text) {
                    words_in_block += 1;
                    // `\nНу`: an escape left in the text (a line break), not a letter of the word.
                    let s = if text[..s].ends_with('\\') { s + 1 } else { s };
                    if s < e && mixed_word(&text[s..e]) {
                        mixed.push((idx, s, e));
                    }
                }
                if mixed.len() > before {
                    block_words.push((idx, words_in_block));
                }
            }
            if text.chars().any(|c| styled(c, cjk_page)) {
                for (s, e, n) in styled_runs(text, cjk_page) {
                    let note = format!("{n} styled look-alike letters");
                    push(ctx, out, idx, (s, e), "obfuscation.styled-letters", STYLED_WEIGHT, note);
                }
            }
        }
        if let Some((s, e)) = may_be_spaced(text).then(|| spaced_letters(text)).flatten() {
            let note = "a phrase spelled out letter by letter".into();
            push(ctx, out, idx, (s, e), "obfuscation.spaced-letters", SPACED_WEIGHT, note);
        }
        if ascii {
            continue;
        }
        for (s, e) in disguised_domains(text) {
            push(
                ctx,
                out,
                idx,
                (s, e),
                "obfuscation.fullwidth-domain",
                DOMAIN_WEIGHT,
                "a domain written with an ideographic full stop or full-width letters".into(),
            );
        }
    }
    if mixed.len() >= MIXED_MIN {
        let n = mixed.len();
        for &(idx, s, e) in &mixed {
            // Spam written to pass a filter swaps letters throughout; a few swapped words in a
            // long comment thread weigh less.
            let in_block = mixed.iter().filter(|m| m.0 == idx).count();
            let words_in_block = block_words.iter().find(|w| w.0 == idx).map_or(1, |w| w.1.max(1));
            let dense = in_block >= MIXED_DENSE_MIN && in_block * 100 >= words_in_block * MIXED_DENSE_PCT;
            let weight = if dense { MIXED_WEIGHT } else { MIXED_SPARSE_WEIGHT };
            let note = format!(
                "letters of two scripts in one word ({n} such words, {in_block} of {words_in_block} words in this block)"
            );
            push(ctx, out, idx, (s, e), "obfuscation.mixed-script", weight, note);
        }
    }
}

fn push(
    ctx: &Context<'_>,
    out: &mut Findings,
    idx: usize,
    at: (usize, usize),
    rule: &'static str,
    weight: f32,
    note: String,
) {
    push_evidence(ctx, out, idx, at, Evidence { rule, category: "obfuscation", weight }, note);
}

/// Byte ranges of the words of `text`: maximal runs of letters and combining marks.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (s, _) = it.by_ref().find(|(_, c)| c.is_alphabetic())?;
        let mut e = s;
        while let Some(&(i, c)) = it.peek() {
            if !(c.is_alphabetic() || is_mark(c)) {
                break;
            }
            e = i + c.len_utf8();
            it.next();
        }
        Some((s, e.max(s + text[s..].chars().next().map_or(1, char::len_utf8))))
    })
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{483}'..='\u{489}')
}

/// The look-alike scripts spammers swap letters between.
fn lookalike_script(c: char) -> Option<Script> {
    match c.script() {
        s @ (Script::Latin | Script::Cyrillic | Script::Greek) => Some(s),
        _ => None,
    }
}

/// Letters of one script drawn like letters of another (Latin a c e o p x y and their Cyrillic
/// and Greek twins, Cyrillic ѕ і ј һ ԁ, Greek α ο ν ι κ τ): what spammers swap in.
fn homoglyph(c: char) -> bool {
    matches!(
        c,
        'a' | 'c' | 'e' | 'o' | 'p' | 'x' | 'y' | 'i' | 'j' | 's' | 'k'
            | 'A' | 'B' | 'C' | 'E' | 'H' | 'I' | 'J' | 'K' | 'M' | 'O' | 'P' | 'S' | 'T' | 'X' | 'Y'
            // Cyrillic
            | 'а' | 'с' | 'е' | 'о' | 'р' | 'х' | 'у' | 'ѕ' | 'і' | 'ј' | 'һ' | 'ԁ' | 'к' | 'м' | 'т' | 'в' | 'н' | 'п'
            | 'А' | 'В' | 'С' | 'Е' | 'Н' | 'І' | 'Ј' | 'К' | 'М' | 'О' | 'Р' | 'Ѕ' | 'Т' | 'Х' | 'У'
            // Greek
            | 'α' | 'ο' | 'ν' | 'ι' | 'κ' | 'τ' | 'ρ' | 'ε' | 'χ' | 'υ' | 'β'
            | 'Α' | 'Β' | 'Ε' | 'Η' | 'Ι' | 'Κ' | 'Μ' | 'Ν' | 'Ο' | 'Ρ' | 'Τ' | 'Χ' | 'Υ' | 'Ζ'
    )
}

/// A word of three or more letters mixing Latin, Cyrillic and Greek, where the letters of the
/// smaller script are look-alikes of the larger's and not only its first ones: `мaлο`, `Вαc`,
/// `thiѕ`; not `μm` (a unit), `RTД` (an abbreviation), `nНу` (an escaped line break).
fn mixed_word(word: &str) -> bool {
    let count = |s: Script| word.chars().filter(|c| c.is_alphabetic() && c.script() == s).count();
    let counts = [count(Script::Latin), count(Script::Cyrillic), count(Script::Greek)];
    let main =
        [Script::Latin, Script::Cyrillic, Script::Greek][(0..3).max_by_key(|&i| counts[i]).unwrap_or(0)];
    // The letters swapped in (not of the main script) must look like letters of it. A Latin
    // `i` in a Cyrillic word is how many Belarusian and Ukrainian keyboards type `і`.
    let swapped = |c: &char| c.is_alphabetic() && c.script() != main;
    let typed_i = |c: char| main == Script::Cyrillic && matches!(c, 'i' | 'I' | 'ï');
    if !word.chars().filter(swapped).all(|c| homoglyph(c) && !typed_i(c)) {
        return false;
    }
    let mut counts = [0usize; 3];
    let mut first = None;
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        let Some(s) = lookalike_script(c) else { return false };
        let i = match s {
            Script::Latin => 0,
            Script::Cyrillic => 1,
            _ => 2,
        };
        counts[i] += 1;
        first.get_or_insert(i);
    }
    let scripts = counts.iter().filter(|&&n| n > 0).count();
    if letters < 3 || scripts < 2 {
        return false;
    }
    // Scripts other than the first letter's must appear after it: a prefix (`μ` in `μm`,
    // `X` in `Xбокс`) is a unit or a name, not a swap.
    let first = first.unwrap_or(0);
    let mut seen_first = false;
    word.chars().filter(|c| c.is_alphabetic()).any(|c| {
        let i = match lookalike_script(c) {
            Some(Script::Latin) => 0,
            Some(Script::Cyrillic) => 1,
            _ => 2,
        };
        if i == first {
            seen_first = true;
            false
        } else {
            seen_first
        }
    }) && !single_prefix(word)
}

/// `μm`, `Ωcm`, `kΩ`: a single Greek letter before or after Latin ones is a unit symbol.
fn single_prefix(word: &str) -> bool {
    let greek = word.chars().filter(|&c| c.script() == Script::Greek).count();
    let others = word.chars().filter(|&c| c.script() == Script::Cyrillic).count();
    greek == 1 && others == 0 && word.chars().count() <= 4
}

/// A letter drawn in a style that NFKC folds to a plain one: mathematical alphanumerics,
/// small capitals, enclosed and squared letters, full-width letters outside CJK pages, and
/// Cherokee letters that look Latin or Cyrillic.
fn styled(c: char, cjk_page: bool) -> bool {
    match c {
        '\u{1D400}'..='\u{1D7FF}' => true, // 𝐀 𝑨 𝒜 𝔄 𝕬 𝖠 𝗔 𝘈 𝙰 …
        '\u{1D00}'..='\u{1D2B}' => true,   // ᴀ ᴄ ᴅ ᴇ … ᴨ ᴩ ᴦ ᴧ
        '\u{A730}'..='\u{A731}' => true,   // ꜰ ꜱ
        '\u{24B6}'..='\u{24E9}' => true,   // Ⓐ ⓐ
        '\u{1F130}'..='\u{1F189}' => true, // 🄰 🅐 🅰
        '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => !cjk_page, // Ａ ａ
        '\u{13A0}'..='\u{13F5}' => true,   // Ꭺ Ᏼ Ꮯ Ꮶ Ꮲ
        _ => false,
    }
}

/// Small capitals of the IPA block (`ʙ ʜ ɪ ʟ ɴ ʀ ʏ ʍ ɯ`): styled only beside other styled
/// letters in one word (alone they are phonetics).
fn ipa_small_cap(c: char) -> bool {
    matches!(
        c,
        '\u{0262}'
            | '\u{026A}'
            | '\u{0274}'
            | '\u{0276}'
            | '\u{0280}'
            | '\u{028F}'
            | '\u{0299}'
            | '\u{029C}'
            | '\u{029F}'
            | '\u{028D}'
            | '\u{026F}'
            | '\u{025C}'
            | '\u{0278}'
    )
}

/// Runs of words written largely in styled letters, with how many styled letters each has.
fn styled_runs(text: &str, cjk_page: bool) -> Vec<(usize, usize, usize)> {
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for (s, e) in words(text) {
        let w = &text[s..e];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let strong = w.chars().filter(|&c| styled(c, cjk_page)).count();
        if strong == 0 {
            continue;
        }
        let n = strong + w.chars().filter(|&c| ipa_small_cap(c)).count();
        // A lone styled symbol in a plain word (a unit, a variable) does not make a style.
        if n * 2 < letters && n < 3 {
            continue;
        }
        match runs.last_mut() {
            // Words of one styled phrase: only spaces and punctuation between them.
            Some(r) if text[r.1..s].chars().all(|c| !c.is_alphanumeric()) && s - r.1 <= 8 => {
                r.1 = e;
                r.2 += n;
            }
            _ => runs.push((s, e, n)),
        }
    }
    runs.retain(|r| r.2 >= STYLED_MIN);
    runs
}

/// Whether `text` has a single character between two spaces (`R E C`): the cheap test
/// before [`spaced_letters`].
fn may_be_spaced(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b' ', b).any(|i| {
        let rest = &text[i + 1..];
        let mut cs = rest.chars();
        matches!((cs.next(), cs.next()), (Some(c), Some(sep)) if c.is_alphabetic() && matches!(sep, ' ' | '.' | '-' | '*' | '_' | '·'))
    })
}

/// The first phrase of `text` spelled out letter by letter: [`SPACED_MIN`] or more single
/// letters, each followed by one separator (a space, `.`, `-`, `*`, `_`), words apart by up
/// to three spaces. Acronyms with dots (`U.S.A.`) are too short to count.
fn spaced_letters(text: &str) -> Option<(usize, usize)> {
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        // A phrase starts at a letter that ends no word.
        if i > 0 && b[i - 1].1.is_alphabetic() {
            i += 1;
            continue;
        }
        let mut letters = 0;
        let mut j = i;
        let mut end = b[i].0;
        while let Some(&(at, c)) = b.get(j) {
            if !c.is_alphabetic() {
                break;
            }
            // The letter must stand alone: no letter right after it.
            if b.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic()) {
                break;
            }
            letters += 1;
            end = at + c.len_utf8();
            // Separator(s) before the next letter.
            let mut k = j + 1;
            let sep = b.get(k).map(|&(_, c)| c);
            match sep {
                Some(' ') => {
                    let mut spaces = 0;
                    while b.get(k).is_some_and(|&(_, c)| c == ' ') && spaces < 4 {
                        k += 1;
                        spaces += 1;
                    }
                    if spaces > 3 {
                        break;
                    }
                }
                Some('.' | '-' | '*' | '_' | '·') => k += 1,
                _ => break,
            }
            if !b.get(k).is_some_and(|&(_, c)| c.is_alphabetic()) {
                break;
            }
            // A letter that starts a longer word ends the phrase.
            if b.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic()) {
                break;
            }
            j = k;
        }
        if letters >= SPACED_MIN && !alphabetical(&text[b[start].0..end]) {
            return Some((b[start].0, end));
        }
        i = j.max(i) + 1;
    }
    None
}

/// An index of letters (`A B C D … Z`): most neighbours follow each other in the alphabet.
fn alphabetical(phrase: &str) -> bool {
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    let steps = letters.windows(2).filter(|w| w[1] as u32 == w[0] as u32 + 1).count();
    steps * 2 >= letters.len().saturating_sub(1)
}

/// Top-level domains of disguised domains.
const TLDS: [&str; 16] = [
    "com", "net", "org", "cc", "vip", "top", "xyz", "info", "me", "co", "tv", "app", "club", "bet", "win",
    "io",
];

/// Domains written with an ideographic or full-width full stop (`abc777。com`), or in
/// full-width letters with any full stop (`ＡＢＣ７７７．ＣＯＭ`).
fn disguised_domains(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (dot, c) in text.char_indices() {
        let fullwidth_dot = matches!(c, '。' | '．' | '｡');
        if !(fullwidth_dot || c == '.') {
            continue;
        }
        let after = &text[dot + c.len_utf8()..];
        let tld_len: usize = after
            .chars()
            .take_while(|&c| c.is_ascii_alphanumeric() || is_fullwidth_alnum(c))
            .map(char::len_utf8)
            .sum();
        let tld: String = after[..tld_len].chars().map(fold_fullwidth).collect::<String>().to_lowercase();
        if !TLDS.contains(&tld.as_str()) {
            continue;
        }
        let before = &text[..dot];
        let name_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '-' || is_fullwidth_alnum(c))
            .last()
            .map(|(i, _)| i);
        let Some(name_start) = name_start else { continue };
        let name = &before[name_start..];
        let wide = name.chars().chain(after[..tld_len].chars()).any(is_fullwidth_alnum);
        if (fullwidth_dot || wide) && name.chars().count() >= 2 {
            out.push((name_start, dot + c.len_utf8() + tld_len));
        }
    }
    out
}

fn is_fullwidth_alnum(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

fn fold_fullwidth(c: char) -> char {
    if is_fullwidth_alnum(c) {
        char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_words() {
        assert!(mixed_word("мaлο")); // Cyrillic м л, Latin a, Greek ο
        assert!(mixed_word("Вαc"));
        assert!(mixed_word("Hеllo")); // Cyrillic е
        assert!(!mixed_word("μm"));
        assert!(!mixed_word("kΩ"));
        assert!(!mixed_word("Москва"));
        assert!(!mixed_word("hello"));
        assert!(!mixed_word("iPhone"));
        assert!(!mixed_word("ab")); // too short
        assert!(mixed_word("thiѕ")); // Cyrillic ѕ
        assert!(!mixed_word("RTД")); // Д looks like no Latin letter
        assert!(!mixed_word("nНу")); // Latin n looks like no Cyrillic letter
        assert!(!mixed_word("nпокупаєм"));
        assert!(!mixed_word("скiнчив")); // Ukrainian typed with a Latin i
    }

    #[test]
    fn styled_letters() {
        let t = "Get 𝐅𝐑𝐄𝐄 𝐌𝐎𝐍𝐄𝐘 now";
        let runs = styled_runs(t, false);
        assert_eq!(runs.len(), 1);
        assert_eq!(&t[runs[0].0..runs[0].1], "𝐅𝐑𝐄𝐄 𝐌𝐎𝐍𝐄𝐘");
        assert_eq!(runs[0].2, 9);
        // Small capitals with IPA small capitals among them.
        let t = "ᴨᴩиʍᴇᴩ ʙᴀᴧюᴛᴀ";
        assert_eq!(styled_runs(t, false).len(), 1);
        // Phonetics: IPA letters alone are not a style.
        assert!(styled_runs("English /ˈɪŋɡlɪʃ/ and /ʀ/", false).is_empty());
        // One variable in a formula is not a style.
        assert!(styled_runs("let 𝑥 be the mean", false).is_empty());
        // Full-width letters are ordinary in CJK pages.
        assert!(styled_runs("ＡＢＣＤＥＦ", true).is_empty());
        assert_eq!(styled_runs("ＡＢＣＤＥＦ", false).len(), 1);
    }

    #[test]
    fn spaced_phrases() {
        let t = "Please R E C O V E R  M Y  F U N D S today";
        let (s, e) = spaced_letters(t).unwrap();
        assert_eq!(&t[s..e], "R E C O V E R  M Y  F U N D S");
        assert!(spaced_letters("the U.S.A. and the U.K. agreed").is_none());
        assert!(spaced_letters("a b c d e").is_none());
        assert!(spaced_letters("Plan A or plan B").is_none());
        // An index of initials is not a disguise.
        assert!(spaced_letters("A B C D E F G H I J K L M N O P").is_none());
    }

    #[test]
    fn domains() {
        let t = "访问 abc777。com 立即注册";
        let d = disguised_domains(t);
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].0..d[0].1], "abc777。com");
        let t = "ＡＢＣ７７７．ＣＯＭ";
        assert_eq!(disguised_domains(t).len(), 1);
        // Plain domains and sentences ending before a word are not disguised.
        assert!(disguised_domains("see example.com for more").is_empty());
        assert!(disguised_domains("我们到了。com是什么").is_empty());
    }
}
