//! Score: findings -> a score in [0, 1] and a verdict, with each finding's share.
//!
//! Findings combine as independent evidence (noisy-OR): `score = 1 − Π(1 − eᵢ)`. Within one
//! rule the k-th strongest finding (k = 0, 1, …) counts `wₖ · DECAYᵏ`, so repetition helps
//! with diminishing returns: one spam word in a long honest article stays low, the same word
//! glued to every heading adds up. Findings inside `<pre>`/`<code>` (quotations) can raise
//! the score to [`QUOTED_CAP`] at most: a page that quotes spam to explain a clean-up is
//! `suspicious`, not `spam`. Supporting findings (hidden content, link blocks, a declared
//! language the body does not bear out) count only beside primary evidence — hidden and link
//! blocks only beside evidence found in the same block — together at most [`SUPPORT_CAP`], and that only
//! beside primary evidence (terms, islands, metadata) of [`SUPPORT_FULL_AT`]; alone they give
//! nothing, so they never make a verdict by themselves. Weak spam words (weight below
//! [`TOPIC_WEIGHT`]) anywhere but hidden are the vocabulary of honest articles on the subject:
//! together they give at most [`TOPIC_CAP`]. Each finding's contribution is its share of `−ln(1 − score)`,
//! scaled so that the contributions add up to the score.

use crate::detect::Finding;

/// Decay of repeated findings of one rule.
pub const DECAY: f32 = 0.6;
/// Highest score that findings in code (quotations) can give.
pub const QUOTED_CAP: f32 = 0.6;
/// Highest score that supporting findings (see [`is_supporting`]) can give together.
pub const SUPPORT_CAP: f32 = 0.3;
/// Primary evidence at which supporting findings count in full; below, proportionally less.
pub const SUPPORT_FULL_AT: f32 = 0.5;
/// Terms whose own weight (before placement) is below this are topic vocabulary.
pub const TOPIC_WEIGHT: f32 = 0.35;
/// Highest score that topic vocabulary gives together (below the default suspicious line):
/// an honest article about gambling names many gambling words.
pub const TOPIC_CAP: f32 = 0.35;

/// The verdict on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Score below the suspicious threshold.
    Clean,
    /// Spam-like evidence that does not make the page spam.
    Suspicious,
    /// Score at or above the spam threshold.
    Spam,
}

impl Verdict {
    /// `clean`, `suspicious` or `spam`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Suspicious => "suspicious",
            Verdict::Spam => "spam",
        }
    }
}

/// Score thresholds, both in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// At or above: `spam`. Default 0.7.
    pub spam: f32,
    /// At or above (and below `spam`): `suspicious`. Default 0.4.
    pub suspicious: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { spam: 0.7, suspicious: 0.4 }
    }
}

impl Thresholds {
    /// The verdict for `score`.
    pub fn verdict(&self, score: f32) -> Verdict {
        if score >= self.spam {
            Verdict::Spam
        } else if score >= self.suspicious.min(self.spam) {
            Verdict::Suspicious
        } else {
            Verdict::Clean
        }
    }
}

