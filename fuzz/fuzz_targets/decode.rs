//! Charset sniffing and decoding: the offset map sends every character boundary of the
//! decoded text to a position inside the input, in order, and a stretch of clean text cut
//! out of the input at the mapped positions decodes to the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spamscan::decode::decode;

const CONTAINER: [Option<&encoding_rs::Encoding>; 6] = [
    None,
    Some(encoding_rs::UTF_8),
    Some(encoding_rs::GBK),
    Some(encoding_rs::SHIFT_JIS),
    Some(encoding_rs::WINDOWS_1251),
    Some(encoding_rs::UTF_16LE),
];

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else { return };
    let html = flags & 1 == 1;
    let container = CONTAINER[(flags as usize >> 1) % CONTAINER.len()];
    let t = decode(bytes, html, container);
    let text: &str = &t.text;
    let mut prev = 0;
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    // Every boundary for short texts; a sample for long ones (to_src is not O(1)).
    let step = (text.len() / 512).max(1);
    for (i, _) in text.char_indices().step_by(step).chain(std::iter::once((text.len(), ' '))) {
        let src = t.map.to_src(bytes, i);
        assert!(src <= bytes.len(), "text offset {i} maps to {src} past {}", bytes.len());
        assert!(src >= prev, "map not monotone at text offset {i}: {src} < {prev}");
        prev = src;
        bounds.push((i, src));
    }
    if t.encoding == encoding_rs::ISO_2022_JP {
        return;
    }
    for w in bounds.windows(2) {
        let ((a, sa), (b, sb)) = (w[0], w[1]);
        let piece = &text[a..b];
        // Replacement characters stand for broken input that can re-decode differently once
        // cut; a character before or after one can be pulled into it.
        let near_bad = piece.contains('\u{FFFD}')
            || text[..a].ends_with('\u{FFFD}')
            || text[b..].starts_with('\u{FFFD}');
        // Four Big5 characters decode to a letter and a combining mark (0x8864 is `Ê̌`): a
        // boundary between the two is inside one source character, which maps to its end.
        let split = |t: &str| t.starts_with(|c: char| ('\u{300}'..='\u{36F}').contains(&c));
        if near_bad || split(&text[b..]) || split(piece) {
            continue;
        }
        let (again, bad) = t.encoding.decode_without_bom_handling(&bytes[sa..sb]);
        if !bad {
            assert_eq!(again, piece, "text {a}..{b} is source {sa}..{sb} in {}", t.encoding.name());
        }
    }
});
