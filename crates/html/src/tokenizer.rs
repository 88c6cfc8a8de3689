//! The tokenizer: tags with their attributes, text, comments, doctypes and
//! the content of raw-text elements, as slices of the page.
//!
//! It follows the tokenizer states of the HTML standard that report pages
//! use: a `<` opens markup only before a letter, `!`, `/` or `?` (else it is
//! text); comments end at the first `-->` or `--!>` (`<!-->` and `<!--->` are
//! empty ones); `<!DOCTYPE …>`, other `<!…>` and `<?…>` run to the next `>`;
//! attribute values may be quoted with `"` or `'` (a `>` inside does not end
//! the tag) or unquoted (ending at whitespace or `>`); an end tag's
//! attributes are read, and ignored, the same way; `</>` is nothing. Where
//! it departs from the standard, the token says so and the caller decides:
//! a tag cut off by the end of the input ([`Tag::closed`] is `false`; the
//! standard drops it), a comment ended by `--!>` ([`Token::Comment`]), a
//! doctype without its `>`. NUL bytes are not replaced; tag names keep
//! their case.
//!
//! Which elements hold raw text (their content runs to their own end tag)
//! is the tree builder's call in the standard (`<title>` in `<svg>` holds
//! markup, `<noscript>` does only with scripting on). A tree builder creates
//! the tokenizer with [`Tokenizer::for_tree_builder`] and calls
//! [`Tokenizer::raw_text`] when its insertion mode says so; a scan without a
//! tree uses [`Tokenizer::new`], which reads the elements of [`RAW_TEXT`]
//! itself and gives each as one [`Token::Raw`].

use std::borrow::Cow;

use crate::entities::decode;

/// Elements whose content is not markup, as html5ever reads them in a page's
/// body with scripting on: it runs to the element's own end tag.
pub const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `name` (any case) is one of [`RAW_TEXT`].
#[must_use]
pub fn is_raw_text(name: &str) -> bool {
    // by length first: this runs on every start tag of a scan
    let candidates: &[&str] = match name.len() {
        3 => &["xmp"],
        5 => &["style", "title"],
        6 => &["script", "iframe"],
        7 => &["noembed"],
        8 => &["textarea", "noframes", "noscript"],
        _ => return false,
    };
    candidates.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// HTML whitespace: tab, line feed, form feed, carriage return and space
/// (the input stream turns a CR into a LF before the tokenizer sees it).
#[must_use]
pub fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace()
}

/// One piece of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text up to the next markup, character references not decoded (see
    /// [`crate::decode`]).
    Text(&'a str),
    /// A start tag. A `/` before its `>` is ignored, as the standard does for
    /// all but void and foreign elements (`<div/>` opens a `div`).
    Start(Tag<'a>),
    /// An end tag.
    End(Tag<'a>),
    /// A raw-text element (one of [`RAW_TEXT`]; only from [`Tokenizer::new`]):
    /// its start tag and its content.
    Raw(Tag<'a>, RawText<'a>),
    /// A comment; `bang` when `--!>` ended it (the standard ends it there;
    /// the cleaner leaves such pages to html5ever).
    Comment { bang: bool },
    /// `<!DOCTYPE …>`; `closed` is `false` when the input ended before its
    /// `>` (the standard then sets quirks mode).
    Doctype { closed: bool },
    /// Another declaration, a processing instruction or a bogus comment
    /// (`<![if !supportLists]>`, `<?xml …?>`, `</ p>`), up to its `>`.
    Bogus,
}

/// A start or end tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag<'a> {
    /// The name as written (compare it ASCII case-insensitively).
    pub name: &'a str,
    /// Everything between the name and the `>`.
    pub attrs: Attrs<'a>,
    /// Byte offset of its `<`.
    pub start: usize,
    /// Byte offset just past its `>`, or the end of the input.
    pub end: usize,
    /// The tag ends with its `>`; `false` when the input ends inside it
    /// (in its name, in an attribute, in a quoted value), where the standard
    /// drops the tag.
    pub closed: bool,
}

/// The content of a raw-text element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawText<'a> {
    /// Everything up to its end tag (the first `</name` followed by
    /// whitespace, `/` or `>`), or to the end of the input.
    pub content: &'a str,
    /// Byte offset just past its end tag, or the end of the input.
    pub end: usize,
    /// How the content ended.
    pub ended: RawEnd,
}

