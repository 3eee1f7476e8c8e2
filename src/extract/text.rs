//! Plain text -> blocks: paragraphs split on blank lines; in text whose lines are not
//! hard-wrapped every line is its own block. The first line is the title (unless it is the
//! only one: a one-line record is its own text), a date/tag/counter line near the top is a
//! byline, and a short line without final punctuation followed by text is a heading.

use super::{BlockKind, Blocks};

/// Lines longer than this (in characters) are not hard-wrapped prose.
const WRAP_WIDTH: usize = 80;
/// Longest first line (in characters) read as a title.
const TITLE_CHARS: usize = 160;
/// How many non-empty lines from the top may hold the title and the byline.
const HEADER_LINES: usize = 4;

/// Extract blocks from the decoded plain text `doc` into `out` (cleared first).
pub fn extract_text(doc: &str, out: &mut Blocks) {
    out.clear();
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    // Non-empty lines so far. A document of one line (a short record of a dataset) has no
    // title or byline: the line is its text, so it starts as if past the header.
    let mut seen =
        if doc.lines().filter(|l| !l.trim().is_empty()).nth(1).is_none() { HEADER_LINES } else { 0 };
    for raw in doc.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            flush(out, &lines, &mut seen);
            lines.clear();
        } else {
            lines.push((pos, line));
        }
        pos += raw.len();
    }
    flush(out, &lines, &mut seen);
}

fn flush(out: &mut Blocks, group: &[(usize, &str)], seen: &mut usize) {
    if group.is_empty() {
        return;
    }
    // Hard-wrapped prose: lines no longer than a terminal, every one but the last well filled.
    let wrapped = group.len() > 1
        && group.iter().all(|(_, l)| l.chars().count() <= WRAP_WIDTH)
        && group[..group.len() - 1].iter().all(|(_, l)| l.chars().count() >= WRAP_WIDTH / 2);
    if wrapped && *seen >= HEADER_LINES.min(2) {
        // One paragraph; line breaks read as spaces.
        for (i, (at, line)) in group.iter().enumerate() {
            out.push_verbatim(line, *at);
            if i + 1 < group.len() {
                out.push_synthetic(" ", at + line.len());
            }
        }
        out.close(BlockKind::Paragraph, None);
        *seen += group.len();
        return;
    }
    for (i, (at, line)) in group.iter().enumerate() {
        let next = group.get(i + 1).map(|(_, l)| *l);
        let kind = classify(line, next, *seen);
        out.push_verbatim(line, *at);
        out.close(kind, None);
        *seen += 1;
    }
}

fn classify(line: &str, next: Option<&str>, seen: usize) -> BlockKind {
    let t = line.trim();
    let chars = t.chars().count();
    // A first line short enough for a headline; a long one is the text itself.
    if seen == 0 && chars <= TITLE_CHARS && sentences(t) <= 1 {
        return BlockKind::Title;
    }
    if seen < HEADER_LINES && is_byline(t) {
        return BlockKind::Byline;
    }
    let ends_sentence = t.ends_with(['.', '!', '?', ':', ';', ',', '。', '！', '？', '"', '\u{201d}', ')']);
    if chars <= 80 && !ends_sentence && next.is_some_and(|n| n.trim().chars().count() > chars) {
        return BlockKind::Heading;
    }
    if chars <= 40 {
        return BlockKind::Line;
    }
    BlockKind::Paragraph
}

/// Sentence ends followed by more text, plus one: a headline has one sentence at most.
fn sentences(t: &str) -> usize {
    let chars: Vec<char> = t.chars().collect();
    1 + chars
        .windows(2)
        .filter(|w| matches!(w[0], '.' | '!' | '?' | '。' | '！' | '？') && (w[1] == ' ' || !w[1].is_ascii()))
        .count()
}

/// A date, a time, tag/counter emoji or `By …`/`Posted by …`: what a byline looks like.
fn is_byline(t: &str) -> bool {
    let has_date = {
        let b = t.as_bytes();
        b.windows(10).any(|w| {
            w[..4].iter().all(u8::is_ascii_digit)
                && matches!(w[4], b'-' | b'/' | b'.')
                && w[5..7].iter().all(u8::is_ascii_digit)
                && matches!(w[7], b'-' | b'/' | b'.')
                && w[8..10].iter().all(u8::is_ascii_digit)
        }) || b.windows(5).any(|w| {
            w[0].is_ascii_digit()
                && w[1].is_ascii_digit()
                && w[2] == b':'
                && w[3].is_ascii_digit()
                && w[4].is_ascii_digit()
        })
    };
    let markers = t.chars().filter(|&c| is_marker(c)).count();
    let lower = t.to_lowercase();
    let by = lower.starts_with("by ") || lower.starts_with("posted ") || lower.starts_with("written by");
    (has_date && (markers > 0 || t.chars().count() < 120)) || markers >= 2 || by
}

