//! The warc reader (through the sniffing stream reader): every item names the input,
//! documents stay within the size limits, windows come in order and end, every document
//! scans within the report's promises, and the reader ends.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spamscan::InputFormat;

fuzz_target!(|data: &[u8]| {
    spamscan_fuzz::read_all(data, InputFormat::Auto);
});