/// How a raw-text element's content ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawEnd {
    /// At its end tag, which has its `>`.
    EndTag,
    /// At its end tag, cut off by the end of the input (the standard drops
    /// that tag, and the element ends with the input).
    CutEndTag,
    /// At the end of the input: there is no end tag.
    Eof,
}

impl RawText<'_> {
    /// The content holds `<!--` and then `<script`. In a `<script>`, the
    /// standard's double-escaped state may then keep a `</script>` from
    /// ending the element; this tokenizer ends it at the first.
    #[must_use]
    pub fn maybe_double_escaped(&self) -> bool {
        let b = self.content.as_bytes();
        memchr::memmem::find(b, b"<!--").is_some_and(|c| {
            b[c..]
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"<script"))
        })
    }
}

/// The tokens of a page, in order.
#[derive(Debug, Clone)]
pub struct Tokenizer<'a> {
    html: &'a str,
    pos: usize,
    /// Read the elements of [`RAW_TEXT`] as [`Token::Raw`].
    raw_text: bool,
}

impl<'a> Tokenizer<'a> {
    /// The tokens of `html` for a scan without a tree: each element of
    /// [`RAW_TEXT`] comes as one [`Token::Raw`].
    #[must_use]
    pub fn new(html: &'a str) -> Self {
        Tokenizer {
            html,
            pos: 0,
            raw_text: true,
        }
    }

    /// The tokens of `html` for a tree builder, which calls
    /// [`Tokenizer::raw_text`] after the start tags that open raw text in its
    /// insertion mode; no [`Token::Raw`] comes.
    #[must_use]
    pub fn for_tree_builder(html: &'a str) -> Self {
        Tokenizer {
            html,
            pos: 0,
            raw_text: false,
        }
    }

    /// The content of a raw-text or RCDATA element named `name`, from where
    /// the tokenizer is (just after its start tag) to its end tag, which is
    /// consumed too; to the end of the input when there is none.
    pub fn raw_text(&mut self, name: &str) -> RawText<'a> {
        let html = self.html;
        let b = html.as_bytes();
        let from = self.pos.min(b.len());
        let mut at = from;
        while let Some(off) = memchr::memmem::find(&b[at..], b"</") {
            let lt = at + off;
            let after = lt + 2 + name.len();
            if b.get(lt + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && b.get(after)
                    .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
            {
                let tag = self.tag(lt, lt + 2);
                self.pos = tag.end;
                return RawText {
                    content: &html[from..lt],
                    end: tag.end,
                    ended: if tag.closed {
                        RawEnd::EndTag
                    } else {
                        RawEnd::CutEndTag
                    },
                };
            }
            at = lt + 2;
        }
        self.pos = b.len();
        RawText {
            content: &html[from..],
            end: b.len(),
            ended: RawEnd::Eof,
        }
    }

