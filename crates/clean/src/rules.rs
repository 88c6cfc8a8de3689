//! `CleanRules`: how pages are cleaned (the pipeline reads them from the
//! `[clean]` table of its TOML), and their compiled form, [`Cleaner`].

use std::sync::Arc;

use scraper::Selector;

use crate::error::CleanError;
use crate::spam::Lexicon;

/// How pages are cleaned (the pipeline's `[clean]` table, whose keys are
/// these field names).
///
/// Every field has a default, so [`CleanRules::default`] gives the built-in
/// behaviour.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanRules {
    /// Extra CSS selectors whose elements are removed before the main block
    /// is looked for (e.g. `["div.share", "#related"]`).
    pub drop_selectors: Vec<String>,
    /// Per-site override: when one of these selectors matches an element with
    /// text, the matching elements (in document order) are taken as the main
    /// block instead of the scored one.
    pub content_selectors: Vec<String>,
    /// Spam terms that replace the built-in lexicon when non-empty. Each is
    /// matched case-insensitively and treated as a "strong" term (never part
    /// of a legitimate report).
    pub spam_terms: Vec<String>,
    /// Spam terms added to the built-in lexicon (strong terms).
    pub extra_spam_terms: Vec<String>,
    /// Characters (not bytes) a text block needs to count fully as a
    /// paragraph when blocks are scored; shorter blocks count at half weight.
    /// Output lines are never dropped for being short.
    pub min_paragraph_chars: usize,
    /// Share of link text above which a block (or output line) is treated as
    /// a link list and dropped, between 0 and 1.
    pub max_link_density: f64,
    /// Join the last paragraph of one page part with the first paragraph of
    /// the next when it ends mid-sentence.
    pub join_split_paragraphs: bool,
}

fn default_min_paragraph_chars() -> usize {
    20
}

fn default_max_link_density() -> f64 {
    0.5
}

fn default_join_split_paragraphs() -> bool {
    true
}

impl Default for CleanRules {
    fn default() -> Self {
        CleanRules {
            drop_selectors: Vec::new(),
            content_selectors: Vec::new(),
            spam_terms: Vec::new(),
            extra_spam_terms: Vec::new(),
            min_paragraph_chars: default_min_paragraph_chars(),
            max_link_density: default_max_link_density(),
            join_split_paragraphs: default_join_split_paragraphs(),
        }
    }
}

impl CleanRules {
    /// Checks every selector, term and number, returning the first problem.
    pub fn validate(&self) -> Result<(), CleanError> {
        self.problems().into_iter().next().map_or(Ok(()), Err)
    }

    /// Every problem with the rules, in field order.
    #[must_use]
    pub fn problems(&self) -> Vec<CleanError> {
        let mut out = Vec::new();
        for (key, list) in [
            ("drop_selectors", &self.drop_selectors),
            ("content_selectors", &self.content_selectors),
        ] {
            for sel in list {
                if let Err(err) = Selector::parse(sel) {
                    out.push(CleanError::BadSelector {
                        key,
                        selector: sel.clone(),
                        reason: selector_reason(&err),
                    });
                }
            }
        }
        for (key, list) in [
            ("spam_terms", &self.spam_terms),
            ("extra_spam_terms", &self.extra_spam_terms),
        ] {
            for (index, term) in list.iter().enumerate() {
                if term.trim().is_empty() {
                    out.push(CleanError::EmptyTerm { key, index });
                }
            }
        }
        if !(0.0..=1.0).contains(&self.max_link_density) {
            out.push(CleanError::OutOfRange {
                key: "max_link_density",
                expected: "between 0 and 1",
                got: self.max_link_density.to_string(),
            });
        }
        out
    }
}

/// [`CleanRules`] compiled once: selectors parsed, the spam lexicon built. Build one per
/// set of rules and clean every page with it ([`Cleaner::clean`]); the pipeline's clean stage
/// holds one for the whole run.
///
/// ```
/// use baogao_clean::{CleanRules, Cleaner};
/// let cleaner = Cleaner::new(CleanRules::default());
/// let doc = cleaner.clean_html("u", "<p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。</p>");
/// assert!(doc.text.starts_with("各位代表"));
/// ```
#[derive(Clone)]
pub struct Cleaner {
    pub(crate) rules: CleanRules,
    pub(crate) drop: Vec<Selector>,
    pub(crate) content: Vec<Selector>,
    pub(crate) lexicon: Arc<Lexicon>,
}

