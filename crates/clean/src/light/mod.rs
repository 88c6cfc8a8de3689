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
//!   state), a comment ended by `--!>`, a tag or `</` cut off by the end of
//!   the input, NUL bytes.
//!
//! `tests.rs` holds the parser to html5ever: on every fixture page, on
//! hand-written awkward markup and on random mixes of common markup, both
//! give the same flattened walk. `tokenizer.rs` reads tags, text and
//! character references; `tree.rs` and `body.rs` build the tree.

mod body;
#[cfg(test)]
mod tests;
mod tokenizer;
mod tree;

use std::borrow::Cow;

use tokenizer::{Step, Tk, Tokenizer, decode, lower, step, tail};
use tree::Builder;

/// One step of the walk of the tree, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ev<'a> {
    /// An element starts: its (lowercase) name when the cleaner knows it, or
    /// `""`, and its raw attribute text with the closing `>` (see [`attrs`]).
    Open { tag: &'static str, attrs: &'a str },
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
    let mut tz = Tokenizer::new(html);
    loop {
        let tk = tz.next()?;
        let skip_lf = std::mem::take(&mut tb.skip_lf);
        match tk {
            Tk::Text(raw) => {
                let mut t = decode(raw)?;
                if skip_lf && t.starts_with('\n') {
                    t = tail(t, 1);
                }
                if !t.is_empty() {
                    tb.chars(t)?;
                }
            }
            Tk::Other => {}
            Tk::Eof => break,
            Tk::Start { name, attrs } => tb.start(&lower(name), attrs, &mut tz)?,
            Tk::End { name } => tb.end(&lower(name))?,
        }
    }
    tb.eof();
    Some(tb.ev)
}

/// The attributes in a start tag's raw attribute text (up to and with its
/// `>`; `""` for none), as `(name, value)`
/// in source order (names as written, values not decoded).
pub(crate) fn attrs(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let b = raw.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || match step(b, &mut i) {
        Step::Attr(n, v) => Some((&raw[n.0..n.1], &raw[v.0..v.1])),
        Step::End(_) | Step::Eof => None,
    })
}
