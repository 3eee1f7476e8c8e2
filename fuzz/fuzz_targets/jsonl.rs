//! The JSON Lines reader: one item per non-blank line (a document or an error naming its
//! record), documents within the limits, and every document scans within the report's
//! promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spamscan::InputFormat;

fuzz_target!(|data: &[u8]| {
    let tally = spamscan_fuzz::read_all(data, InputFormat::Jsonl);
    let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    assert_eq!(tally.items, lines, "one item per non-blank line");
});
