//! spamscan finds spam and SEO injection in scraped web pages: runs of foreign script glued
//! to an article (`爱上海龙凤419论坛` in the headings of an English story), spam vocabulary
//! from pattern packs, metadata that does not match the body and hidden link blocks. Every
//! finding carries a rule id, a weight and an exact byte span into the original input; the
//! findings combine into a score in [0, 1] and a verdict.
//!
//! The pipeline: [`source`] (documents) → [`decode`] (charset) → [`extract`] (blocks with
//! context) → [`profile`] (dominant script and language) → [`detect`] (findings) →
//! [`score`] (score and verdict) → [`report`] (human text or JSON Lines).
//!
//! ```
//! use spamscan::{EngineBuilder, Document, Format, Origin, Verdict};
//! let engine = EngineBuilder::new().build().unwrap();
//! let text = "Quantum Leap\n\n上海龙凤419会所 The Shanghai Quantum Research Center made \
//!             headlines in 2024 with a 128-qubit machine built by two hundred engineers.\n";
//! let doc = Document::new(Origin::file("-"), text.as_bytes().to_vec(), Format::Text);
//! let report = engine.scanner().scan(&doc);
//! assert_eq!(report.verdict, Verdict::Spam);
//! let island = report.findings.iter().find(|l| l.finding.rule == "script.island").unwrap();
//! let span = island.finding.span;
//! assert_eq!(&doc.bytes[span.start..span.end], "上海龙凤419会所".as_bytes());
//! assert_eq!((island.line, island.column), (3, 1));
//! ```

pub mod decode;
pub mod detect;
pub mod emit;
pub mod error;
pub mod eval;
pub mod extract;
pub mod normalize;
pub mod patterns;
pub mod profile;
pub mod report;
pub mod scan;
pub mod score;
pub mod source;
pub mod span;
pub mod tune;

pub use detect::Finding;
pub use error::{Error, Result};
pub use scan::{Caps, Cut, Engine, EngineBuilder, Located, Report, Scanner};
pub use score::{Thresholds, Verdict};
pub use source::{read_inputs, read_stream, Document, Format, InputFormat, Item, Origin, SourceOptions};
pub use span::Span;
