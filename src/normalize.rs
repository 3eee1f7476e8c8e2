//! Normalisation before matching, with a map back to the input offsets.
//!
//! Steps, per character: zero-width characters and soft hyphens removed; NFKC (full-width
//! letters and digits become ASCII, circled digits become digits); the negative-circled and
//! dingbat digits NFKC leaves alone folded to digits too; lower case. Then, inside words that
//! mix Latin letters with Cyrillic or Greek look-alikes (`vіagra` with a Cyrillic `і`), the
//! look-alikes are folded to Latin (a small subset of the UTS #39 confusables).

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Normalised text of one block and, for each of its bytes, the byte range of the input
/// character it came from.
#[derive(Debug, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Input char range of each output byte; empty when the input was ASCII (identity).
    src: Vec<(u32, u32)>,
    chars: Vec<(char, u32, u32)>,
}

impl Normalized {
    /// Normalise `input` into `self`, reusing the buffers.
    pub fn run(&mut self, input: &str) {
        self.text.clear();
        self.src.clear();
        if input.is_ascii() {
            self.text.push_str(input);
            self.text.make_ascii_lowercase();
            return;
        }
        self.chars.clear();
        // Folding look-alikes needs an ASCII letter and a look-alike in the same block.
        let (mut latin, mut lookalike) = (false, false);
        for (i, c) in input.char_indices() {
            let (s, e) = (i as u32, (i + c.len_utf8()) as u32);
            if c.is_ascii() {
                latin |= c.is_ascii_alphabetic();
                self.chars.push((c.to_ascii_lowercase(), s, e));
                continue;
            }
            if stable(c) {
                self.chars.push((c, s, e));
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            if let Some(d) = extra_digit(c) {
                self.chars.push((d, s, e));
                continue;
            }
            if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
                for l in c.to_lowercase() {
                    latin |= l.is_ascii_alphabetic();
                    lookalike |= confusable(l).is_some();
                    self.chars.push((l, s, e));
                }
                continue;
            }
            for n in std::iter::once(c).nfkc() {
                if is_invisible(n) {
                    continue;
                }
                for l in n.to_lowercase() {
                    latin |= l.is_ascii_alphabetic();
                    lookalike |= confusable(l).is_some();
                    self.chars.push((l, s, e));
                }
            }
        }
        if latin && lookalike {
            fold_confusables(&mut self.chars);
        }
        for &(c, s, e) in &self.chars {
            self.text.push(c);
            for _ in 0..c.len_utf8() {
                self.src.push((s, e));
            }
        }
    }

    /// Input offset where the output byte range starting at `at` begins.
    pub fn src_start(&self, at: usize) -> usize {
        if self.src.is_empty() {
            return at;
        }
        self.src.get(at).map_or_else(|| self.src.last().map_or(0, |l| l.1 as usize), |p| p.0 as usize)
    }

    /// Input offset where the output byte range ending (exclusive) at `at` ends.
    pub fn src_end(&self, at: usize) -> usize {
        if self.src.is_empty() {
            return at;
        }
        if at == 0 {
            return self.src.first().map_or(0, |p| p.0 as usize);
        }
        self.src[(at - 1).min(self.src.len() - 1)].1 as usize
    }
}

/// Characters that normalisation leaves alone (NFKC-stable, no case), by range: the bulk of
/// Chinese, Japanese and Korean text skips the Unicode tables.
#[inline]
fn stable(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}')
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

/// Fold look-alikes to Latin inside words that also hold ASCII letters.
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
            ("слово", "слово"),   // all Cyrillic: untouched
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
}
