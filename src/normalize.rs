//! Normalisation before matching, with a map back to the input offsets.
//!
//! Steps, per character: zero-width characters and soft hyphens removed; NFKC (full-width
//! letters and digits become ASCII, circled digits become digits); the negative-circled and
//! dingbat digits NFKC leaves alone folded to digits too; lower case. Then, inside words that
//! mix Latin letters with Cyrillic or Greek look-alikes (`vіagra` with a Cyrillic `і`), the
//! look-alikes are folded to Latin (a small subset of the UTS #39 confusables).

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Normalised text of one block and a sparse map from its bytes back to the input's.
///
/// Where output and input bytes correspond one to one (ASCII, and characters normalisation
/// leaves alone or changes without changing their length), the map is an offset shift and
/// stores nothing; every other output character has a mark naming the input character it
/// came from. An all-ASCII block has no marks.
#[derive(Debug, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Output byte range → input byte range, sorted, for the characters off the shift.
    marks: Vec<Mark>,
    /// Input offset minus output offset after the last mark, modulo 2^32 (NFKC can make the
    /// output longer than the input: `ﷺ` is 18 characters).
    shift: u32,
    chars: Vec<(char, u32, u32)>,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    out: (u32, u32),
    src: (u32, u32),
}

impl Normalized {
    /// Normalise `input` into `self`, reusing the buffers.
    pub fn run(&mut self, input: &str) {
        self.text.clear();
        self.marks.clear();
        self.shift = 0;
        if input.is_ascii() {
            self.text.push_str(input);
            self.text.make_ascii_lowercase();
            return;
        }
        // Folding look-alikes needs an ASCII letter and a look-alike (or any Cyrillic letter,
        // which Latin ones may have been swapped into) in the same block.
        let (mut latin, mut lookalike) = (false, false);
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii() {
                // A run of ASCII: lower-cased, one byte for one.
                let run = bytes[i..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |n| i + n);
                let chunk = &input[i..run];
                latin |= chunk.bytes().any(|b| b.is_ascii_alphabetic());
                if (self.text.len() as u32).wrapping_add(self.shift) != i as u32 {
                    self.shift = (i as u32).wrapping_sub(self.text.len() as u32);
                    // Marks must cover the first byte whose shift changed.
                    let out = self.text.len() as u32;
                    self.marks.push(Mark { out: (out, out + 1), src: (i as u32, i as u32 + 1) });
                }
                self.text.push_str(chunk);
                let n = self.text.len();
                self.text[n - chunk.len()..].make_ascii_lowercase();
                i = run;
                continue;
            }
            let c = input[i..].chars().next().expect("i is on a char boundary");
            let (s, e) = (i as u32, (i + c.len_utf8()) as u32);
            i += c.len_utf8();
            if stable(c) {
                self.emit(c, s, e);
                continue;
            }
            if let Some(l) = simple_lower(c) {
                lookalike |= confusable(l).is_some() || is_cyrillic(l);
                self.emit(l, s, e);
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            if let Some(d) = extra_digit(c) {
                self.emit(d, s, e);
                continue;
            }
            if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
                for l in c.to_lowercase() {
                    latin |= l.is_ascii_alphabetic();
                    lookalike |= confusable(l).is_some() || is_cyrillic(l);
                    self.emit(l, s, e);
                }
                continue;
            }
            for n in std::iter::once(c).nfkc() {
                if is_invisible(n) {
                    continue;
                }
                for l in n.to_lowercase() {
                    latin |= l.is_ascii_alphabetic();
                    lookalike |= confusable(l).is_some() || is_cyrillic(l);
                    self.emit(l, s, e);
                }
            }
        }
        if (latin && lookalike) || (!latin && swapped_into_cyrillic(&self.text)) {
            self.fold(input);
        }
    }

    /// Append `c`, made from the input character at `s..e`.
    #[inline]
    fn emit(&mut self, c: char, s: u32, e: u32) {
        let out = self.text.len() as u32;
        let end = out + c.len_utf8() as u32;
        self.text.push(c);
        if out.wrapping_add(self.shift) != s || end.wrapping_add(self.shift) != e {
            self.marks.push(Mark { out: (out, end), src: (s, e) });
            self.shift = e.wrapping_sub(end);
        }
    }

    /// The slow path for blocks that mix Latin letters and look-alikes: per character, then
    /// look-alikes folded word by word.
    fn fold(&mut self, input: &str) {
        let mut chars = std::mem::take(&mut self.chars);
        chars.clear();
        let text = std::mem::take(&mut self.text);
        for (o, c) in text.char_indices() {
            let (s, e) = (self.src_start(o), self.src_end(o + c.len_utf8()));
            chars.push((c, s as u32, e as u32));
        }
        debug_assert!(chars.last().is_none_or(|l| l.2 as usize <= input.len()));
        fold_confusables(&mut chars);
        self.text = text;
        self.text.clear();
        self.marks.clear();
        self.shift = 0;
        for &(c, s, e) in &chars {
            self.emit(c, s, e);
        }
        self.chars = chars;
    }

    /// The last mark starting at or before output offset `at` (`before`: strictly before).
    fn mark(&self, at: usize, before: bool) -> Option<&Mark> {
        let at = at as u32;
        let n = self.marks.partition_point(|m| if before { m.out.0 < at } else { m.out.0 <= at });
        n.checked_sub(1).map(|i| &self.marks[i])
    }

    /// Input offset where the output byte range starting at `at` begins.
    pub fn src_start(&self, at: usize) -> usize {
        match self.mark(at, false) {
            None => at,
            Some(m) if (at as u32) < m.out.1 => m.src.0 as usize,
            Some(m) => at - m.out.1 as usize + m.src.1 as usize,
        }
    }

    /// Input offset where the output byte range ending (exclusive) at `at` ends.
    pub fn src_end(&self, at: usize) -> usize {
        match self.mark(at, true) {
            None => at,
            Some(m) if at as u32 <= m.out.1 => m.src.1 as usize,
            Some(m) => at - m.out.1 as usize + m.src.1 as usize,
        }
    }
}

