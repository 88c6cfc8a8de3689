//! Why the extractor read what it read: the notes behind
//! `baogao extract --explain`.
//!
//! [`Extractor::explain`](crate::Extractor::explain) runs the same
//! extraction with a [`Trace`] switched on; the locator records each
//! sentence it weighed as the year's targets (a targets cue, or a
//! forward-looking sentence when no cue is found) with the rule that took or
//! rejected it, and the metadata reader says which clue gave the target year.

use serde::Serialize;

use crate::norm::Norm;

/// One decision of the locator about one sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// Char offsets of the sentence in the document text.
    pub char_start: u32,
    pub char_end: u32,
    /// The sentence as the document has it.
    pub text: String,
    /// Read as the year's targets (or as their continuation).
    pub taken: bool,
    /// The rule that decided.
    pub rule: String,
}

/// The notes of one extraction; off (and free) unless asked for.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    on: bool,
    pub(crate) notes: Vec<Note>,
}

impl Trace {
    pub(crate) fn off() -> Trace {
        Trace::default()
    }

    pub(crate) fn on() -> Trace {
        Trace {
            on: true,
            notes: Vec::new(),
        }
    }

    /// Records a decision about the normalised range `[s, e)`; `rule` is
    /// only called when the trace is on.
    pub(crate) fn note(
        &mut self,
        norm: &Norm,
        (start, end): (usize, usize),
        taken: bool,
        rule: impl FnOnce() -> String,
    ) {
        if !self.on {
            return;
        }
        let (char_start, char_end) = norm.orig_range(start, end);
        self.notes.push(Note {
            char_start: char_start as u32,
            char_end: char_end as u32,
            text: norm.orig_text(start, end),
            taken,
            rule: rule(),
        });
    }
}

/// What `baogao extract --explain` shows for one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub extraction: crate::Extraction,
    /// Which clue gave the target year.
    pub year_source: String,
    /// How the targets were located: `cue` (a 主要预期目标 paragraph and its
    /// continuation), `forward sentences` (no cue: the sentences that state
    /// the coming year's figures) or `none`.
    pub located_by: String,
    /// Every sentence weighed, in the order the locator weighed them.
    pub notes: Vec<Note>,
}