impl Cleaner {
    /// Compiles `rules`. Selectors that do not parse are skipped:
    /// [`CleanRules::validate`] reports them, and the pipeline's config refuses them.
    #[must_use]
    pub fn new(rules: CleanRules) -> Cleaner {
        let parse = |list: &[String]| -> Vec<Selector> {
            list.iter()
                .filter_map(|s| Selector::parse(s).ok())
                .collect()
        };
        let lexicon = if rules.spam_terms.is_empty() && rules.extra_spam_terms.is_empty() {
            Lexicon::builtin()
        } else {
            Arc::new(Lexicon::new(&rules.spam_terms, &rules.extra_spam_terms))
        };
        Cleaner {
            drop: parse(&rules.drop_selectors),
            content: parse(&rules.content_selectors),
            lexicon,
            rules,
        }
    }

    /// The rules this was compiled from.
    #[must_use]
    pub fn rules(&self) -> &CleanRules {
        &self.rules
    }
}

impl std::fmt::Debug for Cleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cleaner")
            .field("rules", &self.rules)
            .finish_non_exhaustive()
    }
}

/// What is wrong with a selector, in one line: the parser's own message, or
/// for the kinds it calls "unexpected" (`a:hover`, `div >`), what it met.
fn selector_reason(err: &scraper::error::SelectorErrorKind<'_>) -> String {
    use scraper::error::SelectorErrorKind;
    match err {
        SelectorErrorKind::UnexpectedSelectorParseError(kind) => {
            let what = format!("{kind:?}");
            match what.as_str() {
                "DanglingCombinator" => "a combinator (>, +, ~) with nothing after it".to_owned(),
                "EmptySelector" => "an empty selector".to_owned(),
                _ if what.starts_with("UnsupportedPseudoClassOrElement") => format!(
                    "an unsupported pseudo-class or pseudo-element `{}`",
                    what.trim_start_matches("UnsupportedPseudoClassOrElement")
                        .trim_matches(|c| matches!(c, '(' | ')' | '"'))
                ),
                _ => format!("the selector parser rejects it ({what})"),
            }
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_the_parser_calls_unexpected_get_a_one_line_reason() {
        for (sel, want) in [
            (
                "a:hover",
                "an unsupported pseudo-class or pseudo-element `hover`",
            ),
            ("div >", "a combinator (>, +, ~) with nothing after it"),
        ] {
            let rules = CleanRules {
                drop_selectors: vec![sel.into()],
                ..CleanRules::default()
            };
            let msg = rules.validate().unwrap_err().to_string();
            assert!(msg.contains(want), "{msg}");
            assert!(!msg.contains("report this to the developer"), "{msg}");
            // the reason fits on the error's line; the hint follows
            assert!(msg.lines().next().unwrap().contains(want), "{msg}");
        }
    }

    #[test]
    fn bad_selector_is_named_in_the_error() {
        let rules = CleanRules {
            drop_selectors: vec!["div.ok".into(), "div[".into()],
            ..CleanRules::default()
        };
        let err = rules.validate().unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("invalid CSS selector `div[` in `clean.drop_selectors`"),
            "{msg}"
        );
    }

    #[test]
    fn empty_term_and_bad_density_are_reported() {
        let rules = CleanRules {
            extra_spam_terms: vec!["ok".into(), " ".into()],
            max_link_density: 1.5,
            ..CleanRules::default()
        };
        let problems = rules.problems();
        assert_eq!(problems.len(), 2);
        assert_eq!(
            problems[0].to_string(),
            "empty term in `clean.extra_spam_terms` (entry 1)"
        );
        assert_eq!(
            problems[1].to_string(),
            "`clean.max_link_density` must be between 0 and 1, got 1.5"
        );
    }

    #[test]
    fn defaults_validate() {
        assert!(CleanRules::default().validate().is_ok());
    }
}
