//! Profile: the document's script histogram, dominant script and language, from a bounded
//! sample of its visible body text.

use unicode_script::{Script, UnicodeScript};

use crate::extract::{BlockKind, Blocks};

/// Bytes of body text given to language identification (whatlang costs ~35 µs per 100 B and
/// gains little past a few KiB).
const LID_SAMPLE: usize = 512;

/// The script class of a letter: its Unicode Script, with Hiragana, Katakana and Bopomofo
/// counted as Han (Japanese and Chinese text mix them). `None` for Common and Inherited
/// characters (digits, punctuation, symbols, combining marks). ASCII takes a fast path.
#[inline]
pub fn script_class(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    // The big blocks of one script, without the Unicode table's binary search.
    match c {
        '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' => {
            return Some(Script::Han)
        }
        '\u{AC00}'..='\u{D7A3}' => return Some(Script::Hangul),
        '\u{0410}'..='\u{044F}' => return Some(Script::Cyrillic),
        '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}' => {
            return Some(Script::Latin)
        }
        _ => {}
    }
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        Script::Hiragana | Script::Katakana | Script::Bopomofo => Some(Script::Han),
        s => Some(s),
    }
}

/// Whether text in script `s` is ordinary inside a document whose dominant script is
/// `dominant`: the same script, Latin anywhere (brand names, URLs, code), Han in Korean text.
pub fn is_native(s: Script, dominant: Script) -> bool {
    s == dominant || s == Script::Latin || (dominant == Script::Hangul && s == Script::Han)
}

/// What the document is written in.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The script with the most letters in the visible body (Latin when there are none).
    pub dominant: Script,
    /// Letters per script class in the visible body, most first.
    pub histogram: Vec<(Script, usize)>,
    /// ISO 639-1 code of the body language (639-3 where no 639-1 code exists).
    pub lang: Option<&'static str>,
    /// whatlang's confidence in [0, 1].
    pub confidence: f64,
    /// whatlang found the guess reliable and the sample was long enough.
    pub reliable: bool,
    /// Letters in the visible body.
    pub letters: usize,
}

impl Profile {
    /// Profile the visible body blocks of `blocks`.
    pub fn of(blocks: &Blocks) -> Profile {
        let body = |k: BlockKind| {
            matches!(k, BlockKind::Paragraph | BlockKind::Heading | BlockKind::ListItem | BlockKind::Line)
        };
        let mut hist: Vec<(Script, usize)> = Vec::new();
        let mut letters = 0;
        let count = |text: &str, hist: &mut Vec<(Script, usize)>, letters: &mut usize| {
            let mut add = |s: Script, n: usize| {
                *letters += n;
                match hist.iter_mut().find(|(x, _)| *x == s) {
                    Some(e) => e.1 += n,
                    None => hist.push((s, n)),
                }
            };
            if text.is_ascii() {
                let n = text.bytes().filter(u8::is_ascii_alphabetic).count();
                if n > 0 {
                    add(Script::Latin, n);
                }
                return;
            }
            // Letters come in runs of one script: count a run, then add it.
            let mut run: Option<(Script, usize)> = None;
            for c in text.chars() {
                let Some(s) = script_class(c) else { continue };
                match &mut run {
                    Some((r, n)) if *r == s => *n += 1,
                    _ => {
                        if let Some((r, n)) = run.replace((s, 1)) {
                            add(r, n);
                        }
                    }
                }
            }
            if let Some((r, n)) = run {
                add(r, n);
            }
        };
        for b in blocks.blocks.iter().filter(|b| b.hidden.is_none() && body(b.kind)) {
            count(blocks.text_of(b), &mut hist, &mut letters);
        }
        if letters == 0 {
            for b in &blocks.blocks {
                count(blocks.text_of(b), &mut hist, &mut letters);
            }
        }
        hist.sort_by_key(|h| std::cmp::Reverse(h.1));
        let dominant = hist.first().map_or(Script::Latin, |h| h.0);

        let mut sample = String::with_capacity(LID_SAMPLE);
        for pass in 0..2 {
            for b in blocks.blocks.iter().filter(|b| b.hidden.is_none() && body(b.kind)) {
                let t = blocks.text_of(b).trim();
                // Long blocks first: menus and captions are poor samples.
                if (pass == 0) != (t.len() >= 80) {
                    continue;
                }
                if sample.len() + t.len() + 1 > LID_SAMPLE {
                    let room = LID_SAMPLE.saturating_sub(sample.len());
                    let cut = t.char_indices().map(|(i, _)| i).take_while(|&i| i <= room).last().unwrap_or(0);
                    sample.push_str(&t[..cut]);
                    break;
                }
                sample.push_str(t);
                sample.push('\n');
            }
        }
        let info = detector().detect(&sample);
        let (lang, confidence, reliable) = match info {
            Some(i) => (Some(iso639_1(i.lang())), i.confidence(), i.is_reliable() && sample.len() >= 200),
            None => (None, 0.0, false),
        };
        Profile { dominant, histogram: hist, lang, confidence, reliable, letters }
    }
}

