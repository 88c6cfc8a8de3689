//! The one error type of the crate.

/// What can be wrong with a [`crate::CleanRules`].
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CleanError {
    /// A CSS selector in `clean.drop_selectors` or `clean.content_selectors` does not parse.
    #[error(
        "invalid CSS selector `{selector}` in `clean.{key}`: {reason}\nhint: use a CSS3 selector such as `div.share` or `#related`"
    )]
    BadSelector {
        /// The config key holding the selector.
        key: &'static str,
        /// The selector as written.
        selector: String,
        /// What the selector parser said.
        reason: String,
    },
    /// A spam term is empty (it would match everywhere).
    #[error("empty term in `clean.{key}` (entry {index})")]
    EmptyTerm {
        /// The config key holding the term list.
        key: &'static str,
        /// Zero-based position of the empty entry.
        index: usize,
    },
    /// A numeric setting is out of range.
    #[error("`clean.{key}` must be {expected}, got {got}")]
    OutOfRange {
        /// The config key.
        key: &'static str,
        /// The accepted range, in words.
        expected: &'static str,
        /// The value given.
        got: String,
    },
}
