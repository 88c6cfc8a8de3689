//! A light HTML parser: the tree html5ever would build, as a stream of
//! open / text / close events, for the pages where that tree is simple to know.
//!
//! Building html5ever's tree was two thirds of the cleaner's time, and the
//! cleaner only walks that tree once, in order (`dom.rs`). Most report pages
//! are plain nested blocks, paragraphs and layout tables, for which the HTML
//! standard's tree construction reduces to a stack of open elements plus its
//! implied-end-tag rules. This module follows those rules (the insertion
//! modes up to "in body", the table, row and cell modes, scopes, `<p>`,
//! `<li>`, `<dd>` and heading closing, `</p>` without a `<p>`, raw-text and
//! RCDATA elements, the leading newline of `<pre>`) and gives up — returns
//! `None`, and the caller parses with html5ever — on everything whose tree
//! needs more of the algorithm:
//!
//! - misnested formatting elements (anything the adoption agency or the
//!   reconstruction of active formatting elements would change), `<a>`
//!   inside an open `<a>`, `<nobr>` or `<button>` inside themselves;
//! - content that tables foster-parent (text or elements directly in a
//!   `<table>`, `<tbody>` or `<tr>`), `<caption>`, `<col>`, `<colgroup>`,
//!   `<table>` in an open `<p>` (quirks mode decides that one) or in a table;
//! - `<select>`, `<option>`, `<template>`, `<frameset>`, `<plaintext>`,
//!   `<applet>`, `<object>`, `<marquee>`, ruby, SVG and MathML;
//! - elements that html5ever moves into `<head>` after it was closed, a
//!   second `<html>` or `<body>` with attributes;
//! - character references outside a small table of common names (html5ever
//!   knows 2,231, some without `;`), numeric ones without `;` or in the
//!   C1 range, `&` in an attribute value the cleaner reads;
//! - `<script>` holding `<!--` (its escape states), CDATA and bogus comments,
//!   `--!>`, a tag cut off by the end of the input, NUL bytes.
//!
//! `tests.rs` holds the parser to html5ever: on every fixture page and on
//! hand-written awkward markup, both give the same flattened walk.

use std::borrow::Cow;

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
/// page needs what this parser leaves to html5ever. `html` must have had
/// [`newlines`] applied and hold no NUL.
pub(crate) fn parse(html: &str) -> Option<Vec<Ev<'_>>> {
    let mut tb = Builder {
        ev: Vec::with_capacity(html.len() / 24),
        stack: Vec::with_capacity(64),
        afe: Vec::new(),
        mode: Mode::Initial,
        form: None,
        next_id: 0,
        skip_lf: false,
    };
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let mut tz = Tokenizer { html, pos: 0 };
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

// ---------------------------------------------------------------- tokenizer

enum Tk<'a> {
    Start {
        name: &'a str,
        attrs: &'a str,
    },
    End {
        name: &'a str,
    },
    Text(&'a str),
    /// A comment, doctype or processing instruction.
    Other,
    /// The end of the input.
    Eof,
}

struct Tokenizer<'a> {
    html: &'a str,
    pos: usize,
}

/// One attribute read from the "before attribute name" state.
enum Step {
    /// Name and value byte ranges.
    Attr((usize, usize), (usize, usize)),
    /// The tag's `>` is at this index.
    End(usize),
    /// The input ended inside the tag.
    Eof,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b' ')
}

/// Reads one attribute (or the tag's end) from `*i`, as the tokenizer's
/// attribute states do; a `/` not before `>` is skipped, `=` may start a name.
fn step(b: &[u8], i: &mut usize) -> Step {
    while *i < b.len() && (is_ws(b[*i]) || b[*i] == b'/') {
        *i += 1;
    }
    if *i >= b.len() {
        return Step::Eof;
    }
    if b[*i] == b'>' {
        return Step::End(*i);
    }
    let n0 = *i;
    *i += 1;
    while *i < b.len() && !(is_ws(b[*i]) || matches!(b[*i], b'/' | b'>' | b'=')) {
        *i += 1;
    }
    let name = (n0, *i);
    while *i < b.len() && is_ws(b[*i]) {
        *i += 1;
    }
    if *i >= b.len() {
        return Step::Eof;
    }
    if b[*i] != b'=' {
        return Step::Attr(name, (*i, *i));
    }
    *i += 1;
    while *i < b.len() && is_ws(b[*i]) {
        *i += 1;
    }
    if *i >= b.len() {
        return Step::Eof;
    }
    match b[*i] {
        q @ (b'"' | b'\'') => {
            let v0 = *i + 1;
            let Some(off) = memchr::memchr(q, &b[v0..]) else {
                return Step::Eof;
            };
            *i = v0 + off + 1;
            Step::Attr(name, (v0, v0 + off))
        }
        b'>' => Step::Attr(name, (*i, *i)),
        _ => {
            let v0 = *i;
            while *i < b.len() && !(is_ws(b[*i]) || b[*i] == b'>') {
                *i += 1;
            }
            if *i >= b.len() {
                return Step::Eof;
            }
            Step::Attr(name, (v0, *i))
        }
    }
}

/// The end of a tag's attributes (its `>`), from `from`; `None` at the end of input.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        match step(b, &mut i) {
            Step::Attr(..) => {}
            Step::End(gt) => return Some(gt),
            Step::Eof => return None,
        }
    }
}

/// The end of a tag name starting at `from`.
fn name_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| is_ws(c) || c == b'/' || c == b'>')
        .map_or(b.len(), |p| from + p)
}

