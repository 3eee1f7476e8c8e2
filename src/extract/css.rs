//! Hidden-content checks on inline `style` declarations and on `<style>` rules with a
//! simple class or id selector.

/// Why a block is not shown to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// `display: none`.
    DisplayNone,
    /// `visibility: hidden` or `collapse`.
    Visibility,
    /// The `hidden` attribute.
    Attribute,
    /// `font-size: 0`.
    ZeroFont,
    /// Positioned or indented far off the screen (left/top/text-indent ≤ −500px).
    OffScreen,
    /// `opacity: 0`.
    Transparent,
    /// `clip` or `clip-path` to nothing.
    Clipped,
    /// Zero width or height with `overflow: hidden`.
    ZeroSize,
    /// Text coloured like its background.
    ColorMatch,
    /// Inside `<noscript>`: shown only where scripts do not run (crawlers, not readers).
    NoScript,
    /// A string a script writes into the page (`document.write`, `innerHTML`): read by
    /// crawlers that run no scripts as part of the source, shown to readers only if it runs.
    Script,
}

impl Hidden {
    /// A short reason for reports.
    pub fn reason(self) -> &'static str {
        match self {
            Hidden::DisplayNone => "display:none",
            Hidden::Visibility => "visibility:hidden",
            Hidden::Attribute => "hidden attribute",
            Hidden::ZeroFont => "font-size:0",
            Hidden::OffScreen => "off-screen",
            Hidden::Transparent => "opacity:0",
            Hidden::Clipped => "clipped",
            Hidden::ZeroSize => "zero size",
            Hidden::ColorMatch => "colour matches background",
            Hidden::NoScript => "inside <noscript>",
            Hidden::Script => "written by a script",
        }
    }
}

/// What the lower-cased value of a property that can hide an element is checked for.
enum Test {
    Display,
    Visibility,
    FontSize,
    Opacity,
    /// Positioned or indented far off the screen.
    Offset,
    Clip,
    ClipPath,
    Overflow,
    /// Zero (or 1px) width or height.
    Size,
}

/// Whether a declaration block (`prop: value; …`) hides its element.
pub(crate) fn hides(decls: &str) -> Option<Hidden> {
    let mut color = None;
    let mut background = None;
    let mut overflow_hidden = false;
    let mut zero_size = false;
    // Values are compared lower-cased; one buffer serves every declaration we read, and the
    // many we do not read (margins, fonts, borders) are not copied at all.
    let mut buf = String::new();
    for decl in decls.split(';') {
        let Some((prop, value)) = decl.split_once(':') else {
            continue;
        };
        // The property, lower-cased in a small buffer; long names are none we read.
        let prop = prop.trim().as_bytes();
        let mut name = [0u8; 20];
        if prop.len() > name.len() {
            continue;
        }
        for (n, p) in name.iter_mut().zip(prop) {
            *n = p.to_ascii_lowercase();
        }
        let prop = &name[..prop.len()];
        // The value is trimmed only for the properties we read (most are not).
        let value = || {
            let mut value = value.trim();
            // `trim_end_matches` with a string pattern builds a searcher per call: too dear here.
            while let Some(v) = value.strip_suffix("!important") {
                value = v;
            }
            value.trim()
        };
        let test = match prop {
            // Compared ignoring ASCII case below, without a copy.
            b"color" => {
                color = Some(value());
                continue;
            }
            b"background" | b"background-color" => {
                background = Some(value());
                continue;
            }
            b"display" => Test::Display,
            b"visibility" => Test::Visibility,
            b"font-size" => Test::FontSize,
            b"opacity" => Test::Opacity,
            b"left" | b"top" | b"text-indent" | b"margin-left" | b"margin-top" | b"right" => Test::Offset,
            b"clip" => Test::Clip,
            b"clip-path" => Test::ClipPath,
            b"overflow" | b"overflow-x" | b"overflow-y" => Test::Overflow,
            b"width" | b"height" | b"max-height" | b"max-width" => Test::Size,
            _ => continue,
        };
        buf.clear();
        buf.push_str(value());
        buf.make_ascii_lowercase();
        let v = buf.as_str();
        match test {
            Test::Display if v == "none" => return Some(Hidden::DisplayNone),
            Test::Visibility if v == "hidden" || v == "collapse" => return Some(Hidden::Visibility),
            Test::FontSize if is_zero(v) => return Some(Hidden::ZeroFont),
            Test::Opacity if is_zero(v) => return Some(Hidden::Transparent),
            Test::Offset if far_negative(v) => return Some(Hidden::OffScreen),
            Test::Clip if clip_nothing(v) => return Some(Hidden::Clipped),
            Test::ClipPath if clip_path_nothing(v) => return Some(Hidden::Clipped),
            Test::Overflow if v == "hidden" => overflow_hidden = true,
            Test::Size if is_zero(v) || v == "1px" => zero_size = true,
            _ => {}
        }
    }
    if zero_size && overflow_hidden {
        return Some(Hidden::ZeroSize);
    }
    match (color, background) {
        (Some(c), _) if c.eq_ignore_ascii_case("transparent") => Some(Hidden::ColorMatch),
        (Some(c), Some(b)) if c.eq_ignore_ascii_case(b) => Some(Hidden::ColorMatch),
        _ => None,
    }
}

