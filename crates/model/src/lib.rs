//! The records that flow between baogao's stages.
//!
//! `fetch` produces [`Page`]s (a failed URL's with its typed [`ErrorKind`];
//! the parts of a multi-page article joined with [`PAGE_BREAK`]), `clean` turns a page into a [`Document`],
//! `extract` turns a document into a [`Report`] with its [`Target`]s and
//! [`Outcome`]s, and `write` stores every one of them as a Parquet table.
//! This crate holds only plain data (serde-serialisable, no I/O), so every
//! stage crate can depend on it without depending on another stage.
//!
//! ```
//! use baogao_model::{doc_id, Measure, Qualifier};
//! assert_eq!(doc_id("http://example.org/a.html").len(), 16);
//! assert_eq!(Qualifier::AtLeast.as_str(), ">=");
//! assert_eq!(Measure::Growth.as_str(), "growth");
//! ```

mod page;
mod records;
mod vocab;

pub use page::{ErrorKind, PAGE_BREAK, page_parts};
pub use records::{
    DedupRow, Document, NATIONAL_CODE, Outcome, Page, PageKind, PanelRow, ParentTargets, Report,
    Target, doc_id,
};
pub use vocab::{
    Constraint, ConstraintSource, Level, Measure, OTHER_PREFIX, Qualifier, is_canonical, other_id,
    other_name,
};

/// Version of the extraction rules; stored on every derived row so a panel
/// can tell which rules produced it.
pub const EXTRACTOR_VERSION: &str = concat!("baogao-extract/", env!("CARGO_PKG_VERSION"));