impl<'a> Tokenizer<'a> {
    /// The next token, or `None` when the page is left to html5ever.
    fn next(&mut self) -> Option<Tk<'a>> {
        let html = self.html;
        let b = html.as_bytes();
        loop {
            let start = self.pos;
            if start >= b.len() {
                return Some(Tk::Eof);
            }
            // Text runs to the next `<` that opens markup.
            let mut at = start;
            let lt = loop {
                match memchr::memchr(b'<', &b[at..]) {
                    None => break b.len(),
                    Some(off) => {
                        let lt = at + off;
                        match b.get(lt + 1) {
                            Some(c)
                                if c.is_ascii_alphabetic() || matches!(c, b'!' | b'/' | b'?') =>
                            {
                                break lt;
                            }
                            _ => at = lt + 1,
                        }
                    }
                }
            };
            if lt > start {
                self.pos = lt;
                return Some(Tk::Text(&html[start..lt]));
            }
            match b[lt + 1] {
                b'!' => {
                    let rest = &b[lt..];
                    if rest.starts_with(b"<!--") {
                        let body = lt + 4;
                        let end = if b[body..].starts_with(b">") {
                            body + 1
                        } else if b[body..].starts_with(b"->") {
                            body + 2
                        } else {
                            match memchr::memmem::find(&b[body..], b"-->") {
                                Some(off) => body + off + 3,
                                None => b.len(),
                            }
                        };
                        if memchr::memmem::find(&b[body..end], b"--!>").is_some() {
                            return None;
                        }
                        self.pos = end;
                        return Some(Tk::Other);
                    }
                    if rest.len() >= 9 && rest[2..9].eq_ignore_ascii_case(b"doctype") {
                        let gt = memchr::memchr(b'>', &b[lt..])?;
                        self.pos = lt + gt + 1;
                        return Some(Tk::Other);
                    }
                    // A bogus comment (`<![if !supportLists]>`, CDATA in HTML).
                    self.pos = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |p| lt + p + 1);
                    return Some(Tk::Other);
                }
                b'?' => {
                    self.pos = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |p| lt + p + 1);
                    return Some(Tk::Other);
                }
                b'/' => match b.get(lt + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let ne = name_end(b, lt + 2);
                        let gt = tag_end(b, ne)?;
                        self.pos = gt + 1;
                        return Some(Tk::End {
                            name: &html[lt + 2..ne],
                        });
                    }
                    Some(b'>') => self.pos = lt + 3,
                    Some(_) => {
                        self.pos = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |p| lt + p + 1);
                        return Some(Tk::Other);
                    }
                    None => return None,
                },
                _ => {
                    let ne = name_end(b, lt + 1);
                    let gt = tag_end(b, ne)?;
                    self.pos = gt + 1;
                    return Some(Tk::Start {
                        name: &html[lt + 1..ne],
                        attrs: &html[ne..=gt],
                    });
                }
            }
        }
    }

    /// The content of a raw-text or RCDATA element named `name`, up to its
    /// end tag, which is consumed too; to the end of input when there is none.
    fn raw(&mut self, name: &str) -> Option<&'a str> {
        let b = self.html.as_bytes();
        let from = self.pos;
        let mut at = from;
        let (content_end, resume) = loop {
            let Some(off) = memchr::memmem::find(&b[at..], b"</") else {
                break (b.len(), b.len());
            };
            let lt = at + off;
            let after = lt + 2 + name.len();
            let named = b
                .get(lt + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            if named
                && b.get(after)
                    .is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>')
            {
                break (lt, tag_end(b, after)? + 1);
            }
            at = lt + 2;
        };
        let content = &self.html[from..content_end];
        // `<!--` … `<script` in a script is the double-escaped state, where
        // `</script>` does not end it; without an inner `<script` it does.
        if name == "script"
            && let Some(c) = memchr::memmem::find(content.as_bytes(), b"<!--")
            && content.as_bytes()[c..]
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"<script"))
        {
            return None;
        }
        self.pos = resume;
        Some(content)
    }
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
        Cow::Owned(s) => Cow::Owned(s[n..].to_owned()),
    }
}

/// `s` with character references decoded, or `None` for one this module
/// does not decode exactly as html5ever does.
fn decode(s: &str) -> Option<Cow<'_, str>> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Some(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p + 1..];
        let b = rest.as_bytes();
        match b.first() {
            Some(c) if c.is_ascii_alphanumeric() => {
                let n = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                if b.get(n) != Some(&b';') {
                    return None;
                }
                // Any name outside this table leaves the page to html5ever.
                let &(_, c) = baogao_model::NAMED_ENTITIES
                    .iter()
                    .find(|(e, _)| *e == &rest[..n])?;
                out.push(c);
                rest = &rest[n + 1..];
            }
            Some(b'#') => {
                let (digits, radix, skip) = match b.get(1) {
                    Some(b'x' | b'X') => (&rest[2..], 16, 2),
                    _ => (&rest[1..], 10, 1),
                };
                let n = digits
                    .bytes()
                    .take_while(|c| char::from(*c).is_digit(radix))
                    .count();
                if n == 0 || n > 6 || digits.as_bytes().get(n) != Some(&b';') {
                    return None;
                }
                let code = u32::from_str_radix(&digits[..n], radix).ok()?;
                if code == 0 || (0x80..=0x9f).contains(&code) || code == 0x0d {
                    return None;
                }
                out.push(char::from_u32(code)?);
                rest = &rest[skip + n + 1..];
            }
            _ => out.push('&'),
        }
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

// ------------------------------------------------------------- tree builder

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Initial,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

/// Where a token lands relative to the nearest table element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Body,
    Table,
    Section,
    Row,
    Cell,
}

struct OpenEl {
    name: Cow<'static, str>,
    id: u32,
}

#[derive(Clone, Copy)]
enum Afe {
    Marker,
    El { tag: &'static str, id: u32 },
}

struct Builder<'a> {
    ev: Vec<Ev<'a>>,
    stack: Vec<OpenEl>,
    /// The list of active formatting elements.
    afe: Vec<Afe>,
    mode: Mode,
    /// The form element pointer.
    form: Option<u32>,
    next_id: u32,
    /// Drop a `\n` that starts the next token (after `<pre>`, `<listing>`).
    skip_lf: bool,
}