/// whatlang without its rarest languages (Akan, Zulu, Shona, Turkmen, …): its cost grows with
/// the number of candidate languages of a script, and it is the largest per-document cost on
/// short pages. Built once.
fn detector() -> &'static whatlang::Detector {
    use whatlang::Lang::*;
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(vec![
            Eng, Deu, Fra, Spa, Por, Ita, Nld, Pol, Ind, Tur, Vie, Swe, Dan, Nob, Fin, Ces, Slk, Hun, Ron,
            Hrv, Cat, Tgl, Rus, Ukr, Bul, Srp, Bel, Cmn, Jpn, Kor, Ara, Pes, Urd, Heb, Hin, Ben, Tha, Ell,
            Afr, Aze, Cym, Epo, Est, Lat, Lit, Lav, Mkd, Mar, Nep, Slv, Uzb, Jav,
        ])
    })
}

/// ISO 639-1 code of a whatlang language (639-3 where there is no two-letter code).
pub fn iso639_1(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match l {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast ranges agree with the Unicode Script property.
    #[test]
    fn script_class_fast_ranges() {
        let ranges = [
            (0x4E00, 0x9FFF),
            (0x3041, 0x3096),
            (0x30A1, 0x30FA),
            (0xAC00, 0xD7A3),
            (0x0410, 0x044F),
            (0x00C0, 0x024F),
        ];
        for (lo, hi) in ranges {
            for c in (lo..=hi).filter_map(char::from_u32) {
                let slow = match c.script() {
                    Script::Common | Script::Inherited | Script::Unknown => None,
                    Script::Hiragana | Script::Katakana | Script::Bopomofo => Some(Script::Han),
                    s => Some(s),
                };
                assert_eq!(script_class(c), slow, "{c:?}");
            }
        }
    }
    use crate::extract::extract_text;

    #[test]
    fn classes() {
        assert_eq!(script_class('a'), Some(Script::Latin));
        assert_eq!(script_class('4'), None);
        assert_eq!(script_class('爱'), Some(Script::Han));
        assert_eq!(script_class('コ'), Some(Script::Han));
        assert_eq!(script_class('한'), Some(Script::Hangul));
        assert_eq!(script_class('Я'), Some(Script::Cyrillic));
        assert_eq!(script_class('é'), Some(Script::Latin));
        assert!(is_native(Script::Latin, Script::Han));
        assert!(!is_native(Script::Han, Script::Latin));
        assert!(is_native(Script::Han, Script::Hangul));
    }

    #[test]
    fn english_with_island() {
        let mut b = Blocks::default();
        extract_text("Title\n\nThe council voted on Tuesday to build protected cycle lanes along the river road, and construction starts in June. 爱上海\n\nShop owners asked for loading bays to be kept; the final plan keeps six of them near the market.\n", &mut b);
        let p = Profile::of(&b);
        assert_eq!(p.dominant, Script::Latin);
        assert_eq!(p.lang, Some("en"));
        assert!(p.reliable);
    }
}
