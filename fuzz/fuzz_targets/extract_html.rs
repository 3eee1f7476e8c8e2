//! HTML extraction: block ranges lie in the block text on character boundaries, and every
//! block-text offset maps back into the document, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spamscan::extract::{extract_html, Blocks};

fuzz_target!(|data: &[u8]| {
    let doc = String::from_utf8_lossy(data);
    let mut blocks = Blocks::default();
    extract_html(&doc, &mut blocks);
    let text = &blocks.text;
    let mut prev_end = 0;
    for b in &blocks.blocks {
        assert!(b.text.start <= b.text.end && b.text.end <= text.len(), "block {:?}", b.text);
        assert!(b.text.start >= prev_end, "blocks overlap");
        prev_end = b.text.end;
        assert!(text.is_char_boundary(b.text.start) && text.is_char_boundary(b.text.end));
        let block = blocks.text_of(b);
        let mut last = 0;
        for (i, _) in block.char_indices().chain(std::iter::once((block.len(), ' '))) {
            let at = b.text.start + i;
            let (s, e) = (blocks.to_doc_start(b, at), blocks.to_doc_end(b, at));
            assert!(s <= doc.len() && e <= doc.len(), "block offset {at} maps to {s}/{e} past {}", doc.len());
            assert!(doc.is_char_boundary(s) && doc.is_char_boundary(e), "{s}/{e} not on a char boundary");
            assert!(s >= last, "start map not monotone at {at}");
            last = s;
        }
    }
    for l in &blocks.links {
        assert!(l.text.start <= l.text.end && l.text.end <= text.len(), "link {:?}", l.text);
    }
    for r in &blocks.lang_spans {
        assert!(r.start <= r.end && r.end <= text.len(), "lang span {r:?}");
    }
    for r in &blocks.hidden_roots {
        assert!(r.start <= r.end && r.end <= doc.len(), "hidden root {r:?}");
        assert!(doc.is_char_boundary(r.start) && doc.is_char_boundary(r.end));
    }
});