/// Elements the cleaner looks at by name (`dom.rs`) and the tree builder
/// treats specially; any other element is opened with the name `""`.
fn known(name: &str) -> &'static str {
    macro_rules! names {
        ($($n:literal)*) => {
            match name { $($n => $n,)* _ => "" }
        };
    }
    names!(
        "a" "abbr" "address" "applet" "area" "article" "aside" "audio" "b" "base" "basefont"
        "bgsound" "big" "blockquote" "body" "br" "button" "canvas" "caption" "center" "code"
        "col" "colgroup" "dd" "details" "dialog" "dir" "div" "dl" "dt" "em" "embed" "fieldset"
        "figcaption" "figure" "font" "footer" "form" "frame" "h1" "h2" "h3" "h4" "h5" "h6" "head"
        "header" "hgroup" "hr" "html" "i" "iframe" "img" "input" "keygen" "legend" "li" "link"
        "listing" "main" "map" "math" "menu" "meta" "nav" "nobr" "noembed" "noframes" "noscript"
        "object" "ol" "p" "param" "plaintext" "pre" "s" "script" "search" "section" "select"
        "small" "source" "span" "strike" "strong" "style" "summary" "svg" "table" "tbody" "td"
        "template" "textarea" "tfoot" "th" "thead" "time" "title" "tr" "track" "tt" "u" "ul"
        "video" "wbr" "xmp" "option" "optgroup" "label" "sub" "sup"
    )
}