/// Characters that normalisation leaves alone (NFKC-stable, no case), by range: the bulk of
/// Chinese, Japanese and Korean text skips the Unicode tables.
#[inline]
fn stable(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}')
}

/// Lower case of the Latin-1 letters and of basic Cyrillic, which NFKC leaves alone, by
/// arithmetic instead of the Unicode case tables (European and Russian text).
#[inline]
fn simple_lower(c: char) -> Option<char> {
    let n = c as u32;
    let l = match n {
        0xC0..=0xDE if n != 0xD7 => n + 0x20,
        0xC0..=0xFF => n,
        0x400..=0x40F => n + 0x50,
        0x410..=0x42F => n + 0x20,
        0x430..=0x45F => n,
        _ => return None,
    };
    char::from_u32(l)
}

/// Zero-width characters, soft hyphen and other format characters that hide inside words.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{00AD}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' | '\u{034F}')
}

fn extra_digit(c: char) -> Option<char> {
    let d = match c as u32 {
        0x24FF | 0x24EA | 0x1F10B | 0x1F10C => 0,
        n @ 0x2776..=0x277E => n - 0x2776 + 1,
        n @ 0x2780..=0x2788 => n - 0x2780 + 1,
        n @ 0x278A..=0x2792 => n - 0x278A + 1,
        n @ 0x24F5..=0x24FD => n - 0x24F5 + 1,
        _ => return None,
    };
    char::from_digit(d, 10)
}

fn confusable(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' | 'ё' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ӏ' => 'l',
        'һ' => 'h',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'α' => 'a',
        'ο' => 'o',
        'ρ' => 'p',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'υ' => 'u',
        'χ' => 'x',
        'ɑ' => 'a',
        'ɡ' => 'g',
        'ı' => 'i',
        _ => return None,
    })
}

/// A block without ASCII letters that holds Cyrillic beside Greek or small-capital letters
/// with a Cyrillic twin (only such blocks need the slow path for that).
fn swapped_into_cyrillic(text: &str) -> bool {
    let mut cyr = false;
    let mut other = false;
    for c in text.chars() {
        cyr |= is_cyrillic(c);
        other |= !is_cyrillic(c) && !c.is_ascii() && cyrillic_twin(c).is_some();
        if cyr && other {
            return true;
        }
    }
    false
}

