//! Decode: document bytes -> UTF-8 text, with a map back to the original byte offsets.
//!
//! Bytes that are valid UTF-8 (with or without a BOM) are UTF-8 whatever the page declares:
//! pages that say `gb2312` but are UTF-8 exist. Otherwise the charset declared in the page
//! (`<meta charset>`, `http-equiv`) is weighed against chardetng's guess on a bounded prefix,
//! and the bytes are decoded with encoding_rs (WHATWG rules, invalid bytes replaced by U+FFFD).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many bytes chardetng and the `<meta>` prescan look at.
const SNIFF_PREFIX: usize = 64 << 10;
/// Minimum distance in source bytes between two checkpoints of an [`OffsetMap`]. Mapping an
/// offset decodes from the checkpoint before it one byte at a time: 64 bytes keep that to a
/// few thousand instructions per span, for 16 bytes of map per 64 bytes of text.
const CHECKPOINT_EVERY: usize = 64;

/// Decoded text of one document and the map from its byte offsets to the original bytes.
#[derive(Debug)]
pub struct Text<'a> {
    /// The document as UTF-8.
    pub text: Cow<'a, str>,
    /// Maps offsets in `text` to offsets in the original bytes.
    pub map: OffsetMap,
    /// The charset the bytes were decoded with.
    pub encoding: &'static Encoding,
}

/// Maps byte offsets of decoded text back to byte offsets of the original input.
#[derive(Debug, Clone)]
pub enum OffsetMap {
    /// The text is the input (UTF-8), shifted by a BOM of `shift` bytes.
    Identity {
        /// BOM length.
        shift: usize,
    },
    /// The text was decoded from a legacy charset. `checkpoints` holds `(text, src)` offset
    /// pairs where the decoder had no pending bytes; offsets between two checkpoints are found
    /// by decoding again from the nearest one, a byte at a time.
    Decoded {
        /// The charset.
        encoding: &'static Encoding,
        /// `(text offset, source offset)` pairs, both increasing.
        checkpoints: Vec<(usize, usize)>,
    },
}

impl OffsetMap {
    /// The original byte offset of text offset `at` (a char boundary of the decoded text).
    /// `src` must be the bytes the text was decoded from.
    pub fn to_src(&self, src: &[u8], at: usize) -> usize {
        match self {
            OffsetMap::Identity { shift } => (at + shift).min(src.len()),
            OffsetMap::Decoded { encoding, checkpoints } => {
                let i = checkpoints.partition_point(|&(t, _)| t <= at).saturating_sub(1);
                let (mut written, mut pos) = checkpoints.get(i).copied().unwrap_or((0, 0));
                if written >= at {
                    return pos;
                }
                let mut decoder = encoding.new_decoder_without_bom_handling();
                let mut out = [0u8; 32];
                while pos < src.len() {
                    let (res, read, n) =
                        decoder.decode_to_utf8_without_replacement(&src[pos..pos + 1], &mut out, false);
                    pos += read;
                    written += n;
                    // Output appears when the last byte of a character is consumed, so the
                    // first position whose output reaches `at` is that character's end.
                    if written >= at {
                        return pos;
                    }
                    if let encoding_rs::DecoderResult::Malformed(_, after) = res {
                        // U+FFFD (as decoding wrote it) for a sequence that ended `after`
                        // bytes back.
                        written += '\u{FFFD}'.len_utf8();
                        let start = pos - usize::from(after);
                        if written >= at {
                            return start;
                        }
                        // The decoder reads those bytes again (UTF-16's next unit, up to three
                        // bytes of a broken GB18030 four-byte sequence): so does a fresh decoder
                        // started where they are, one byte at a time, placing each character.
                        if after > 0 {
                            pos = start;
                            decoder = encoding.new_decoder_without_bom_handling();
                        }
                    }
                }
                src.len()
            }
        }
    }
}

