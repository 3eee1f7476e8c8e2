//! Pages in legacy charsets, built here with encoding_rs: they decode right, and every
//! finding's span cuts the exact encoded bytes of its text out of the original input.

use spamscan::{Document, EngineBuilder, Format, Origin, Verdict};

fn scan(bytes: Vec<u8>, format: Format) -> (spamscan::Report, Vec<u8>) {
    let engine = EngineBuilder::new().build().unwrap();
    let doc = Document::new(Origin::file("t"), bytes, format);
    let r = engine.scanner().scan(&doc);
    (r, doc.bytes)
}

/// An HTML page with `body` paragraphs, declaring `label` (or nothing).
fn page(label: Option<&str>, title: &str, heading: &str, paras: &[&str]) -> String {
    let meta = label
        .map(|l| format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={l}\">"))
        .unwrap_or_default();
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!("<!DOCTYPE html>\n<html><head>{meta}\n<title>{title}</title></head>\n<body>\n<h2>{heading}</h2>\n{body}</body></html>\n")
}

fn check_spans(r: &spamscan::Report, bytes: &[u8], enc: &'static encoding_rs::Encoding) {
    assert!(!r.findings.is_empty());
    for l in &r.findings {
        let f = &l.finding;
        let cut = &bytes[f.span.start..f.span.end];
        let (want, _, unmappable) = enc.encode(&f.text);
        assert!(!unmappable);
        if cut.contains(&b'<') {
            // A finding that runs across markup (two links, a hidden block): its text is
            // the cut read as the extractor reads it.
            let (decoded, _, _) = enc.decode(cut);
            let read: String = decoded
                .split('<')
                .enumerate()
                .map(|(i, s)| if i == 0 { s } else { s.split_once('>').map_or("", |x| x.1) })
                .collect();
            assert_eq!(squeeze(&read), squeeze(&f.text), "{} {}", enc.name(), f.rule);
        } else {
            assert_eq!(cut, &want[..], "{} {}: {:?}", enc.name(), f.rule, f.text);
        }
    }
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const EN: [&str; 3] = [
    "The city council approved the new cycle lanes on Tuesday after a long debate about parking and deliveries.",
    "Construction starts in June and should take four months, with the river road closed at night only.",
    "Shop owners asked for loading bays to be kept, and the final plan keeps six of them near the market.",
];

#[test]
fn chinese_injection_in_english_page_every_cjk_charset() {
    for (enc, label, inj) in [
        (encoding_rs::GBK, Some("gbk"), "爱上海同城419"),
        (encoding_rs::GB18030, Some("gb18030"), "上海龙凤419会所"),
        (encoding_rs::GBK, None, "爱上海龙凤419论坛"),
        (encoding_rs::BIG5, Some("big5"), "上海龍鳳419會所"),
    ] {
        let html = page(label, "Cycle lanes approved", &format!("{inj} New lanes for the river road"), &EN);
        let (bytes, _, bad) = enc.encode(&html);
        assert!(!bad);
        let (r, bytes) = scan(bytes.into_owned(), Format::Html);
        assert_eq!(
            r.verdict,
            Verdict::Spam,
            "{} {:?}",
            enc.name(),
            r.findings.iter().map(|l| &l.finding.rule).collect::<Vec<_>>()
        );
        let island = r.findings.iter().find(|l| l.finding.rule == "script.island").expect("island");
        assert_eq!(island.finding.text, inj, "{}", enc.name());
        assert_eq!(island.finding.context, "heading");
        check_spans(&r, &bytes, enc);
    }
}

#[test]
fn japanese_pages_decode_and_stay_clean() {
    let ja = [
        "２０２４年４月１日から、市立中央図書館の開館時間を次のとおり変更します。平日は午前９時３０分から午後８時までです。",
        "今回の変更は、利用者アンケートの結果を踏まえたものです。夜間の学習スペース利用希望が多かったため、閉館時間を延長します。",
    ];
    for (enc, label) in [
        (encoding_rs::SHIFT_JIS, Some("Shift_JIS")),
        (encoding_rs::EUC_JP, Some("euc-jp")),
        (encoding_rs::SHIFT_JIS, None),
    ] {
        let html = page(label, "開館時間変更のお知らせ", "開館時間変更のお知らせ", &ja);
        let (bytes, _, _) = enc.encode(&html);
        let (r, _) = scan(bytes.into_owned(), Format::Html);
        assert_eq!(r.encoding, enc.name());
        assert_eq!(r.verdict, Verdict::Clean, "{}: {:?}", enc.name(), r.findings);
        assert_eq!(r.language, Some("ja"));
    }
}

#[test]
fn japanese_keyword_hack_in_shift_jis_title() {
    let html = page(
        Some("Shift_JIS"),
        "ブランド財布 スーパーコピー 激安通販 専門店",
        "Riverside Family Dental",
        &EN,
    );
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&html);
    let (r, bytes) = scan(bytes.into_owned(), Format::Html);
    assert_eq!(r.verdict, Verdict::Spam);
    assert!(r.findings.iter().any(|l| l.finding.text == "スーパーコピー" && l.finding.context == "title"));
    check_spans(&r, &bytes, encoding_rs::SHIFT_JIS);
}

