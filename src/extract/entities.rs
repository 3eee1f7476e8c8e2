//! Character references in text and attribute values, decoded with a map to the source.

use super::Blocks;

/// Append `raw` (HTML text or an attribute value starting at decoded-document offset `src`)
/// to the open block of `out`, decoding character references: decimal, hex and named (the
/// WHATWG table, through html-escape). A reference that does not decode stays as written.
pub(crate) fn push_html_text(out: &mut Blocks, raw: &str, src: usize) {
    let bytes = raw.as_bytes();
    let mut done = 0;
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'&', &bytes[from..]).map(|i| i + from) {
        from = i + 1;
        let Some(len) = reference_len(&bytes[i..]) else {
            continue;
        };
        let reference = &raw[i..i + len];
        let decoded = html_escape::decode_html_entities(reference);
        if decoded == reference {
            continue;
        }
        out.push_verbatim(&raw[done..i], src + done);
        out.push_decoded(&decoded, src + i..src + i + len);
        done = i + len;
        from = done;
    }
    out.push_verbatim(&raw[done..], src + done);
}

/// Length of the character reference at the start of `s` (`&…;`), if it looks like one.
fn reference_len(s: &[u8]) -> Option<usize> {
    let body = &s[1..s.len().min(40)];
    let end = body.iter().position(|&b| b == b';')?;
    let name = &body[..end];
    let ok = match name {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_digit),
        _ => !name.is_empty() && name.iter().all(u8::is_ascii_alphanumeric),
    };
    ok.then_some(end + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::BlockKind;

    #[test]
    fn decodes_and_maps() {
        let raw = "Fridge &#x7231;&#19978;&amp;x &bogus; &";
        let mut b = Blocks::default();
        push_html_text(&mut b, raw, 100);
        b.close(BlockKind::Heading, None);
        assert_eq!(b.text, "Fridge 爱上&x &bogus; &");
        let blk = b.blocks[0].clone();
        let at = b.text.find('爱').unwrap();
        assert_eq!(b.to_doc_start(&blk, at), 107);
        assert_eq!(b.to_doc_end(&blk, at + 3), 107 + "&#x7231;".len());
        let up = b.text.find('上').unwrap();
        assert_eq!(b.to_doc_end(&blk, up + 3), 107 + "&#x7231;&#19978;".len());
        let x = b.text.find("x &b").unwrap();
        assert_eq!(b.to_doc_start(&blk, x), 100 + raw.find("x &b").unwrap());
    }
}