/// Decode `bytes`; `html` enables the `<meta charset>` prescan; `container` is a charset the
/// container named (HTTP `Content-Type`), which is weighed before the page's own.
pub fn decode<'a>(bytes: &'a [u8], html: bool, container: Option<&'static Encoding>) -> Text<'a> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        if enc == UTF_8 {
            return utf8(bytes, bom);
        }
        return decode_with(bytes, enc, bom);
    }
    // UTF-16 without a BOM first: ASCII text in UTF-16 is also valid UTF-8 (with NULs).
    if let Some(enc) = sniff_utf16(bytes) {
        return decode_with(bytes, enc, 0);
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Text { text: Cow::Borrowed(text), map: OffsetMap::Identity { shift: 0 }, encoding: UTF_8 };
    }
    let prefix = &bytes[..bytes.len().min(SNIFF_PREFIX)];
    let declared = container.or_else(|| if html { declared_charset(prefix) } else { None });
    let enc = choose(bytes, prefix, declared);
    if enc == UTF_8 {
        let text = String::from_utf8_lossy(bytes);
        // Lossy decoding replaces each bad sequence by U+FFFD (3 bytes), so offsets shift:
        // decode through the generic path to keep a map.
        if let Cow::Borrowed(_) = text {
            return utf8(bytes, 0);
        }
    }
    decode_with(bytes, enc, 0)
}

fn utf8(bytes: &[u8], bom: usize) -> Text<'_> {
    // Validity was checked by the caller, or the BOM said UTF-8: decode lossily in case not.
    let text = match simdutf8::basic::from_utf8(&bytes[bom..]) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => return decode_with(bytes, UTF_8, bom),
    };
    Text { text, map: OffsetMap::Identity { shift: bom }, encoding: UTF_8 }
}

