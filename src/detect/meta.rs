//! Metadata against the body: the title and meta fields in another script than the body,
//! and a declared language (`<html lang>`, content-language, og:locale) that the body does
//! not bear out. A declared language that is wrong is common on honest sites (templates
//! hard-code `lang="en"`), so that finding weighs little and alone leaves a page clean.

use unicode_script::Script;

use super::{Context, Finding, Findings};
use crate::extract::{BlockKind, DeclaredLang, MetaField};
use crate::profile::{is_native, script_class};
use crate::span::Span;

/// Weight of `meta.lang-mismatch`.
const LANG_MISMATCH: f32 = 0.1;
/// Foreign letters a field needs before its script counts as mismatched.
const MIN_FOREIGN: usize = 4;

/// The range of the foreign-script part of `text`, when foreign letters are at least
/// [`MIN_FOREIGN`] and half of its letters.
pub fn foreign_share(text: &str, dominant: Script) -> Option<(usize, usize)> {
    let (mut foreign, mut letters) = (0, 0);
    let (mut first, mut last) = (usize::MAX, 0);
    for (i, c) in text.char_indices() {
        if let Some(s) = script_class(c) {
            letters += 1;
            if !is_native(s, dominant) {
                foreign += 1;
                first = first.min(i);
                last = i + c.len_utf8();
            }
        }
    }
    (foreign >= MIN_FOREIGN && foreign * 2 >= letters).then_some((first, last))
}

/// Run the metadata detector.
pub fn detect(ctx: &Context<'_>, out: &mut Findings) {
    let dominant = ctx.profile.dominant;
    for (idx, b) in ctx.blocks.blocks.iter().enumerate() {
        let weight = match b.kind {
            BlockKind::Title | BlockKind::Meta(MetaField::OgTitle) => 0.45,
            BlockKind::Meta(MetaField::Description | MetaField::OgDescription) => 0.35,
            BlockKind::Meta(MetaField::Keywords) => 0.3,
            _ => continue,
        };
        let text = ctx.blocks.text_of(b);
        let Some((s, e)) = foreign_share(text, dominant) else {
            continue;
        };
        let script = text[s..].chars().find_map(script_class).unwrap_or(Script::Unknown);
        out.push(Finding {
            rule: "meta.script-mismatch".into(),
            category: "metadata".into(),
            weight,
            contribution: 0.0,
            weak: false,
            span: ctx.span(b, s, e),
            text: ctx.flagged(b, s, e),
            context: b.kind.context(),
            block: idx,
            block_range: (s, e),
            note: format!(
                "{} written in {}, the body in {}",
                b.kind.context(),
                script.full_name(),
                dominant.full_name()
            ),
        });
    }
    lang_mismatch(ctx, out);
}

fn primary(tag: &str) -> String {
    tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

fn lang_mismatch(ctx: &Context<'_>, out: &mut Findings) {
    let d = &ctx.blocks.declared;
    // `<html lang>` first, then content-language, then og:locale.
    let Some(DeclaredLang { value: declared, at }) =
        d.html_lang.as_ref().or(d.content_language.as_ref()).or(d.og_locale.as_ref())
    else {
        return;
    };
    let Some(detected) = ctx.profile.lang else {
        return;
    };
    if !ctx.profile.reliable || ctx.profile.letters < 200 {
        return;
    }
    let p = primary(declared);
    if p.is_empty() || p == "mul" || p == "und" || p == "x" || p == detected {
        return;
    }
    // Norwegian and Chinese have several codes for one language.
    if matches!((p.as_str(), detected), ("no" | "nn", "nb") | ("cmn" | "yue", "zh")) {
        return;
    }
    let Some(at) = at.clone() else { return };
    let span = Span::new(ctx.text.map.to_src(ctx.bytes, at.start), ctx.text.map.to_src(ctx.bytes, at.end));
    out.push(Finding {
        rule: "meta.lang-mismatch".into(),
        category: "metadata".into(),
        weight: LANG_MISMATCH,
        contribution: 0.0,
        weak: false,
        span,
        text: declared.clone(),
        context: "meta",
        block_range: (0, 0),
        block: 0,
        note: format!("declared `{declared}`, body reads as `{detected}`"),
    });
}
