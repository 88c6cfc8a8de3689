//! A linear pre-pass that caps element nesting before html5ever runs. (The
//! light parser needs no pass: it hands over a page as soon as its stack of
//! open elements reaches [`MAX_DEPTH`], and html5ever gets it capped.)
//!
//! html5ever handles deep nesting without recursion, but its scope checks
//! walk the stack of open elements, so 100,000 nested `<div>`s cost
//! billions of steps. Real pages nest a few dozen levels; past
//! [`MAX_DEPTH`] open elements, further start tags (and as many matching end
//! tags) are left out. Tags that close themselves implicitly (`<p>`, `<li>`,
//! `<td>`, …) and void elements do not count, so unclosed paragraphs keep
//! their boundaries. Tags are read by `baogao-html`'s tokenizer (the light
//! parser's), so comments, quoted `>`s and the content of raw-text elements
//! (`<script>`, `<style>`, `<noscript>`, …) are what html5ever reads them as.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use baogao_html::{Token, Tokenizer};

/// FNV-1a: tag names are a few bytes, for which SipHash's setup dominates.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Open elements kept at most.
pub(crate) const MAX_DEPTH: u32 = 400;

fn is_void_or_self_closing(name: &[u8]) -> bool {
    matches!(
        name,
        b"br" | b"img" | b"meta" | b"input" | b"hr" | b"link" | b"area" | b"base" | b"col" | b"embed"
            | b"param" | b"source" | b"track" | b"wbr" | b"keygen"
            // Implicitly closed by their next sibling.
            | b"p" | b"li" | b"dt" | b"dd" | b"tr" | b"td" | b"th" | b"option" | b"optgroup"
            | b"tbody" | b"thead" | b"tfoot" | b"rp" | b"rt" | b"colgroup" | b"caption"
    )
}

/// `html` with start tags past [`MAX_DEPTH`] (and their end tags) removed;
/// borrowed unchanged when nothing needed removing.
pub(crate) fn cap_depth(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    if memchr::memchr_iter(b'<', b).count() <= MAX_DEPTH as usize {
        return Cow::Borrowed(html);
    }
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `html` already handled in `out`
    let mut cut = |from: usize, to: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[copied..from]);
        copied = to;
    };
    let mut depth = 0u32;
    // name → (open, dropped)
    let mut counts: HashMap<Vec<u8>, (u32, u32), BuildHasherDefault<Fnv>> = HashMap::default();
    let mut name = Vec::with_capacity(16);
    for token in Tokenizer::new(html) {
        let (tag, end_tag, raw_end) = match token {
            Token::Start(t) => (t, false, None),
            Token::End(t) => (t, true, None),
            // a raw-text element opens and closes here: it does not count,
            // and past the cap it is dropped whole (its content would read
            // as markup without its start tag)
            Token::Raw(t, raw) => (t, false, Some(raw.end)),
            Token::Text(_) | Token::Comment { .. } | Token::Doctype { .. } | Token::Bogus => {
                continue;
            }
        };
        if !tag.closed {
            break;
        }
        name.clear();
        name.extend(tag.name.bytes().map(|c| c.to_ascii_lowercase()));
        let self_closing = tag.attrs.raw().ends_with('/');
        let mut drop = false;
        if end_tag {
            if let Some(c) = counts.get_mut(name.as_slice()) {
                if c.1 > 0 {
                    c.1 -= 1;
                    drop = true;
                } else if c.0 > 0 {
                    c.0 -= 1;
                    depth -= 1;
                }
            }
        } else if !self_closing && !is_void_or_self_closing(&name) {
            drop = depth >= MAX_DEPTH;
            if raw_end.is_none() {
                // Look up before inserting: a key is allocated once per tag name.
                if !counts.contains_key(name.as_slice()) {
                    counts.insert(name.clone(), (0, 0));
                }
                let c = counts.get_mut(name.as_slice()).expect("inserted above");
                if drop {
                    c.1 += 1;
                } else {
                    c.0 += 1;
                    depth += 1;
                }
            }
        }
        if drop {
            cut(tag.start, raw_end.unwrap_or(tag.end));
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<div><p>a<p>b</div>".repeat(300);
        assert!(matches!(cap_depth(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_capped_and_balanced() {
        let n = 1000;
        let html = format!("{}x{}", "<div class=a>".repeat(n), "</div>".repeat(n));
        let capped = cap_depth(&html);
        assert_eq!(capped.matches("<div").count(), MAX_DEPTH as usize);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH as usize);
        assert!(capped.contains('x'));
    }

    #[test]
    fn quoted_gts_comments_and_raw_text_are_read_as_html5ever_reads_them() {
        let n = MAX_DEPTH as usize + 100;
        let html = format!(
            "{}<!--><div>--><div title='>'><noscript><div></noscript><script>x</script>x{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let capped = cap_depth(&html);
        // the div after the empty comment and the one with a quoted `>` are
        // dropped (and two of the end tags with them), the raw-text elements
        // whole, the `<div>` in `<noscript>` being text
        assert_eq!(capped.matches("<div").count(), MAX_DEPTH as usize);
        assert!(capped.contains("<!-->-->x</div>"), "{capped}");
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH as usize - 2);
    }

    #[test]
    fn scripts_and_comments_are_not_scanned() {
        let inner = "<div>".repeat(1000);
        let html = format!(
            "<script>var s='{inner}';</script><!--{inner}--><p>{}",
            "<br>".repeat(500)
        );
        assert!(matches!(cap_depth(&html), Cow::Borrowed(_)));
    }
}
