//! Contact details: how spam tells its reader where to go. No vocabulary is needed.
//!
//! | rule | what | role |
//! |---|---|---|
//! | `contact.messenger` | a messenger link (`t.me/…`, `wa.me/…`, `chat.whatsapp.com/…`, `line.me/…`) or a messenger name followed by a number or `@handle` (`WhatsApp +1 …`, `Telegram: @…`, `тг @…`) | supporting |
//! | `contact.email` | an address at a free mail provider, or one written out (`name (at) gmail dot com`) | supporting |
//! | `contact.phone-obfuscated` | a phone number disguised: letters for digits (`8O9552l7O4`), odd separators (`77~41~90~23~18`), digits split into ones and twos (`+1 72 3 4 88 61 09`) | primary |
//!
//! Honest pages print messenger numbers and e-mail addresses everywhere (shops, newsrooms'
//! tip lines), so the first two never make a verdict alone: they support other evidence (see
//! [`crate::score`]) and turn spam words in the same or a neighbouring block from topic
//! vocabulary into an advertisement ([`crate::detect::terms`]). A number disguised so that
//! filters miss it is itself evidence: honest pages want to be called.

use std::sync::LazyLock;

use regex_automata::meta::Regex;
use regex_automata::util::syntax;

use super::{push_evidence, Context, Evidence, Findings};

/// Weight of a messenger link or labelled id (supporting).
const MESSENGER_WEIGHT: f32 = 0.3;
/// Weight of a free-mail or written-out e-mail address (supporting).
const EMAIL_WEIGHT: f32 = 0.2;
/// Weight of a disguised phone number.
const PHONE_WEIGHT: f32 = 0.5;
/// Blocks before and after a contact whose spam words it turns into an advertisement.
pub const NEAR_BLOCKS: usize = 2;

fn build(pattern: &str) -> Regex {
    Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(true))
        .build(pattern)
        .expect("contact patterns compile")
}

/// Messenger links and messenger names followed by a number or handle.
static MESSENGER: LazyLock<Regex> = LazyLock::new(|| {
    build(concat!(
        r"(?:(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog|wa\.me|chat\.whatsapp\.com|api\.whatsapp\.com/send|line\.me/(?:ti/p|r/ti/p|r)|lin\.ee|signal\.me|m\.me|zalo\.me)",
        r"/[+~@]?[\w%-]{2,}[\w/?=&%+.-]*)",
        r"|(?:whats\s?app|watsapp|whatapp|wa\.?|telegram|telegramm|tele\s?gram|tg|viber|signal|wechat|we\s?chat|skype|kakao(?:\s?talk)?|line\s?id|zalo|телеграмм?|телега|тг|вотсап|ватсап|вацап|вайбер|วอทส์แอพ|วอทส์แอป|ไลน์|ไอดีไลน์|ไลน์ไอดี)",
        r"(?:\s?(?:id|no\.?|number|num|номер|ид))?\s{0,3}[:：\-–—=]?\s{0,3}(?:\+?\(?[0-9][0-9\s().\-]{6,18}[0-9]|@[a-z0-9_.]{4,32})",
    ))
});

/// Addresses at free mail providers, and addresses written out to escape harvesters.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    build(concat!(
        r"[a-z0-9][a-z0-9._+-]{1,63}\s?(?:@|＠|\(at\)|\[at\]|\{at\}|\sat\s)\s?",
        r"(?:gmail|googlemail|outlook|hotmail|live|yahoo|ymail|aol|proton|protonmail|pm|icloud|gmx|mail|yandex|qq|163|126|zoho|tutanota|cyberservices|consultant)",
        r"\s?(?:\.|\(dot\)|\[dot\]|\sdot\s)\s?(?:com|me|ru|net|org|de|co\.uk|fr|ch|io)",
    ))
});