    /// The tag whose `<` is at `lt` and whose name starts at `name`.
    fn tag(&self, lt: usize, name: usize) -> Tag<'a> {
        let html = self.html;
        let b = html.as_bytes();
        let name_end = b[name..]
            .iter()
            .position(|&c| is_space(c) || c == b'/' || c == b'>')
            .map_or(b.len(), |p| name + p);
        let (attrs_end, end, closed) = match tag_end(b, name_end) {
            Some(gt) => (gt, gt + 1, true),
            None => (b.len(), b.len(), false),
        };
        Tag {
            name: &html[name..name_end],
            attrs: Attrs(&html[name_end..attrs_end]),
            start: lt,
            end,
            closed,
        }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let html = self.html;
        let b = html.as_bytes();
        loop {
            let start = self.pos;
            if start >= b.len() {
                return None;
            }
            // Text runs to the next `<` that opens markup.
            let mut at = start;
            let lt = loop {
                match memchr::memchr(b'<', &b[at..]) {
                    None => break b.len(),
                    Some(off) if opens_markup(b, at + off) => break at + off,
                    Some(off) => at += off + 1,
                }
            };
            if lt > start {
                self.pos = lt;
                return Some(Token::Text(&html[start..lt]));
            }
            let after_gt =
                |from: usize| memchr::memchr(b'>', &b[from..]).map_or(b.len(), |p| from + p + 1);
            match b[lt + 1] {
                b'!' => {
                    let rest = &b[lt..];
                    if rest.starts_with(b"<!--") {
                        let body = lt + 4;
                        let (end, bang) = if b[body..].starts_with(b">") {
                            (body + 1, false)
                        } else if b[body..].starts_with(b"->") {
                            (body + 2, false)
                        } else {
                            comment_end(b, body)
                        };
                        self.pos = end;
                        return Some(Token::Comment { bang });
                    }
                    if rest.len() >= 9 && rest[2..9].eq_ignore_ascii_case(b"doctype") {
                        let gt = memchr::memchr(b'>', rest);
                        self.pos = gt.map_or(b.len(), |p| lt + p + 1);
                        return Some(Token::Doctype {
                            closed: gt.is_some(),
                        });
                    }
                    self.pos = after_gt(lt + 2);
                    return Some(Token::Bogus);
                }
                b'?' => {
                    self.pos = after_gt(lt + 2);
                    return Some(Token::Bogus);
                }
                b'/' => match b[lt + 2] {
                    c if c.is_ascii_alphabetic() => {
                        let tag = self.tag(lt, lt + 2);
                        self.pos = tag.end;
                        return Some(Token::End(tag));
                    }
                    b'>' => self.pos = lt + 3, // `</>` is nothing at all
                    _ => {
                        self.pos = after_gt(lt + 2);
                        return Some(Token::Bogus);
                    }
                },
                _ => {
                    let tag = self.tag(lt, lt + 1);
                    self.pos = tag.end;
                    if self.raw_text && is_raw_text(tag.name) {
                        let raw = if tag.closed {
                            self.raw_text(tag.name)
                        } else {
                            RawText {
                                content: "",
                                end: b.len(),
                                ended: RawEnd::Eof,
                            }
                        };
                        return Some(Token::Raw(tag, raw));
                    }
                    return Some(Token::Start(tag));
                }
            }
        }
    }
}

/// The `<` at `lt` opens markup: a letter, `!`, `?` or `/` and something
/// follows (`a < b`, `<3` and a `</` that ends the input are text).
fn opens_markup(b: &[u8], lt: usize) -> bool {
    match b.get(lt + 1) {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(b'!' | b'?') => true,
        Some(b'/') => lt + 2 < b.len(),
        _ => false,
    }
}

/// Where a comment whose text starts at `from` ends (past its `-->` or
/// `--!>`, or the end of the input), and whether `--!>` ended it.
fn comment_end(b: &[u8], from: usize) -> (usize, bool) {
    let mut at = from;
    while let Some(off) = memchr::memmem::find(&b[at..], b"--") {
        let mut e = at + off + 2;
        while b.get(e) == Some(&b'-') {
            e += 1;
        }
        match b.get(e) {
            Some(b'>') => return (e + 1, false),
            Some(b'!') if b.get(e + 1) == Some(&b'>') => return (e + 2, true),
            _ => at = e,
        }
    }
    (b.len(), false)
}

/// The `>` that ends a tag whose attributes start at `from`, or `None` when
/// the input ends first.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while next_attr(b, &mut i).is_some() {}
    (i < b.len()).then_some(i)
}

