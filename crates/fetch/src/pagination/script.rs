//! Script page bars: page bars that a `<script>` writes at load time, so that the page's HTML
//! holds no link to its other parts. [`crate::html::analyze`] hands every `<script>` of a page
//! to [`script_page_links`] and adds what it returns to the page's links.

use url::Url;

use crate::html::Link;

/// Pages a script page bar writes at load time, as links with their page number as text.
///
/// TRS/WCM sites (many government portals) write the bar with
/// `createPageHTML(count, current, "name", "ext")` (or `createPageHTML("div", count, current,
/// "name", "ext", records)`): page 0 is `name.ext`, page k is `name_k.ext`, relative to the page.
/// Counts and indices may be variables set earlier in the script (`var countPage = 5`).
pub(crate) fn script_page_links(code: &str, base: &Url) -> Vec<Link> {
    const CALL: &str = "createPageHTML(";
    const MAX_PAGES: u64 = 1000;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = code[from..].find(CALL) {
        let start = from + pos;
        let args_start = start + CALL.len();
        from = args_start;
        if code[..start].trim_end().ends_with("function") {
            continue; // the definition, not a call
        }
        let Some(len) = code[args_start..].find(')') else {
            break;
        };
        let args: Vec<&str> = code[args_start..args_start + len]
            .split(',')
            .map(str::trim)
            .collect();
        let mut numbers = Vec::new();
        let mut strings = Vec::new();
        for a in &args {
            if let Some(q) = a
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .or_else(|| a.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')))
            {
                strings.push(q);
            } else if let Some(n) = a.parse::<u64>().ok().or_else(|| script_var(code, a)) {
                numbers.push(n);
            }
        }
        let Some(ext_at) = strings
            .iter()
            .position(|s| ["html", "htm", "shtml", "jsp", "php", "asp", "aspx"].contains(s))
        else {
            continue;
        };
        let (Some(&count), Some(name)) =
            (numbers.first(), ext_at.checked_sub(1).map(|i| strings[i]))
        else {
            continue;
        };
        let ext = strings[ext_at];
        if name.is_empty() || name.contains(['/', '\\', '?', '#']) {
            continue;
        }
        for k in 0..count.min(MAX_PAGES) {
            let file = if k == 0 {
                format!("{name}.{ext}")
            } else {
                format!("{name}_{k}.{ext}")
            };
            if let Ok(url) = base.join(&file) {
                out.push(Link {
                    url,
                    text: (k + 1).to_string(),
                });
            }
        }
    }
    out
}

/// The number a script assigns to `name` (`var name = 5;`, `name=5`), if it is an identifier.
fn script_var(code: &str, name: &str) -> Option<u64> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    {
        return None;
    }
    let mut from = 0;
    while let Some(pos) = code[from..].find(name) {
        let at = from + pos;
        from = at + name.len();
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = code[from..].trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        if value.starts_with('=') {
            continue; // a comparison
        }
        let value = value.trim_start();
        let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse() {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trs_create_page_html_becomes_page_links() {
        let base = Url::parse("http://a/c/202303/t20230329_123.html").unwrap();
        let code = r#"function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}
            createPageHTML(3, 0, "t20230329_123", "html");"#;
        let links = script_page_links(code, &base);
        let got: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (l.url.as_str(), l.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("http://a/c/202303/t20230329_123.html", "1"),
                ("http://a/c/202303/t20230329_123_1.html", "2"),
                ("http://a/c/202303/t20230329_123_2.html", "3"),
            ]
        );
        // variables, single quotes and the newer six-argument form
        let list = Url::parse("http://a/xwzx/").unwrap();
        let code = "var countPage = 4//共多少页\nvar currentPage = 0;\ncreatePageHTML(countPage, currentPage, 'index', 'html');";
        assert_eq!(script_page_links(code, &list).len(), 4);
        let code = "createPageHTML('page_div',5, 1,'index','html',98);";
        let links = script_page_links(code, &list);
        assert_eq!(links.len(), 5);
        assert_eq!(links[4].url.as_str(), "http://a/xwzx/index_4.html");
        // unresolvable arguments give nothing
        assert!(script_page_links("createPageHTML(n, c, name, ext)", &list).is_empty());
    }
}