/// Score `findings`, filling in each one's `contribution`. Returns the score in [0, 1].
pub fn score(findings: &mut [Finding]) -> f32 {
    if findings.is_empty() {
        return 0.0;
    }
    // Rank findings within their rule, strongest first.
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| {
        findings[a].rule.cmp(&findings[b].rule).then(findings[b].weight.total_cmp(&findings[a].weight))
    });
    let mut effective = vec![0f32; findings.len()];
    let mut rank = 0i32;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && findings[order[k - 1]].rule != findings[i].rule {
            rank = 0;
        }
        effective[i] = (findings[i].weight.clamp(0.0, 0.999)) * DECAY.powi(rank);
        rank += 1;
    }
    // Hidden blocks and link blocks support only the evidence found in them: honest pages
    // hide menus and list partner sites; a hidden block with spam terms is injected.
    for (i, f) in findings.iter().enumerate() {
        if (f.rule.starts_with("hidden.") || f.rule.starts_with("links."))
            && !findings.iter().any(|g| g.block == f.block && !is_supporting(&g.rule))
        {
            effective[i] = 0.0;
        }
    }
    // Messenger contacts and free-mail addresses support only spam vocabulary or disguise:
    // a shop's price list beside a metadata mismatch lists its WhatsApp number honestly.
    let advertised = findings.iter().any(|g| {
        !is_supporting(&g.rule)
            && (g.rule.starts_with("terms.")
                || g.rule.starts_with("obfuscation.")
                || g.rule.starts_with("contact."))
    });
    if !advertised {
        for (i, f) in findings.iter().enumerate() {
            if f.rule.starts_with("contact.") && is_supporting(&f.rule) {
                effective[i] = 0.0;
            }
        }
    }
    let log = |e: f32| -(1.0 - e as f64).ln();
    let mut sum = [0f64; 4];
    for (f, &e) in findings.iter().zip(&effective) {
        sum[class(f) as usize] += log(e);
    }
    let cap = |sum: f64, cap: f32| {
        let c = -(1.0 - cap as f64).ln();
        if sum > c {
            c / sum
        } else {
            1.0
        }
    };
    let mut scale = [1.0f64; 4];
    scale[Class::Topic as usize] = cap(sum[Class::Topic as usize], TOPIC_CAP);
    let plain = sum[Class::Primary as usize] + sum[Class::Topic as usize] * scale[Class::Topic as usize];
    let quoted = sum[Class::Quoted as usize];
    // Supporting evidence counts in full only beside primary evidence of SUPPORT_FULL_AT;
    // topic vocabulary is not such evidence (an honest page on the subject with its own
    // newsletter link or tip line stays what its words make it).
    let primary = 1.0 - (-(sum[Class::Primary as usize] + quoted)).exp();
    scale[Class::Supporting as usize] =
        cap(sum[Class::Supporting as usize], SUPPORT_CAP) * (primary / SUPPORT_FULL_AT as f64).min(1.0);
    let support = sum[Class::Supporting as usize] * scale[Class::Supporting as usize];
    let s_plain = 1.0 - (-(plain + support)).exp();
    let s_all = 1.0 - (-(plain + quoted + support)).exp();
    let s = s_plain.max(s_all.min(QUOTED_CAP as f64)).clamp(0.0, 1.0);
    let total = plain + quoted + support;
    for (f, &e) in findings.iter_mut().zip(&effective) {
        let part = log(e) * scale[class(f) as usize];
        // (`max` also turns the -0.0 of a zero share into 0.0.)
        f.contribution = if total > 0.0 { ((s * part / total) as f32).max(0.0) } else { 0.0 };
    }
    s as f32
}

/// How a finding's evidence counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Counts in full.
    Primary = 0,
    /// A weak spam word where a reader sees it (running text, headings, the title): what
    /// honest articles on the subject say. Together such findings give at most [`TOPIC_CAP`].
    Topic = 1,
    /// Inside `<pre>`/`<code>`: with primary evidence at most [`QUOTED_CAP`].
    Quoted = 2,
    /// See [`is_supporting`].
    Supporting = 3,
}

fn class(f: &Finding) -> Class {
    if is_supporting(&f.rule) {
        Class::Supporting
    } else if f.context == "code" {
        Class::Quoted
    } else if f.weak && f.context != "hidden" {
        Class::Topic
    } else {
        Class::Primary
    }
}

