//! HTML -> blocks, through lol_html's streaming tokenizer.
//!
//! lol_html reports start tags, end tags, comments and doctypes with their byte ranges in its
//! input (the decoded UTF-8 document). Text is what lies between them: we take it from the
//! document ourselves instead of through lol_html's text handler, whose chunking and per-chunk
//! decoding cost about a third of the parse. The text type of a stretch (data, RCDATA, raw text,
//! script) follows from the last start tag, as in lol_html's own tree-builder simulator. We keep
//! our own stack of open elements to know each text's block, hidden state and `lang`; end tags
//! come through lol_html's end-tag handlers, and the elements HTML closes implicitly (`<p>`
//! before a block, `<li>` before `<li>`) are popped by the rules below.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{Element, TextType};
use lol_html::{doc_comments, doctype, element, HtmlRewriter, MemorySettings, Settings};

use super::css::{hides, HiddenRules};
use super::entities::push_html_text;
use super::{block_kind_of, BlockKind, Blocks, DeclaredLang, Hidden, Link, MetaField};

/// lol_html's own buffers are capped; a document that needs more is cut there.
const PARSER_MEMORY: usize = 16 << 20;

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The text an HTML element's start tag switches the tokenizer to (lol_html's tree-builder
/// simulator: scripting on, so `noscript` holds raw text).
fn raw_text_type(tag: &str) -> Option<TextType> {
    match tag {
        "title" | "textarea" => Some(TextType::RCData),
        "style" | "iframe" | "xmp" | "noembed" | "noframes" | "noscript" => Some(TextType::RawText),
        "script" => Some(TextType::ScriptData),
        "plaintext" => Some(TextType::PlainText),
        _ => None,
    }
}

/// An element's name, ASCII-lowercased, kept inline (no allocation per element). Names longer
/// than the buffer are stored as `~`, which matches no element the extractor knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tag {
    buf: [u8; 31],
    len: u8,
}

impl Tag {
    fn new(name: &[u8]) -> Tag {
        let mut buf = [0; 31];
        if name.len() > buf.len() || !name.is_ascii() {
            buf[0] = b'~';
            return Tag { buf, len: 1 };
        }
        for (b, n) in buf.iter_mut().zip(name) {
            *b = n.to_ascii_lowercase();
        }
        Tag { buf, len: name.len() as u8 }
    }

    /// The name of the start tag written at the front of `raw` (`<name …`).
    fn of_start_tag(raw: &str) -> Tag {
        Tag::named(raw.as_bytes().get(1..).unwrap_or_default())
    }

    /// The name at the front of `raw`: up to white space, `/` or `>`.
    fn named(raw: &[u8]) -> Tag {
        let end = raw.iter().position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>');
        Tag::new(&raw[..end.unwrap_or(raw.len())])
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("~")
    }
}

impl std::hash::Hash for Tag {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write(self.as_bytes());
    }
}

impl PartialEq<&str> for Tag {
    fn eq(&self, other: &&str) -> bool {
        &self.buf[..self.len as usize] == other.as_bytes()
    }
}

