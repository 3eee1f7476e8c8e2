//! Table-driven cases per detector, through the whole single-document scan.

use crate::scan::{EngineBuilder, Located};
use crate::source::{Document, Format, Origin};

const BODY: &str = "<p>The council voted on Tuesday to build protected cycle lanes along the river road, \
and construction starts in June. Shop owners asked for loading bays to be kept; the final plan keeps six \
of them near the market, and the work should take four months in all.</p>";

fn scan(html: &str) -> Vec<Located> {
    // The detectors' own weights, not the shipped multipliers.
    let engine = EngineBuilder::new().weights(crate::tune::Weights::default()).build().unwrap();
    let doc = Document::new(Origin::file("t"), html.as_bytes().to_vec(), Format::Html);
    let r = engine.scanner().scan(&doc);
    for l in &r.findings {
        let f = &l.finding;
        assert!(f.span.end <= html.len() && html.is_char_boundary(f.span.start), "{f:?}");
    }
    r.findings
}

/// `(html, rule, text, context, min weight, max weight)`; an empty `text` means the rule must
/// not fire at all.
type Case = (&'static str, &'static str, &'static str, &'static str, f32, f32);

fn run_table(cases: &[Case]) {
    for &(html, rule, text, context, lo, hi) in cases {
        let page = format!("<html lang=en><body>{html}{BODY}</body></html>");
        let found = scan(&page);
        let hits: Vec<_> = found.iter().filter(|l| l.finding.rule == rule).collect();
        if text.is_empty() {
            assert!(hits.is_empty(), "{rule} must not fire on {html}: {hits:#?}");
            continue;
        }
        let Some(h) = hits.iter().find(|l| l.finding.text == text) else {
            panic!("{rule} `{text}` not found in {html}: {found:#?}");
        };
        let f = &h.finding;
        assert_eq!(f.context, context, "{html}");
        assert!(
            (lo..=hi).contains(&f.weight),
            "{rule} `{text}` weight {} not in {lo}..={hi} ({})",
            f.weight,
            f.note
        );
        assert_eq!(&page[f.span.start..f.span.end], text, "span of `{text}`");
    }
}

#[test]
fn terms() {
    run_table(&[
        ("<h2>Garden news 百家乐官网</h2>", "terms.zh.gambling", "百家乐官网", "heading", 0.8, 0.97),
        ("<title>Cheap cialis overnight</title>", "terms.en.pharma", "Cheap cialis", "title", 0.6, 0.97),
        (
            "<div style='display:none'><a href='http://x.example/'>buy cheap viagra online</a></div>",
            "terms.en.pharma",
            "buy cheap viagra",
            "hidden",
            0.8,
            0.97,
        ),
        ("<pre><code>上海龙凤419会所</code></pre>", "terms.zh.escort", "上海龙凤419", "code", 0.1, 0.4),
        ("<p>Slot gacor hari ini</p>", "terms.id.gambling", "Slot gacor", "paragraph", 0.3, 0.9),
        ("<p>Sildenafil can cause headaches.</p>", "terms.en.pharma", "Sildenafil", "paragraph", 0.0, 0.2),
        ("<p>Visit xslot gacorx today</p>", "terms.id.gambling", "", "", 0.0, 0.0),
    ]);
}

#[test]
fn script_islands() {
    run_table(&[
        (
            "<h2>爱上海同城419 AI Capital of the East</h2>",
            "script.island",
            "爱上海同城419",
            "heading",
            0.5,
            0.85,
        ),
        (
            "<h2>Pick the right season 爱上海龙凤论坛</h2>",
            "script.island",
            "爱上海龙凤论坛",
            "heading",
            0.2,
            0.5,
        ),
        ("<p>The Bund (外滩) at dusk is lovely.</p>", "script.island", "", "", 0.0, 0.0),
        ("<p>Visit 出塚水産 (Dezuka Suisan), a kamaboko shop.</p>", "script.island", "", "", 0.0, 0.0),
        (
            "<p>She said <span lang=ru>Обязательно приеду</span> and left.</p>",
            "script.island",
            "",
            "",
            0.0,
            0.0,
        ),
        (
            "<nav><a href=/ja/ hreflang=ja>日本語</a> <a href=/ko/>한국어</a></nav>",
            "script.island",
            "",
            "",
            0.0,
            0.0,
        ),
        (
            "<p>\"Я просто не увидел этот ход,\" he said.</p>",
            "script.island",
            "Я просто не увидел этот ход",
            "paragraph",
            0.0,
            0.1,
        ),
        (
            "<p>The dish is called 김치찌개 in Korean.</p>",
            "script.island",
            "김치찌개",
            "paragraph",
            0.05,
            0.15,
        ),
    ]);
}

