//! `spamscan.toml`: settings a project keeps beside its data, as linters do. Found in the
//! current folder, or named with `--config`; command-line options win over it.
//!
//! ```toml
//! threshold = 0.8                # spam line
//! suspicious_threshold = 0.5
//! patterns = ["packs"]           # extra pack folders, relative to this file
//! weights = "weights.toml"       # from `spamscan tune`
//! ignore = ["meta.lang-mismatch"]
//! select = []
//! allow = ["Shanghai Tang"]      # phrases never flagged
//! allow_domains = ["partner.example"]   # links there are never off-site
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file's settings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub threshold: Option<f32>,
    pub suspicious_threshold: Option<f32>,
    #[serde(default)]
    pub patterns: Vec<PathBuf>,
    pub weights: Option<PathBuf>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub allow: Vec<String>,
    #[serde(default)]
    pub allow_domains: Vec<String>,
}

/// The name looked for in the current folder.
pub const FILE: &str = "spamscan.toml";

/// Read `explicit`, else `./spamscan.toml` when it exists. Relative paths in the file are
/// made relative to its folder.
pub fn load(explicit: Option<&Path>) -> Result<Config, String> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None if Path::new(FILE).is_file() => PathBuf::from(FILE),
        None => return Ok(Config::default()),
    };
    let src = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut c: Config = toml::from_str(&src).map_err(|e| {
        let (line, column) = spamscan::patterns::line_col(&src, e.span().map_or(0, |s| s.start));
        format!("{}:{line}:{column}: {}", path.display(), e.message().trim())
    })?;
    for t in [c.threshold, c.suspicious_threshold].into_iter().flatten() {
        if !(0.0..=1.0).contains(&t) {
            return Err(format!("{}: threshold {t} is not in [0, 1]", path.display()));
        }
    }
    let base = path.parent().unwrap_or(Path::new("."));
    for p in &mut c.patterns {
        *p = base.join(&*p);
    }
    if let Some(w) = &mut c.weights {
        *w = base.join(&*w);
    }
    Ok(c)
}