fn is_zero(v: &str) -> bool {
    let num = v.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    !num.is_empty() && num.parse::<f32>().is_ok_and(|n| n == 0.0)
}

fn far_negative(v: &str) -> bool {
    let (num, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic() || c == '%').unwrap_or(v.len()));
    let Ok(n) = num.trim().parse::<f32>() else {
        return false;
    };
    let px = match unit {
        "em" | "rem" => n * 16.0,
        "%" | "vw" | "vh" => n * 10.0,
        _ => n,
    };
    px <= -500.0
}

fn clip_nothing(v: &str) -> bool {
    let Some(inner) = v.strip_prefix("rect(").and_then(|s| s.strip_suffix(')')) else {
        return false;
    };
    inner
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .all(|n| is_zero(n) || n == "1px")
}

fn clip_path_nothing(v: &str) -> bool {
    v.starts_with("inset(50%") || v.starts_with("inset(100%") || v == "circle(0)" || v == "circle(0px)"
}

/// Class and id rules of `<style>` sheets that hide their elements.
#[derive(Debug, Default, Clone)]
pub(crate) struct HiddenRules {
    // Looked up for every element's classes: foldhash, not SipHash.
    classes: foldhash::HashMap<String, Hidden>,
    ids: foldhash::HashMap<String, Hidden>,
}

impl HiddenRules {
    /// Read a style sheet. Only rules whose selector is one simple class or id (optionally
    /// after a tag name, e.g. `div.x`) are kept; at-rule blocks such as `@media` are read
    /// through.
    pub(crate) fn add_sheet(&mut self, sheet: &str) {
        let mut rest = sheet;
        while let Some(open) = rest.find('{') {
            let selector = strip_comments(&rest[..open]);
            let selector = selector.trim().trim_start_matches('}').trim();
            let after = &rest[open + 1..];
            if selector.starts_with('@') {
                rest = after; // read the rules inside the at-rule block
                continue;
            }
            let close = after.find('}').unwrap_or(after.len());
            let decls = &after[..close];
            if let Some(h) = hides(decls) {
                for sel in selector.split(',') {
                    self.add_selector(sel.trim(), h);
                }
            }
            rest = &after[(close + 1).min(after.len())..];
        }
    }

    fn add_selector(&mut self, sel: &str, h: Hidden) {
        let sel = sel.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
        let simple =
            |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if let Some(c) = sel.strip_prefix('.') {
            if simple(c) {
                self.classes.insert(c.to_string(), h);
            }
        } else if let Some(i) = sel.strip_prefix('#') {
            if simple(i) {
                self.ids.insert(i.to_string(), h);
            }
        }
    }

    /// Whether an element with these `class` and `id` values is hidden by a rule.
    pub(crate) fn lookup(&self, class: Option<&str>, id: Option<&str>) -> Option<Hidden> {
        if self.classes.is_empty() && self.ids.is_empty() {
            return None;
        }
        if let Some(h) = id.and_then(|i| self.ids.get(i.trim())) {
            return Some(*h);
        }
        class?.split_ascii_whitespace().find_map(|c| self.classes.get(c).copied())
    }

    pub(crate) fn clear(&mut self) {
        self.classes.clear();
        self.ids.clear();
    }
}

fn strip_comments(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("/*") {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i + 2..].find("*/").map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    out.push_str(rest);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_declarations() {
        let cases: &[(&str, Option<Hidden>)] = &[
            ("display:none", Some(Hidden::DisplayNone)),
            ("DISPLAY : None !important", Some(Hidden::DisplayNone)),
            ("visibility:hidden", Some(Hidden::Visibility)),
            ("font-size:0px", Some(Hidden::ZeroFont)),
            ("font-size:0", Some(Hidden::ZeroFont)),
            ("opacity:0.0", Some(Hidden::Transparent)),
            ("position:absolute;top:-520px;left:-9999px;width:1px;overflow:hidden", Some(Hidden::OffScreen)),
            ("text-indent:-9999px", Some(Hidden::OffScreen)),
            ("clip:rect(0,0,0,0);position:absolute", Some(Hidden::Clipped)),
            ("clip-path: inset(50%)", Some(Hidden::Clipped)),
            ("height:0;overflow:hidden", Some(Hidden::ZeroSize)),
            ("color:#fff;background-color:#fff", Some(Hidden::ColorMatch)),
            ("color:#fff;background:#000", None),
            ("display:block;font-size:12px;left:-20px", None),
            ("height:0", None),
            ("", None),
        ];
        for (decls, want) in cases {
            assert_eq!(hides(decls), *want, "{decls}");
        }
    }

    #[test]
    fn sheet_rules() {
        let mut r = HiddenRules::default();
        r.add_sheet(
            "/* x */ .xk9 {position:absolute;left:-9999px} body{color:red}\n@media screen { div.gone, #g2 { display: none } }\n.menu a{display:none}\n.shown{display:block}",
        );
        assert_eq!(r.lookup(Some("a xk9"), None), Some(Hidden::OffScreen));
        assert_eq!(r.lookup(Some("gone"), None), Some(Hidden::DisplayNone));
        assert_eq!(r.lookup(None, Some("g2")), Some(Hidden::DisplayNone));
        assert_eq!(r.lookup(Some("menu shown"), None), None);
    }
}