/// Rules whose findings support other evidence but cannot make a verdict alone.
pub fn is_supporting(rule: &str) -> bool {
    rule.starts_with("hidden.")
        || rule.starts_with("links.")
        || rule == "meta.lang-mismatch"
        || rule == "contact.messenger"
        || rule == "contact.email"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn f(rule: &str, weight: f32, context: &'static str) -> Finding {
        Finding {
            rule: rule.into(),
            category: "x".into(),
            weight,
            contribution: 0.0,
            weak: rule.starts_with("terms.") && weight < TOPIC_WEIGHT,
            span: Span::new(0, 1),
            text: "x".into(),
            context,
            block: 0,
            block_range: (0, 0),
            note: String::new(),
        }
    }

    #[test]
    fn combination_and_shares() {
        let mut v = vec![f("a", 0.5, "heading"), f("b", 0.5, "heading")];
        let s = score(&mut v);
        assert!((s - 0.75).abs() < 1e-6);
        assert!((v[0].contribution + v[1].contribution - s).abs() < 1e-6);
        // The same rule twice decays: 1 - 0.5 * (1 - 0.3) = 0.65.
        let mut v = vec![f("a", 0.5, "heading"), f("a", 0.5, "heading")];
        assert!((score(&mut v) - 0.65).abs() < 1e-6);
        assert_eq!(score(&mut []), 0.0);
    }

    #[test]
    fn quoted_evidence_is_capped() {
        let mut v = vec![f("a", 0.9, "code"), f("b", 0.9, "code")];
        let s = score(&mut v);
        assert!((s - QUOTED_CAP).abs() < 1e-6);
        assert_eq!(Thresholds::default().verdict(s), Verdict::Suspicious);
        let mut v = vec![f("a", 0.9, "code"), f("b", 0.9, "heading")];
        assert!(score(&mut v) >= 0.9 - 1e-6);
    }

    #[test]
    fn supporting_evidence_alone_stays_clean() {
        let mut v: Vec<Finding> = (0..20).map(|_| f("hidden.links", 0.15, "hidden")).collect();
        v.push(f("meta.lang-mismatch", 0.1, "meta"));
        assert_eq!(score(&mut v), 0.0);
        // Beside strong primary evidence, the support adds at most SUPPORT_CAP.
        v.push(f("terms.en.pharma", 0.6, "hidden"));
        let s = score(&mut v);
        assert!((s - (1.0 - 0.4 * (1.0 - SUPPORT_CAP))).abs() < 1e-5, "{s}");
        assert!((v.iter().map(|x| x.contribution).sum::<f32>() - s).abs() < 1e-5);
        // Beside weak primary evidence, proportionally less: 0.2 primary -> 0.4 of the cap.
        let mut v = vec![f("hidden.links", 0.2, "hidden"), f("script.island", 0.2, "anchor")];
        let s = score(&mut v);
        let support = 1.0 - (1.0f64 - 0.2).powf(0.4);
        assert!((s as f64 - (1.0 - 0.8 * (1.0 - support))).abs() < 1e-5, "{s}");
    }

    #[test]
    fn contacts_support_only_spam_evidence() {
        // A price list's messenger numbers beside a title in another script: no support.
        let mut v = vec![f("meta.script-mismatch", 0.45, "title"), f("contact.messenger", 0.3, "line")];
        v.push(f("contact.messenger", 0.3, "line"));
        assert!((score(&mut v) - 0.45).abs() < 1e-5);
        // Beside a spam term they count.
        v.push(f("terms.en.casino", 0.6, "line"));
        assert!(score(&mut v) > 1.0 - 0.4 * 0.55 + 0.01);
    }

    #[test]
    fn topic_vocabulary_is_capped() {
        let mut v: Vec<Finding> = ["terms.zh.gambling", "terms.en.casino", "terms.id.gambling"]
            .iter()
            .flat_map(|r| (0..5).map(move |_| f(r, 0.3, "paragraph")))
            .collect();
        let s = score(&mut v);
        assert!((s - TOPIC_CAP).abs() < 1e-5, "{s}");
        // A headline naming the topic is still topic vocabulary; the same words hidden are not.
        v.push(f("terms.zh.gambling", 0.3, "title"));
        assert!((score(&mut v) - TOPIC_CAP).abs() < 1e-5);
        v.push(f("terms.zh.gambling", 0.3, "hidden"));
        assert!(score(&mut v) > TOPIC_CAP);
    }

    #[test]
    fn verdicts() {
        let t = Thresholds::default();
        assert_eq!(t.verdict(0.0), Verdict::Clean);
        assert_eq!(t.verdict(0.39), Verdict::Clean);
        assert_eq!(t.verdict(0.4), Verdict::Suspicious);
        assert_eq!(t.verdict(0.7), Verdict::Spam);
    }
}