/// Run the contact detectors over every block.
pub fn detect(ctx: &Context<'_>, out: &mut Findings) {
    for (idx, b) in ctx.blocks.blocks.iter().enumerate() {
        let text = ctx.blocks.text_of(b);
        for m in MESSENGER.find_iter(text) {
            // Inside a word (`Iowa 515…`, `Бюджетг …`) it is not a messenger's name.
            if text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            push(
                ctx,
                out,
                idx,
                (m.start(), m.end()),
                "contact.messenger",
                MESSENGER_WEIGHT,
                "messenger link or id".into(),
            );
        }
        // The address pattern can start anywhere: run it only where an address can be.
        let at_sign = memchr::memchr(b'@', text.as_bytes()).is_some() || text.contains('＠');
        let spelled = ["(at)", "[at]", "{at}"].iter().any(|a| text.contains(a))
            || (text.contains(" at ") && text.contains(" dot "));
        let emails = if at_sign || spelled { EMAIL.find_iter(text).collect() } else { Vec::new() };
        for m in emails {
            let note = if text[m.range()].contains('@') {
                "address at a free mail provider"
            } else {
                "address written out to escape filters"
            };
            push(ctx, out, idx, (m.start(), m.end()), "contact.email", EMAIL_WEIGHT, note.into());
        }
        for (s, e, why) in disguised_phones(text) {
            push(
                ctx,
                out,
                idx,
                (s, e),
                "contact.phone-obfuscated",
                PHONE_WEIGHT,
                format!("phone number {why}"),
            );
        }
    }
    // Links whose target is a messenger, whatever their text says ("Chat with us").
    for link in &ctx.blocks.links {
        let href = link.href.trim();
        let messenger =
            ["t.me/", "telegram.me/", "wa.me/", "chat.whatsapp.com/", "api.whatsapp.com/send", "line.me/"]
                .iter()
                .any(|m| {
                    href.strip_prefix("https://")
                        .or_else(|| href.strip_prefix("http://"))
                        .unwrap_or(href)
                        .starts_with(m)
                });
        // Share buttons (`api.whatsapp.com/send?text=…`, `t.me/share/url?url=…`) send the page
        // to a messenger; they are no contact.
        let share = href.contains("text=") || href.contains("url=") || href.contains("/share");
        if !messenger || share || link.text.start >= link.text.end {
            continue;
        }
        let Some(idx) = ctx
            .blocks
            .blocks
            .iter()
            .position(|b| b.text.start <= link.text.start && link.text.end <= b.text.end)
        else {
            continue;
        };
        let b = &ctx.blocks.blocks[idx];
        let (s, e) = (link.text.start - b.text.start, link.text.end - b.text.start);
        // The anchor text may already name the messenger (found above).
        if out.items.iter().any(|f| {
            f.block == idx && f.rule == "contact.messenger" && f.block_range.0 < e && s < f.block_range.1
        }) {
            continue;
        }
        push(ctx, out, idx, (s, e), "contact.messenger", MESSENGER_WEIGHT, "link to a messenger".into());
    }
}

fn push(
    ctx: &Context<'_>,
    out: &mut Findings,
    idx: usize,
    at: (usize, usize),
    rule: &'static str,
    weight: f32,
    note: String,
) {
    push_evidence(ctx, out, idx, at, Evidence { rule, category: "contact", weight }, note);
}

/// Letters written for digits in disguised numbers.
fn lookalike_digit(c: char) -> bool {
    matches!(c, 'O' | 'o' | 'l' | 'I' | '〇')
}

