//! Pattern-pack loading: a pack file either loads and compiles, or fails with a position
//! inside the file; a compiled pack matches without panicking.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use spamscan::patterns::{parse, PatternSet};
use spamscan::Error;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz.toml");
    match parse(path, src) {
        Ok(pack) => match PatternSet::build(vec![(PathBuf::from("fuzz.toml"), pack)]) {
            Ok(set) => {
                let mut buf = Vec::new();
                let mut hits = 0usize;
                set.find(src, &mut buf, |h| {
                    assert!(h.start <= h.end && h.end <= src.len(), "hit {}..{}", h.start, h.end);
                    hits += 1;
                });
                let _ = set.literals().count();
                let _ = hits;
            }
            Err(e) => check_position(&e, src),
        },
        Err(e) => check_position(&e, src),
    }
});

fn check_position(e: &Error, src: &str) {
    match e {
        Error::Pack { line, column, message, .. } => {
            assert!(*line >= 1 && *column >= 1, "position {line}:{column}");
            assert!(*line <= src.lines().count() + 1, "line {line} past the end: {message}");
            assert!(!message.is_empty());
        }
        other => panic!("a pack error is Error::Pack, not {other:?}"),
    }
}
