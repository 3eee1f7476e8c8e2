//! Normalisation: every output position maps to a character boundary of the input, in
//! order, and normalising the mapped input again gives the output back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spamscan::normalize::Normalized;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut n = Normalized::default();
    n.run(&input);
    let out = n.text.clone();
    let mut prev = (0, 0);
    for (i, _) in out.char_indices().chain(std::iter::once((out.len(), ' '))) {
        let (s, e) = (n.src_start(i), n.src_end(i));
        assert!(s <= input.len() && e <= input.len(), "output {i} maps to {s}/{e} past {}", input.len());
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e), "{s}/{e} inside a character");
        assert!(s >= prev.0 && e >= prev.1, "map not monotone at output offset {i}");
        prev = (s, e);
    }
    // Each output character comes from an input stretch that normalises to a text holding it.
    let mut again = Normalized::default();
    for (i, c) in out.char_indices() {
        let (s, e) = (n.src_start(i), n.src_end(i + c.len_utf8()));
        assert!(s <= e, "output char {i} maps to {s}..{e}");
        again.run(&input[s..e]);
        // (Look-alike letters fold to Latin only beside Latin letters: not checked alone.)
        if !c.is_ascii_alphabetic() {
            assert!(
                again.text.contains(c),
                "{c:?} at {i}: {:?} normalises to {:?}",
                &input[s..e],
                again.text
            );
        }
    }
    // NFKC expands a character to at most 18.
    assert!(out.len() <= input.len() * 18 + 16, "{} bytes from {}", out.len(), input.len());
});
