//! URL shapes: how a CMS names the later parts of an article (`5955_2.html`, `?page=2`), read
//! back to the first part's URL and the part's number.

use std::sync::LazyLock;

use regex::Regex;
use url::Url;

use crate::urls::normalize_url;

/// A file name that ends in a part number: `5955_2.html`, `show-12-345-2.html`.
static PART_FILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.+?)[_-]([0-9]{1,3})\.(s?html?|php|aspx?|jspx?)$").expect("static regex")
});

/// Query parameters that number the pages of one article or listing (also a listing signal
/// of [`crate::urls::url_shape`]).
pub(crate) const PAGE_PARAMS: &[&str] = &[
    "page", "p", "pn", "pg", "pageno", "page_no", "pagenum", "curpage",
];

/// If `u` is named like a later page of a multi-page document, the normalised URL of its first
/// page and the page's number in the name, which orders the pages (the first page counts as 0):
/// - a file suffix `_N` / `-N`, `N >= 1`: `a/5955_2.html` (DedeCMS, PHPCMS `_2`/`-2`) →
///   `a/5955.html`; `a/t20230329_123_1.html` (TRS/WCM, where `_1` is the second page) →
///   `a/t20230329_123.html`; `a/index_2.html` → `a/`;
/// - a page parameter `N >= 2` (`page=1` is the first page itself): `a/list.php?id=3&page=2`
///   → `a/list.php?id=3`.
///
/// The shape alone cannot tell a part from an id (`show-12-345.html` reads as part 345 of
/// `show-12.html`): callers check the page bar before believing it.
pub(crate) fn part_of(u: &Url) -> Option<(String, u32)> {
    let u = normalize_url(u);
    if let Some(q) = u.query() {
        let mut n = None;
        let mut rest = Vec::new();
        for pair in q.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if PAGE_PARAMS.iter().any(|p| k.eq_ignore_ascii_case(p))
                && n.is_none()
                && let Ok(v) = v.parse::<u32>()
            {
                n = Some(v);
                continue;
            }
            rest.push(pair);
        }
        if let Some(n) = n {
            if n < 2 {
                return None;
            }
            let mut base = u.clone();
            base.set_query((!rest.is_empty()).then(|| rest.join("&")).as_deref());
            return Some((normalize_url(&base).into(), n));
        }
    }
    let segment = u.path_segments()?.next_back()?;
    if !segment.contains(['_', '-']) {
        return None;
    }
    let caps = PART_FILE.captures(segment)?;
    let n: u32 = caps[2].parse().ok()?;
    if n < 1 {
        return None;
    }
    let file = format!("{}.{}", &caps[1], &caps[3]);
    let mut base = u.clone();
    base.path_segments_mut().ok()?.pop().push(&file);
    base.set_query(u.query());
    Some((normalize_url(&base).into(), n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_recognised_with_their_first_page() {
        let p = |s: &str| part_of(&Url::parse(s).unwrap());
        assert_eq!(
            p("http://a/hb/5955_2.html"),
            Some(("http://a/hb/5955.html".into(), 2))
        );
        assert_eq!(
            p("http://a/hb/5955-3.htm"),
            Some(("http://a/hb/5955.htm".into(), 3))
        );
        assert_eq!(
            p("http://a/hb/index_2.html"),
            Some(("http://a/hb/".into(), 2))
        );
        assert_eq!(
            p("http://a/list.php?page=3&id=7"),
            Some(("http://a/list.php?id=7".into(), 3))
        );
        assert_eq!(p("http://a/hb/5955.html"), None);
        assert_eq!(p("http://a/hb/5955_0.html"), None);
        // TRS/WCM numbers the second page `_1`
        assert_eq!(
            p("http://a/c/202303/t20230329_123_1.html"),
            Some(("http://a/c/202303/t20230329_123.html".into(), 1))
        );
        assert_eq!(
            p("http://a/c/202303/t20230329_123_2.html"),
            Some(("http://a/c/202303/t20230329_123.html".into(), 2))
        );
        assert_eq!(
            p("http://a/xwzx/index_1.html"),
            Some(("http://a/xwzx/".into(), 1))
        );
        // PHPCMS pseudo-static `show-catid-id-page.html`
        assert_eq!(
            p("http://a/show-12-345-2.html"),
            Some(("http://a/show-12-345.html".into(), 2))
        );
        assert_eq!(
            p("http://a/view.php?id=9&p=3"),
            Some(("http://a/view.php?id=9".into(), 3))
        );
        assert_eq!(p("http://a/list.php?page=1"), None);
        // TRS-style ids are not page numbers
        assert_eq!(p("http://a/t20230115_4567890.html"), None);
        assert_eq!(p("http://a/hb/"), None);
    }

    #[test]
    fn a_name_without_a_separator_is_no_part() {
        assert_eq!(
            part_of(&Url::parse("http://a.b/x/5955_2.html").unwrap()),
            Some(("http://a.b/x/5955.html".to_owned(), 2))
        );
        assert_eq!(
            part_of(&Url::parse("http://a.b/x/59552.html").unwrap()),
            None
        );
    }
}
