//! What travels with a [`Page`](crate::Page) from `fetch` to the stages
//! after it: the marker between the parts of a multi-page article, and the
//! typed reason a URL failed.

use serde::{Deserialize, Serialize};

/// The comment between two parts of a multi-page article, without the
/// newlines around it. One macro so that [`PAGE_BREAK`] and
/// [`page_parts`] cannot drift apart.
macro_rules! marker {
    () => {
        "<!-- baogao:page-break -->"
    };
}

/// The line `fetch` joins the parts of a multi-page article with in
/// [`Page::body`]: the page-break comment on a line of its own.
pub const PAGE_BREAK: &str = concat!("\n", marker!(), "\n");

/// The parts of a page body, in order: the body split at every page-break
/// comment (with or without the newlines of [`PAGE_BREAK`] around it, which
/// stay at the ends of the parts). A body of one page is one part.
///
/// ```
/// use baogao_model::{PAGE_BREAK, page_parts};
/// let body = ["<p>一</p>", "<p>二</p>"].join(PAGE_BREAK);
/// let parts: Vec<&str> = page_parts(&body).map(str::trim).collect();
/// assert_eq!(parts, ["<p>一</p>", "<p>二</p>"]);
/// ```
pub fn page_parts(body: &str) -> impl Iterator<Item = &str> {
    body.split(marker!())
}

/// Why a URL failed for good: the kinds the run manifests and the run
/// report count errors by. `fetch` decides it from its own error (no
/// message is read back); [`ErrorKind::name`] is the spelling the manifests
/// use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The server answered with this error status (400 and above), after
    /// retries for the retryable ones.
    Http(u16),
    /// robots.txt disallows the URL (or a redirect to it), or was unavailable.
    Robots,
    /// No complete answer within the request timeout.
    Timeout,
    /// The body is larger than the configured cap.
    TooLarge,
    /// A redirect was refused: a loop, too many hops, a rule of the crawl.
    Redirect,
    /// The connection failed: refused, reset, closed early, name not resolved.
    Connection,
    /// Anything else (an unsupported scheme, a request that could not be built).
    Other,
}

impl ErrorKind {
    /// The kind as the run manifests name it: `http_<status>`, `robots`,
    /// `timeout`, `too_large`, `redirect`, `connection` or `other`.
    #[must_use]
    pub fn name(self) -> String {
        match self {
            ErrorKind::Http(status) => format!("http_{status}"),
            ErrorKind::Robots => "robots".to_owned(),
            ErrorKind::Timeout => "timeout".to_owned(),
            ErrorKind::TooLarge => "too_large".to_owned(),
            ErrorKind::Redirect => "redirect".to_owned(),
            ErrorKind::Connection => "connection".to_owned(),
            ErrorKind::Other => "other".to_owned(),
        }
    }

    /// Parses [`ErrorKind::name`].
    #[must_use]
    pub fn parse(name: &str) -> Option<ErrorKind> {
        Some(match name {
            "robots" => ErrorKind::Robots,
            "timeout" => ErrorKind::Timeout,
            "too_large" => ErrorKind::TooLarge,
            "redirect" => ErrorKind::Redirect,
            "connection" => ErrorKind::Connection,
            "other" => ErrorKind::Other,
            _ => ErrorKind::Http(name.strip_prefix("http_")?.parse().ok()?),
        })
    }

    /// The kind of a failed row: its stored [`Page::error_kind`](crate::Page::error_kind),
    /// or for a row of a dataset written before schema version 4 (which
    /// stored the status and the message but not the kind) a guess from them:
    /// the status when it is an error status, else words of the message.
    #[must_use]
    pub fn of_stored(kind: Option<&str>, status: Option<u16>, error: Option<&str>) -> ErrorKind {
        if let Some(k) = kind.and_then(ErrorKind::parse) {
            return k;
        }
        if let Some(s) = status
            && s >= 400
        {
            return ErrorKind::Http(s);
        }
        let e = error.unwrap_or_default().to_ascii_lowercase();
        if e.contains("robots") {
            ErrorKind::Robots
        } else if e.contains("timed out") || e.contains("timeout") {
            ErrorKind::Timeout
        } else if e.contains("exceed") || e.contains("too large") {
            ErrorKind::TooLarge
        } else if e.contains("redirect") {
            ErrorKind::Redirect
        } else if e.contains("connect") || e.contains("reset") || e.contains("dns") {
            ErrorKind::Connection
        } else {
            ErrorKind::Other
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_break_line_holds_the_marker_the_parts_are_split_at() {
        assert_eq!(PAGE_BREAK.trim(), marker!());
        let body = format!("a{PAGE_BREAK}b{}c", marker!());
        let parts: Vec<&str> = page_parts(&body).collect();
        assert_eq!(parts, ["a\n", "\nb", "c"]);
        assert_eq!(page_parts("one page").count(), 1);
    }

    #[test]
    fn kinds_have_the_manifest_names() {
        assert_eq!(ErrorKind::Http(404).name(), "http_404");
        assert_eq!(ErrorKind::TooLarge.to_string(), "too_large");
        for k in [
            ErrorKind::Http(404),
            ErrorKind::Http(503),
            ErrorKind::Robots,
            ErrorKind::Timeout,
            ErrorKind::TooLarge,
            ErrorKind::Redirect,
            ErrorKind::Connection,
            ErrorKind::Other,
        ] {
            assert_eq!(ErrorKind::parse(&k.name()), Some(k));
        }
        assert_eq!(ErrorKind::parse("http_x"), None);
        assert_eq!(ErrorKind::parse("timed out"), None);
    }

    #[test]
    fn a_stored_kind_wins_and_an_older_row_is_guessed() {
        let guess = |s, e| ErrorKind::of_stored(None, s, e).name();
        // the stored kind, whatever the message says
        assert_eq!(
            ErrorKind::of_stored(Some("robots"), None, Some("operation timed out")),
            ErrorKind::Robots
        );
        // rows written before the column existed
        assert_eq!(guess(Some(404), None), "http_404");
        assert_eq!(guess(None, Some("operation timed out")), "timeout");
        assert_eq!(guess(None, Some("disallowed by robots.txt")), "robots");
        assert_eq!(guess(None, Some("tcp connect error")), "connection");
        assert_eq!(guess(Some(200), Some("odd")), "other");
    }
}