/// Phone numbers written so that a filter cannot read them, with the reason. A candidate is
/// a run of digits, look-alike letters and separators holding 9–15 digits in all.
fn disguised_phones(text: &str) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !(c.is_ascii_digit() || c == '+') {
            i += 1;
            continue;
        }
        // The run: digits, look-alikes inside it, separators between them.
        let mut j = i;
        let (mut digits, mut looks, mut odd_seps) = (0usize, 0usize, 0usize);
        let mut groups: Vec<usize> = Vec::new();
        let mut group = 0usize;
        let mut end = start;
        while j < chars.len() {
            let (at, c) = chars[j];
            if c.is_ascii_digit() || (lookalike_digit(c) && group > 0) {
                if !c.is_ascii_digit() {
                    // A look-alike counts only between digits, not as a word's first letter.
                    let next_digitish =
                        chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit() || lookalike_digit(n));
                    if !next_digitish && chars.get(j + 1).is_none_or(|&(_, n)| n.is_alphanumeric()) {
                        break;
                    }
                    looks += 1;
                } else {
                    digits += 1;
                }
                group += 1;
                end = at + c.len_utf8();
                j += 1;
                continue;
            }
            if c == '+' && j == i {
                j += 1;
                continue;
            }
            let sep = matches!(c, ' ' | '-' | '.' | '(' | ')' | '~' | '*' | '_' | '|' | '•' | '/');
            if !sep || group == 0 && !matches!(c, '(' | ' ') {
                break;
            }
            // One separator (or a space around a bracket) between groups.
            let next = chars.get(j + 1).map(|&(_, n)| n);
            if !next.is_some_and(|n| n.is_ascii_digit() || n == '(' || n == ' ' && c != ' ') {
                break;
            }
            if matches!(c, '~' | '*' | '_' | '|' | '•') {
                odd_seps += 1;
            }
            if group > 0 {
                groups.push(group);
                group = 0;
            }
            j += 1;
        }
        if group > 0 {
            groups.push(group);
        }
        let total = digits + looks;
        // Letters in the run: a word after it (`5000 ok`) is not a look-alike.
        let glued_letter = text[end..].chars().next().is_some_and(|c| c.is_alphabetic());
        if (9..=15).contains(&total) && digits >= 6 && !glued_letter {
            let singles = groups.iter().skip(1).filter(|&&g| g == 1).count();
            let why = if looks > 0 && looks <= digits / 2 {
                Some("with letters for digits")
            } else if odd_seps >= 2 {
                Some("split by unusual separators")
            } else if c == '+' && singles >= 2 && groups.len() >= 5 {
                Some("split into single digits")
            } else {
                None
            };
            if let Some(why) = why {
                out.push((start, end, why));
            }
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phones(t: &str) -> Vec<&str> {
        disguised_phones(t).into_iter().map(|(s, e, _)| &t[s..e]).collect()
    }

    #[test]
    fn disguised_numbers() {
        assert_eq!(phones("call 8O9552l7O4 now"), ["8O9552l7O4"]);
        assert_eq!(phones("call 77~41~90~23~18 now"), ["77~41~90~23~18"]);
        assert_eq!(phones("text +1 72 3 4 88 61 09 today"), ["+1 72 3 4 88 61 09"]);
        // Ordinary numbers are not disguised.
        assert!(phones("call +1 (929) 555-0139 or +33 1 23 45 67 89").is_empty());
        assert!(phones("in 2024 we sold 1500000 units").is_empty());
        assert!(phones("pages 1 2 3 4 5 6 7 8 9 10").is_empty());
        assert!(phones("ISBN 978-3-16-148410-0").is_empty());
        assert!(phones("2019-2023 Oil production").is_empty());
    }

    #[test]
    fn messengers_and_mail() {
        let m = |t: &str| MESSENGER.find_iter(t).map(|m| t[m.range()].to_string()).collect::<Vec<_>>();
        assert_eq!(m("join t.me/+AbCdEf123 now"), ["t.me/+AbCdEf123"]);
        assert_eq!(m("WhatsApp: +1 (555) 123-4567."), ["WhatsApp: +1 (555) 123-4567"]);
        assert_eq!(m("пиши в тг @some_handle"), ["тг @some_handle"]);
        assert!(m("We use WhatsApp and Telegram every day").is_empty());
        let e = |t: &str| EMAIL.find_iter(t).map(|m| t[m.range()].to_string()).collect::<Vec<_>>();
        assert_eq!(e("mail me: someone123 (at) gmail dot com"), ["someone123 (at) gmail dot com"]);
        assert_eq!(e("write to helpdesk.x@outlook.com today"), ["helpdesk.x@outlook.com"]);
        assert!(e("press@example.org").is_empty());
    }
}
