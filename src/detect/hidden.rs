//! Hidden content and link blocks. Honest pages hide menus, dialogs and screen-reader text,
//! so hidden text alone weighs little; hidden links to other sites weigh more, and spam terms
//! inside hidden blocks are weighed up by the term detector.

use super::{trim_range, Context, Finding, Findings};
use crate::extract::html_host_of;

/// Weight of one hidden block with text.
const HIDDEN_TEXT: f32 = 0.05;
/// Weight of one hidden link to another site.
const HIDDEN_LINK: f32 = 0.15;
/// Weight of a visible block made of links to other sites.
const LINK_BLOCK: f32 = 0.08;
/// Letters a hidden block needs to count.
const MIN_LETTERS: usize = 20;
/// Off-site links a block needs to count as a link block.
const LINK_BLOCK_MIN: usize = 5;

/// Run the hidden-content detector.
pub fn detect(ctx: &Context<'_>, out: &mut Findings) {
    let blocks = ctx.blocks;
    let host = page_host(ctx);
    let offsite = |href: &str| match (html_host_of(href), host.as_deref()) {
        (Some(h), _) if ctx.allow_domains.iter().any(|d| same_site(h, d)) => false,
        (Some(h), Some(page)) => !same_site(h, page),
        (Some(_), None) => true,
        _ => false,
    };
    for (idx, b) in blocks.blocks.iter().enumerate() {
        let text = blocks.text_of(b);
        if let Some(h) = b.hidden {
            if letter_count(text) >= MIN_LETTERS {
                let (s, e) = trim_range(text, 0, text.len());
                out.push(Finding {
                    rule: "hidden.text".into(),
                    category: "hidden".into(),
                    weight: HIDDEN_TEXT,
                    contribution: 0.0,
                    weak: false,
                    span: ctx.span(b, s, e),
                    text: ctx.flagged(b, s, e),
                    context: "hidden",
                    block: idx,
                    block_range: (s, e),
                    note: format!("hidden by {}", h.reason()),
                });
            }
        }
        // Links inside this block.
        // Links are recorded in text order: find this block's by binary search, not a scan of
        // every link for every block.
        let first = blocks.links.partition_point(|l| l.text.start < b.text.start);
        let inside = blocks.links[first..]
            .iter()
            .take_while(|l| l.text.start < b.text.end)
            .filter(|l| l.text.end <= b.text.end && l.text.start < l.text.end);
        let mut n_off = 0;
        let mut link_letters = 0;
        for l in inside {
            if !offsite(&l.href) {
                continue;
            }
            n_off += 1;
            link_letters += letter_count(&blocks.text[l.text.clone()]);
            if l.hidden
                && text.is_char_boundary(l.text.start - b.text.start)
                && text.is_char_boundary(l.text.end - b.text.start)
            {
                let (s, e) = trim_range(text, l.text.start - b.text.start, l.text.end - b.text.start);
                if s < e {
                    out.push(Finding {
                        rule: "hidden.links".into(),
                        category: "hidden".into(),
                        weight: HIDDEN_LINK,
                        contribution: 0.0,
                        weak: false,
                        span: ctx.span(b, s, e),
                        text: ctx.flagged(b, s, e),
                        context: "hidden",
                        block_range: (s, e),
                        block: idx,
                        note: format!("hidden link to {}", html_host_of(&l.href).unwrap_or("?")),
                    });
                }
            }
        }
        if b.hidden.is_none() && n_off >= LINK_BLOCK_MIN && link_letters * 10 >= letter_count(text) * 8 {
            let (s, e) = trim_range(text, 0, text.len());
            out.push(Finding {
                rule: "links.block".into(),
                category: "links".into(),
                weight: LINK_BLOCK,
                contribution: 0.0,
                weak: false,
                span: ctx.span(b, s, e),
                text: ctx.flagged(b, s, e),
                block_range: (s, e),
                context: b.kind.context(),
                block: idx,
                note: format!("{n_off} links to other sites, little other text"),
            });
        }
    }
}

/// The page's own host: the canonical or og:url host, else the host most visible links
/// point to (when there are a few). Without one, every absolute link counts as off-site.
fn page_host(ctx: &Context<'_>) -> Option<String> {
    if let Some(h) = &ctx.blocks.declared.host {
        return Some(h.to_ascii_lowercase());
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in ctx.blocks.links.iter().filter(|l| !l.hidden) {
        if let Some(h) = html_host_of(&l.href) {
            match counts.iter_mut().find(|(x, _)| x.eq_ignore_ascii_case(h)) {
                Some(c) => c.1 += 1,
                None => counts.push((h, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|c| c.1).filter(|c| c.1 >= 3).map(|c| c.0.to_ascii_lowercase())
}

/// Same site: equal hosts, or hosts whose last two labels are equal (ASCII case ignored).
fn same_site(a: &str, b: &str) -> bool {
    /// The last two labels (`example.com` of `www.example.com`), or the whole host.
    fn tail(h: &str) -> &str {
        match h.rmatch_indices('.').nth(1) {
            Some((i, _)) => &h[i + 1..],
            None => h,
        }
    }
    a.eq_ignore_ascii_case(b) || tail(a).eq_ignore_ascii_case(tail(b))
}

/// Letters (Unicode `Alphabetic`) in `s`, with an ASCII fast path.
fn letter_count(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphabetic).count();
    }
    s.chars().filter(|c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_and_letters() {
        assert!(same_site("www.Example.com", "example.COM"));
        assert!(same_site("a.b.example.com", "example.com"));
        assert!(!same_site("example.com", "example.org"));
        assert!(same_site("localhost", "LOCALHOST"));
        assert!(!same_site("com", "example.com"));
        assert_eq!(letter_count("ab 12 c!"), 3);
        assert_eq!(letter_count("Бо 2 爱上"), 4);
    }
}
