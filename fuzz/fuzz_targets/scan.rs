//! The whole single-document scan: score in [0, 1], contributions adding up to it, spans
//! inside the document, in order, with the right line and column, and each span's bytes
//! decoding (with the document's charset) to the finding's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spamscan::{Document, Format, Origin};
use spamscan_fuzz::{check_report, engine};

const CONTAINER: [Option<&encoding_rs::Encoding>; 4] =
    [None, Some(encoding_rs::UTF_8), Some(encoding_rs::GBK), Some(encoding_rs::WINDOWS_1252)];

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else { return };
    let format = if flags & 1 == 1 { Format::Html } else { Format::Text };
    let mut doc = Document::new(Origin::file("fuzz"), bytes.to_vec(), format);
    doc.charset = CONTAINER[(flags as usize >> 1) % CONTAINER.len()];
    let report = engine().scanner().scan(&doc);
    check_report(&doc, &report);
});
