//! Page bars: the anchor texts of a pagination bar (2, 第2页, 下一页 …), and which of a page's
//! links a bar makes parts of the same article ([`candidates`]), whether a page has such a bar
//! at all ([`multi_page`], a signal of the article rule) and whether a page named like a later
//! part really is one ([`links_to_first_part`]).

use std::collections::BTreeMap;

use url::Url;

use super::part_of;
use crate::html::Link;
use crate::urls::{has_origin, normalize_url};

/// Anchor texts of a link to the next page of the same document.
const NEXT_TEXTS: &[&str] = &[
    "下一页",
    "下页",
    "后页",
    "下一頁",
    "下頁",
    "後頁",
    "next",
    "next page",
    "next »",
    "next>",
    ">",
    "»",
    "›",
];

/// An anchor text without its brackets (`[下一页]`, `【2】`) and spaces.
fn unbracketed(text: &str) -> &str {
    text.trim()
        .trim_matches(|c: char| c == '[' || c == ']' || c == '【' || c == '】')
        .trim()
}

/// The anchor text says "next page".
pub(crate) fn is_next_text(text: &str) -> bool {
    let t = unbracketed(text);
    NEXT_TEXTS.iter().any(|n| t.eq_ignore_ascii_case(n))
}

/// Anchor texts of a page bar other than "next": numbers, previous/first/last, 第N页.
const BAR_TEXTS: &[&str] = &[
    "上一页",
    "上页",
    "前页",
    "上一頁",
    "首页",
    "尾页",
    "末页",
    "最后一页",
    "prev",
    "previous",
    "first",
    "last",
    "<",
    "«",
    "‹",
];

/// The anchor text belongs to a pagination bar: a page number (`2`, `[2]`, `第2页`), a
/// next/previous/first/last word, or nothing (an image button).
pub(crate) fn is_page_bar_text(text: &str) -> bool {
    let t = unbracketed(text);
    let t = t
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('页'))
        .unwrap_or(t)
        .trim();
    t.is_empty()
        || t.chars().all(|c| c.is_ascii_digit())
        || is_next_text(t)
        || BAR_TEXTS.iter().any(|b| t.eq_ignore_ascii_case(b))
}

/// The page at `page_url` has a page bar of a multi-page article: a link with page-bar text
/// (2, 下一页, 第2页, …) to a later part of itself (`5955_2.html` from `5955.html`), or, if it is
/// named like a later part, to its first part or another part of it.
pub(crate) fn multi_page(links: &[Link], page_url: &Url) -> bool {
    let own = normalize_url(page_url);
    let own_base = part_of(&own).map(|(b, _)| b);
    links.iter().any(|l| {
        if !is_page_bar_text(&l.text) {
            return false;
        }
        let target = normalize_url(&l.url);
        if target == own {
            return false;
        }
        match part_of(&target) {
            Some((base, _)) => base == own.as_str() || own_base.as_deref() == Some(base.as_str()),
            None => own_base.as_deref() == Some(target.as_str()),
        }
    })
}

/// Other parts of the article whose part `cur_n` has `links`: URLs named like parts of `base`
/// (`base_N.html`, `?page=N`) linked from its page bar, `base` itself (part 0, when we started
/// further on), and "next page" links (下一页 …) into the same directory, which become part
/// `cur_n + 1`. "Next article" links (下一篇) are none of these.
pub(crate) fn candidates(
    links: &[Link],
    origin: &str,
    base: &str,
    cur_key: &str,
    cur_n: u32,
    known: &mut BTreeMap<u32, Url>,
) {
    for l in links {
        if !has_origin(&l.url, origin) {
            continue;
        }
        let mut url = l.url.clone();
        url.set_fragment(None);
        let norm = normalize_url(&url);
        let key = norm.as_str();
        if key == cur_key {
            continue;
        }
        let n = match part_of(&norm) {
            // named like a part, and linked from a page bar (number, 下一页, 第N页 …)
            Some((b, n)) if b == base && is_page_bar_text(&l.text) => n,
            None if key == base => 0,
            None if is_next_text(&l.text) && same_directory(&norm, cur_key) => cur_n + 1,
            Some(_) | None => continue,
        };
        known.entry(n).or_insert(url);
    }
}

