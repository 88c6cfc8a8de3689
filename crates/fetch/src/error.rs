//! The one error type of the crate.
//!
//! [`Crawler::new`](crate::Crawler::new) returns it for bad options; during a crawl the same
//! variants describe why a URL failed for good: their message becomes the `error` text of
//! the [`PageKind::Error`](baogao_model::PageKind::Error) row (every message names the URL),
//! and [`FetchError::kind`] the typed [`ErrorKind`] the row is handed on with.

use baogao_model::ErrorKind;

/// Why the crawler could not be built, or why one URL failed for good.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// An option is out of range (`key` is the option's name in `[fetch]`).
    #[error("invalid fetch option `{key}`: {reason}")]
    InvalidOption {
        /// Name of the option.
        key: &'static str,
        /// What is wrong with its value.
        reason: String,
    },
    /// The HTTP client could not be built (TLS backend, bad user agent…).
    #[error("cannot build the http client: {0}")]
    Client(#[source] reqwest::Error),
    /// A seed or redirect target is not http or https.
    #[error("`{url}`: unsupported url scheme `{scheme}` (only http and https are fetched)")]
    UnsupportedScheme {
        /// The URL.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// robots.txt of the host disallows the URL for our user agent.
    #[error("`{url}`: disallowed by robots.txt")]
    RobotsDisallowed {
        /// The URL.
        url: String,
    },
    /// robots.txt answered 5xx or could not be fetched: the whole host is treated as disallowed.
    #[error("`{url}`: robots.txt unavailable ({reason}), the host is treated as disallowed")]
    RobotsUnavailable {
        /// The URL that was not fetched.
        url: String,
        /// What happened to robots.txt.
        reason: String,
    },
    /// The server answered with an error status (after retries, for retryable ones).
    #[error("`{url}`: http status {status} after {attempts} attempt(s)")]
    Status {
        /// The URL.
        url: String,
        /// Final status.
        status: u16,
        /// Attempts made.
        attempts: u32,
    },
    /// No complete response within `timeout` (after retries).
    #[error("`{url}`: timed out after {attempts} attempt(s)")]
    Timeout {
        /// The URL.
        url: String,
        /// Attempts made.
        attempts: u32,
    },
    /// The connection failed: refused, reset, closed before the answer was complete, a host
    /// name that did not resolve (after retries).
    #[error("`{url}`: request failed after {attempts} attempt(s): {reason}")]
    Connection {
        /// The URL.
        url: String,
        /// Attempts made.
        attempts: u32,
        /// The transport error chain.
        reason: String,
    },
    /// Any other transport error: a request that could not be built, a body that could not be
    /// decoded (after retries, for the retryable ones).
    #[error("`{url}`: request failed after {attempts} attempt(s): {reason}")]
    Request {
        /// The URL.
        url: String,
        /// Attempts made.
        attempts: u32,
        /// The transport error chain.
        reason: String,
    },
    /// The decompressed body is larger than `max_body_size`; reading stopped there.
    #[error("`{url}`: body exceeds {limit} bytes (`fetch.max_body_size`)")]
    BodyTooLarge {
        /// The URL.
        url: String,
        /// The cap.
        limit: u64,
    },
    /// Too many redirects, a redirect loop, or a redirect to a non-http(s) scheme.
    #[error("`{url}`: redirect refused: {reason}")]
    Redirect {
        /// The URL.
        url: String,
        /// Why.
        reason: String,
    },
    /// A redirect led to a URL that robots.txt of its host disallows (or a host whose
    /// robots.txt is unavailable).
    #[error("`{url}`: redirect refused: {reason}")]
    RedirectDisallowed {
        /// The URL.
        url: String,
        /// Why.
        reason: String,
    },
}

impl FetchError {
    /// The kind of failure, as the run manifests count it. A [`FetchError::Status`] of 400 and
    /// above is [`ErrorKind::Http`]; the row's own status decides for the rest (see
    /// `job::error_page`).
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            FetchError::RobotsDisallowed { .. }
            | FetchError::RobotsUnavailable { .. }
            | FetchError::RedirectDisallowed { .. } => ErrorKind::Robots,
            FetchError::Status { status, .. } if *status >= 400 => ErrorKind::Http(*status),
            FetchError::Timeout { .. } => ErrorKind::Timeout,
            FetchError::BodyTooLarge { .. } => ErrorKind::TooLarge,
            FetchError::Redirect { .. } => ErrorKind::Redirect,
            FetchError::Connection { .. } => ErrorKind::Connection,
            FetchError::InvalidOption { .. }
            | FetchError::Client(_)
            | FetchError::UnsupportedScheme { .. }
            | FetchError::Status { .. }
            | FetchError::Request { .. } => ErrorKind::Other,
        }
    }
}

/// The error chain of `err` on one line (`outer: inner: innermost`).
pub(crate) fn chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_url_and_start_lowercase() {
        let e = FetchError::RobotsDisallowed {
            url: "http://a/e/".into(),
        };
        assert_eq!(e.to_string(), "`http://a/e/`: disallowed by robots.txt");
        let e = FetchError::BodyTooLarge {
            url: "http://a/x".into(),
            limit: 10,
        };
        assert!(e.to_string().contains("body exceeds 10 bytes"));
        let e = FetchError::InvalidOption {
            key: "burst",
            reason: "must be at least 1".into(),
        };
        assert!(e.to_string().starts_with("invalid fetch option `burst`"));
    }
}
