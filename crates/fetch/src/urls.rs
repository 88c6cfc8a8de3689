//! URL normalisation (one spelling per page, so nothing is fetched twice) and URL shapes
//! (document-like file names, article- and listing-shaped URLs). The names of an article's
//! later parts (`5955_2.html`, `?page=2`) are read in [`crate::pagination`].

use url::Url;

use crate::pagination::PAGE_PARAMS;

/// The canonical spelling of `u`: fragment dropped, host lowercased, default port dropped,
/// `//` runs in the path collapsed, `/x/index.html` and `/x/index.htm` written `/x/`, query
/// parameters sorted (empty query dropped).
///
/// ```
/// use baogao_fetch::normalize_url;
/// let u = url::Url::parse("HTTP://Example.ORG:80//a//index.html?b=2&a=1#top").unwrap();
/// assert_eq!(normalize_url(&u).as_str(), "http://example.org/a/?a=1&b=2");
/// ```
#[must_use]
pub fn normalize_url(u: &Url) -> Url {
    if is_normal(u) {
        return u.clone();
    }
    normalized(u)
}

/// File names a directory's URL may end in (`/a/index.html` is `/a/`).
const INDEX_FILES: [&str; 2] = ["/index.html", "/index.htm"];

fn ends_with_ignore_case(path: &str, suffix: &str) -> bool {
    path.len() >= suffix.len()
        && path.as_bytes()[path.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// [`normalize_url`], building the normalised URL.
fn normalized(u: &Url) -> Url {
    let mut out = u.clone();
    out.set_fragment(None);
    if out.port().is_some() && out.port() == default_port(out.scheme()) {
        let _ = out.set_port(None);
    }
    if !out.cannot_be_a_base() {
        let mut path = out.path().to_owned();
        while path.contains("//") {
            path = path.replace("//", "/");
        }
        for index in INDEX_FILES {
            if ends_with_ignore_case(&path, index) {
                path.truncate(path.len() - index.len() + 1);
            }
        }
        if path != out.path() {
            out.set_path(&path);
        }
    }
    if let Some(q) = out.query() {
        let mut pairs: Vec<&str> = q.split('&').filter(|p| !p.is_empty()).collect();
        if pairs.is_empty() {
            out.set_query(None);
        } else {
            pairs.sort_unstable();
            let sorted = pairs.join("&");
            out.set_query(Some(&sorted));
        }
    }
    out
}

/// Whether [`normalize_url`] would leave `u` as it is (checked without
/// building anything: most links of a page already are).
fn is_normal(u: &Url) -> bool {
    if u.fragment().is_some() || (u.port().is_some() && u.port() == default_port(u.scheme())) {
        return false;
    }
    if !u.cannot_be_a_base() {
        let path = u.path();
        if path.contains("//") || INDEX_FILES.iter().any(|i| ends_with_ignore_case(path, i)) {
            return false;
        }
    }
    u.query().is_none_or(|q| {
        let mut last = "";
        q.split('&').all(|pair| {
            let ok = !pair.is_empty() && pair >= last;
            last = pair;
            ok
        })
    })
}

/// Parses `s` as an absolute http(s) URL and normalises it ([`normalize_url`]).
#[must_use]
pub fn normalize_str(s: &str) -> Option<String> {
    let u = Url::parse(s.trim()).ok()?;
    is_http(&u).then(|| normalize_url(&u).into())
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

/// The URL is http or https with a host.
pub(crate) fn is_http(u: &Url) -> bool {
    matches!(u.scheme(), "http" | "https") && u.host_str().is_some()
}

/// Whether `u`'s [`origin_key`] is `origin` (without building it).
pub(crate) fn has_origin(u: &Url, origin: &str) -> bool {
    let host = u.host_str().unwrap_or_default();
    let Some(rest) = origin
        .get(..host.len())
        .filter(|h| h.eq_ignore_ascii_case(host))
        .map(|_| &origin[host.len()..])
    else {
        return false;
    };
    match u.port() {
        Some(p) => rest.strip_prefix(':').is_some_and(|r| r.parse() == Ok(p)),
        None => rest.is_empty(),
    }
}

/// `host` or `host:port` of `u` (the key of per-host state: rate, robots, slow-down).
pub(crate) fn origin_key(u: &Url) -> String {
    let host = u.host_str().unwrap_or_default().to_ascii_lowercase();
    match u.port() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    }
}

const BINARY_EXT: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "ofd", "rtf", "zip", "rar",
    "7z", "gz", "tar", "jpg", "jpeg", "png", "gif", "bmp", "webp", "svg", "mp3", "mp4", "avi",
    "wmv", "flv", "exe", "apk", "txt", "csv",
];
const PAGE_EXT: &[&str] = &[
    "html", "htm", "shtml", "shtm", "xhtml", "php", "asp", "aspx", "jsp",
];

fn extension(u: &Url) -> Option<(String, String)> {
    let segment = u.path_segments()?.next_back()?;
    let (stem, ext) = segment.rsplit_once('.')?;
    Some((stem.to_ascii_lowercase(), ext.to_ascii_lowercase()))
}

/// The URL names a file with a binary extension (pdf, doc, images, archives…).
pub(crate) fn has_binary_extension(u: &Url) -> bool {
    extension(u).is_some_and(|(_, ext)| BINARY_EXT.contains(&ext.as_str()))
}

/// The URL looks like one document rather than a listing: a binary file, or a page file whose
/// name carries a number (`5955.html`, `t20230115_123456.html`), not an `index`/`list` page.
/// Used to skip already-committed URLs without fetching them and to decide on conditional
/// requests; a directory URL (`/baogao/hb/`) never looks like a document.
pub(crate) fn looks_like_document(u: &Url) -> bool {
    let Some((stem, ext)) = extension(u) else {
        return false;
    };
    if BINARY_EXT.contains(&ext.as_str()) {
        return true;
    }
    PAGE_EXT.contains(&ext.as_str())
        && stem.chars().any(|c| c.is_ascii_digit())
        && !["index", "list", "default", "sitemap"]
            .iter()
            .any(|w| stem.starts_with(w))
        && u.query().is_none()
}

/// What a URL's shape says of the page behind it (one signal of the article rule in
/// [`crate::html`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum UrlShape {
    /// Named like one article: a page file whose name carries a number (`5955.html`,
    /// `5955_2.html`, `t20130125_7950194.htm`, `content_81929.htm`, `art_123_456.html`), or a
    /// script page asked for one id (`show.php?id=12`, `view.asp?ArticleID=7`).
    Article,
    /// Named like a listing: a directory (`/baogao/`), an `index`/`list`/`default` page
    /// (`index_2.html`, `list.php?page=2`), or a page parameter without an article id.
    Listing,
    /// Neither (`about.html`, `report.php`).
    #[default]
    Unknown,
}