#[test]
fn metadata() {
    run_table(&[
        (
            "<title>ブランド財布 スーパーコピー 激安通販</title>",
            "meta.script-mismatch",
            "ブランド財布 スーパーコピー 激安通販",
            "title",
            0.45,
            0.45,
        ),
        (
            "<meta name=keywords content='cycling, 上海龙凤419, 爱上海'>",
            "meta.script-mismatch",
            "上海龙凤419, 爱上海",
            "meta",
            0.3,
            0.3,
        ),
        (
            "<meta name=keywords content='Shanghai, 上海, The Bund, Yu Garden, travel'>",
            "meta.script-mismatch",
            "",
            "",
            0.0,
            0.0,
        ),
        ("<title>Cycle lanes approved</title>", "meta.script-mismatch", "", "", 0.0, 0.0),
    ]);
    let de = "<html lang=\"en\"><body><p>Für ein Blech braucht man etwa zwei Kilo Zwetschgen. Die Früchte \
              waschen, entsteinen und nicht ganz durchschneiden, damit sie sich dachziegelartig auf den Teig \
              legen lassen. Den Hefeteig eine Stunde an einem warmen Ort gehen lassen, dann ausrollen.</p></body></html>";
    let found = scan(de);
    let m = found.iter().find(|l| l.finding.rule == "meta.lang-mismatch").expect("lang mismatch");
    assert_eq!(&de[m.finding.span.start..m.finding.span.end], "en");
    assert!(m.finding.note.contains("`de`"), "{}", m.finding.note);
    assert!(scan(&de.replace("lang=\"en\"", "lang=\"de-DE\""))
        .iter()
        .all(|l| l.finding.rule != "meta.lang-mismatch"));
}

#[test]
fn hidden_content() {
    run_table(&[
        (
            "<div style='position:absolute;left:-9999px'><a href='https://rx.example/a'>order tramadol without rx</a></div>",
            "hidden.links",
            "order tramadol without rx",
            "hidden",
            0.15,
            0.15,
        ),
        (
            "<style>.k{visibility:hidden}</style><p class=k>A long hidden paragraph that nobody ever reads at all.</p>",
            "hidden.text",
            "A long hidden paragraph that nobody ever reads at all.",
            "hidden",
            0.05,
            0.05,
        ),
        ("<p style='color:#fff;background:#fff'>Invisible words written in white on white here.</p>", "hidden.text", "Invisible words written in white on white here.", "hidden", 0.05, 0.05),
        ("<p>A visible paragraph that everyone can read, nothing hidden.</p>", "hidden.text", "", "", 0.0, 0.0),
    ]);
}

/// In a hard-wrapped plain-text paragraph the line breaks read as spaces (a term may run
/// across one), but a finding's text is the document's own bytes, line break included, with
/// `\n` and with `\r\n` alike.
#[test]
fn text_across_a_line_break_is_the_documents() {
    // Lines of 40 to 80 characters: a hard-wrapped paragraph, one block.
    let lines = [
        "The council voted on Tuesday to build protected cycle lanes along the river",
        "road, and the plan was posted on the notice board by 爱上海龙凤419论坛",
        "爱上海龙凤419论坛 together with an offer to buy cheap",
        "viagra online, which nobody on the council had asked for.",
    ];
    for nl in ["\n", "\r\n"] {
        let doc = format!("Local news{nl}{nl}Posted on Monday.{nl}{nl}{}{nl}", lines.join(nl));
        let engine = EngineBuilder::new().build().unwrap();
        let r =
            engine.scanner().scan(&Document::new(Origin::file("t"), doc.as_bytes().to_vec(), Format::Text));
        for l in &r.findings {
            let f = &l.finding;
            assert_eq!(&doc[f.span.start..f.span.end], f.text, "{f:?}");
        }
        let across = |rule: &str, text: &str| {
            r.findings.iter().any(|l| l.finding.rule.starts_with(rule) && l.finding.text == text)
        };
        assert!(across("script.", &format!("爱上海龙凤419论坛{nl}爱上海龙凤419论坛")), "{:#?}", r.findings);
        assert!(across("terms.", &format!("buy cheap{nl}viagra")), "{:#?}", r.findings);
    }
}
