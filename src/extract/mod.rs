//! Extract: decoded text -> [`Block`]s with their context (title, meta, heading, paragraph,
//! anchor, attribute, byline, line), whether they are hidden and why, and a map from every
//! block's text back to the decoded document.

mod css;
mod entities;
mod html;
mod text;

use std::ops::Range;

pub use css::Hidden;
pub use html::{extract_html, host_of as html_host_of};
pub use text::extract_text;

/// Which metadata field a [`BlockKind::Meta`] block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    /// `<meta name="description">`.
    Description,
    /// `<meta name="keywords">`.
    Keywords,
    /// `<meta property="og:title">` (or `twitter:title`).
    OgTitle,
    /// `<meta property="og:description">` (or `twitter:description`).
    OgDescription,
}

/// What kind of text a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `<title>`, or the first line of a plain-text document.
    Title,
    /// A metadata field.
    Meta(MetaField),
    /// A byline or tag line near the top of a plain-text document (date, tags, counters).
    Byline,
    /// `<h1>`–`<h6>`, or a short heading-like line of plain text.
    Heading,
    /// A paragraph or other block of running text.
    Paragraph,
    /// A list item (`<li>`, `<dt>`, `<dd>`).
    ListItem,
    /// An `alt` or `title` attribute.
    Attribute,
    /// A short line of plain text on its own.
    Line,
    /// `<pre>` or `<code>`: text shown as code, often quoted.
    Code,
}

impl BlockKind {
    /// True for title, meta fields and bylines: text that describes the page.
    pub fn is_metadata(self) -> bool {
        matches!(self, BlockKind::Title | BlockKind::Meta(_) | BlockKind::Byline)
    }

    /// The context name used in reports: one of `title`, `meta`, `byline`, `heading`,
    /// `paragraph`, `list`, `attribute`, `line`, `code`.
    pub fn context(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Meta(_) => "meta",
            BlockKind::Byline => "byline",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list",
            BlockKind::Attribute => "attribute",
            BlockKind::Line => "line",
            BlockKind::Code => "code",
        }
    }
}

/// A run of text with its context. Its text lives in [`Blocks::text`].
#[derive(Debug, Clone)]
pub struct Block {
    /// What kind of text.
    pub kind: BlockKind,
    /// Why the block is not shown, if it is hidden (on itself or an ancestor).
    pub hidden: Option<Hidden>,
    /// Range into [`Blocks::text`].
    pub text: Range<usize>,
    /// Range into [`Blocks::pieces`].
    pieces: Range<usize>,
}

/// A stretch of block text and the range of the decoded document it came from. A verbatim
/// piece is a copy (offsets shift one to one); any other piece is one decoded character
/// reference, whose parts all map to the whole reference.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    text: usize,
    src: (usize, usize),
    verbatim: bool,
}

/// An `<a href>` inside a block.
#[derive(Debug, Clone)]
pub struct Link {
    /// Range of the anchor text in [`Blocks::text`].
    pub text: Range<usize>,
    /// The `href` value, entity-decoded.
    pub href: String,
    /// The link names its target language (`hreflang` or `lang`): a language switcher.
    pub lang_tagged: bool,
    /// The anchor is hidden.
    pub hidden: bool,
}

/// A language the document declares, and where the value stands in the decoded document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeclaredLang {
    /// The tag as written (`en-US`, `de`, `zh_CN`).
    pub value: String,
    /// Range of the value in the decoded document.
    pub at: Option<Range<usize>>,
}

/// What the document says about itself.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    /// `<html lang>`.
    pub html_lang: Option<DeclaredLang>,
    /// `<meta http-equiv="content-language">`.
    pub content_language: Option<DeclaredLang>,
    /// `<meta property="og:locale">`.
    pub og_locale: Option<DeclaredLang>,
    /// Host of `<link rel="canonical">` or `og:url`.
    pub host: Option<String>,
}

