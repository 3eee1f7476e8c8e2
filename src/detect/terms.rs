//! Spam vocabulary: every block's normalised text through the compiled packs.
//!
//! A term's weight (from its pack) is scaled by where it stands: in the title, metadata,
//! byline or a hidden block it weighs more than in running text, and inside `<pre>`/`<code>`
//! (usually a quotation) much less. Terms found in metadata but nowhere in the visible body
//! also give one `meta.terms-not-in-body` finding.

use super::{Context, Finding, Findings, Scratch};
use crate::extract::BlockKind;

/// Placement factor of a term hit, by context.
pub fn placement(context: &str) -> f32 {
    match context {
        "hidden" => 1.5,
        "title" => 1.3,
        "byline" => 1.2,
        "meta" => 1.15,
        "heading" => 1.1,
        "anchor" => 1.0,
        "attribute" => 0.9,
        "code" => 0.35,
        _ => 0.85,
    }
}

/// Weight of `meta.terms-not-in-body`.
const META_ONLY_WEIGHT: f32 = 0.2;
/// Weight a metadata term hit needs for `meta.terms-not-in-body`.
const META_ONLY_MIN: f32 = 0.5;
/// Factor on a pack's only hit when it stands in running text.
const LONE: f32 = 0.6;

/// Run the term detector.
pub fn detect(ctx: &Context<'_>, scratch: &mut Scratch, out: &mut Findings) {
    let first = out.items.len();
    let mut body_terms: Vec<usize> = Vec::new();
    let mut meta_hits: Vec<(usize, Finding)> = Vec::new();
    for (idx, b) in ctx.blocks.blocks.iter().enumerate() {
        let text = ctx.blocks.text_of(b);
        scratch.norm.run(text);
        let norm = &scratch.norm;
        // A change from lower to upper case in the original is a word boundary.
        let camel = |pos: usize| {
            let at = norm.src_start(pos);
            let before = text[..at.min(text.len())].chars().next_back();
            let here = text.get(at..).and_then(|t| t.chars().next());
            matches!((before, here), (Some(a), Some(b)) if a.is_lowercase() && b.is_uppercase())
        };
        ctx.patterns.find_with(&norm.text, &mut scratch.hits, camel, |hit| {
            let (s, e) = (norm.src_start(hit.start), norm.src_end(hit.end));
            if s >= e {
                return;
            }
            let term = &ctx.patterns.terms[hit.term];
            let pack = ctx.patterns.pack_of(hit.term);
            let context = ctx.context(idx, s, e);
            let weight = (term.weight * placement(context)).min(0.97);
            let f = Finding {
                rule: pack.rule.clone(),
                category: pack.category.clone(),
                weight,
                contribution: 0.0,
                weak: term.weight.min(weight) < crate::score::TOPIC_WEIGHT,
                span: ctx.span(b, s, e),
                text: ctx.flagged(b, s, e),
                context,
                block: idx,
                block_range: (s, e),
                note: if term.is_regex() {
                    let short: String = term.text.chars().take(48).collect();
                    format!("pattern `{short}…` ({}, weight {:.2})", pack.id, term.weight)
                } else {
                    format!("term `{}` ({}, weight {:.2})", term.text, pack.id, term.weight)
                },
            };
            if b.kind.is_metadata() {
                meta_hits.push((hit.term, f.clone()));
            } else if b.hidden.is_none() && b.kind != BlockKind::Code {
                body_terms.push(hit.term);
            }
            out.push(f);
        });
    }
    // A pack's lone mention in running text is how honest pages mention such things.
    for i in first..out.items.len() {
        let f = &out.items[i];
        let running = |c: &str| matches!(c, "paragraph" | "list" | "anchor" | "line" | "attribute");
        let lone = out.items[first..].iter().filter(|g| g.rule == f.rule && running(g.context)).count() == 1;
        // ... in the page's own language: an English spam phrase in a Spanish paragraph is not.
        let pack_lang = ctx.patterns.packs.iter().find(|p| p.rule == f.rule).map(|p| p.lang.as_str());
        let native = match (pack_lang, ctx.profile.lang) {
            (Some("mul"), _) | (_, None) => true,
            (Some(p), Some(l)) => p == l,
            (None, _) => true,
        };
        if lone && native && running(f.context) && f.category != "contact" {
            let f = &mut out.items[i];
            f.weight *= LONE;
            f.weak |= f.weight < crate::score::TOPIC_WEIGHT;
            f.note.push_str("; single mention in running text");
        }
    }
    // Spam words beside contact details (a WeChat, QQ or LINE id) are an advertisement, not
    // the topic of an honest article.
    // A pack's contact ids (WeChat, QQ, LINE) reach the whole page; the contact detectors'
    // messenger numbers and addresses, which honest pages print too, only their neighbours.
    let pack_contact = out.items[first..].iter().any(|f| f.category == "contact");
    let near: Vec<(usize, (usize, usize))> = out.items[..first]
        .iter()
        .filter(|f| f.category == "contact")
        .map(|f| (f.block, f.block_range))
        .collect();
    for f in out.items[first..].iter_mut().filter(|f| f.weak) {
        // A term found in the contact itself (`t.me/…trading…`) is that contact, not a word
        // beside it.
        let inside = |&(b, (s, e)): &(usize, (usize, usize))| {
            b == f.block && s < f.block_range.1 && f.block_range.0 < e
        };
        let beside = |&(b, _): &(usize, (usize, usize))| b.abs_diff(f.block) <= super::contact::NEAR_BLOCKS;
        if pack_contact || (near.iter().any(beside) && !near.iter().any(inside)) {
            f.weak = false;
            f.note.push_str("; beside contact details");
        }
    }
    // Spam vocabulary that only the metadata carries: the page was not written about it.
    let only_meta = meta_hits
        .into_iter()
        .filter(|(t, f)| !body_terms.contains(t) && f.weight >= META_ONLY_MIN)
        .max_by(|a, b| a.1.weight.total_cmp(&b.1.weight));
    if let Some((_, f)) = only_meta {
        out.push(Finding {
            rule: "meta.terms-not-in-body".into(),
            category: "metadata".into(),
            weight: META_ONLY_WEIGHT,
            // The check is per term: other terms of the same pack may well be in the body.
            note: format!(
                "`{}` ({}) appears in the {} but not in the visible body",
                f.text, f.rule, f.context
            ),
            ..f
        });
    }
}