/// Reads one attribute from `*i`, as the standard's attribute states do: a
/// `/` not before `>` is skipped, `=` may start a name, a name runs to
/// whitespace, `/`, `=` or `>`, a value is quoted or runs to whitespace or
/// `>`. `None`, with `*i` at it, at a `>` outside quotes or the end of `b`;
/// an attribute cut off by the end of `b` comes as far as it goes. Gives the
/// byte ranges of the name and of the value.
#[inline]
fn next_attr(b: &[u8], i: &mut usize) -> Option<((usize, usize), (usize, usize))> {
    while *i < b.len() && (is_space(b[*i]) || b[*i] == b'/') {
        *i += 1;
    }
    if *i >= b.len() || b[*i] == b'>' {
        return None;
    }
    let n0 = *i;
    *i += 1;
    while *i < b.len() && !(is_space(b[*i]) || matches!(b[*i], b'/' | b'>' | b'=')) {
        *i += 1;
    }
    let name = (n0, *i);
    while *i < b.len() && is_space(b[*i]) {
        *i += 1;
    }
    if b.get(*i) != Some(&b'=') {
        return Some((name, (*i, *i)));
    }
    *i += 1;
    while *i < b.len() && is_space(b[*i]) {
        *i += 1;
    }
    match b.get(*i) {
        Some(&q @ (b'"' | b'\'')) => {
            let v0 = *i + 1;
            let v1 = memchr::memchr(q, &b[v0..]).map_or(b.len(), |off| v0 + off);
            *i = (v1 + 1).min(b.len());
            Some((name, (v0, v1)))
        }
        Some(b'>') | None => Some((name, (*i, *i))),
        Some(_) => {
            let v0 = *i;
            while *i < b.len() && !(is_space(b[*i]) || b[*i] == b'>') {
                *i += 1;
            }
            Some((name, (v0, *i)))
        }
    }
}

/// The attributes of a tag: its text between the name and the `>`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attrs<'a>(&'a str);