/// Every block of one document, in document order, sharing one text buffer. Reused across
/// documents by the scanner.
#[derive(Debug, Default)]
pub struct Blocks {
    /// All block texts, back to back.
    pub text: String,
    pieces: Vec<Piece>,
    /// The blocks.
    pub blocks: Vec<Block>,
    /// The anchors.
    pub links: Vec<Link>,
    /// Text of elements below `<html>` that carry their own `lang` attribute (ranges into
    /// [`Blocks::text`]): text the page says is in another language on purpose.
    pub lang_spans: Vec<Range<usize>>,
    /// Declared language and host.
    pub declared: Declared,
    /// Outermost hidden elements, start tag to end tag (ranges of the decoded document).
    pub hidden_roots: Vec<Range<usize>>,
    /// Times the HTML parser hit its memory cap and extraction went on with a fresh parser
    /// from the next tag (the text inside the tag that broke it is lost).
    pub parser_restarts: usize,
    /// Block under construction: where its text and pieces start.
    open: (usize, usize),
    /// Links (`true`) and lang spans (`false`) whose end was set while the open block was
    /// open: dropping the block clamps them too (a nested link may end before them).
    ended: Vec<(bool, usize)>,
}

impl Blocks {
    /// Empty everything, keeping the allocations.
    pub fn clear(&mut self) {
        self.text.clear();
        self.pieces.clear();
        self.blocks.clear();
        self.links.clear();
        self.lang_spans.clear();
        self.hidden_roots.clear();
        self.parser_restarts = 0;
        self.declared = Declared::default();
        self.open = (0, 0);
        self.ended.clear();
    }

    /// End link `i` here.
    pub(crate) fn end_link(&mut self, i: usize) {
        self.links[i].text.end = self.text.len();
        self.ended.push((true, i));
    }

    /// End lang span `i` here.
    pub(crate) fn end_lang_span(&mut self, i: usize) {
        self.lang_spans[i].end = self.text.len();
        self.ended.push((false, i));
    }

    /// The text of block `b`.
    pub fn text_of(&self, b: &Block) -> &str {
        &self.text[b.text.clone()]
    }

    /// The text of block-local range `s..e` of `b` as a finding reports it: the block's text,
    /// except that a separator put in for white space of the decoded document `doc` (the line
    /// break between two lines of a hard-wrapped paragraph) is given back as that white space.
    /// The text then equals the document's bytes wherever the document writes it plainly;
    /// separators for markup (adjacent links) stay spaces.
    pub fn flagged_text(&self, b: &Block, s: usize, e: usize, doc: &str) -> String {
        let (at, end) = (b.text.start + s, (b.text.start + e).min(b.text.end));
        let pieces = &self.pieces[b.pieces.clone()];
        let separator = |p: &Piece| !p.verbatim && p.src.0 == p.src.1;
        // Only the pieces the range touches (a block can hold thousands).
        let first = pieces.partition_point(|p| p.text <= at).saturating_sub(1);
        let last = pieces.partition_point(|p| p.text < end);
        if !pieces[first..last.max(first)].iter().any(|p| separator(p) && at <= p.text) {
            return self.text.get(at..end).unwrap_or_default().to_string();
        }
        let mut out = String::with_capacity(end.saturating_sub(at));
        for (i, p) in pieces.iter().enumerate().take(last).skip(first) {
            let next = pieces.get(i + 1);
            let (ps, pe) = (p.text.max(at), next.map_or(b.text.end, |n| n.text).min(end));
            let Some(piece) = self.text.get(ps..pe).filter(|t| !t.is_empty()) else { continue };
            if separator(p) {
                // What the document holds between the pieces either side.
                let from = if i > 0 { pieces[i - 1].src.1 } else { p.src.0 };
                let to = next.map_or(p.src.1, |n| n.src.0);
                if let Some(gap) = doc.get(from..to).filter(|g| !g.is_empty() && g.trim().is_empty()) {
                    out.push_str(gap);
                    continue;
                }
            }
            out.push_str(piece);
        }
        out
    }