/// Query parameters that name one article.
const ID_PARAMS: &[&str] = &[
    "id",
    "aid",
    "articleid",
    "article_id",
    "newsid",
    "news_id",
    "contentid",
    "content_id",
    "docid",
    "doc_id",
    "infoid",
    "itemid",
    "tid",
];

/// File stems of listing pages.
const LISTING_STEMS: &[&str] = &["index", "list", "default", "sitemap", "more", "node"];

/// The shape of `u` (see [`UrlShape`]).
pub(crate) fn url_shape(u: &Url) -> UrlShape {
    let Some((stem, ext)) = extension(u) else {
        return if u.path().ends_with('/') {
            UrlShape::Listing
        } else {
            UrlShape::Unknown
        };
    };
    if !PAGE_EXT.contains(&ext.as_str()) {
        return UrlShape::Unknown;
    }
    if LISTING_STEMS.iter().any(|w| stem.starts_with(w)) {
        return UrlShape::Listing;
    }
    let params: Vec<(String, &str)> = u
        .query()
        .unwrap_or_default()
        .split('&')
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((k.to_ascii_lowercase(), v))
        })
        .collect();
    let has = |names: &[&str]| {
        params
            .iter()
            .any(|(k, v)| names.contains(&k.as_str()) && v.bytes().any(|b| b.is_ascii_digit()))
    };
    if has(ID_PARAMS) {
        return UrlShape::Article;
    }
    if has(PAGE_PARAMS) {
        return UrlShape::Listing;
    }
    if u.query().is_none() && stem.chars().any(|c| c.is_ascii_digit()) {
        return UrlShape::Article;
    }
    UrlShape::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize_str(s).unwrap()
    }

    #[test]
    fn normalisation_gives_one_spelling() {
        assert_eq!(n("http://A.gov.cn:80/x/index.html#p"), "http://a.gov.cn/x/");
        assert_eq!(
            n("https://a.gov.cn:443//x///y.html"),
            "https://a.gov.cn/x/y.html"
        );
        assert_eq!(n("http://a/x/INDEX.HTM"), "http://a/x/");
        assert_eq!(n("http://a/x?b=1&a=2&"), "http://a/x?a=2&b=1");
        assert_eq!(n("http://a/x?"), "http://a/x");
        assert_eq!(n("http://a:8000/x/../y.html"), "http://a:8000/y.html");
        // only a trailing index.html is dropped
        assert_eq!(n("http://a/myindex.html"), "http://a/myindex.html");
        assert_eq!(n("http://a/index.html/x"), "http://a/index.html/x");
        assert_eq!(normalize_str("ftp://a/x"), None);
        assert_eq!(normalize_str("mailto:x@y"), None);
        assert_eq!(normalize_str("/relative"), None);
    }

    #[test]
    fn document_shapes() {
        let d = |s: &str| looks_like_document(&Url::parse(s).unwrap());
        assert!(d("http://a/hb/5955.html"));
        assert!(d("http://a/up/P0202301166000.pdf"));
        assert!(d("http://a/art/2023/t20230115_123.shtml"));
        assert!(!d("http://a/hb/"));
        assert!(!d("http://a/hb/index_2.html"));
        assert!(!d("http://a/sitemap.xml"));
        assert!(!d("http://a/about.html"));
        assert!(has_binary_extension(&Url::parse("http://a/x.PDF").unwrap()));
    }

    #[test]
    fn url_shapes() {
        let shape = |s: &str| url_shape(&Url::parse(s).unwrap());
        for a in [
            "http://a/hb/5955.html",
            "http://a/hb/5955_2.html",
            "http://a/zwgk/201301/t20130125_7950194.htm",
            "http://a/html/content_81929.htm",
            "http://a/col/art_123_456.html",
            "http://a/show.php?id=12",
            "http://a/view.asp?ArticleID=7&page=2",
        ] {
            assert_eq!(shape(a), UrlShape::Article, "{a}");
        }
        for l in [
            "http://a/hb/",
            "http://a/hb/index_2.html",
            "http://a/list.php?page=2",
            "http://a/news/list_12.htm",
            "http://a/node_123.htm",
            "http://a/cms/search.php?p=3",
        ] {
            assert_eq!(shape(l), UrlShape::Listing, "{l}");
        }
        for u in [
            "http://a/about.html",
            "http://a/report.php",
            "http://a/x.pdf",
        ] {
            assert_eq!(shape(u), UrlShape::Unknown, "{u}");
        }
    }

    #[test]
    fn the_shortcuts_agree_with_the_long_ways() {
        let urls = [
            "http://a.b/x/5955.html",
            "http://a.b/x/5955_2.html",
            "http://a.b/x//y.html",
            "http://a.b/x/index.html",
            "http://a.b/x/INDEX.HTM",
            "http://a.b/x/index.html5",
            "http://a.b/x/?b=2&a=1",
            "http://a.b/x/?a=1&b=2",
            "http://a.b/x/?a=1&&b=2",
            "http://a.b/x/?",
            "http://a.b/x/?a=1&a=1",
            "http://a.b/x/#top",
            "http://a.b:80/x",
            "https://a.b:443/x",
            "http://a.b:8080/x",
            "http://A.B/x",
            "http://ab/x",
            "http://a.bc/x",
            "http://a.b:8/x",
            "http://127.0.0.1:45499/baogao/hb/100001_2.html",
            "mailto:x@a.b",
            "data:text/plain,x",
        ];
        for s in urls {
            let u = Url::parse(s).unwrap();
            assert_eq!(normalize_url(&u), normalized(&u), "{s}");
            for t in urls {
                let v = Url::parse(t).unwrap();
                assert_eq!(
                    has_origin(&u, &origin_key(&v)),
                    origin_key(&u) == origin_key(&v),
                    "{s} against {t}"
                );
            }
        }
    }

    #[test]
    fn origin_keys_keep_non_default_ports() {
        assert_eq!(
            origin_key(&Url::parse("http://A.b:8000/x").unwrap()),
            "a.b:8000"
        );
        assert_eq!(origin_key(&Url::parse("https://a.b/x").unwrap()), "a.b");
    }
}