/// The page (named like part `n` of `base`) really is a later part: it links to `base` or to
/// another part of `base` from its page bar. Without that, a name such as `show-12-345.html`
/// (PHPCMS: category 12, article 345) or `t20230329_123.html` (TRS: article 123) is the
/// article's own first page.
pub(crate) fn links_to_first_part(links: &[Link], origin: &str, base: &str, own: &str) -> bool {
    links.iter().any(|l| {
        if !has_origin(&l.url, origin) {
            return false;
        }
        let norm = normalize_url(&l.url);
        if norm.as_str() == own {
            return false;
        }
        norm.as_str() == base
            || (is_page_bar_text(&l.text) && part_of(&norm).is_some_and(|(b, _)| b == base))
    })
}

/// `a` and the URL `b` are in the same directory.
fn same_directory(a: &Url, b: &str) -> bool {
    let dir = |s: &str| s.rsplit_once('/').map(|(d, _)| d.to_owned());
    Url::parse(b).is_ok_and(|b| dir(a.path()) == dir(b.path()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts [`candidates`] finds on a page (`cur_key`, part `cur_n`).
    fn found(
        links: &[Link],
        origin: &str,
        base: &str,
        cur_key: &str,
        cur_n: u32,
    ) -> BTreeMap<u32, Url> {
        let mut known = BTreeMap::new();
        candidates(links, origin, base, cur_key, cur_n, &mut known);
        known
    }

    fn link(u: &str, text: &str) -> Link {
        Link {
            url: Url::parse(u).unwrap(),
            text: text.into(),
        }
    }

    #[test]
    fn page_bar_texts() {
        for t in ["2", " [3] ", "第2页", "下一页", "尾页", "", "【4】"] {
            assert!(is_page_bar_text(t), "{t:?}");
        }
        for t in ["相关文章", "2023年报告", "下一篇"] {
            assert!(!is_page_bar_text(t), "{t:?}");
        }
    }

    #[test]
    fn next_page_texts() {
        assert!(is_next_text(" 下一页 "));
        assert!(is_next_text("[下一页]"));
        assert!(is_next_text("Next"));
        assert!(!is_next_text("下一篇"));
        assert!(!is_next_text("上一页"));
    }

    #[test]
    fn part_candidates_from_a_page_bar() {
        let links = [
            link("http://a/hb/5955_2.html", "2"),
            link("http://a/hb/5955_3.html", "3"),
            link("http://a/hb/5955_2.html", "下一页"),
            link("http://a/hb/6000_2.html", "相关"),
            link("http://b/hb/5955_4.html", "4"),
            link("http://a/hb/7861.html", "下一篇"),
        ];
        let known = found(
            &links,
            "a",
            "http://a/hb/5955.html",
            "http://a/hb/5955.html",
            1,
        );
        let got: Vec<(u32, &str)> = known.iter().map(|(n, u)| (*n, u.as_str())).collect();
        assert_eq!(
            got,
            [
                (2, "http://a/hb/5955_2.html"),
                (3, "http://a/hb/5955_3.html")
            ]
        );
    }

    #[test]
    fn part_named_links_outside_a_page_bar_are_not_parts() {
        // `2023_11.html` linked as a related article from `2023_12.html` (a stand-alone page)
        let links = [
            link("http://a/x/2023_11.html", "十一月的报告"),
            link("http://a/x/2023_13.html", "下一页"),
        ];
        let known = found(
            &links,
            "a",
            "http://a/x/2023.html",
            "http://a/x/2023_12.html",
            12,
        );
        assert_eq!(known.keys().copied().collect::<Vec<_>>(), [13]);
        // a free-form next link into another directory is not a part
        let links = [link("http://a/other/abc.html", "下一页")];
        let known = found(
            &links,
            "a",
            "http://a/art/abc.html",
            "http://a/art/abc.html",
            1,
        );
        assert!(known.is_empty());
    }

    #[test]
    fn part_candidates_from_a_later_part_and_next_links() {
        let links = [
            link("http://a/hb/5955.html", "1"),
            link("http://a/hb/5955_3.html", "下一页"),
        ];
        let known = found(
            &links,
            "a",
            "http://a/hb/5955.html",
            "http://a/hb/5955_2.html",
            2,
        );
        // the first page is part 0 (TRS numbers the second page `_1`)
        assert_eq!(known.keys().copied().collect::<Vec<_>>(), [0, 3]);
        // a next link with free-form naming becomes the following part
        let links = [link("http://a/art/abc.html?seg=b", "下一页")];
        let known = found(
            &links,
            "a",
            "http://a/art/abc.html",
            "http://a/art/abc.html",
            1,
        );
        assert_eq!(
            known.get(&2).map(Url::as_str),
            Some("http://a/art/abc.html?seg=b")
        );
    }
}
