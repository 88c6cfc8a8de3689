//! How the extractor's built-in patterns are compiled.

use regex::Regex;

/// The bytes of transitions each pattern's lazy DFA may cache. The default
/// (2 MiB) is soon filled by a long alternation of Chinese words read over
/// Chinese text; a full cache is cleared and its states built again, text
/// after text.
const DFA_CACHE: usize = 32 << 20;

/// A built-in pattern, compiled with room for its lazy DFA's states.
pub(crate) fn built_in(pattern: &str) -> Regex {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .expect("built-in pattern")
}

/// Whether `hay` holds `needle`: a byte search set up for each call
/// (`memchr::memmem`), cheaper than `str::contains` on the short names and
/// clauses asked many times a text.
#[inline]
pub(crate) fn holds(hay: &str, needle: &str) -> bool {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes()).is_some()
}
