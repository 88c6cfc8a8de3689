//! Character references: the one table of named ones and the two ways of
//! decoding them.
//!
//! [`decode`] is forgiving, for readers that want the text as a browser shows
//! it near enough (the fetcher's link and text scan): numeric references with
//! or without `;`, the names of [`NAMED_ENTITIES`] with or without `;`, any
//! other `&` left as written. [`decode_exact`] decodes only what it decodes
//! exactly as the HTML standard does (html5ever knows all 2,231 names, some
//! without `;`, and maps C1 and invalid code points) and gives `None` for
//! anything else, so that a caller that must match html5ever (the cleaner's
//! light parser) can hand the page over instead.

use std::borrow::Cow;

/// Named HTML character references (without `&` and `;`) and the characters
/// they stand for: the ones report sites use, not the standard's 2,231.
/// [`decode`] decodes these and leaves others as written; [`decode_exact`]
/// decodes these and gives `None` for any other.
pub const NAMED_ENTITIES: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("raquo", '»'),
    ("laquo", '«'),
    ("rsaquo", '›'),
    ("lsaquo", '‹'),
    ("middot", '·'),
    ("bull", '•'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("times", '×'),
    ("divide", '÷'),
    ("deg", '°'),
    ("permil", '‰'),
    ("plusmn", '±'),
    ("yen", '¥'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("micro", 'µ'),
    ("para", '¶'),
    ("sect", '§'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
];

/// `s` with character references replaced, forgivingly (see the module doc):
/// `&amp;`, `&amp`, `&#38;`, `&#38`, `&#x26;` and the names of
/// [`NAMED_ENTITIES`]; an unknown name, a `&` that starts no reference and a
/// number too long to read stay as written, a number that names no character
/// becomes U+FFFD. Borrowed when `s` holds no `&`.
#[must_use]
pub fn decode(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p + 1..];
        match reference(rest).decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `s` with character references replaced exactly as the HTML standard does
/// in text, or `None` when `s` holds one that this table cannot decode so: a
/// name outside [`NAMED_ENTITIES`] or without its `;`, a numeric reference
/// without `;`, without digits or with more than six, NUL, CR or a C1 code.
/// A `&` followed by neither a letter, a digit nor `#` is text. Borrowed when
/// `s` holds no `&`.
#[must_use]
pub fn decode_exact(s: &str) -> Option<Cow<'_, str>> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Some(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p + 1..];
        let r = reference(rest);
        if !r.exact {
            return None;
        }
        match r.decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// How the text after a `&` reads.
struct Reading {
    /// The character it stands for and the bytes it takes after the `&`
    /// ([`decode`]'s reading), or `None` when the `&` stays as written.
    decoded: Option<(char, usize)>,
    /// That reading is the standard's.
    exact: bool,
}

/// The character reference at the start of `s`, the text after a `&`.
fn reference(s: &str) -> Reading {
    let b = s.as_bytes();
    match b.first() {
        Some(b'#') => {
            let (digits, radix, skip) = match b.get(1) {
                Some(b'x' | b'X') => (&s[2..], 16, 2),
                _ => (&s[1..], 10, 1),
            };
            let n = digits
                .bytes()
                .take_while(|c| char::from(*c).is_digit(radix))
                .count();
            let semi = digits.as_bytes().get(n) == Some(&b';');
            let Some(code) = (n > 0)
                .then(|| u32::from_str_radix(&digits[..n], radix).ok())
                .flatten()
            else {
                return Reading {
                    decoded: None,
                    exact: false,
                };
            };
            let c = char::from_u32(code);
            Reading {
                decoded: Some((c.unwrap_or('\u{fffd}'), skip + n + usize::from(semi))),
                exact: semi
                    && n <= 6
                    && c.is_some()
                    && code != 0
                    && code != 0x0d
                    && !(0x80..=0x9f).contains(&code),
            }
        }
        Some(c) if c.is_ascii_alphanumeric() => {
            let n = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            let semi = b.get(n) == Some(&b';');
            let known = NAMED_ENTITIES.iter().find(|(e, _)| *e == &s[..n]);
            Reading {
                decoded: known.map(|&(_, c)| (c, n + usize::from(semi))),
                exact: semi && known.is_some(),
            }
        }
        _ => Reading {
            decoded: None,
            exact: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_missing_semicolons_forgivingly() {
        assert_eq!(
            decode("a&nbsp;b &gt; &#19979;&#x4E00;页 &unknown; & &amp &#38 &#x; &#99999999999;"),
            "a\u{a0}b > 下一页 &unknown; & & & &#x; &#99999999999;"
        );
        assert_eq!(decode("&#xD800;&#0;&#1114112;"), "\u{fffd}\0\u{fffd}");
        assert_eq!(
            decode("&ampx &amp;x"),
            "&ampx &x",
            "the whole name is looked up"
        );
        assert!(matches!(decode("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn exactly_or_not_at_all() {
        assert_eq!(
            decode_exact("a&nbsp;b&lt;c&#19979;&#x4e00;&ldquo;d&rdquo; & e &#38; &; &-").as_deref(),
            Some("a\u{a0}b<c下一“d” & e & &; &-")
        );
        for s in [
            "&copy",   // no `;`: html5ever reads some names without one
            "&notin;", // a name outside the table
            "&#38",    // a number without `;`
            "&#;",     // no digits
            "&#x;",
            "&#1234567;", // more than six digits
            "&#0;",
            "&#13;",
            "&#x80;", // C1: html5ever maps it to windows-1252
            "&#xD800;",
        ] {
            assert_eq!(decode_exact(s), None, "{s}");
        }
        assert!(matches!(decode_exact("plain"), Some(Cow::Borrowed(_))));
    }

    #[test]
    fn what_both_decode_they_decode_alike() {
        for s in [
            "&amp;",
            "&#x4E00;",
            "&#19979;",
            "&hellip;",
            "a & b",
            "&nbsp;&nbsp;",
        ] {
            assert_eq!(decode_exact(s).as_deref(), Some(&*decode(s)), "{s}");
        }
    }
}
