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
//! their boundaries.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// First `needle` at or after `from`, ASCII case ignored. The needle starts
/// with `<`, so candidates are found with `memchr`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(p) = memchr::memchr(needle[0], hay.get(at..)?) {
        let p = at + p;
        if hay
            .get(p..p + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(p);
        }
        at = p + 1;
    }
    None
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
    let mut depth = 0u32;
    // name → (open, dropped)
    let mut counts: HashMap<Vec<u8>, (u32, u32), BuildHasherDefault<Fnv>> = HashMap::default();
    let mut name = Vec::with_capacity(16);
    let mut i = 0usize;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        i += p;
        if b[i..].starts_with(b"<!--") {
            i = memchr::memmem::find(&b[i + 4..], b"-->").map_or(b.len(), |p| i + 4 + p + 3);
            continue;
        }
        let end_tag = b.get(i + 1) == Some(&b'/');
        let start = i + 1 + usize::from(end_tag);
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let mut j = start;
        name.clear();
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            name.push(b[j].to_ascii_lowercase());
            j += 1;
        }
        let Some(gt) = memchr::memchr(b'>', &b[j..]).map(|p| p + j) else {
            break;
        };
        let tag_end = gt + 1;
        let self_closing = gt > 0 && b[gt - 1] == b'/';
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
            // Look up before inserting: a key is allocated once per tag name.
            if !counts.contains_key(name.as_slice()) {
                counts.insert(name.clone(), (0, 0));
            }
            let c = counts.get_mut(name.as_slice()).expect("inserted above");
            if depth >= MAX_DEPTH {
                c.1 += 1;
                drop = true;
            } else {
                c.0 += 1;
                depth += 1;
            }
        }
        let raw_text = !end_tag
            && !drop
            && matches!(
                name.as_slice(),
                b"script" | b"style" | b"textarea" | b"xmp" | b"title"
            );
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..i]);
            copied = tag_end;
        }
        i = tag_end;
        if raw_text {
            // Skip to the matching end tag: its content is not markup.
            let mut close = Vec::with_capacity(name.len() + 2);
            close.extend_from_slice(b"</");
            close.extend_from_slice(&name);
            i = find(b, i, &close).unwrap_or(b.len());
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
    fn scripts_and_comments_are_not_scanned() {
        let inner = "<div>".repeat(1000);
        let html = format!(
            "<script>var s='{inner}';</script><!--{inner}--><p>{}",
            "<br>".repeat(500)
        );
        assert!(matches!(cap_depth(&html), Cow::Borrowed(_)));
    }
}