/// The Cyrillic twin of a Latin, Greek or small-capital letter (lower case), for words that
/// are Cyrillic with letters swapped in (`мaлο` -> `мало`, `ᴨᴩиʍᴇᴩ` -> `пример`).
fn cyrillic_twin(c: char) -> Option<char> {
    Some(match c {
        'a' | 'α' | 'ɑ' | 'ᴀ' => 'а',
        'c' | 'ϲ' | 'ᴄ' => 'с',
        'e' | 'ε' | 'ᴇ' => 'е',
        'o' | 'ο' | 'σ' | 'ᴏ' => 'о',
        'p' | 'ρ' | 'ᴩ' => 'р',
        'x' | 'χ' => 'х',
        'y' | 'γ' => 'у',
        'k' | 'κ' | 'ᴋ' => 'к',
        'm' | 'μ' | 'ᴍ' | 'ʍ' => 'м',
        'h' | 'η' | 'ʜ' => 'н',
        'b' | 'β' | 'ʙ' => 'в',
        't' | 'τ' | 'ᴛ' => 'т',
        'n' | 'π' | 'ᴨ' => 'п',
        'u' | 'ᴎ' => 'и',
        'ᴦ' => 'г',
        'ᴧ' => 'л',
        'ɜ' => 'з',
        'ɸ' => 'ф',
        'ɯ' => 'ш',
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4FF}')
}

/// Fold look-alikes inside words that mix scripts: to Cyrillic in a word with a Cyrillic
/// letter that has no Latin twin (`мaлο`: м, л), else to Latin where the word also holds
/// ASCII letters (`саsinо` -> `casino`).
fn fold_confusables(chars: &mut [(char, u32, u32)]) {
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].0.is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].0.is_alphabetic() {
            i += 1;
        }
        let word = &mut chars[start..i];
        let cyrillic_word = word.iter().any(|c| is_cyrillic(c.0) && confusable(c.0).is_none());
        if cyrillic_word && word.iter().any(|c| !is_cyrillic(c.0) && cyrillic_twin(c.0).is_some()) {
            for c in word.iter_mut().filter(|c| !is_cyrillic(c.0)) {
                if let Some(l) = cyrillic_twin(c.0) {
                    c.0 = l;
                }
            }
            continue;
        }
        let latin = word.iter().any(|c| c.0.is_ascii_alphabetic());
        let other = word.iter().any(|c| !c.0.is_ascii() && confusable(c.0).is_some());
        if latin && other {
            for c in word.iter_mut() {
                if let Some(l) = confusable(c.0) {
                    c.0 = l;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arithmetic fast path gives what NFKC and `to_lowercase` give.
    #[test]
    fn simple_lower_matches_the_tables() {
        for n in 0xC0..0x460 {
            let Some(c) = char::from_u32(n) else { continue };
            if let Some(l) = simple_lower(c) {
                assert_eq!(is_nfkc_quick(std::iter::once(c)), IsNormalized::Yes, "{c}");
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c}");
            }
        }
    }

    fn norm(s: &str) -> String {
        let mut n = Normalized::default();
        n.run(s);
        n.text
    }

    #[test]
    fn table() {
        let cases = [
            ("Hello WORLD", "hello world"),
            ("ｑｑ：⑧⑧⓿③⑦②①", "qq:8803721"),
            ("【薇５５０１〓２２７３】", "【薇5501〓2273】"),
            ("百\u{200B}家\u{200B}乐", "百家乐"),
            ("v\u{200B}i\u{00AD}agra", "viagra"),
            ("vіagra", "viagra"), // Cyrillic і
            ("саsinо", "casino"), // Cyrillic с, а, о mixed with Latin
            ("мaлο", "мало"),     // Latin a and Greek ο swapped into a Cyrillic word
            ("Вαc", "вас"),
            ("ᴨᴩиʍᴇᴩ", "пример"), // small capitals
            ("мало", "мало"),
            ("слово", "слово"), // all Cyrillic: untouched
            ("Straße", "straße"),
            ("ﾃｽﾄ", "テスト"),
            ("ＶІＡＧＲА", "viagra"), // full-width Latin with Cyrillic І and А
            ("爱上海ＱＱ群", "爱上海qq群"),
        ];
        for (input, want) in cases {
            assert_eq!(norm(input), want, "{input}");
        }
    }

    #[test]
    fn map_back() {
        let input = "x ｑｑ：⑧⑧ y";
        let mut n = Normalized::default();
        n.run(input);
        let at = n.text.find("qq:88").unwrap();
        let (s, e) = (n.src_start(at), n.src_end(at + 5));
        assert_eq!(&input[s..e], "ｑｑ：⑧⑧");
    }

    /// Each output character maps back to exactly the input text it came from.
    #[test]
    fn map_every_char() {
        let cases: &[(&str, &[&str])] = &[
            ("Ab\u{200B}Cd", &["A", "b", "C", "d"]),
            ("ﬁx É 爱Ｑ", &["ﬁ", "ﬁ", "x", " ", "É", " ", "爱", "Ｑ"]),
            ("x\u{00AD}\u{00AD}yé z", &["x", "y", "é", " ", "z"]),
            ("vіagra ok", &["v", "і", "a", "g", "r", "a", " ", "o", "k"]),
            ("①ｂ", &["①", "ｂ"]),
            // Output longer than input (found by the adversarial battery: the shift went
            // below zero and a debug build panicked).
            ("\u{FDFA}ab", &[&["\u{FDFA}"; 18][..], &["a", "b"]].concat()),
            (
                "x\u{3392}\u{FDFA}\u{3392}",
                &[&["x"][..], &["\u{3392}"; 3], &["\u{FDFA}"; 18], &["\u{3392}"; 3]].concat(),
            ),
        ];
        for (input, want) in cases {
            let mut n = Normalized::default();
            n.run(input);
            let got: Vec<&str> = n
                .text
                .char_indices()
                .map(|(o, c)| &input[n.src_start(o)..n.src_end(o + c.len_utf8())])
                .collect();
            assert_eq!(&got, want, "{input} -> {}", n.text);
        }
    }
}