fn special(n: &str) -> bool {
    matches!(
        n,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "keygen"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

fn formatting(n: &str) -> bool {
    matches!(
        n,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

fn heading(n: &str) -> bool {
    matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn implied_end(n: &str) -> bool {
    matches!(
        n,
        "dd" | "dt" | "li" | "optgroup" | "option" | "p" | "rb" | "rp" | "rt" | "rtc"
    )
}

/// The scope kinds of the standard.
#[derive(Clone, Copy)]
enum Scope {
    Default,
    Button,
    ListItem,
    Table,
}

fn bounds(scope: Scope, n: &str) -> bool {
    match scope {
        Scope::Table => matches!(n, "html" | "table" | "template"),
        _ => {
            matches!(
                n,
                "applet"
                    | "caption"
                    | "html"
                    | "table"
                    | "td"
                    | "th"
                    | "marquee"
                    | "object"
                    | "template"
            ) || matches!(
                (scope, n),
                (Scope::Button, "button") | (Scope::ListItem, "ol" | "ul")
            )
        }
    }
}

/// Attributes `dom.rs` reads; an `&` in their values would need decoding.
fn read_attr(name: &str) -> bool {
    [
        "aria-hidden",
        "type",
        "style",
        "class",
        "id",
        "name",
        "property",
        "itemprop",
        "content",
        "datetime",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(name))
}

impl<'a> Builder<'a> {
    fn cur(&self) -> &str {
        self.stack.last().map_or("", |e| &e.name)
    }

    fn insert(&mut self, name: &str, attrs: &'a str) -> Option<()> {
        if attrs.contains('&') && self::attrs(attrs).any(|(n, v)| v.contains('&') && read_attr(n)) {
            return None;
        }
        let tag = known(name);
        self.ev.push(Ev::Open { tag, attrs });
        self.stack.push(OpenEl {
            name: if tag.is_empty() {
                Cow::Owned(name.to_owned())
            } else {
                Cow::Borrowed(tag)
            },
            id: self.next_id,
        });
        self.next_id += 1;
        Some(())
    }

    fn void(&mut self, name: &str, attrs: &'a str) -> Option<()> {
        self.insert(name, attrs)?;
        self.pop();
        Some(())
    }

    fn pop(&mut self) {
        if self.stack.pop().is_some() {
            self.ev.push(Ev::Close);
        }
    }

    fn pop_until(&mut self, pred: impl Fn(&str) -> bool) {
        while let Some(top) = self.stack.last() {
            let hit = pred(&top.name);
            self.pop();
            if hit {
                break;
            }
        }
    }

    fn text(&mut self, t: Cow<'a, str>) {
        self.ev.push(Ev::Text(t));
    }

    fn in_scope(&self, scope: Scope, pred: impl Fn(&str) -> bool) -> bool {
        for e in self.stack.iter().rev() {
            if pred(&e.name) {
                return true;
            }
            if bounds(scope, &e.name) {
                return false;
            }
        }
        false
    }

    fn id_in_scope(&self, id: u32) -> bool {
        for e in self.stack.iter().rev() {
            if e.id == id {
                return true;
            }
            if bounds(Scope::Default, &e.name) {
                return false;
            }
        }
        false
    }

    fn on_stack(&self, id: u32) -> bool {
        self.stack.iter().any(|e| e.id == id)
    }

    fn implied_ends(&mut self, except: &str) {
        while implied_end(self.cur()) && self.cur() != except {
            self.pop();
        }
    }

    fn close_p(&mut self) {
        if self.in_scope(Scope::Button, |n| n == "p") {
            self.implied_ends("p");
            self.pop_until(|n| n == "p");
        }
    }

    /// Reconstructing the active formatting elements would add elements.
    fn reconstruct(&self) -> Option<()> {
        match self.afe.last() {
            None | Some(Afe::Marker) => Some(()),
            Some(&Afe::El { id, .. }) => self.on_stack(id).then_some(()),
        }
    }

    fn clear_to_marker(&mut self) {
        while let Some(e) = self.afe.pop() {
            if matches!(e, Afe::Marker) {
                break;
            }
        }
    }

    /// Entries since the last marker.
    fn afe_tail(&self) -> &[Afe] {
        let from = self
            .afe
            .iter()
            .rposition(|e| matches!(e, Afe::Marker))
            .map_or(0, |p| p + 1);
        &self.afe[from..]
    }

    fn ctx(&self) -> Ctx {
        for e in self.stack.iter().rev() {
            match &*e.name {
                "td" | "th" => return Ctx::Cell,
                "tr" => return Ctx::Row,
                "tbody" | "thead" | "tfoot" => return Ctx::Section,
                "table" => return Ctx::Table,
                _ => {}
            }
        }
        Ctx::Body
    }

    fn close_cell(&mut self) {
        self.implied_ends("");
        self.pop_until(|n| n == "td" || n == "th");
        self.clear_to_marker();
    }

    fn raw(
        &mut self,
        name: &str,
        attrs: &'a str,
        tz: &mut Tokenizer<'a>,
        rcdata: bool,
    ) -> Option<()> {
        self.insert(name, attrs)?;
        let content = tz.raw(name)?;
        let mut t = if rcdata {
            decode(content)?
        } else {
            Cow::Borrowed(content)
        };
        if name == "textarea" && t.starts_with('\n') {
            t = tail(t, 1);
        }
        if !t.is_empty() {
            self.text(t);
        }
        self.pop();
        Some(())
    }

    fn chars(&mut self, mut t: Cow<'a, str>) -> Option<()> {
        loop {
            let ws = t.bytes().take_while(|&c| is_ws(c)).count();
            match self.mode {
                Mode::Initial | Mode::BeforeHead => {
                    if ws == t.len() {
                        return Some(());
                    }
                    t = tail(t, ws);
                    self.implied_step();
                }
                Mode::InHead | Mode::AfterHead => {
                    if ws > 0 {
                        let lead = match &t {
                            Cow::Borrowed(s) => Cow::Borrowed(&s[..ws]),
                            Cow::Owned(s) => Cow::Owned(s[..ws].to_owned()),
                        };
                        self.text(lead);
                    }
                    if ws == t.len() {
                        return Some(());
                    }
                    t = tail(t, ws);
                    self.implied_step();
                }
                Mode::InBody => {
                    return match self.ctx() {
                        Ctx::Table | Ctx::Section | Ctx::Row => {
                            (ws == t.len()).then_some(())?;
                            self.text(t);
                            Some(())
                        }
                        Ctx::Body | Ctx::Cell => {
                            self.reconstruct()?;
                            self.text(t);
                            Some(())
                        }
                    };
                }
            }
        }
    }

    /// What "anything else" does in the modes before `<body>`.
    fn implied_step(&mut self) {
        match self.mode {
            Mode::Initial => {
                let _ = self.insert("html", "");
                self.mode = Mode::BeforeHead;
            }
            Mode::BeforeHead => {
                let _ = self.insert("head", "");
                self.mode = Mode::InHead;
            }
            Mode::InHead => {
                self.pop();
                self.mode = Mode::AfterHead;
            }
            Mode::AfterHead => {
                let _ = self.insert("body", "");
                self.mode = Mode::InBody;
            }
            Mode::InBody => {}
        }
    }

    fn eof(&mut self) {
        while self.mode != Mode::InBody {
            self.implied_step();
        }
        while !self.stack.is_empty() {
            self.pop();
        }
    }

    fn start(&mut self, name: &str, attrs: &'a str, tz: &mut Tokenizer<'a>) -> Option<()> {
        loop {
            match self.mode {
                Mode::Initial => {
                    if name == "html" {
                        self.insert("html", attrs)?;
                        self.mode = Mode::BeforeHead;
                        return Some(());
                    }
                }
                Mode::BeforeHead => match name {
                    "html" => return None,
                    "head" => {
                        self.insert("head", attrs)?;
                        self.mode = Mode::InHead;
                        return Some(());
                    }
                    _ => {}
                },
                Mode::InHead => match name {
                    "base" | "basefont" | "bgsound" | "link" | "meta" => {
                        return self.void(name, attrs);
                    }
                    "title" => return self.raw(name, attrs, tz, true),
                    "noscript" | "noframes" | "style" | "script" => {
                        return self.raw(name, attrs, tz, false);
                    }
                    "head" => return Some(()),
                    "template" | "html" => return None,
                    _ => {}
                },
                Mode::AfterHead => match name {
                    "body" => {
                        self.insert("body", attrs)?;
                        self.mode = Mode::InBody;
                        return Some(());
                    }
                    "head" => return Some(()),
                    "html" | "frameset" | "base" | "basefont" | "bgsound" | "link" | "meta"
                    | "noframes" | "script" | "style" | "template" | "title" => return None,
                    _ => {}
                },
                Mode::InBody => return self.start_in_body(name, attrs, tz),
            }
            self.implied_step();
        }
    }

    fn end(&mut self, name: &str) -> Option<()> {
        loop {
            let structural = matches!(name, "head" | "body" | "html" | "br");
            match self.mode {
                Mode::Initial | Mode::BeforeHead if !structural => return Some(()),
                Mode::InHead if name == "head" => {
                    self.implied_step();
                    return Some(());
                }
                Mode::InHead | Mode::AfterHead if !matches!(name, "body" | "html" | "br") => {
                    return Some(());
                }
                Mode::InBody => return self.end_in_body(name),
                _ => {}
            }
            self.implied_step();
        }
    }

    fn start_in_body(&mut self, name: &str, attrs: &'a str, tz: &mut Tokenizer<'a>) -> Option<()> {
        loop {
            match self.ctx() {
                Ctx::Body => return self.body_start(name, attrs, tz),
                Ctx::Cell => {
                    if matches!(
                        name,
                        "caption"
                            | "col"
                            | "colgroup"
                            | "tbody"
                            | "td"
                            | "tfoot"
                            | "th"
                            | "thead"
                            | "tr"
                    ) {
                        self.close_cell();
                        continue;
                    }
                    return self.body_start(name, attrs, tz);
                }
                Ctx::Row => match name {
                    "td" | "th" => {
                        self.insert(name, attrs)?;
                        self.afe.push(Afe::Marker);
                        return Some(());
                    }
                    "caption" | "col" | "colgroup" | "tbody" | "tfoot" | "thead" | "tr" => {
                        self.pop();
                    }
                    _ => return self.table_start(name, attrs, tz),
                },
                Ctx::Section => match name {
                    "tr" => return self.insert(name, attrs),
                    "td" | "th" => {
                        self.insert("tr", "")?;
                    }
                    "caption" | "col" | "colgroup" | "tbody" | "tfoot" | "thead" => {
                        self.pop();
                    }
                    _ => return self.table_start(name, attrs, tz),
                },
                Ctx::Table => match name {
                    "tbody" | "tfoot" | "thead" => return self.insert(name, attrs),
                    "td" | "th" | "tr" => {
                        self.insert("tbody", "")?;
                    }
                    _ => return self.table_start(name, attrs, tz),
                },
            }
        }
    }

    /// Start tags "in table" other than sections, rows and cells.
    fn table_start(&mut self, name: &str, attrs: &'a str, tz: &mut Tokenizer<'a>) -> Option<()> {
        match name {
            "style" | "script" => self.raw(name, attrs, tz, false),
            "input"
                if self::attrs(attrs)
                    .find(|(n, _)| n.eq_ignore_ascii_case("type"))
                    .is_some_and(|(_, v)| v.eq_ignore_ascii_case("hidden")) =>
            {
                self.void(name, attrs)
            }
            "form" => {
                if self.form.is_none() {
                    self.insert(name, attrs)?;
                    self.form = self.stack.last().map(|e| e.id);
                    self.pop();
                }
                Some(())
            }
            _ => None,
        }
    }

    fn body_start(&mut self, name: &str, attrs: &'a str, tz: &mut Tokenizer<'a>) -> Option<()> {
        match name {
            "html" | "body" => attrs
                .bytes()
                .all(|c| is_ws(c) || c == b'/' || c == b'>')
                .then_some(()),
            "base" | "basefont" | "bgsound" | "link" | "meta" | "param" | "source" | "track" => {
                self.void(name, attrs)
            }
            "noframes" | "style" | "script" | "iframe" | "noembed" | "noscript" => {
                self.raw(name, attrs, tz, false)
            }
            "title" | "textarea" => self.raw(name, attrs, tz, true),
            "xmp" => {
                self.close_p();
                self.reconstruct()?;
                self.raw(name, attrs, tz, false)
            }
            "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog"
            | "dir" | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer" | "header"
            | "hgroup" | "main" | "menu" | "nav" | "ol" | "p" | "search" | "section"
            | "summary" | "ul" => {
                self.close_p();
                self.insert(name, attrs)
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close_p();
                if heading(self.cur()) {
                    self.pop();
                }
                self.insert(name, attrs)
            }
            "pre" | "listing" => {
                self.close_p();
                self.insert(name, attrs)?;
                self.skip_lf = true;
                Some(())
            }
            "form" => {
                if self.form.is_some() {
                    return Some(());
                }
                self.close_p();
                self.insert(name, attrs)?;
                self.form = self.stack.last().map(|e| e.id);
                Some(())
            }
            "li" | "dd" | "dt" => {
                let same = |n: &str| {
                    if name == "li" {
                        n == "li"
                    } else {
                        n == "dd" || n == "dt"
                    }
                };
                let mut hit: Option<Cow<'static, str>> = None;
                for e in self.stack.iter().rev() {
                    if same(&e.name) {
                        hit = Some(e.name.clone());
                        break;
                    }
                    if special(&e.name) && !matches!(&*e.name, "address" | "div" | "p") {
                        break;
                    }
                }
                if let Some(h) = hit {
                    self.implied_ends(&h);
                    self.pop_until(|n| n == &*h);
                }
                self.close_p();
                self.insert(name, attrs)
            }
            "button" => {
                if self.in_scope(Scope::Default, |n| n == "button") {
                    return None;
                }
                self.reconstruct()?;
                self.insert(name, attrs)
            }
            "a" | "b" | "big" | "code" | "em" | "font" | "i" | "s" | "small" | "strike"
            | "strong" | "tt" | "u" | "nobr" => {
                self.reconstruct()?;
                let tag = known(name);
                let same = self
                    .afe_tail()
                    .iter()
                    .filter(|e| matches!(e, Afe::El { tag: t, .. } if *t == tag))
                    .count();
                if (name == "a" && same > 0)
                    || same >= 3
                    || (name == "nobr" && self.in_scope(Scope::Default, |n| n == "nobr"))
                {
                    return None;
                }
                self.insert(name, attrs)?;
                let id = self.stack.last().map_or(0, |e| e.id);
                self.afe.push(Afe::El { tag, id });
                Some(())
            }
            "table" => {
                if self.in_scope(Scope::Button, |n| n == "p") {
                    return None;
                }
                self.insert(name, attrs)
            }
            "area" | "br" | "embed" | "img" | "keygen" | "wbr" | "input" => {
                self.reconstruct()?;
                self.void(name, attrs)
            }
            "hr" => {
                self.close_p();
                self.void(name, attrs)
            }
            "caption" | "col" | "colgroup" | "frame" | "head" | "tbody" | "td" | "tfoot" | "th"
            | "thead" | "tr" => Some(()),
            "applet" | "marquee" | "object" | "template" | "frameset" | "plaintext" | "image"
            | "select" | "option" | "optgroup" | "rb" | "rp" | "rt" | "rtc" | "math" | "svg"
            | "isindex" => None,
            _ => {
                self.reconstruct()?;
                self.insert(name, attrs)
            }
        }
    }

    fn end_in_body(&mut self, name: &str) -> Option<()> {
        loop {
            match self.ctx() {
                Ctx::Body => return self.body_end(name),
                Ctx::Cell => match name {
                    "td" | "th" => {
                        if self.in_scope(Scope::Table, |n| n == name) {
                            self.implied_ends("");
                            self.pop_until(|n| n == name);
                            self.clear_to_marker();
                        }
                        return Some(());
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" => return Some(()),
                    "table" | "tbody" | "tfoot" | "thead" | "tr" => {
                        if !self.in_scope(Scope::Table, |n| n == name) {
                            return Some(());
                        }
                        self.close_cell();
                    }
                    _ => return self.body_end(name),
                },
                Ctx::Row => match name {
                    "tr" => {
                        self.pop();
                        return Some(());
                    }
                    "table" => self.pop(),
                    "tbody" | "tfoot" | "thead" => {
                        if !self.in_scope(Scope::Table, |n| n == name) {
                            return Some(());
                        }
                        self.pop();
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" | "td" | "th" => {
                        return Some(());
                    }
                    _ => return self.table_end(name),
                },
                Ctx::Section => match name {
                    "tbody" | "tfoot" | "thead" => {
                        if self.in_scope(Scope::Table, |n| n == name) {
                            self.pop();
                        }
                        return Some(());
                    }
                    "table" => self.pop(),
                    "body" | "caption" | "col" | "colgroup" | "html" | "td" | "th" | "tr" => {
                        return Some(());
                    }
                    _ => return self.table_end(name),
                },
                Ctx::Table => match name {
                    "table" => {
                        self.pop_until(|n| n == "table");
                        return Some(());
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" | "tbody" | "td" | "tfoot"
                    | "th" | "thead" | "tr" => return Some(()),
                    _ => return self.table_end(name),
                },
            }
        }
    }

    /// Other end tags "in table": processed as in body (with foster
    /// parenting, which only `</p>` and `</br>` would use: they insert).
    fn table_end(&mut self, name: &str) -> Option<()> {
        if matches!(name, "p" | "br") {
            return None;
        }
        self.body_end(name)
    }

    fn body_end(&mut self, name: &str) -> Option<()> {
        match name {
            "body" | "html" => Some(()),
            "address" | "article" | "aside" | "blockquote" | "button" | "center" | "details"
            | "dialog" | "dir" | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer"
            | "header" | "hgroup" | "listing" | "main" | "menu" | "nav" | "ol" | "pre"
            | "search" | "section" | "summary" | "ul" => {
                if self.in_scope(Scope::Default, |n| n == name) {
                    self.implied_ends("");
                    self.pop_until(|n| n == name);
                }
                Some(())
            }
            "form" => {
                let Some(id) = self.form.take() else {
                    return Some(());
                };
                if !self.id_in_scope(id) {
                    return Some(());
                }
                self.implied_ends("");
                if self.stack.last().map(|e| e.id) != Some(id) {
                    return None;
                }
                self.pop();
                Some(())
            }
            "p" => {
                if !self.in_scope(Scope::Button, |n| n == "p") {
                    self.insert("p", "")?;
                }
                self.close_p();
                Some(())
            }
            "li" => {
                if self.in_scope(Scope::ListItem, |n| n == "li") {
                    self.implied_ends("li");
                    self.pop_until(|n| n == "li");
                }
                Some(())
            }
            "dd" | "dt" => {
                if self.in_scope(Scope::Default, |n| n == name) {
                    self.implied_ends(name);
                    self.pop_until(|n| n == name);
                }
                Some(())
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if self.in_scope(Scope::Default, heading) {
                    self.implied_ends("");
                    self.pop_until(heading);
                }
                Some(())
            }
            "br" => {
                self.reconstruct()?;
                self.void("br", "")
            }
            "applet" | "marquee" | "object" | "template" => {
                (!self.in_scope(Scope::Default, |n| n == name)).then_some(())
            }
            _ if formatting(name) => self.adoption(name),
            _ => {
                self.any_other_end(name);
                Some(())
            }
        }
    }

    /// The adoption agency algorithm, where it does not move elements.
    fn adoption(&mut self, name: &str) -> Option<()> {
        let tag = known(name);
        if let Some(top) = self.stack.last()
            && *top.name == *name
            && !self
                .afe
                .iter()
                .any(|e| matches!(e, Afe::El { id, .. } if *id == top.id))
        {
            self.pop();
            return Some(());
        }
        let tail_from = self.afe.len() - self.afe_tail().len();
        let Some(pos) = self.afe[tail_from..]
            .iter()
            .rposition(|e| matches!(e, Afe::El { tag: t, .. } if *t == tag))
            .map(|p| tail_from + p)
        else {
            self.any_other_end(name);
            return Some(());
        };
        let Afe::El { id, .. } = self.afe[pos] else {
            return None;
        };
        let Some(at) = self.stack.iter().position(|e| e.id == id) else {
            self.afe.remove(pos);
            return Some(());
        };
        if !self.id_in_scope(id) {
            return Some(());
        }
        if self.stack[at + 1..].iter().any(|e| special(&e.name)) {
            return None;
        }
        while self.stack.len() > at {
            self.pop();
        }
        self.afe.remove(pos);
        Some(())
    }

    fn any_other_end(&mut self, name: &str) {
        for i in (0..self.stack.len()).rev() {
            if *self.stack[i].name == *name {
                self.implied_ends(name);
                while self.stack.len() > i {
                    self.pop();
                }
                return;
            }
            if special(&self.stack[i].name) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{Flat, Tok, flatten, flatten_events};
    use std::fmt::Write as _;

    /// Everything of a flattened walk the cleaner reads, with adjacent
    /// texts merged (html5ever makes one text node of what a comment
    /// or an entity would split here).
    fn signature(flat: &Flat<'_>, full: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut text = String::new();
        for tok in &flat.toks {
            match tok {
                Tok::Text(s) => text.push_str(s),
                Tok::Open(i) | Tok::Close(i) => {
                    if !text.is_empty() {
                        out.push(format!("{text:?}"));
                        text.clear();
                    }
                    let e = &flat.els[*i as usize];
                    let mut line = String::new();
                    if matches!(tok, Tok::Open(_)) && !full {
                        let _ = write!(
                            line,
                            "<{i} {:?} parent={} rm={}>",
                            e.kind, e.parent, e.removed
                        );
                    } else if matches!(tok, Tok::Open(_)) {
                        let _ = write!(
                            line,
                            "<{i} {:?} parent={} rm={} neg={} pos={} t={} inneg={} table={} pre={} own={}/{}/{} tot={}/{}>",
                            e.kind,
                            e.parent,
                            e.removed,
                            e.negative,
                            e.positive,
                            e.title_only,
                            e.in_negative,
                            e.table,
                            e.pre,
                            e.own_chars,
                            e.own_link,
                            e.own_punct,
                            e.tot_chars,
                            e.tot_link
                        );
                    } else {
                        let _ = write!(line, "</{i}>");
                    }
                    out.push(line);
                }
            }
        }
        if !text.is_empty() {
            out.push(format!("{text:?}"));
        }
        let mut tables: Vec<_> = flat
            .tables
            .iter()
            .map(|(k, t)| format!("{k}:{t:?}"))
            .collect();
        tables.sort();
        out.push(format!(
            "title={:?} metas={:?} cands={:?} body={} tables={tables:?}",
            flat.title_tag, flat.metas, flat.title_candidates, flat.body
        ));
        out
    }

    /// Whether the light parser took `html`; panics when it did and its walk
    /// differs from html5ever's.
    fn agrees(name: &str, html: &str) -> bool {
        let html = newlines(html);
        let Some(events) = parse(&html) else {
            return false;
        };
        let doc = scraper::Html::parse_document(&html);
        let (theirs, ours) = (flatten(&doc, &[], &[]), flatten_events(&events));
        for full in [false, true] {
            let (theirs, ours) = (signature(&theirs, full), signature(&ours, full));
            differ(name, &theirs, &ours);
        }
        true
    }

    fn differ(name: &str, theirs: &[String], ours: &[String]) {
        if theirs != ours {
            let at = theirs
                .iter()
                .zip(ours)
                .position(|(a, b)| a != b)
                .unwrap_or(theirs.len().min(ours.len()));
            let from = at.saturating_sub(3);
            panic!(
                "{name}: the light walk differs from html5ever's at step {at}\nhtml5ever: {:#?}\nlight:     {:#?}",
                &theirs[from..(at + 3).min(theirs.len())],
                &ours[from..(at + 3).min(ours.len())]
            );
        }
    }

    fn fixture_pages() -> Vec<(String, String)> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let mut out = Vec::new();
        let mut dirs = vec![
            std::path::PathBuf::from(root).join("site"),
            std::path::PathBuf::from(root).join("pages"),
        ];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "html") {
                    let bytes = std::fs::read(&path).unwrap();
                    let text = match String::from_utf8(bytes.clone()) {
                        Ok(s) => s,
                        Err(_) => encoding_rs::GBK.decode(&bytes).0.into_owned(),
                    };
                    out.push((path.display().to_string(), text));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn fixture_pages_take_the_light_path_and_walk_as_html5ever_does() {
        let pages = fixture_pages();
        assert!(pages.len() >= 20, "{} fixture pages", pages.len());
        let mut left = Vec::new();
        for (name, html) in &pages {
            if !agrees(name, html) {
                left.push(name.clone());
            }
        }
        // Every layout of the sample site and the cleaner's fixtures is simple
        // enough; a page left to html5ever here is a rule gone missing.
        assert!(left.is_empty(), "left to html5ever: {left:?}");
    }

    #[test]
    fn awkward_markup_walks_as_html5ever_does_or_is_left_to_it() {
        let cases: &[(&str, &str, bool)] = &[
            ("implied everything", "text only", true),
            ("empty", "", true),
            ("bom", "\u{feff}<p>x", true),
            (
                "head text",
                "<html><head><title>T&amp;U</title>  <meta name=a content=b> x<p>y",
                true,
            ),
            (
                "after head ws",
                "<html><head></head>\n<body><p>a</p></body></html>\n",
                true,
            ),
            (
                "after body",
                "<body><div>a</div></body>\n<p>after</p></html> tail",
                true,
            ),
            (
                "unclosed p",
                "<p>one<p>two<div>three</div><p>four<ul><li>a<li>b</ul>",
                true,
            ),
            ("stray p end", "<div>a</p>b</div>", true),
            ("headings", "<h1>a<h2>b</h1>c<p>d<h3>e</h3>", true),
            (
                "lists",
                "<ul><li>a<div>x</div><li>b<ol><li>c</ol></ul><dl><dt>t<dd>d<dt>u</dl>",
                true,
            ),
            (
                "list stops at special",
                "<li>a<section><li>b</section>",
                true,
            ),
            (
                "pre newline",
                "<pre>\nline1\nline2</pre><listing>\n\nx</listing>",
                true,
            ),
            ("pre entity newline", "<pre>&#10;a</pre>", true),
            ("tables", "<table><tr><td>a<td>b<tr><th>c</table><p>d", true),
            (
                "table sections",
                "<table><thead><tr><td>h</thead><tbody><tr><td>x</td></tr></tbody></table>",
                true,
            ),
            (
                "cell closes",
                "<table><tr><td><div><p>a</td><td><span>b</tr></table>",
                true,
            ),
            (
                "nested table",
                "<table><tr><td><table><tr><td>in</table>out</td></tr></table>",
                true,
            ),
            (
                "table ws",
                "<table>\n <tr>\n  <td>a</td>\n </tr>\n</table>",
                true,
            ),
            (
                "table script",
                "<table><script>x</script><tr><td>a</td></tr></table>",
                true,
            ),
            (
                "table form",
                "<table><form><tr><td><input name=q></td></tr></form></table>",
                true,
            ),
            (
                "table hidden input",
                "<table><input type=Hidden name=x><tr><td>a</table>",
                true,
            ),
            (
                "stray end tags in table",
                "<table><tr><td>a</td></font></span></div></tr></table>",
                true,
            ),
            ("stray cells", "<div><td>x</td><tr>y</tr></div>", true),
            (
                "formatting nested well",
                "<p><b><i>a</i></b><font color=red>c</font></p>",
                true,
            ),
            ("formatting end stray", "<p>a</b>b</font></p>", true),
            (
                "formatting closed by block end",
                "<div><font>a</div>b",
                false,
            ),
            ("formatting misnested", "<b><i>a</b>b</i>", false),
            ("formatting over p", "<p><b>a</p><p>b</b></p>", false),
            ("a in a", "<a href=1>a<a href=2>b</a>", false),
            ("foster text", "<table>text<tr><td>a</table>", false),
            ("foster element", "<table><div>x</div></table>", false),
            ("table in p", "<p>a<table><tr><td>b</table>", false),
            ("select", "<select><option>a<option>b</select>", false),
            (
                "entities",
                "<p>a&nbsp;b&lt;c&#19979;&#x4e00;&ldquo;d&rdquo; & e &#38;</p>",
                true,
            ),
            ("unknown entity", "<p>&notin; &copy</p>", false),
            ("entity in class", "<div class='a&amp;b'>x</div>", false),
            ("entity in href", "<a href='?a=1&amp;b=2'>x</a>", true),
            ("comments", "<p>a<!-- x -->b<!---->c<!-->d<!--->e</p>", true),
            ("bad comment end", "<p>a<!-- x --!> b</p>", false),
            (
                "bogus comments",
                "<p><![if !supportLists]>1.<![endif]>a<?xml x?>b</ p>c</p>",
                true,
            ),
            (
                "doctype",
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"><P>a",
                true,
            ),
            (
                "attributes",
                "<div class=\"a>b\" id='x' data-x= y hidden=>t</div><p/class=c>u",
                true,
            ),
            (
                "attr no space",
                "<div class=\"a\"id=b style=display:none>t</div>",
                true,
            ),
            ("dup attr", "<div class=nav class=content>t</div>", true),
            (
                "uppercase",
                "<DIV CLASS=Content><P>One<BR>two</P></DIV>",
                true,
            ),
            (
                "unknown tags",
                "<o:p>a</o:p><custom-el>b</custom-el><X>c</x>",
                true,
            ),
            (
                "raw text",
                "<script>if(a<b)document.write('</div>')</script><style>p{}</style><p>t",
                true,
            ),
            ("script comment", "<script><!-- x --></script><p>a", true),
            (
                "script double escaped",
                "<script><!-- document.write('<script>x</script>') --></script><p>a",
                false,
            ),
            ("textarea", "<textarea>\n<p>not a tag</textarea>x", true),
            ("title in body", "<body><title>A &amp; B</title><p>x", true),
            (
                "noscript",
                "<body><noscript><p>js off</p></noscript><p>x",
                true,
            ),
            ("iframe", "<iframe><p>no</p></iframe>x", true),
            ("xmp", "<p>a<xmp><b>raw</b></xmp>", true),
            (
                "forms",
                "<form><form><p>x</form></form><form>y</div></form>",
                true,
            ),
            (
                "form closed by div",
                "<div><form>x</div>y</form>z<form>w</form>",
                true,
            ),
            ("hr br", "<p>a<hr>b</br>c<img src=x><wbr>", true),
            ("second body", "<body><div>a</div><body><p>b", true),
            ("second body attrs", "<body><body class=x>", false),
            ("button", "<button>a<button>b", false),
            ("lt text", "a < b <3 and <", true),
            ("end tag attrs", "<div>a</div class='>'>b", true),
            ("empty end tag", "<p>a</>b", true),
            ("eof in tag", "<p>a<div class='x", false),
            (
                "header nav footer",
                "<header>h</header><nav><a href=/>n</a></nav><main><p>m</p></main><footer>f</footer>",
                true,
            ),
            (
                "time meta",
                "<time datetime=2024-01-02>x</time><meta property=og:title content=T>",
                true,
            ),
            (
                "after head meta",
                "<html><head></head><meta name=a content=b><body>x",
                false,
            ),
            ("frameset", "<frameset><frame src=a></frameset>", false),
            ("newer blocks", "<p>a<search>b</search><p>c<dialog>d</dialog><p>e<menuitem>f", true),
            ("main details", "<p>a<main>b<details><summary>s</summary>c</details></main>", true),
        ];
        for (name, html, light) in cases {
            assert_eq!(agrees(name, html), *light, "{name}: light path taken?");
        }
    }

    #[test]
    fn newlines_are_normalised() {
        assert_eq!(newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert!(matches!(newlines("a\nb"), Cow::Borrowed(_)));
    }

    /// Pieces of markup that meet in every order: implied ends, scopes,
    /// tables, formatting elements, head and body.
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<div class=content>",
        "<table>",
        "</table>",
        "<tbody>",
        "</tbody>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<b>",
        "</b>",
        "<font color=red>",
        "</font>",
        "<a href=x>",
        "</a>",
        "<a name=y>",
        "<ul>",
        "</ul>",
        "<li>",
        "</li>",
        "<dl>",
        "<dt>",
        "<dd>",
        "</dl>",
        "<br>",
        "</br>",
        "<span>",
        "</span>",
        "<h2>",
        "</h2>",
        "<h3>",
        "<pre>",
        "</pre>",
        "<form>",
        "</form>",
        "<hr>",
        "<i>",
        "</i>",
        "<center>",
        "</center>",
        "<section>",
        "</section>",
        "<o:p>",
        "</o:p>",
        "<script>x<y</script>",
        "<style>p{}</style>",
        "<title>t</title>",
        "<meta name=a content=b>",
        "<head>",
        "</head>",
        "<body>",
        "</body>",
        "<html>",
        "</html>",
        "<!-- c -->",
        "<img src=i>",
        "<nav>",
        "</nav>",
        "<input type=hidden>",
        "<em>",
        "</em>",
        "<strong>",
        "</strong>",
        "<thead>",
        "<tfoot>",
        "<caption>",
        "<select>",
        "<option>",
        "<button>",
        "<textarea>a</textarea>",
        "文字，",
        "text",
        " ",
        "\n",
        "&nbsp;",
        "&amp;",
        "&foo;",
        "<",
        "a < b",
        "</x>",
        "<x>",
    ];

    #[test]
    fn any_mix_of_common_markup_walks_as_html5ever_does_or_is_left_to_it() {
        // xorshift: the same 20,000 documents every run
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let (mut light, total) = (0usize, 20_000usize);
        for _ in 0..total {
            let len = (next() % 40) as usize;
            let html: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            light += usize::from(agrees(&html, &html));
        }
        // Enough of them take the light path for the comparison to mean something.
        assert!(light * 5 > total, "{light} of {total} took the light path");
    }
}
