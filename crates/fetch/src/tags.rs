//! A forgiving HTML tokenizer that yields tags and text as slices of the page, for what the
//! crawler reads from a page (links, page bars, text metrics) without building a DOM.
//!
//! It follows the tokenizer states of the HTML standard that matter on report sites: comments
//! (`<!-- … -->`), doctypes and other `<!…>` / `<?…>` declarations, quoted and unquoted
//! attribute values (a `>` inside quotes does not end a tag), and the raw-text elements
//! (`script`, `style`, `textarea`, `title`, …) whose content runs to their own end tag. It does
//! not build a tree: [`crate::html::analyze`] keeps the few open elements it needs.
//!
//! A full html5ever parse of a 16 kB page takes ~0.6 ms; this scan takes a small fraction of
//! that, and the cleaner parses the page properly anyway.

use std::borrow::Cow;

/// One piece of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// A start tag: its name as written and its attributes. A trailing `/` is ignored, as
    /// the standard does for all but void elements (`<div/>` opens a `div`).
    Start { name: &'a str, attrs: Attrs<'a> },
    /// An end tag, by name as written.
    End { name: &'a str },
    /// Text between tags, entities not decoded.
    Text(&'a str),
    /// A raw-text element (`script`, `style`, `iframe`, …): its start tag's name and
    /// attributes, and its content up to its own end tag (or the end of the page).
    Raw {
        name: &'a str,
        attrs: Attrs<'a>,
        content: &'a str,
    },
}

/// Elements whose content is not markup: it runs to the element's own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The tokens of `html`, in order.
pub(crate) fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        html,
        at: 0,
        pending: None,
    }
}

/// Iterator of [`tokens`].
pub(crate) struct Tokens<'a> {
    html: &'a str,
    at: usize,
    /// Markup read after a text, to be returned next.
    pending: Option<Markup<'a>>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let html = self.html;
        let bytes = html.as_bytes();
        loop {
            let markup = if let Some(m) = self.pending.take() {
                m
            } else {
                let start = self.at;
                if start >= bytes.len() {
                    return None;
                }
                let mut search = start;
                let (lt, markup) = loop {
                    let Some(off) = memchr::memchr(b'<', &bytes[search..]) else {
                        self.at = bytes.len();
                        return Some(Token::Text(&html[start..]));
                    };
                    let lt = search + off;
                    match markup_at(html, lt) {
                        Some(m) => break (lt, m),
                        None => search = lt + 1, // a `<` that opens nothing is text
                    }
                };
                if lt > start {
                    self.pending = Some(markup); // the text before the markup first
                    return Some(Token::Text(&html[start..lt]));
                }
                markup
            };
            match markup {
                Markup::Skip(end) => self.at = end,
                Markup::End(name, end) => {
                    self.at = end;
                    return Some(Token::End { name });
                }
                Markup::Start { name, attrs, end } => {
                    self.at = end;
                    if RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                        let (content_end, resume) =
                            find_end_tag(html, end, name).unwrap_or((html.len(), html.len()));
                        self.at = resume;
                        return Some(Token::Raw {
                            name,
                            attrs,
                            content: &html[end..content_end],
                        });
                    }
                    return Some(Token::Start { name, attrs });
                }
            }
        }
    }
}

/// What a `<` at `lt` opens.
#[derive(Clone, Copy)]
enum Markup<'a> {
    /// A comment, doctype or processing instruction, ending before byte `.0`.
    Skip(usize),
    /// An end tag.
    End(&'a str, usize),
    /// A start tag.
    Start {
        name: &'a str,
        attrs: Attrs<'a>,
        end: usize,
    },
}

/// The markup opened by the `<` at `lt`, or `None` when that `<` is text (`a < b`).
fn markup_at(html: &str, lt: usize) -> Option<Markup<'_>> {
    let bytes = html.as_bytes();
    let after_gt = |from: usize| find_byte(bytes, from, b'>').map_or(bytes.len(), |p| p + 1);
    match *bytes.get(lt + 1)? {
        b'!' => {
            if bytes[lt..].starts_with(b"<!--") {
                let body = lt + 4;
                // `<!-->` and `<!--->` are empty comments
                if bytes[body..].starts_with(b">") {
                    return Some(Markup::Skip(body + 1));
                }
                if bytes[body..].starts_with(b"->") {
                    return Some(Markup::Skip(body + 2));
                }
                let end = find(bytes, body, b"-->").map_or(bytes.len(), |p| p + 3);
                Some(Markup::Skip(end))
            } else {
                Some(Markup::Skip(after_gt(lt + 2)))
            }
        }
        b'?' => Some(Markup::Skip(after_gt(lt + 2))),
        b'/' => match *bytes.get(lt + 2)? {
            c if c.is_ascii_alphabetic() => {
                let name_end = name_end(bytes, lt + 2);
                Some(Markup::End(&html[lt + 2..name_end], after_gt(name_end)))
            }
            b'>' => Some(Markup::Skip(lt + 3)), // `</>` is dropped
            _ => Some(Markup::Skip(after_gt(lt + 2))), // a bogus comment
        },
        c if c.is_ascii_alphabetic() => {
            let name_end = name_end(bytes, lt + 1);
            let (attrs_end, end) = start_tag_end(bytes, name_end);
            Some(Markup::Start {
                name: &html[lt + 1..name_end],
                attrs: Attrs(&html[name_end..attrs_end]),
                end,
            })
        }
        _ => None,
    }
}