#[test]
fn korean_gambling_in_euc_kr() {
    let html = page(Some("euc-kr"), "Kimchi stew at home", "카지노사이트 추천 Kimchi stew", &EN);
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(&html);
    let (r, bytes) = scan(bytes.into_owned(), Format::Html);
    assert_eq!(r.verdict, Verdict::Spam, "{:?}", r.findings);
    assert!(r.findings.iter().any(|l| l.finding.rule == "terms.ko.gambling"));
    check_spans(&r, &bytes, encoding_rs::EUC_KR);
}

#[test]
fn russian_spam_in_windows_1251_and_clean_russian_page() {
    let ru = [
        "Городской совет одобрил строительство новых велосипедных дорожек вдоль реки после долгого обсуждения.",
        "Работы начнутся в июне и продлятся четыре месяца, дорога будет закрыта только ночью.",
    ];
    let clean = page(Some("windows-1251"), "Новые велодорожки", "Совет одобрил велодорожки", &ru);
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&clean);
    let (r, _) = scan(bytes.into_owned(), Format::Html);
    assert_eq!((r.encoding, r.verdict, r.language), ("windows-1251", Verdict::Clean, Some("ru")));

    let spam = format!(
        "{}<div style=\"display:none\"><a href=\"https://kazino.example/\">онлайн казино вулкан</a> <a href=\"https://zaim.example/\">займ онлайн без отказа</a></div>",
        page(Some("windows-1251"), "Cycle lanes", "New lanes", &EN)
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&spam);
    let (r, bytes) = scan(bytes.into_owned(), Format::Html);
    assert_eq!(r.verdict, Verdict::Spam, "{:?}", r.findings);
    check_spans(&r, &bytes, encoding_rs::WINDOWS_1251);
}

#[test]
fn western_and_central_european_pages() {
    for (enc, text) in [
        (encoding_rs::WINDOWS_1252, "Für ein Blech braucht man etwa zwei Kilo Zwetschgen. Die Früchte waschen, entsteinen und dicht auf den Teig legen."),
        (encoding_rs::WINDOWS_1250, "Zażółć gęślą jaźń: ziemniaki gotujemy w osolonej wodzie przez dwadzieścia minut, a potem odcedzamy je starannie."),
    ] {
        let html = page(Some(enc.name()), "Rezept", "Zutaten", &[text, text]);
        let (bytes, _, _) = enc.encode(&html);
        let (r, _) = scan(bytes.into_owned(), Format::Html);
        assert_eq!(r.encoding, enc.name());
        assert_eq!(r.verdict, Verdict::Clean);
    }
}

#[test]
fn declared_gb2312_but_utf8_bytes() {
    let html = page(Some("gb2312"), "Cycle lanes", "爱上海同城419 New lanes", &EN);
    let (r, bytes) = scan(html.into_bytes(), Format::Html);
    assert_eq!(r.encoding, "UTF-8");
    assert_eq!(r.verdict, Verdict::Spam);
    check_spans(&r, &bytes, encoding_rs::UTF_8);
}

#[test]
fn invalid_bytes_are_replaced_not_fatal() {
    let mut bytes = b"Title\n\n".to_vec();
    bytes.extend((0..2000u32).map(|i| (i * 7919 % 256) as u8));
    let (r, _) = scan(bytes, Format::Text);
    assert!((0.0..=1.0).contains(&r.score));
}
