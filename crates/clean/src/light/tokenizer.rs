//! The tokenizer states of the HTML standard that report pages use, and
//! character references.

use std::borrow::Cow;

pub(super) enum Tk<'a> {
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

pub(super) struct Tokenizer<'a> {
    html: &'a str,
    pos: usize,
}

/// One attribute read from the "before attribute name" state.
pub(super) enum Step {
    /// Name and value byte ranges.
    Attr((usize, usize), (usize, usize)),
    /// The tag's `>` is at this index.
    End(usize),
    /// The input ended inside the tag.
    Eof,
}

pub(super) fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b' ')
}

/// Reads one attribute (or the tag's end) from `*i`, as the tokenizer's
/// attribute states do; a `/` not before `>` is skipped, `=` may start a name.
pub(super) fn step(b: &[u8], i: &mut usize) -> Step {
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
    pub(super) fn new(html: &'a str) -> Self {
        Tokenizer { html, pos: 0 }
    }

    /// The next token, or `None` when the page is left to html5ever.
    pub(super) fn next(&mut self) -> Option<Tk<'a>> {
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
    pub(super) fn raw(&mut self, name: &str) -> Option<&'a str> {
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
pub(super) fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// `t` without its first `n` bytes.
pub(super) fn tail(t: Cow<'_, str>, n: usize) -> Cow<'_, str> {
    match t {
        Cow::Borrowed(s) => Cow::Borrowed(&s[n..]),
        Cow::Owned(mut s) => {
            s.drain(..n);
            Cow::Owned(s)
        }
    }
}

/// `s` with character references decoded, or `None` for one this module
/// does not decode exactly as html5ever does.
pub(super) fn decode(s: &str) -> Option<Cow<'_, str>> {
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