fn find_byte(bytes: &[u8], from: usize, b: u8) -> Option<usize> {
    memchr::memchr(b, bytes.get(from..)?).map(|p| from + p)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// The end of a tag name starting at `from`: the first whitespace, `/` or `>`.
fn name_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        .map_or(bytes.len(), |p| from + p)
}

/// Where a start tag's attributes end (the `>`) and where the tag ends (after it), from the end
/// of its name. Quoted values may hold `>`; an unclosed tag runs to the end of the page.
fn start_tag_end(bytes: &[u8], from: usize) -> (usize, usize) {
    let mut i = from;
    let mut quote: Option<u8> = None;
    let mut after_eq = false;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'>' => return (i, i + 1),
                b'"' | b'\'' if after_eq => quote = Some(b),
                b'=' => {
                    after_eq = true;
                    i += 1;
                    continue;
                }
                _ => {}
            },
        }
        if !b.is_ascii_whitespace() {
            after_eq = false;
        }
        i += 1;
    }
    (bytes.len(), bytes.len())
}

/// The end tag `</name` (any case) from `from`: where it starts and where it ends.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let bytes = html.as_bytes();
    let mut at = from;
    loop {
        let lt = find(bytes, at, b"</")?;
        let after = lt + 2 + name.len();
        let matches = bytes
            .get(lt + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
        if matches {
            let end = find_byte(bytes, after, b'>').map_or(bytes.len(), |p| p + 1);
            return Some((lt, end));
        }
        at = lt + 2;
    }
}

/// The raw attribute text of a start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Attrs<'a>(&'a str);

impl<'a> Attrs<'a> {
    /// The value of attribute `name` (ASCII case-insensitive), entities decoded. The first
    /// occurrence wins, as in the standard; an attribute without a value gives `""`.
    pub(crate) fn get(&self, name: &str) -> Option<Cow<'a, str>> {
        let s = self.0;
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            let n0 = i;
            if i < b.len() && b[i] == b'=' {
                i += 1; // a leading `=` belongs to the name
            }
            while i < b.len() && !(b[i].is_ascii_whitespace() || b[i] == b'=' || b[i] == b'/') {
                i += 1;
            }
            if i == n0 {
                break;
            }
            let attr = &s[n0..i];
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let v0 = i + 1;
                    let v1 = find_byte(b, v0, q).unwrap_or(b.len());
                    value = &s[v0..v1];
                    i = (v1 + 1).min(b.len());
                } else {
                    let v0 = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &s[v0..i];
                }
            }
            if attr.eq_ignore_ascii_case(name) {
                return Some(decode_entities(value));
            }
        }
        None
    }
}

/// `s` with character references (`&amp;`, `&#38;`, `&#x26;` and the common named ones)
/// replaced; borrowed when there are none.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let (c, len) = entity(rest).unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference at the start of `s` (`&…`) stands for, and its length.
fn entity(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let n = digits
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if n == 0 {
            return None;
        }
        let code = u32::from_str_radix(&digits[..n], radix).ok()?;
        let c = char::from_u32(code).unwrap_or('\u{fffd}');
        let semi = usize::from(digits[n..].starts_with(';'));
        return Some((c, skip + n + semi));
    }
    let n = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &body[..n];
    let &(_, c) = baogao_model::NAMED_ENTITIES
        .iter()
        .find(|(e, _)| *e == name)?;
    let semi = usize::from(body[n..].starts_with(';'));
    Some((c, 1 + n + semi))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<String> {
        tokens(html)
            .map(|t| match t {
                Token::Start { name, .. } => format!("<{name}>"),
                Token::End { name } => format!("</{name}>"),
                Token::Text(t) => format!("{t:?}"),
                Token::Raw { name, content, .. } => format!("raw {name} {content:?}"),
            })
            .collect()
    }

    #[test]
    fn tags_text_comments_and_raw_text() {
        assert_eq!(
            kinds(r#"<!DOCTYPE html><P class="a>b">x < y<!-- <a href=no> --><br/>z</p>"#),
            ["<P>", "\"x < y\"", "<br>", "\"z\"", "</p>"]
        );
        assert_eq!(
            kinds("<script>if (a<b) document.write('</div>')</SCRIPT ><b>t</b>"),
            [
                "raw script \"if (a<b) document.write('</div>')\"",
                "<b>",
                "\"t\"",
                "</b>"
            ]
        );
        // unclosed comment, tag and raw text run to the end
        assert_eq!(kinds("a<!-- b"), ["\"a\""]);
        assert_eq!(kinds("<style>p{}"), ["raw style \"p{}\""]);
        assert_eq!(kinds("a<div class='x"), ["\"a\"", "<div>"]);
        assert_eq!(kinds("<!---->x<!-->y"), ["\"x\"", "\"y\""]);
    }

    #[test]
    fn attributes_quoted_unquoted_and_decoded() {
        let Some(Token::Start { attrs, .. }) =
            tokens(r#"<a id=1 HREF = "/a?x=1&amp;y=2" title='it&#39;s' checked data-x=>"#).next()
        else {
            panic!("no start tag");
        };
        assert_eq!(attrs.get("href").as_deref(), Some("/a?x=1&y=2"));
        assert_eq!(attrs.get("id").as_deref(), Some("1"));
        assert_eq!(attrs.get("title").as_deref(), Some("it's"));
        assert_eq!(attrs.get("checked").as_deref(), Some(""));
        assert_eq!(attrs.get("src"), None);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&nbsp;b &gt; &#19979;&#x4E00;页 &unknown; &"),
            "a\u{a0}b > 下一页 &unknown; &"
        );
        assert!(matches!(decode_entities("plain"), Cow::Borrowed(_)));
    }
}
