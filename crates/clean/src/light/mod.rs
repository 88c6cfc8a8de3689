//! A light HTML parser: the tree html5ever would build, as a stream of
//! open / text / close events, for the pages where that tree is simple to know.
//!
//! Building html5ever's tree was two thirds of the cleaner's time, and the
//! cleaner only walks that tree once, in order (`dom.rs`). Most report pages
//! are plain nested blocks, paragraphs and layout tables, for which the HTML
//! standard's tree construction reduces to a stack of open elements plus its
//! implied-end-tag rules. This module follows those rules (the insertion
//! modes up to "in body", the table, row, cell and select modes, scopes,
//! `<p>`, `<li>`, `<dd>` and heading closing, `</p>` without a `<p>`,
//! raw-text and RCDATA elements, the leading newline of `<pre>`, the form
//! element pointer) and gives up — returns
//! `None`, and the caller parses with html5ever — on everything whose tree
//! needs more of the algorithm:
//!
//! - formatting elements closed across a block (`<b>a<div>b</b>`: the
//!   adoption agency moves elements there), `<a>` inside an open `<a>`,
//!   `<nobr>` or `<button>` inside themselves. Formatting elements left
//!   open by a block's end (`<p><font>a</p><p>b`) are reopened as the
//!   standard's reconstruction does;
//! - content that tables foster-parent (text or elements directly in a
//!   `<table>`, `<tbody>` or `<tr>`), `<caption>`, `<col>`, `<colgroup>`,
//!   `<table>` in an open `<p>` (quirks mode decides that one) or in a table;
//! - `<template>`, `<frameset>`, `<plaintext>`, `<applet>`, `<object>`,
//!   `<marquee>`, ruby, SVG and MathML;
//! - elements that html5ever moves into `<head>` after it was closed, a
//!   second `<html>` or `<body>` with attributes;
//! - character references outside a small table of common names (html5ever
//!   knows 2,231, some without `;`), numeric ones without `;` or in the
//!   C1 range, `&` in an attribute value the cleaner reads;
//! - `<script>` holding `<!--` and then `<script` (its double-escaped
//!   state), a comment ended by `--!>`, a tag or doctype cut off by the end of
//!   the input, NUL bytes.
//!
//! `tests.rs` holds the parser to html5ever: on every fixture page, on
//! hand-written awkward markup and on random mixes of common markup, both
//! give the same flattened walk. Tags, text and character references are
//! read by `baogao-html` (the fetcher's tokenizer too), with
//! [`decode_exact`]; `tree.rs` and `body.rs` build the tree and switch the
//! tokenizer to raw text where the insertion mode says so.

mod body;
#[cfg(test)]
mod tests;
mod tree;

use std::borrow::Cow;

use baogao_html::{Attrs, Token, Tokenizer, decode_exact};
use tree::Builder;

/// One step of the walk of the tree, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ev<'a> {
    /// An element starts: its (lowercase) name when the cleaner knows it, or
    /// `""`, and its attributes as written.
    Open { tag: &'static str, attrs: Attrs<'a> },
    /// Text, character references decoded.
    Text(Cow<'a, str>),
    /// The innermost open element ends.
    Close,
}

/// `html` with `\r\n` and lone `\r` turned into `\n`, as the HTML input
/// stream does before tokenizing.
pub(crate) fn newlines(html: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', html.as_bytes()).is_none() {
        return Cow::Borrowed(html);
    }
    Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The walk of the tree html5ever would build for `html`, or `None` when the
/// page needs what this parser leaves to html5ever (NUL bytes among it).
/// `html` must have had [`newlines`] applied.
pub(crate) fn parse(html: &str) -> Option<Vec<Ev<'_>>> {
    if memchr::memchr(0, html.as_bytes()).is_some() {
        return None;
    }
    let mut tb = Builder::new(html.len());
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let mut tz = Tokenizer::for_tree_builder(html);
    while let Some(tk) = tz.next() {
        let skip_lf = std::mem::take(&mut tb.skip_lf);
        match tk {
            Token::Text(raw) => {
                let mut t = decode_exact(raw)?;
                if skip_lf && t.starts_with('\n') {
                    t = tail(t, 1);
                }
                if !t.is_empty() {
                    tb.chars(t)?;
                }
            }
            // what html5ever reads otherwise: a tag or doctype cut off by the
            // end, a comment ended by `--!>`
            Token::Start(t) | Token::End(t) if !t.closed => return None,
            Token::Comment { bang: true } | Token::Doctype { closed: false } => return None,
            Token::Start(t) => tb.start(&lower(t.name), t.attrs, &mut tz)?,
            Token::End(t) => tb.end(&lower(t.name))?,
            Token::Comment { .. } | Token::Doctype { .. } | Token::Bogus | Token::Raw(..) => {}
        }
    }
    tb.eof();
    Some(tb.ev)
}

/// A tag name in ASCII lowercase, borrowed when it already is.
fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// `t` without its first `n` bytes.
fn tail(t: Cow<'_, str>, n: usize) -> Cow<'_, str> {
    match t {
        Cow::Borrowed(s) => Cow::Borrowed(&s[n..]),
        Cow::Owned(mut s) => {
            s.drain(..n);
            Cow::Owned(s)
        }
    }
}