/// Pictographs used as field markers in bylines (⏱ 🔖 📢 👁 📅 🏷 …).
fn is_marker(c: char) -> bool {
    matches!(c as u32, 0x2300..=0x23FF | 0x2600..=0x27BF | 0x1F300..=0x1FAFF | 0x2B00..=0x2BFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_like_layout() {
        let doc = "Silicon Story: A City\n\n⏱ 2025-05-24 00:25 🔖 tag 📢0\n\nFirst paragraph is long enough to be prose, with a full sentence that goes on and on past the wrap width of a hard-wrapped text.\n\nA Heading\nBody text that is longer than the heading line, written as one long line of running prose here.\n短行419\nAnother Heading\nMore text follows in a longer line.\n";
        let mut b = Blocks::default();
        extract_text(doc, &mut b);
        let got: Vec<_> = b.blocks.iter().map(|x| (b.text_of(x), x.kind)).collect();
        assert_eq!(got[0], ("Silicon Story: A City", BlockKind::Title));
        assert_eq!(got[1].1, BlockKind::Byline);
        assert_eq!(got[2].1, BlockKind::Paragraph);
        assert_eq!(got[3], ("A Heading", BlockKind::Heading));
        assert_eq!(got[5], ("短行419", BlockKind::Heading));
        assert_eq!(got[6], ("Another Heading", BlockKind::Heading));
        assert_eq!(got[7], ("More text follows in a longer line.", BlockKind::Line));
        // offsets map back
        let blk = &b.blocks[5];
        let s = b.to_doc_start(blk, blk.text.start);
        assert_eq!(&doc[s..s + "短行419".len()], "短行419");
    }

    #[test]
    fn a_long_first_line_is_text_not_a_title() {
        let doc = "Can you buy Viagra without a prescription? In the UK, Viagra Connect is available without prescription from pharmacies, and generic sildenafil became available in 2017.\n";
        let mut b = Blocks::default();
        extract_text(doc, &mut b);
        assert_eq!(b.blocks[0].kind, BlockKind::Paragraph);
    }

    /// A record of one line (a dataset's short text) is its own text: not a title, so its
    /// terms are not weighed as a title's nor reported as metadata missing from the body.
    #[test]
    fn a_one_line_document_has_no_title() {
        let kinds = |doc: &str| {
            let mut b = Blocks::default();
            extract_text(doc, &mut b);
            b.blocks.iter().map(|b| b.kind).collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("Our review of the new online casino bonus rules, out today"),
            [BlockKind::Paragraph]
        );
        assert_eq!(kinds("\n  \nShort line\n\n"), [BlockKind::Line]);
        assert_eq!(kinds("Posted 2025-05-24 10:00 by the editors"), [BlockKind::Line]);
        // With a second line the first is a title again.
        assert_eq!(
            kinds("Our review of the new casino rules\n\nThe regulator published them today."),
            [BlockKind::Title, BlockKind::Line]
        );
    }

    #[test]
    fn wrapped_paragraph_is_one_block() {
        let doc = "Title\n\nPosted by someone on 03 May\n\nWe tried the little place behind the museum twice\nthis week. Thin skins, a lot of broth, and they\nclose at 2pm sharp.\n";
        let mut b = Blocks::default();
        extract_text(doc, &mut b);
        assert_eq!(b.blocks.len(), 3);
        assert_eq!(b.blocks[1].kind, BlockKind::Byline);
        assert_eq!(b.text_of(&b.blocks[2]), "We tried the little place behind the museum twice this week. Thin skins, a lot of broth, and they close at 2pm sharp.");
        let blk = &b.blocks[2];
        let at = blk.text.start + b.text_of(blk).find("this week").unwrap();
        let s = b.to_doc_start(blk, at);
        assert_eq!(&doc[s..s + 9], "this week");
    }
}