    /// Append `s`, a verbatim copy of decoded-document bytes starting at `src`.
    pub(crate) fn push_verbatim(&mut self, s: &str, src: usize) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        self.text.push_str(s);
        let open_pieces = self.pieces.len() > self.open.1;
        if let Some(last) = self.pieces.last_mut() {
            if open_pieces
                && last.verbatim
                && last.src.1 == src
                && last.text + (last.src.1 - last.src.0) == at
            {
                last.src.1 += s.len();
                return;
            }
        }
        self.pieces.push(Piece { text: at, src: (src, src + s.len()), verbatim: true });
    }

    /// Append `s`, decoded from the reference at `src` in the decoded document.
    pub(crate) fn push_decoded(&mut self, s: &str, src: Range<usize>) {
        let at = self.text.len();
        self.text.push_str(s);
        self.pieces.push(Piece { text: at, src: (src.start, src.end), verbatim: false });
    }

    /// Append text that stands for nothing in the source (a separator), mapped to `at`.
    pub(crate) fn push_synthetic(&mut self, s: &str, at: usize) {
        self.push_decoded(s, at..at);
    }

    /// Put a space after the open block's text unless it is empty or ends in white space:
    /// adjacent links (`<a>ИНОТВ</a><a>RT</a>`) are separate items, not one word.
    pub(crate) fn separate(&mut self) {
        let open = &self.text[self.open.0..];
        if open.is_empty() || open.ends_with(char::is_whitespace) {
            return;
        }
        let at = self.pieces.last().map_or(0, |p| p.src.1);
        self.push_synthetic(" ", at);
    }

    /// True when the open block holds only white space.
    pub(crate) fn open_is_blank(&self) -> bool {
        let rest = &self.text[self.open.0..];
        // ASCII white space first: most open text is either blank or starts with a letter.
        match rest.bytes().find(|b| !b.is_ascii_whitespace()) {
            None => true,
            Some(b) if b.is_ascii() => false,
            Some(_) => rest.trim().is_empty(),
        }
    }

    /// Close the open block: keep it as `kind` if it holds any visible character, else drop
    /// its text.
    pub(crate) fn close(&mut self, kind: BlockKind, hidden: Option<Hidden>) {
        let (t0, p0) = self.open;
        if self.open_is_blank() {
            self.text.truncate(t0);
            self.pieces.truncate(p0);
            // Links and lang spans opened in the dropped white space start (or end) here.
            let clamp = |r: &mut Range<usize>| {
                r.start = r.start.min(t0);
                r.end = r.end.min(t0);
            };
            for l in self.links.iter_mut().rev().take_while(|l| l.text.end >= t0) {
                clamp(&mut l.text);
            }
            for r in self.lang_spans.iter_mut().rev().take_while(|r| r.end >= t0) {
                clamp(r);
            }
            for &(link, i) in &self.ended {
                clamp(if link { &mut self.links[i].text } else { &mut self.lang_spans[i] });
            }
        } else {
            self.blocks.push(Block {
                kind,
                hidden,
                text: t0..self.text.len(),
                pieces: p0..self.pieces.len(),
            });
        }
        self.open = (self.text.len(), self.pieces.len());
        self.ended.clear();
    }

    /// Decoded-document offset of block-text offset `at` (a start position).
    pub fn to_doc_start(&self, b: &Block, at: usize) -> usize {
        let pieces = &self.pieces[b.pieces.clone()];
        let i = pieces.partition_point(|p| p.text <= at).saturating_sub(1);
        map_in(pieces, i, at, false)
    }

    /// Decoded-document offset of block-text offset `at` (an exclusive end position).
    pub fn to_doc_end(&self, b: &Block, at: usize) -> usize {
        let pieces = &self.pieces[b.pieces.clone()];
        let i = pieces.partition_point(|p| p.text < at).saturating_sub(1);
        map_in(pieces, i, at, true)
    }
}

fn map_in(pieces: &[Piece], i: usize, at: usize, end: bool) -> usize {
    let Some(p) = pieces.get(i) else { return 0 };
    if p.verbatim {
        (p.src.0 + at.saturating_sub(p.text)).min(p.src.1)
    } else if end && at > p.text {
        p.src.1
    } else {
        p.src.0
    }
}

/// Is `tag` a line-level element whose text forms its own block?
pub(crate) fn block_kind_of(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "title" => BlockKind::Title,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "pre" | "code" | "kbd" | "samp" | "tt" => BlockKind::Code,
        "p" | "div" | "section" | "article" | "aside" | "header" | "footer" | "nav" | "main"
        | "blockquote" | "td" | "th" | "tr" | "table" | "ul" | "ol" | "dl" | "form" | "figure"
        | "figcaption" | "caption" | "address" | "body" | "center" | "option" | "select" | "label"
        | "button" | "summary" | "details" | "fieldset" | "legend" | "iframe" | "textarea" | "noscript" => {
            BlockKind::Paragraph
        }
        _ => return None,
    })
}
