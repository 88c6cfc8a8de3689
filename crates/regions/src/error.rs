//! The one error type of the crate.

/// What can be wrong with a gazetteer table given to [`crate::Divisions::from_tsv`].
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RegionsError {
    /// A row does not have the expected tab-separated columns.
    #[error(
        "bad row in `{table}` line {line}: {reason}\nhint: rows are `{columns}`, comments start with `#`"
    )]
    BadRow {
        /// `divisions` or `renamed`.
        table: &'static str,
        /// One-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
        /// The expected columns.
        columns: &'static str,
    },
    /// Two rows have the same code.
    #[error("duplicate code `{code}` in `divisions` line {line}")]
    DuplicateCode {
        /// The repeated code.
        code: String,
        /// One-based line number of the second row.
        line: usize,
    },
    /// A row names a parent code that is not in the table.
    #[error("unknown parent `{parent}` of `{code}` in `divisions`")]
    UnknownParent {
        /// The row's code.
        code: String,
        /// The missing parent code.
        parent: String,
    },
    /// A renamed entry points at a code that is missing or has another name.
    #[error(
        "renamed `{old}` (line {line}) points at `{code}` `{expected}`, but the table has {found}"
    )]
    RenamedTarget {
        /// The historical name.
        old: String,
        /// One-based line number in `renamed`.
        line: usize,
        /// The target code.
        code: String,
        /// The current name the entry expects.
        expected: String,
        /// What the table holds for the code.
        found: String,
    },
}