/// Weigh the declared charset against the detector: a declaration whose decoding has no
/// errors wins; else mostly valid UTF-8 is UTF-8; else the detector's guess if it is a
/// multi-byte charset that decodes cleanly; else a declaration with few errors (a browser
/// follows it, and injected or cut pages often hold a few broken sequences); else the
/// detector's guess if it decodes cleanly; else the declaration.
fn choose(bytes: &[u8], prefix: &[u8], declared: Option<&'static Encoding>) -> &'static Encoding {
    let clean =
        |enc: &'static Encoding| enc.decode_without_bom_handling_and_without_replacement(prefix).is_some();
    if let Some(d) = declared {
        if d != UTF_8 && clean(d) {
            return d;
        }
        if d == UTF_8 && mostly_utf8(prefix) {
            return UTF_8;
        }
    }
    if mostly_utf8(prefix) {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    det.feed(prefix, prefix.len() == bytes.len());
    let guess = det.guess(None, chardetng::Utf8Detection::Allow);
    // A multi-byte charset that decodes without an error is strong evidence (GBK text
    // declared as Shift_JIS); a single-byte one decodes anything, so a declaration with a
    // few broken sequences comes first.
    let guess_clean = clean(guess);
    if guess_clean && !guess.is_single_byte() {
        return guess;
    }
    if let Some(d) = declared.filter(|&d| d != UTF_8 && mostly_clean(d, prefix)) {
        return d;
    }
    if guess_clean {
        return guess;
    }
    declared.unwrap_or(guess)
}

/// True when `enc` decodes `bytes` with broken sequences rare among its non-ASCII characters
/// (at most one in 10: a wrong declaration breaks far more often; Russian windows-1251 text
/// read as GBK breaks at one character in five, at every word of an odd number of letters).
fn mostly_clean(enc: &'static Encoding, bytes: &[u8]) -> bool {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(4096);
    let (mut bad, mut multi, mut pos) = (0usize, 0usize, 0usize);
    loop {
        out.clear();
        let (res, read) = decoder.decode_to_string_without_replacement(&bytes[pos..], &mut out, true);
        pos += read;
        multi += out.chars().filter(|c| !c.is_ascii()).count();
        match res {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::Malformed(..) => bad += 1,
            encoding_rs::DecoderResult::OutputFull => {}
        }
    }
    multi > 0 && bad * 10 <= multi
}

/// True when invalid UTF-8 sequences are rare (a truncated download, one bad byte).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut bad = 0usize;
    let mut multi = 0usize;
    for chunk in bytes.utf8_chunks() {
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
        multi += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
    }
    multi > 0 && bad * 20 <= multi
}

/// UTF-16 without a BOM: NUL bytes at every other position of ASCII-heavy text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in bytes[..n].chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let half = n / 2;
    if odd * 10 > half * 7 && even * 10 < half {
        Some(UTF_16LE)
    } else if even * 10 > half * 7 && odd * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decode with `enc` from `start`, recording checkpoints where the decoder holds no partial
/// character, so that [`OffsetMap::to_src`] can decode again from there.
fn decode_with<'a>(bytes: &'a [u8], enc: &'static Encoding, start: usize) -> Text<'a> {
    let stateless_cjk = !enc.is_single_byte()
        && enc != UTF_8
        && enc != UTF_16LE
        && enc != UTF_16BE
        && enc != encoding_rs::ISO_2022_JP;
    if stateless_cjk {
        return decode_cjk(bytes, enc, start);
    }
    let src = &bytes[start..];
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(src.len() + src.len() / 2 + 16);
    let mut checkpoints = vec![(0usize, start)];
    let mut pos = 0usize;
    while pos < src.len() {
        let mut end = (pos + CHECKPOINT_EVERY).min(src.len());
        while end < src.len() && !is_clean_boundary(src, end, enc) {
            end += 1;
        }
        let last = end == src.len();
        let mut seg = &src[pos..end];
        loop {
            let need = decoder.max_utf8_buffer_length(seg.len()).unwrap_or(seg.len() * 3 + 16);
            out.reserve(need);
            let (res, read, _) = decoder.decode_to_string(seg, &mut out, last);
            seg = &seg[read..];
            if res == encoding_rs::CoderResult::InputEmpty {
                break;
            }
        }
        pos = end;
        if !last {
            checkpoints.push((out.len(), start + pos));
        }
    }
    Text { text: Cow::Owned(out), map: OffsetMap::Decoded { encoding: enc, checkpoints }, encoding: enc }
}

/// Decode with a double-byte CJK charset (GBK, GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR),
/// with a checkpoint every [`CHECKPOINT_EVERY`] output bytes or so whatever the text: the
/// decoder writes into a small buffer, and when the buffer is full it stops before a
/// character, holding nothing. (Clean boundaries need ASCII punctuation, which text written
/// wholly in Chinese lacks: with one checkpoint per document, mapping each span decoded the
/// document again from its start, and a few MB took minutes.)
fn decode_cjk<'a>(bytes: &'a [u8], enc: &'static Encoding, start: usize) -> Text<'a> {
    let src = &bytes[start..];
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(src.len() + src.len() / 2 + 16);
    let mut checkpoints = vec![(0usize, start)];
    let mut buf = [0u8; CHECKPOINT_EVERY * 2];
    let mut pos = 0usize;
    // An idle decoder's worst case for no more input; one holding bytes reports more.
    let idle = enc.new_decoder_without_bom_handling().max_utf8_buffer_length(0);
    loop {
        let (res, read, written, _) = decoder.decode_to_utf8(&src[pos..], &mut buf, true);
        pos += read;
        out.push_str(std::str::from_utf8(&buf[..written]).expect("the decoder writes UTF-8"));
        match res {
            encoding_rs::CoderResult::InputEmpty => break,
            // After a malformed sequence the decoder may hold bytes to read again (GB18030
            // gives back the ASCII digit that broke a four-byte sequence): a decoder started
            // fresh there would lose them, so only an idle stop is a checkpoint.
            encoding_rs::CoderResult::OutputFull => {
                if decoder.max_utf8_buffer_length(0) == idle {
                    checkpoints.push((out.len(), start + pos));
                }
            }
        }
    }
    Text { text: Cow::Owned(out), map: OffsetMap::Decoded { encoding: enc, checkpoints }, encoding: enc }
}

/// A position where no multi-byte character can be in progress: before a byte that is never
/// a trail byte in the CJK encodings (controls, space and `!"#$%&'()*+,-./`), or before a
/// non-surrogate unit in UTF-16. In ISO-2022-JP only controls and space qualify. The byte
/// (unit) before must leave the decoder idle too: after a lone lead byte or high surrogate
/// the decoder holds it and emits U+FFFD only on seeing the next byte, which a fresh decoder
/// started at the checkpoint would not do (every later offset would be off).
fn is_clean_boundary(src: &[u8], at: usize, enc: &'static Encoding) -> bool {
    if enc == UTF_16LE || enc == UTF_16BE {
        if at % 2 != 0 || at < 2 || at + 1 >= src.len() {
            return false;
        }
        let hi = |i: usize| if enc == UTF_16LE { src[i + 1] } else { src[i] };
        return !(0xD8..=0xDF).contains(&hi(at)) && !(0xD8..=0xDB).contains(&hi(at - 2));
    }
    if enc.is_single_byte() {
        return true;
    }
    let b = src[at];
    let prev = if at == 0 { 0 } else { src[at - 1] };
    if enc == encoding_rs::ISO_2022_JP {
        b <= 0x20 && prev <= 0x20 && prev != 0x1B
    } else if enc == UTF_8 {
        !(0x80..0xC0).contains(&b) && prev < 0x80
    } else {
        // In GB18030 (and GBK) a digit is the second byte of a four-byte sequence.
        let gb = enc == encoding_rs::GB18030 || enc == encoding_rs::GBK;
        b <= 0x2F && prev < 0x80 && !(gb && prev.is_ascii_digit())
    }
}

/// The charset named by a `<meta charset=…>` or `<meta http-equiv=Content-Type content=…;
/// charset=…>` in `prefix`, by the WHATWG label rules.
pub fn declared_charset(prefix: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = prefix.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let tag_start = from + i;
        let tag_end = memchr::memchr(b'>', &lower[tag_start..]).map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
                let end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..end]) {
                    // A page cannot declare itself UTF-16 in a way that makes sense here.
                    return Some(if enc == UTF_16LE || enc == UTF_16BE { UTF_8 } else { enc });
                }
            }
        }
        from = tag_end.max(tag_start + 5);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char boundary of the decoded text maps to the offset where that character's
    /// encoding starts in the source.
    fn check_roundtrip(text: &str, enc: &'static Encoding) {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "{} cannot encode {text}", enc.name());
        let decoded = decode_with(&bytes, enc, 0);
        assert_eq!(decoded.text, text);
        let mut src_pos = 0;
        for (i, ch) in text.char_indices() {
            assert_eq!(decoded.map.to_src(&bytes, i), src_pos, "{} at {i} ({ch})", enc.name());
            let (b, _, _) = enc.encode(&text[i..i + ch.len_utf8()]);
            src_pos += b.len();
        }
        assert_eq!(decoded.map.to_src(&bytes, text.len()), bytes.len());
    }

    #[test]
    fn legacy_maps_are_exact() {
        let zh = "爱上海龙凤419论坛 and some ASCII, 百家乐! ".repeat(40);
        let zh_hant = "愛上海龍鳳419論壇 and some ASCII, 百家樂! ".repeat(40);
        let ja = "スーパーコピー 財布、激安通販。ABC 123 ".repeat(40);
        let ko = "카지노사이트 안내 - 토토 123. ".repeat(40);
        let ru = "Онлайн казино, займ онлайн! ".repeat(40);
        for (text, enc) in [
            (&zh, encoding_rs::GBK),
            (&zh, encoding_rs::GB18030),
            (&zh_hant, encoding_rs::BIG5),
            (&ja, encoding_rs::SHIFT_JIS),
            (&ja, encoding_rs::EUC_JP),
            (&ko, encoding_rs::EUC_KR),
            (&ru, encoding_rs::WINDOWS_1251),
            (&"Grüße à la française ".repeat(30), encoding_rs::WINDOWS_1252),
            (&"Zażółć gęślą jaźń ".repeat(30), encoding_rs::WINDOWS_1250),
        ] {
            check_roundtrip(text, enc);
        }
    }

    /// A lone lead byte or high surrogate, just before a checkpoint or between two: offsets
    /// past the U+FFFD it becomes still map exactly (both found by fuzzing).
    #[test]
    fn lone_lead_before_a_checkpoint_keeps_the_map_exact() {
        let mut utf16: Vec<u8> = "a".repeat(127).encode_utf16().flat_map(u16::to_le_bytes).collect();
        utf16.extend_from_slice(&[0x00, 0xD8]); // a high surrogate without its low half
        utf16.extend(" xy爱上海".encode_utf16().flat_map(u16::to_le_bytes));
        let mut gbk = b"a".repeat(CHECKPOINT_EVERY - 1);
        gbk.push(0x81); // a lead byte without its trail
        gbk.extend_from_slice(&encoding_rs::GBK.encode(" xy爱上海").0);
        gbk.push(0x39); // a GB18030 four-byte sequence cut after its second byte
        gbk.push(0x81);
        gbk.push(0x39);
        gbk.extend_from_slice(&b" ".repeat(CHECKPOINT_EVERY));
        gbk.extend_from_slice(&encoding_rs::GBK.encode("百家乐").0);
        // A lone surrogate or lead byte between checkpoints: the character after it starts
        // where the broken sequence ends.
        let mut utf16_mid: Vec<u8> = "ab".encode_utf16().flat_map(u16::to_le_bytes).collect();
        utf16_mid.extend_from_slice(&[0x00, 0xD8]);
        utf16_mid.extend("돌줠 爱上海".encode_utf16().flat_map(u16::to_le_bytes));
        let mut gbk_mid = b"ab\x81\x00".to_vec();
        gbk_mid.extend_from_slice(&encoding_rs::GBK.encode("爱上海").0);
        // A four-byte sequence broken at its last byte: GB18030 reads its second, third and
        // fourth bytes again (`4`, then `\xbb h` is 籬), found by fuzzing.
        let mut gb_four = encoding_rs::GBK.encode("爱上海 4").0.into_owned();
        gb_four.extend_from_slice(b"\xbb4\xbbhh ");
        gb_four.extend_from_slice(&encoding_rs::GBK.encode("百家乐").0);
        for (bytes, enc) in [
            (utf16, encoding_rs::UTF_16LE),
            (gbk, encoding_rs::GBK),
            (utf16_mid, encoding_rs::UTF_16LE),
            (gbk_mid, encoding_rs::GBK),
            (gb_four, encoding_rs::GBK),
        ] {
            let t = decode_with(&bytes, enc, 0);
            for (i, c) in t.text.char_indices() {
                let (s, e) = (t.map.to_src(&bytes, i), t.map.to_src(&bytes, i + c.len_utf8()));
                let again = enc.decode_without_bom_handling(&bytes[s..e]).0;
                assert!(c == '\u{FFFD}' || again == c.to_string(), "{} {c:?} at {i}: {s}..{e}", enc.name());
            }
            for word in ["爱上海", "百家乐"] {
                let Some(at) = t.text.find(word) else { continue };
                let (s, e) = (t.map.to_src(&bytes, at), t.map.to_src(&bytes, at + word.len()));
                assert_eq!(enc.decode_without_bom_handling(&bytes[s..e]).0, word, "{}", enc.name());
            }
        }
    }

    /// Every checkpoint is a place a fresh decoder can start from: decoding the rest of the
    /// bytes from there gives the rest of the text. Broken multi-byte sequences of every kind
    /// (lead bytes without trails, GB18030 four-byte sequences cut after a digit, as fuzzing
    /// found) at every distance from where the decoder's buffer fills.
    #[test]
    fn checkpoints_are_fresh_starts() {
        let pieces: [&[u8]; 9] =
            [b"\x94", b"2", b"8", b"\xc2", b"\x81\x30", b"\xa3\xa3", b"a", b" ", b"\xc9\xcf"];
        let mut seed = 0x2545_f491_u32;
        for round in 0..300 {
            let mut bytes = Vec::new();
            while bytes.len() < 200 + round {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                bytes.extend_from_slice(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            for enc in [
                encoding_rs::GBK,
                encoding_rs::GB18030,
                encoding_rs::BIG5,
                encoding_rs::SHIFT_JIS,
                encoding_rs::EUC_KR,
            ] {
                let t = decode_with(&bytes, enc, 0);
                let OffsetMap::Decoded { checkpoints, .. } = &t.map else { panic!("decoded") };
                for &(at, src) in checkpoints {
                    let rest = enc.decode_without_bom_handling(&bytes[src..]).0;
                    assert_eq!(&t.text[at..], rest, "{} round {round}: checkpoint ({at}, {src})", enc.name());
                }
            }
        }
    }

    /// Text without ASCII still gets a checkpoint every few hundred bytes, so that mapping
    /// a span costs a short decode, not one from the start of the document.
    #[test]
    fn cjk_without_ascii_has_dense_checkpoints() {
        let text = "上海的科技创新中心正在快速发展很多公司在这里设立研发中心百家乐".repeat(300);
        for enc in [encoding_rs::GBK, encoding_rs::BIG5, encoding_rs::SHIFT_JIS, encoding_rs::EUC_KR] {
            let (bytes, _, _) = enc.encode(&text);
            let t = decode_with(&bytes, enc, 0);
            let OffsetMap::Decoded { checkpoints, .. } = &t.map else { panic!("decoded") };
            assert!(
                checkpoints.len() > bytes.len() / (4 * CHECKPOINT_EVERY),
                "{}: {}",
                enc.name(),
                checkpoints.len()
            );
        }
        check_roundtrip(&text, encoding_rs::GBK);
    }

    #[test]
    fn utf8_wins_over_declaration() {
        let page = "<meta charset=gb2312><p>爱上海</p>";
        let t = decode(page.as_bytes(), true, None);
        assert_eq!(t.encoding, UTF_8);
        assert_eq!(t.text, page);
    }

    /// A declaration with a few broken sequences still wins, as in a browser (the detector
    /// guessed windows-1252 for this page and lost the Chinese); one broken at every other
    /// word is wrong and loses.
    #[test]
    fn declaration_with_a_few_broken_bytes_wins() {
        let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
        let mut page = gbk("<html><head><meta charset=\"gbk\"><title>本地新闻</title></head><body><p>市议会周二投票决定沿河修建自行车道。");
        page.extend_from_slice(b"\xbb4\xbbh");
        page.extend(gbk("爱上海龙凤419论坛 上海龙凤419"));
        page.extend_from_slice(b"\x814\x81");
        page.extend(gbk("工程将于六月开始，预计四个月完成。</p></body></html>"));
        let t = decode(&page, true, None);
        assert_eq!(t.encoding, encoding_rs::GBK);
        assert!(t.text.contains("爱上海龙凤419论坛 上海龙凤419"), "{}", t.text);
        let ru = "<html><head><meta charset=\"gbk\"><title>Новости</title></head><body><p>Городской совет во вторник проголосовал за строительство велосипедных дорожек вдоль реки. Работы начнутся в июне и займут четыре месяца.</p></body></html>";
        let bytes = encoding_rs::WINDOWS_1251.encode(ru).0;
        let t = decode(&bytes, true, None);
        assert_eq!(t.encoding, encoding_rs::WINDOWS_1251);
        assert_eq!(t.text, ru);
    }

    #[test]
    fn declared_charset_is_used() {
        let body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body>市立図書館のお知らせ</body></html>";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(body);
        let t = decode(&bytes, true, None);
        assert_eq!(t.encoding, encoding_rs::SHIFT_JIS);
        assert_eq!(t.text, body);
    }

    #[test]
    fn undeclared_gbk_is_detected() {
        let body = "上海的科技创新中心正在快速发展，很多公司在这里设立研发中心。".repeat(8);
        let (bytes, _, _) = encoding_rs::GBK.encode(&body);
        let t = decode(&bytes, false, None);
        assert_eq!(t.text, body);
    }

    #[test]
    fn bom_shifts_offsets() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("ab爱".as_bytes());
        let t = decode(&bytes, false, None);
        assert_eq!(t.text, "ab爱");
        assert_eq!(t.map.to_src(&bytes, 2), 5);
    }

    #[test]
    fn utf16_without_bom() {
        let text = "Hello, world. This is plain text.";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let t = decode(&bytes, false, None);
        assert_eq!(t.text, text);
        assert_eq!(t.map.to_src(&bytes, 7), 14);
    }

    #[test]
    fn broken_utf8_is_replaced_and_mapped() {
        let mut bytes =
            "Zdanie po polsku: zażółć gęślą jaźń, źdźbło, łódź, ćma, żółć. ".repeat(3).into_bytes();
        bytes.push(0xC5); // truncated two-byte sequence
        bytes.extend_from_slice(" dalej żółw".as_bytes());
        bytes.extend_from_slice("<meta charset=utf-8>".as_bytes());
        let t = decode(&bytes, true, None);
        assert!(t.text.contains('\u{FFFD}'));
        let at = t.text.find("dalej").unwrap();
        let src = t.map.to_src(&bytes, at);
        assert_eq!(&bytes[src..src + 5], b"dalej");
    }

    #[test]
    fn meta_prescan() {
        assert_eq!(declared_charset(b"<META CHARSET='windows-1251'>"), Some(encoding_rs::WINDOWS_1251));
        assert_eq!(
            declared_charset(b"<meta http-equiv=content-type content=\"text/html; charset=gb2312\">"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(declared_charset(b"<meta name=x content=y>"), None);
    }
}