/// The attributes the extractor reads, borrowed from the document in one pass over the tag.
#[derive(Default)]
struct Attrs<'d> {
    hidden: bool,
    style: Option<&'d str>,
    class: Option<&'d str>,
    id: Option<&'d str>,
    lang: Option<(&'d str, std::ops::Range<usize>)>,
    rel: Option<&'d str>,
    href: Option<&'d str>,
    hreflang: bool,
    alt: Option<(&'d str, usize)>,
    title: Option<(&'d str, usize)>,
    /// `name`, `property` or `http-equiv`, whichever comes first in that order.
    meta_key: [Option<&'d str>; 3],
    content: Option<(&'d str, std::ops::Range<usize>)>,
}

impl<'d> Attrs<'d> {
    /// Read the attributes of `el` as slices of `doc` (lol_html's source locations), so no
    /// name or value is copied. The first of a repeated attribute wins, as in HTML.
    fn read(doc: &'d str, base: usize, el: &Element) -> Attrs<'d> {
        let mut a = Attrs::default();
        for attr in el.attributes() {
            let Some(name) = attr.name_source_location().and_then(|l| doc.get(l.bytes())) else {
                continue;
            };
            // The names read are at most 10 bytes (`http-equiv`): longer ones (`data-…`,
            // `aria-…`) are skipped before any copy.
            let name = name.as_bytes();
            if name.len() > 10 {
                continue;
            }
            let mut lower = [0u8; 10];
            for (l, n) in lower.iter_mut().zip(name) {
                *l = n.to_ascii_lowercase();
            }
            let range = attr.value_source_location().map_or(0..0, |l| l.bytes());
            let value = doc.get(range.clone()).unwrap_or("");
            let range = if range.is_empty() { 0..0 } else { base + range.start..base + range.end };
            let set = |slot: &mut Option<&'d str>| {
                if slot.is_none() {
                    *slot = Some(value);
                }
            };
            match &lower[..name.len()] {
                b"hidden" => a.hidden = true,
                b"style" => set(&mut a.style),
                b"class" => set(&mut a.class),
                b"id" => set(&mut a.id),
                b"lang" if a.lang.is_none() => a.lang = Some((value, range)),
                b"rel" => set(&mut a.rel),
                b"href" => set(&mut a.href),
                b"hreflang" => a.hreflang = true,
                b"alt" if a.alt.is_none() && !range.is_empty() => a.alt = Some((value, range.start)),
                b"title" if a.title.is_none() && !range.is_empty() => a.title = Some((value, range.start)),
                b"name" => set(&mut a.meta_key[0]),
                b"property" => set(&mut a.meta_key[1]),
                b"http-equiv" => set(&mut a.meta_key[2]),
                b"content" if a.content.is_none() => a.content = Some((value, range)),
                _ => {}
            }
        }
        a
    }
}

#[derive(Debug)]
struct Frame {
    id: u64,
    tag: Tag,
    kind: Option<BlockKind>,
    link: Option<usize>,
    lang_span: Option<usize>,
    /// Where the element starts when it is the outermost hidden one (cut whole when it
    /// carries spam, up to its end tag).
    hidden_root: Option<usize>,
    /// The nearest kind and hidden reason on this frame or an ancestor: asked for at every
    /// element, so not found by walking a stack that may be a million deep.
    inherited: (Option<BlockKind>, Option<Hidden>),
}

#[derive(Default)]
struct State {
    out: Blocks,
    stack: Vec<Frame>,
    next_id: u64,
    rules: HiddenRules,
    style: String,
    in_style: bool,
    /// Attribute and meta texts met inside an open block, emitted as their own blocks when
    /// that block closes (block texts are contiguous in the shared buffer).
    pending: Vec<(String, usize, BlockKind, Option<Hidden>)>,
    /// A link just ended: the next text, unless it starts with white space, is a new item.
    separate_next: bool,
    /// End of the furthest tag, comment or doctype read (a restart point after a parser error).
    last_end: usize,
    /// Where the text not yet taken starts (document offset).
    gap_from: usize,
    /// The kind of text after the last start tag: `None` for data, else what lol_html's
    /// tokenizer switched to (title and textarea: RCDATA; style, iframe, noscript, …: raw
    /// text; script; plaintext).
    raw: Option<TextType>,
    /// End tags read but not yet applied, in document order.
    ends: Vec<End>,
    /// Open frames per tag name: an end tag with none open is stray, found without walking
    /// a stack that may be a million deep.
    open: foldhash::HashMap<Tag, u32>,
}

/// An end tag of a raw-text element: where it is and the frame it closes.
struct End {
    at: std::ops::Range<usize>,
    id: u64,
}

impl State {
    /// Apply the end tags read since the last event: the text before each, then the pops.
    fn apply_ends(&mut self, doc: &str) {
        if self.ends.is_empty() {
            return;
        }
        let ends = std::mem::take(&mut self.ends);
        for end in &ends {
            self.markup(doc, end.at.clone());
            self.raw = None;
            if let Some(i) = self.stack.iter().rposition(|f| f.id == end.id) {
                self.close_element(i, end.at.end);
            }
        }
        self.ends = ends;
        self.ends.clear();
    }

    /// Markup (a tag, comment or doctype) read at `at`: the text before it is taken, and
    /// reading goes on after it.
    fn markup(&mut self, doc: &str, at: std::ops::Range<usize>) {
        self.flush(doc, at.start);
        self.gap_from = self.gap_from.max(at.end);
        self.last_end = self.last_end.max(at.end);
    }

    /// Take the text between the last markup read and `upto` (a document offset where the
    /// next tag, comment or doctype starts, or the end of the document).
    fn flush(&mut self, doc: &str, upto: usize) {
        let from = self.gap_from;
        if upto <= from {
            return;
        }
        self.gap_from = upto;
        let Some(text) = doc.get(from..upto) else { return };
        match self.raw {
            None => self.push_data(text, from, upto == doc.len()),
            Some(TextType::RCData) => self.push_text(text, from),
            Some(TextType::RawText) if self.in_style => self.style.push_str(text),
            // lol_html reads `<noscript>` as raw text (scripting on); its markup is stripped
            // here and its text read, since crawlers without scripts see it.
            Some(TextType::RawText) if self.stack.last().is_some_and(|f| f.tag == "noscript") => {
                for (s, e) in markup_text(text) {
                    self.push_text(&text[s..e], from + s);
                }
            }
            Some(TextType::ScriptData) => {
                for (s, e) in written_by_script(text) {
                    let h = Some(Hidden::Script);
                    self.pending.push((text[s..e].to_string(), from + s, BlockKind::Paragraph, h));
                }
            }
            _ => {}
        }
    }

    /// Data text: all start tags, comments and doctypes were reported, so what is left here is
    /// text, end tags (read here: an end-tag handler per element would cost more than the
    /// rest of the parse), CDATA sections of SVG and MathML, and markup cut off by the end of
    /// the document (`eof`: this text runs to it). Markup that does not end inside this text
    /// can only be cut off by the end of the document; elsewhere its `<` is text. A skip can
    /// only end early (an end tag's quoted attribute), never hide text.
    fn push_data(&mut self, text: &str, at: usize, eof: bool) {
        let b = text.as_bytes();
        let (mut done, mut from) = (0, 0);
        while let Some(lt) = memchr::memchr(b'<', &b[from..]).map(|i| from + i) {
            let rest = &b[lt..];
            let mut end_tag = false;
            let after = match (rest.get(1), rest.get(2)) {
                // A start tag here never ended (the complete ones were reported).
                (Some(c), _) if c.is_ascii_alphabetic() => None,
                (Some(b'/'), Some(c)) if c.is_ascii_alphabetic() => {
                    let end = end_of_end_tag(b, lt + 2);
                    end_tag = end.is_some();
                    end
                }
                (Some(b'/'), Some(b'>')) => Some(lt + 3),
                // CDATA in foreign content: its text is not read (as lol_html's CDATA chunks
                // were not).
                (Some(b'!'), _) if rest.starts_with(b"<![CDATA[") => {
                    Some(memchr::memmem::find(rest, b"]]>").map_or(b.len(), |i| lt + i + 3))
                }
                (Some(b'/' | b'!' | b'?'), Some(_)) => memchr::memchr(b'>', rest).map(|i| lt + i + 1),
                // `<` before anything else (`1 < 2`), or `</` at the end: text.
                _ => {
                    from = lt + 1;
                    continue;
                }
            };
            let after = match after {
                Some(after) => after,
                None if eof => b.len(),
                None => {
                    from = lt + 1;
                    continue;
                }
            };
            self.push_text(&text[done..lt], at + done);
            if end_tag {
                self.end_tag(Tag::named(&b[lt + 2..after]), at + after);
            }
            done = after;
            from = done;
        }
        self.push_text(&text[done..], at + done);
    }

    /// An end tag ending at `end`: close the nearest open element of that name, if any (as
    /// lol_html's own stack does); a stray one does nothing.
    fn end_tag(&mut self, tag: Tag, end: usize) {
        if self.open.get(&tag).is_none_or(|&n| n == 0) {
            return;
        }
        if let Some(i) = self.stack.iter().rposition(|f| f.tag == tag) {
            self.close_element(i, end);
        }
    }

    /// Whether an element named `name` (lower case) is open.
    fn is_open(&self, name: &[u8]) -> bool {
        self.open.get(&Tag::new(name)).is_some_and(|&n| n > 0)
    }

    /// Close the element of frame `i` at its own end tag (ending at `end`).
    fn close_element(&mut self, i: usize, end: usize) {
        let root = self.stack[i].hidden_root;
        self.pop_to(i);
        if let Some(start) = root {
            self.out.hidden_roots.push(start..end);
        }
    }

    fn push_text(&mut self, text: &str, at: usize) {
        if text.is_empty() {
            return;
        }
        if std::mem::take(&mut self.separate_next) && !text.starts_with(char::is_whitespace) {
            self.out.separate();
        }
        push_html_text(&mut self.out, text, at);
    }

    fn kind(&self) -> BlockKind {
        self.stack.last().and_then(|f| f.inherited.0).unwrap_or(BlockKind::Paragraph)
    }

    fn hidden(&self) -> Option<Hidden> {
        self.stack.last().and_then(|f| f.inherited.1)
    }

    fn close_block(&mut self) {
        let (kind, hidden) = (self.kind(), self.hidden());
        self.out.close(kind, hidden);
        for (value, at, kind, hidden) in std::mem::take(&mut self.pending) {
            push_html_text(&mut self.out, &value, at);
            self.out.close(kind, hidden);
        }
    }

    /// Pop frames down to and including index `i`, closing blocks and links on the way.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            let (has_kind, is_style) =
                self.stack.last().map_or((false, false), |f| (f.kind.is_some(), f.tag == "style"));
            if has_kind {
                self.close_block();
            }
            if is_style {
                let sheet = std::mem::take(&mut self.style);
                self.rules.add_sheet(&sheet);
                self.in_style = false;
            }
            let f = self.stack.pop().expect("len > i");
            if let Some(n) = self.open.get_mut(&f.tag) {
                *n -= 1;
            }
            if let Some(l) = f.link {
                self.out.end_link(l);
                self.separate_next = true;
            }
            if let Some(l) = f.lang_span {
                self.out.end_lang_span(l);
            }
        }
    }

    fn find_open(&self, tag: &str, stop_at: &[&str]) -> Option<usize> {
        for (i, f) in self.stack.iter().enumerate().rev() {
            if f.tag == tag {
                return Some(i);
            }
            if stop_at.iter().any(|s| f.tag == *s) {
                return None;
            }
        }
        None
    }

    /// HTML's implied end tags for the elements that commonly lack them.
    fn implied_close(&mut self, tag: &str) {
        let closes_p = block_kind_of(tag).is_some()
            && !matches!(
                tag,
                "code"
                    | "kbd"
                    | "samp"
                    | "tt"
                    | "title"
                    | "label"
                    | "button"
                    | "option"
                    | "select"
                    | "textarea"
                    | "iframe"
            );
        if closes_p {
            if let Some(i) =
                self.find_open("p", &["div", "td", "th", "li", "blockquote", "body", "section", "article"])
            {
                self.pop_to(i);
            }
        }
        let (same, scope): (&[&str], &[&str]) = match tag {
            "li" => (&["li"], &["ul", "ol", "menu"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "tr" => (&["tr"], &["table", "tbody", "thead", "tfoot"]),
            "option" => (&["option"], &["select", "datalist"]),
            _ => return,
        };
        for t in same {
            if let Some(i) = self.find_open(t, scope) {
                self.pop_to(i);
                return;
            }
        }
    }
}

/// Extract blocks from the decoded HTML `doc` into `out` (cleared first).
pub fn extract_html(doc: &str, out: &mut Blocks) {
    out.clear();
    let state = Rc::new(RefCell::new(State { out: std::mem::take(out), ..State::default() }));
    state.borrow_mut().rules.clear();
    let mut base = 0;
    while base < doc.len() {
        let sub = &doc[base..];
        let (st_el, st_co, st_dt) = (Rc::clone(&state), Rc::clone(&state), Rc::clone(&state));
        let settings = Settings::new()
            .with_strict(false)
            .with_memory_settings(MemorySettings::new().with_max_allowed_memory_usage(PARSER_MEMORY))
            .append_element_content_handler(element!("*", move |el| {
                on_element(&st_el, doc, sub, base, el);
                Ok(())
            }))
            .append_document_content_handler(doc_comments!(move |c| {
                on_markup(
                    &st_co,
                    doc,
                    base + c.source_location().bytes().start,
                    base + c.source_location().bytes().end,
                );
                Ok(())
            }))
            .append_document_content_handler(doctype!(move |d| {
                on_markup(
                    &st_dt,
                    doc,
                    base + d.source_location().bytes().start,
                    base + d.source_location().bytes().end,
                );
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        if rewriter.write(sub.as_bytes()).is_ok() {
            let _ = rewriter.end();
            break;
        }
        // The parser gave up (its memory cap: a wall of unclosed elements or a tag with a
        // million attributes). Spam must not hide behind such a wall: parse again with a fresh
        // parser from the next tag after the last thing read. Open elements stay open (and
        // hidden ones hidden) in our own stack.
        // `<` is ASCII, so the byte found is always a character boundary.
        let from = state.borrow().last_end.max(base) + 1;
        let next = doc.as_bytes().get(from..).and_then(|rest| rest.iter().position(|&b| b == b'<'));
        base = next.map_or(doc.len(), |i| from + i);
        let mut st = state.borrow_mut();
        st.out.parser_restarts += 1;
        st.apply_ends(doc);
        st.flush(doc, base);
        st.raw = None;
    }
    let mut st = state.borrow_mut();
    st.apply_ends(doc);
    st.flush(doc, doc.len());
    st.pop_to(0);
    st.close_block();
    *out = std::mem::take(&mut st.out);
}

/// A comment or doctype at `start..end`: the text before it ends there. The tokenizer reads
/// none in raw text, so it has left any raw text it was in.
fn on_markup(state: &Rc<RefCell<State>>, doc: &str, start: usize, end: usize) {
    let mut st = state.borrow_mut();
    st.apply_ends(doc);
    st.markup(doc, start..end);
    st.raw = None;
}

/// Where the end tag whose name starts at `from` ends (after its `>`), skipping quoted
/// attribute values as the tokenizer does; `None` when the document ends first.
fn end_of_end_tag(b: &[u8], from: usize) -> Option<usize> {
    let mut after_eq = false;
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i + 1),
            b'=' => after_eq = true,
            q @ (b'"' | b'\'') if after_eq => {
                i += 1 + memchr::memchr(q, &b[i + 1..])?;
                after_eq = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    None
}

/// Ranges of `text` outside markup (`<…>`), JavaScript escapes (`\n`, `\'`) cutting text
/// too: the readable text of a `<noscript>` or of an HTML string a script writes.
fn markup_text(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut from) = (0, 0);
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        if text[s..e].chars().any(char::is_alphanumeric) {
            out.push((s, e));
        }
    };
    while i < b.len() {
        match b[i] {
            b'<' if b
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'\\')) =>
            {
                push(from, i, &mut out);
                i = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |j| i + j + 1);
                from = i;
            }
            b'\\' => {
                push(from, i, &mut out);
                // `\uXXXX` and `\xXX` stay unread; other escapes are one character.
                i += match b.get(i + 1) {
                    Some(b'u') => 6,
                    Some(b'x') => 4,
                    _ => 2,
                };
                i = i.min(b.len());
                while !text.is_char_boundary(i) {
                    i += 1;
                }
                from = i;
            }
            _ => i += 1,
        }
    }
    push(from.min(b.len()), b.len(), &mut out);
    out
}

/// Most bytes of a script read after one `document.write` or `innerHTML`.
const WRITE_WINDOW: usize = 64 << 10;

/// The readable text of the string literals a script writes into the page with
/// `document.write(…)`, `.innerHTML =` or `insertAdjacentHTML(…)`: ranges of `script`.
fn written_by_script(script: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let finder = |needle: &'static str| memchr::memmem::find_iter(script.as_bytes(), needle);
    let mut starts: Vec<usize> =
        finder("document.write").chain(finder("innerHTML")).chain(finder("insertAdjacentHTML")).collect();
    if starts.is_empty() {
        return out;
    }
    starts.sort_unstable();
    let b = script.as_bytes();
    let mut done = 0;
    for start in starts {
        let mut i = start.max(done);
        let end = (start + WRITE_WINDOW).min(b.len());
        // The call's or assignment's string literals, up to the end of the statement.
        while i < end {
            match b[i] {
                q @ (b'"' | b'\'' | b'`') => {
                    let s = i + 1;
                    let mut j = s;
                    while j < b.len() && b[j] != q {
                        j += if b[j] == b'\\' { 2 } else { 1 };
                    }
                    let e = j.min(b.len());
                    // A literal may start or end inside a tag (`'<img alt="' + x + '" width="1'`):
                    // pieces with attribute syntax or code are not text.
                    let code = |t: &str| {
                        t.contains("=\"") || t.contains("='") || t.contains("=\\") || t.contains('{')
                    };
                    out.extend(
                        markup_text(&script[s..e])
                            .into_iter()
                            .filter(|&(a, z)| !code(&script[s + a..s + z]))
                            .map(|(a, z)| (s + a, s + z)),
                    );
                    i = e + 1;
                }
                b';' | b'\n' => break,
                _ => i += 1,
            }
        }
        done = i;
    }
    out
}

fn on_element(state: &Rc<RefCell<State>>, doc: &str, sub: &str, base: usize, el: &mut Element) {
    let start = el.source_location().bytes();
    let tag = Tag::of_start_tag(sub.get(start.clone()).unwrap_or(""));
    let attrs = Attrs::read(sub, base, el);
    let start = base + start.start..base + start.end;
    let mut st = state.borrow_mut();
    st.apply_ends(doc);
    st.markup(doc, start.clone());
    let name = tag.as_str();
    st.raw = raw_text_type(name).filter(|_| el.namespace_uri() == HTML_NS);
    st.implied_close(name);
    // An SVG or MathML `<title>` is a tooltip, not the document's title (lol_html gives it
    // the HTML namespace: it is an integration point).
    let kind = match block_kind_of(name) {
        Some(BlockKind::Title) if st.is_open(b"svg") || st.is_open(b"math") => Some(BlockKind::Attribute),
        kind => kind,
    };
    if kind.is_some() || tag == "br" || tag == "hr" {
        st.close_block();
    }

    let mut hidden = attrs.hidden.then_some(Hidden::Attribute);
    if name == "noscript" {
        hidden = Some(Hidden::NoScript);
    }
    if hidden.is_none() {
        hidden = attrs.style.and_then(hides);
    }
    if hidden.is_none() {
        hidden = st.rules.lookup(attrs.class, attrs.id);
    }
    let lang = attrs.lang.clone().filter(|(l, _)| !l.trim().is_empty());
    match name {
        "html" => {
            st.out.declared.html_lang = lang.clone().map(|(value, at)| DeclaredLang {
                value: value.to_string(),
                at: (!at.is_empty()).then_some(at),
            });
        }
        "meta" => on_meta(&mut st, &attrs),
        "link" if attrs.rel.is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
            st.out.declared.host = attrs.href.and_then(host_of).map(str::to_string);
        }
        _ => {}
    }
    // Attributes shown to (or read by) people: img alt, title tooltips.
    let alt = if tag == "img" || tag == "area" { attrs.alt } else { None };
    for (value, at) in [alt, attrs.title].into_iter().flatten() {
        let h = hidden.or(st.hidden());
        st.pending.push((value.to_string(), at, BlockKind::Attribute, h));
    }

    if !el.can_have_content() {
        return; // a void element: nothing to push
    }
    let id = st.next_id;
    st.next_id += 1;
    let mut link = None;
    if tag == "a" {
        st.out.separate();
        if let Some(href) = attrs.href {
            let lang_tagged = attrs.hreflang || lang.is_some();
            let hidden_now = hidden.or(st.hidden()).is_some();
            let start = st.out.text.len();
            st.out.links.push(Link {
                text: start..start,
                href: html_escape::decode_html_entities(href).into_owned(),
                lang_tagged,
                hidden: hidden_now,
            });
            link = Some(st.out.links.len() - 1);
        }
    }
    if tag == "style" {
        st.in_style = true;
        st.style.clear();
    }
    let mut lang_span = None;
    if lang.is_some() && tag != "html" {
        let start = st.out.text.len();
        st.out.lang_spans.push(start..start);
        lang_span = Some(st.out.lang_spans.len() - 1);
    }
    // The outermost hidden element: where it starts, to cut it whole when it carries spam.
    let hidden_root = (hidden.is_some() && st.hidden().is_none()).then_some(start.start);
    let inherited = st.stack.last().map_or((None, None), |f| f.inherited);
    let inherited = (kind.or(inherited.0), hidden.or(inherited.1));
    st.stack.push(Frame { id, tag, kind, link, lang_span, hidden_root, inherited });
    *st.open.entry(tag).or_default() += 1;
    if st.raw.is_none() {
        return; // its end tag is read from the text that follows
    }
    drop(st);
    // Where raw text (a script, a style sheet, a title) ends is the tokenizer's call: ask
    // lol_html. End-tag handlers cannot borrow the document, so the end tag waits in `ends`
    // until the next event (or the end of the input) takes the text before it.
    let st_end = Rc::clone(state);
    let Some(handlers) = el.end_tag_handlers() else {
        return;
    };
    handlers.push(Box::new(move |end| {
        let loc = end.source_location().bytes();
        st_end.borrow_mut().ends.push(End { at: base + loc.start..base + loc.end, id });
        Ok(())
    }));
}

fn on_meta(st: &mut State, attrs: &Attrs<'_>) {
    let Some(key) = attrs.meta_key.iter().find_map(|k| *k) else { return };
    let key = Tag::new(key.as_bytes());
    let field = match key.as_str() {
        "description" => Some(MetaField::Description),
        "keywords" => Some(MetaField::Keywords),
        "og:title" | "twitter:title" => Some(MetaField::OgTitle),
        "og:description" | "twitter:description" => Some(MetaField::OgDescription),
        _ => None,
    };
    let Some((value, range)) = attrs.content.clone() else { return };
    let declared =
        || DeclaredLang { value: value.to_string(), at: (!range.is_empty()).then(|| range.clone()) };
    match key.as_str() {
        "content-language" => st.out.declared.content_language = Some(declared()),
        "og:locale" => st.out.declared.og_locale = Some(declared()),
        "og:url" if st.out.declared.host.is_none() => {
            st.out.declared.host = host_of(value).map(str::to_string)
        }
        _ => {}
    }
    if let Some(field) = field.filter(|_| !range.is_empty()) {
        st.pending.push((value.to_string(), range.start, BlockKind::Meta(field), None));
        st.close_block();
    }
}

/// The host of an absolute `http(s)://` or protocol-relative URL, without `www.`.
pub fn host_of(url: &str) -> Option<&str> {
    let url = url.trim();
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .or_else(|| url.strip_prefix("HTTP://"))
        .or_else(|| url.strip_prefix("HTTPS://"))
        .or_else(|| url.strip_prefix("//"))?;
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let host = &rest[..end];
    let host = host.rsplit('@').next().unwrap_or(host);
    (!host.is_empty()).then_some(host.strip_prefix("www.").unwrap_or(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(String, &'static str, Option<Hidden>)> {
        let mut b = Blocks::default();
        extract_html(html, &mut b);
        b.blocks
            .iter()
            .map(|blk| (b.text_of(blk).trim().to_string(), blk.kind.context(), blk.hidden))
            .collect()
    }

    #[test]
    fn kinds_and_text() {
        let got = blocks(
            "<html lang=en><head><title>T &amp; U</title><meta name=description content=\"D &#x7231;\"><style>.x{display:none}</style><script>var a='<p>no</p>';</script></head>\
             <body><h2>Head 爱上海</h2><p>One<p>Two <a href='http://x.example/a'>link</a> tail<ul><li>a<li>b</ul>\
             <div class=x>gone</div><img alt='pic text'><pre><code>quoted</code></pre></body></html>",
        );
        let want: Vec<(&str, &str, Option<Hidden>)> = vec![
            ("T & U", "title", None),
            ("D 爱", "meta", None),
            ("Head 爱上海", "heading", None),
            ("One", "paragraph", None),
            ("Two link tail", "paragraph", None),
            ("a", "list", None),
            ("b", "list", None),
            ("gone", "paragraph", Some(Hidden::DisplayNone)),
            ("pic text", "attribute", None),
            ("quoted", "code", None),
        ];
        let got: Vec<_> = got.iter().map(|(t, k, h)| (t.as_str(), *k, *h)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn hidden_inherits_and_links() {
        let mut b = Blocks::default();
        extract_html(
            "<div style='position:absolute;left:-9999px'><p><a href='https://rx.example/t'>buy</a></p></div><p>shown</p><p hidden>h</p>",
            &mut b,
        );
        let hid: Vec<_> = b.blocks.iter().map(|x| (b.text_of(x).to_string(), x.hidden)).collect();
        assert_eq!(hid[0], ("buy".to_string(), Some(Hidden::OffScreen)));
        assert_eq!(hid[1], ("shown".to_string(), None));
        assert_eq!(hid[2], ("h".to_string(), Some(Hidden::Attribute)));
        assert_eq!(b.links.len(), 1);
        assert!(b.links[0].hidden);
        assert_eq!(&b.text[b.links[0].text.clone()], "buy");
        assert_eq!(host_of(&b.links[0].href), Some("rx.example"));
    }

    #[test]
    fn spans_map_to_source() {
        let html = "<h2>Fridge &#x7231;&#x4E0A; x</h2><meta name=keywords content=\"a, &#29233;b\">";
        let mut b = Blocks::default();
        extract_html(html, &mut b);
        let h = &b.blocks[0];
        let t = b.text_of(h);
        let at = t.find('爱').unwrap() + h.text.start;
        let s = b.to_doc_start(h, at);
        let e = b.to_doc_end(h, at + 6);
        assert_eq!(&html[s..e], "&#x7231;&#x4E0A;");
        let m = &b.blocks[1];
        let at = b.text_of(m).find('爱').unwrap() + m.text.start;
        let (s, e) = (b.to_doc_start(m, at), b.to_doc_end(m, at + 4));
        assert_eq!(&html[s..e], "&#29233;b");
    }

    /// A wall of unclosed elements exhausts the parser's memory; the text after it is still
    /// extracted, at the right offsets.
    #[test]
    fn text_after_a_wall_of_markup() {
        let wall = "<div><span>".repeat(400_000);
        let html = format!("<p>before</p>{wall}<p>buy cheap viagra</p><b lang=ja>x</b>");
        let mut b = Blocks::default();
        extract_html(&html, &mut b);
        assert!(b.parser_restarts >= 1);
        let last = b.blocks.iter().map(|x| b.text_of(x).trim()).filter(|t| t.contains("viagra")).count();
        assert_eq!(last, 1);
        let blk = b.blocks.iter().find(|x| b.text_of(x).contains("viagra")).unwrap();
        let at = blk.text.start + b.text_of(blk).find("viagra").unwrap();
        let s = b.to_doc_start(blk, at);
        assert_eq!(&html[s..s + 6], "viagra");
        assert_eq!(b.text_of(&b.blocks[0]).trim(), "before");
    }

    #[test]
    fn lang_attributes() {
        let mut b = Blocks::default();
        extract_html("<html lang=en><meta HTTP-EQUIV=Content-Language content='de, at'><META property=twitter:description content=D><p>x <span lang=ja>日本語</span></p><nav><a hreflang=ru href=/ru/>Русский</a></nav>", &mut b);
        assert_eq!(b.declared.html_lang.as_ref().map(|l| l.value.as_str()), Some("en"));
        assert_eq!(b.declared.html_lang.as_ref().and_then(|l| l.at.clone()), Some(11..13));
        let span = b.lang_spans[0].clone();
        assert_eq!(&b.text[span], "日本語");
        assert!(b.links[0].lang_tagged);
        assert_eq!(b.declared.content_language.as_ref().map(|l| l.value.as_str()), Some("de, at"));
        assert_eq!(b.text_of(&b.blocks[0]), "D");
        assert_eq!(b.blocks[0].kind, BlockKind::Meta(MetaField::OgDescription));
    }
}

#[cfg(test)]
mod fuzz_regressions {
    use super::*;

    /// Deeply nested elements, closed or not, and stray end tags beneath them, keep the
    /// text in its block and hidden state right (the adversarial battery times a million of
    /// them; a unit test asserts no duration).
    #[test]
    fn deep_nesting() {
        let html = format!(
            "<body>{}<p>text</p>{}<p>after</p><div hidden>{}<p>gone</p></div><p>shown</p>",
            "<div><span>".repeat(50_000),
            "</b>".repeat(1_000),
            "<i>".repeat(10_000)
        );
        let mut b = Blocks::default();
        extract_html(&html, &mut b);
        let got: Vec<_> = b.blocks.iter().map(|x| (b.text_of(x).trim(), x.hidden.is_some())).collect();
        assert_eq!(got, [("text", false), ("after", false), ("gone", true), ("shown", false)]);
    }

    /// Links and lang spans stay inside the block text when a block holding only white space
    /// is dropped after a nested link closed in it (found by fuzzing).
    #[test]
    fn ranges_stay_in_the_text_when_a_blank_block_is_dropped() {
        for html in ["<a href><p><a href><div>></div>\x0c", "<b lang=de><p><i lang=fr><div>></div>\x0c"] {
            let mut b = Blocks::default();
            extract_html(html, &mut b);
            for l in &b.links {
                assert!(
                    l.text.start <= l.text.end && l.text.end <= b.text.len(),
                    "{html}: link {:?}",
                    l.text
                );
            }
            for r in &b.lang_spans {
                assert!(r.start <= r.end && r.end <= b.text.len(), "{html}: lang span {r:?}");
            }
        }
    }
}

#[cfg(test)]
mod text_between_tags {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        let mut b = Blocks::default();
        extract_html(html, &mut b);
        b.blocks.iter().map(|blk| b.text_of(blk).trim().to_string()).collect()
    }

    /// An SVG `<title>` is a tooltip (attribute context), the document's `<title>` the title.
    #[test]
    fn svg_title_is_a_tooltip() {
        let mut b = Blocks::default();
        extract_html("<title>Page</title><p>x</p><svg><title>icon tip</title></svg><p>y</p>", &mut b);
        let got: Vec<_> = b.blocks.iter().map(|x| (b.text_of(x).trim(), x.kind)).collect();
        assert_eq!(
            got,
            [
                ("Page", BlockKind::Title),
                ("x", BlockKind::Paragraph),
                ("icon tip", BlockKind::Attribute),
                ("y", BlockKind::Paragraph)
            ]
        );
    }

    /// What lies between the tags lol_html reports: text, stray end tags (skipped), end tags
    /// with a quoted `>`, a literal `<`, CDATA in SVG (not read), raw and RCDATA text, comments
    /// and doctypes, and a tag cut off by the end of the document (dropped).
    #[test]
    fn markup_and_text() {
        let cases: &[(&str, &[&str])] = &[
            ("<p>a</span>b</br>c</p x='>'>d<p>1 < 2 and 3 <> 4</p>", &["abc", "d", "1 < 2 and 3 <> 4"]),
            ("<p>x<svg><![CDATA[a<b]]>z</svg>w</p><p>tail <div class=\"x", &["xzw", "tail"]),
            (
                "<title>T</b>U</title><p>p</p><textarea>a<b>c</textarea><script>if (a<b) x='</p>'</script><p>after</p>",
                &["T</b>U", "p", "a<b>c", "after"],
            ),
            ("<p>a<!-- c <p>x</p> -->b<!doctype html>c</p><p>d</ >e</>f<?php x ?>g", &["abc", "defg"]),
            ("<p>a</p><p>b</P ><p>c</p foo=\">\" >d", &["a", "b", "c", "d"]),
        ];
        for (html, want) in cases {
            assert_eq!(texts(html), *want, "{html}");
        }
    }
}