impl<'a> Attrs<'a> {
    /// The text as written.
    #[must_use]
    pub fn raw(&self) -> &'a str {
        self.0
    }

    /// The attributes as `(name, value)` in source order: names as written,
    /// values without their quotes and not decoded, `""` for an attribute
    /// without a value; a repeated name comes each time.
    pub fn pairs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + use<'a> {
        let s = self.0;
        let b = s.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || next_attr(b, &mut i).map(|(n, v)| (&s[n.0..n.1], &s[v.0..v.1])))
    }

    /// The value of attribute `name` (ASCII case-insensitive), character
    /// references decoded by [`decode`]. The first occurrence wins, as in the
    /// standard; an attribute without a value gives `""`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<Cow<'a, str>> {
        self.pairs()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| decode(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of a tree-less scan, spelt out.
    fn kinds(html: &str) -> Vec<String> {
        Tokenizer::new(html)
            .map(|t| match t {
                Token::Start(t) if t.closed => format!("<{}>", t.name),
                Token::Start(t) => format!("<{} cut>", t.name),
                Token::End(t) => format!("</{}>", t.name),
                Token::Text(t) => format!("{t:?}"),
                Token::Raw(t, raw) => format!(
                    "raw {} {:?}{}",
                    t.name,
                    raw.content,
                    if raw.ended == RawEnd::EndTag {
                        ""
                    } else {
                        " unended"
                    }
                ),
                Token::Comment { bang } => format!("comment{}", if bang { " --!>" } else { "" }),
                Token::Doctype { closed } => format!("doctype{}", if closed { "" } else { " cut" }),
                Token::Bogus => "bogus".to_owned(),
            })
            .collect()
    }

    fn first_tag(html: &str) -> Tag<'_> {
        match Tokenizer::new(html).next() {
            Some(Token::Start(t) | Token::End(t) | Token::Raw(t, _)) => t,
            other => panic!("{html}: {other:?}"),
        }
    }

    #[test]
    fn a_quoted_gt_does_not_end_a_tag() {
        assert_eq!(
            kinds(r#"<P class="a>b" title='c>d'>x</p class=">">y"#),
            ["<P>", "\"x\"", "</p>", "\"y\""]
        );
        let t = first_tag(r#"<div class="a>b" id=c>"#);
        assert_eq!(t.attrs.get("class").as_deref(), Some("a>b"));
        assert_eq!((t.start, t.end), (0, 22));
        // a quote in an unquoted value or in a name is a character of it
        let t = first_tag(r#"<a x=b"c y"=d>"#);
        assert_eq!(
            t.attrs.pairs().collect::<Vec<_>>(),
            [("x", "b\"c"), ("y\"", "d")]
        );
    }

    #[test]
    fn unquoted_attributes_and_the_odd_ones() {
        let t = first_tag(
            r#"<a id=1 HREF = "/a?x=1&amp;y=2" title='it&#39;s' checked class=a/b/ data-x=>"#,
        );
        let a = t.attrs;
        assert_eq!(a.get("href").as_deref(), Some("/a?x=1&y=2"));
        assert_eq!(a.get("id").as_deref(), Some("1"));
        assert_eq!(a.get("title").as_deref(), Some("it's"));
        assert_eq!(a.get("checked").as_deref(), Some(""));
        assert_eq!(a.get("data-x").as_deref(), Some(""));
        assert_eq!(
            a.get("class").as_deref(),
            Some("a/b/"),
            "a `/` in an unquoted value is kept"
        );
        assert_eq!(a.get("src"), None);
        // whitespace after `=` is skipped: the next word is the value
        assert_eq!(
            first_tag("<a x= y=z>").attrs.get("x").as_deref(),
            Some("y=z")
        );
        // the first of a repeated name; `/` between attributes; `=` starting a name
        let t = first_tag("<p/class=c/id=x class=d =e>");
        assert_eq!(
            t.attrs.pairs().collect::<Vec<_>>(),
            [("class", "c/id=x"), ("class", "d"), ("=e", "")]
        );
        assert_eq!(t.attrs.get("CLASS").as_deref(), Some("c/id=x"));
        assert_eq!(first_tag("<br/>").attrs.raw(), "/");
    }

    #[test]
    fn comments_hold_tags() {
        assert_eq!(
            kinds("a<!-- <a href=no>no</a> -->b<!---->c<!-->d<!--->e<!-- x --->f"),
            [
                "\"a\"", "comment", "\"b\"", "comment", "\"c\"", "comment", "\"d\"", "comment",
                "\"e\"", "comment", "\"f\""
            ]
        );
        // `--!>` ends a comment, and says so; `--!-->` does not end it early
        assert_eq!(kinds("<!-- x --!><b>"), ["comment --!>", "<b>"]);
        assert_eq!(kinds("<!-- x --!--><b>"), ["comment", "<b>"]);
        assert_eq!(
            kinds("a<!-- b <p>"),
            ["\"a\"", "comment"],
            "unclosed: to the end"
        );
    }

    #[test]
    fn doctypes_declarations_and_bogus_comments() {
        assert_eq!(
            kinds(
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\"><![if !supportLists]>1.<![endif]><?xml x?></ p></>x<!doctype"
            ),
            [
                "doctype",
                "bogus",
                "\"1.\"",
                "bogus",
                "bogus",
                "bogus",
                "\"x\"",
                "doctype cut"
            ]
        );
    }

    #[test]
    fn script_holding_an_end_div_is_raw_text() {
        assert_eq!(
            kinds("<script>if (a<b) document.write('</div><p>')</SCRIPT ><b>t</b>"),
            [
                "raw script \"if (a<b) document.write('</div><p>')\"",
                "<b>",
                "\"t\"",
                "</b>"
            ]
        );
        assert_eq!(
            kinds(
                "<style>p{}</style><textarea><p>x</textarea ><title>a &amp; b</title><iframe src=x></iframe>"
            ),
            [
                "raw style \"p{}\"",
                "raw textarea \"<p>x\"",
                "raw title \"a &amp; b\"",
                "raw iframe \"\""
            ]
        );
        // `</script` must be followed by a space, `/` or `>` to end it
        assert_eq!(
            kinds("<script>a</scripts>b</script"),
            ["raw script \"a</scripts>b</script\" unended"]
        );
        // a tree builder says itself what holds raw text
        let mut tz = Tokenizer::for_tree_builder("<script>x</b></script>y");
        assert!(matches!(tz.next(), Some(Token::Start(t)) if t.name == "script"));
        let raw = tz.raw_text("script");
        assert_eq!(raw.content, "x</b>");
        assert_eq!((raw.end, raw.ended), (22, RawEnd::EndTag));
        assert_eq!(tz.next(), Some(Token::Text("y")));
        let escaped =
            Tokenizer::new("<script><!-- document.write('<script>x</script>') --></script>").next();
        assert!(matches!(escaped, Some(Token::Raw(_, r)) if r.maybe_double_escaped()));
        let plain = Tokenizer::new("<script><!-- x --></script>").next();
        assert!(matches!(plain, Some(Token::Raw(_, r)) if !r.maybe_double_escaped()));
    }

    #[test]
    fn uppercase_tags_keep_their_case() {
        assert_eq!(
            kinds("<HTML><Body><DIV CLASS=Content>One<BR>two</Div></BODY><SCRIPT>x</script>"),
            [
                "<HTML>",
                "<Body>",
                "<DIV>",
                "\"One\"",
                "<BR>",
                "\"two\"",
                "</Div>",
                "</BODY>",
                "raw SCRIPT \"x\""
            ]
        );
        assert_eq!(
            first_tag("<DIV CLASS=Content>")
                .attrs
                .get("class")
                .as_deref(),
            Some("Content")
        );
    }

    #[test]
    fn tags_cut_off_at_the_end_say_so() {
        assert_eq!(kinds("a<div class='x>y"), ["\"a\"", "<div cut>"]);
        let t = first_tag("<a href=\"/x");
        assert!(!t.closed);
        assert_eq!((t.end, t.attrs.get("href").as_deref()), (11, Some("/x")));
        assert_eq!(kinds("<p"), ["<p cut>"]);
        assert_eq!(kinds("x</p"), ["\"x\"", "</p>"]);
        assert!(matches!(Tokenizer::new("x</p").nth(1), Some(Token::End(t)) if !t.closed));
        assert_eq!(kinds("<style>p{}"), ["raw style \"p{}\" unended"]);
        assert_eq!(kinds("<script x='"), ["raw script \"\" unended"]);
        let mut tz = Tokenizer::for_tree_builder("<title>a</title x='");
        tz.next();
        let raw = tz.raw_text("title");
        assert_eq!(raw.content, "a");
        assert_eq!((raw.end, raw.ended), (19, RawEnd::CutEndTag));
    }

    #[test]
    fn raw_text_names_in_any_case() {
        for name in RAW_TEXT {
            assert!(
                is_raw_text(name) && is_raw_text(&name.to_ascii_uppercase()),
                "{name}"
            );
        }
        for name in ["div", "scripts", "p", "", "tit", "textareas"] {
            assert!(!is_raw_text(name), "{name}");
        }
    }

    #[test]
    fn a_lt_that_opens_nothing_is_text() {
        assert_eq!(kinds("a < b <3 and <"), ["\"a < b <3 and <\""]);
        assert_eq!(kinds("x</"), ["\"x</\""]);
        assert_eq!(kinds("a</>b"), ["\"a\"", "\"b\""]);
        assert_eq!(kinds("<1>"), ["\"<1>\""]);
    }
}
