//! Title, publication date and breadcrumb trail of a page part.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::dom::{Flat, Kind, Tok};
use crate::text::normalize_line;

/// Normalised text of element `idx` (one line).
fn text_of(flat: &Flat<'_>, idx: u32) -> String {
    let el = &flat.els[idx as usize];
    let mut raw = String::new();
    let mut t = el.open as usize + 1;
    while t < el.close as usize {
        match flat.toks[t] {
            Tok::Open(i) if flat.els[i as usize].removed => {
                t = flat.els[i as usize].close as usize;
            }
            Tok::Text(s) => raw.push_str(s),
            Tok::Open(i) if flat.els[i as usize].kind == Kind::Br => raw.push(' '),
            _ => {}
        }
        t += 1;
    }
    let mut out = String::new();
    normalize_line(&raw, &mut out);
    out
}

fn norm(s: &str) -> String {
    let mut out = String::new();
    normalize_line(s, &mut out);
    out
}

/// Separators between a title and the site name.
static SUFFIX_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:_|\||｜|\s-\s|\s—\s|——|--|—|-|－)\s*").expect("static regex")
});

/// What a site name ends with.
static SITE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:网|网站|门户|门户网站|政府|人民政府|官网|首页|频道|日报|新闻|新闻网|在线|报|办公室|政务网|政府网)$")
        .expect("static regex")
});

/// Removes trailing site-name segments (`…报告_华北_博县网` → `…报告`).
pub(crate) fn strip_site_suffix(title: &str) -> String {
    let mut title = title.trim();
    // A site name in front: `某某县人民政府--2026年某某县政府工作报告`.
    if let Some(m) = SUFFIX_SEP.find(title) {
        let (head, rest) = (&title[..m.start()], &title[m.end()..]);
        let rest_head = SUFFIX_SEP.find(rest).map_or(rest, |r| &rest[..r.start()]);
        if SITE_NAME.is_match(head)
            && rest_head.chars().count() >= 4
            && !SITE_NAME.is_match(rest_head)
        {
            title = rest.trim();
        }
    }
    let mut end = title.len();
    loop {
        let head = &title[..end];
        let Some(m) = SUFFIX_SEP.find_iter(head).last() else {
            break;
        };
        let tail = &head[m.end()..];
        let left = &head[..m.start()];
        if left.chars().count() < 4 {
            break;
        }
        let bare_dash = matches!(m.as_str(), "-" | "—" | "－");
        let site_like = SITE_NAME.is_match(tail) && !tail.chars().any(|c| c.is_ascii_digit());
        // `_` and `|` always separate a site or section part; a bare dash only
        // before a site name (so `2021-2025年` stays).
        if bare_dash && !site_like {
            break;
        }
        end = m.start();
    }
    title[..end].trim().to_owned()
}

/// The page title: the `<h1>`/title-class text that the `<title>` contains,
/// else the `ArticleTitle` meta, else the first `<h1>`, else `<title>`; site
/// suffixes removed.
pub(crate) fn title(flat: &Flat<'_>) -> Option<String> {
    let tag = flat
        .title_tag
        .as_deref()
        .map(norm)
        .filter(|t| !t.is_empty());
    let meta = flat
        .metas
        .iter()
        .find(|(n, _)| matches!(n.as_str(), "articletitle" | "og:title" | "dc.title"))
        .map(|(_, c)| norm(c))
        .filter(|t| t.chars().count() >= 4);
    if let Some(m) = meta {
        return Some(strip_site_suffix(&m));
    }
    let mut first_h1: Option<String> = None;
    let mut best: Option<String> = None;
    for &i in flat.title_candidates.iter().take(40) {
        let el = &flat.els[i as usize];
        if el.tot_chars < 4 || el.tot_chars > 200 || el.link_density() > 0.5 {
            continue;
        }
        let text = text_of(flat, i);
        let n = text.chars().count();
        if !(4..=150).contains(&n) {
            continue;
        }
        if let Some(tag) = &tag
            && tag.contains(&text)
            && best.as_ref().is_none_or(|b| b.chars().count() < n)
        {
            best = Some(text.clone());
        }
        if first_h1.is_none() {
            first_h1 = Some(text);
        }
    }
    best.or(first_h1)
        .map(|t| strip_site_suffix(&t))
        .or_else(|| tag.map(|t| strip_site_suffix(&t)))
        .filter(|t| !t.is_empty())
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
        .expect("static regex")
});

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:发布时间|发布日期|发表时间|发稿时间|发文日期|成文日期|更新时间|时间|日期)\s*[:]\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
        .expect("static regex")
});

fn parse_date(s: &str) -> Option<NaiveDate> {
    let c = DATE.captures(s)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// Text of the part outside `roots` (and outside removed elements), NFKC,
/// one block per line.
fn outside_text(flat: &Flat<'_>, roots: &[u32]) -> String {
    let mut raw = String::new();
    let mut t = 0;
    while t < flat.toks.len() {
        match flat.toks[t] {
            Tok::Open(i) => {
                let el = &flat.els[i as usize];
                if el.removed || roots.contains(&i) {
                    t = el.close as usize;
                } else if !matches!(el.kind, Kind::Inline | Kind::Anchor) {
                    raw.push('\n');
                }
            }
            Tok::Close(_) => {}
            Tok::Text(s) => raw.push_str(s),
        }
        t += 1;
    }
    let mut out = String::with_capacity(raw.len());
    crate::text::for_each_nfkc(&raw, |c| out.push(c));
    out
}

/// The date the page states: a `PubDate`-like meta, a labelled date
/// (发布时间:2023-01-12) outside the body, a short dated line outside the body,
/// or a date in the title.
pub(crate) fn published(flat: &Flat<'_>, roots: &[u32], title: Option<&str>) -> Option<NaiveDate> {
    for (name, content) in &flat.metas {
        if matches!(
            name.as_str(),
            "pubdate"
                | "publishdate"
                | "publish_date"
                | "publishtime"
                | "article:published_time"
                | "og:release_date"
                | "dc.date"
                | "dc.date.issued"
                | "dcterms.issued"
                | "firstpublishedtime"
                | "datepublished"
                | "createdate"
                | "date"
                | "time"
        ) && let Some(d) = parse_date(content)
        {
            return Some(d);
        }
    }
    let outside = outside_text(flat, roots);
    // Search from the title's line first (dated sidebar lists often come
    // before the article), then the whole text.
    let from_title = title
        .filter(|t| !t.is_empty())
        .and_then(|t| outside.find(t))
        .map_or(&outside[..0], |p| &outside[p..]);
    for text in [from_title, outside.as_str()] {
        if let Some(c) = LABELLED.captures(text)
            && let Some(d) = parse_date(&c[1])
        {
            return Some(d);
        }
        for line in text.lines() {
            if line.trim().chars().count() <= 80
                && let Some(d) = parse_date(line)
            {
                return Some(d);
            }
        }
    }
    // The main block may be the whole body: a labelled date anywhere.
    if !roots.is_empty() {
        let all = outside_text(flat, &[]);
        if let Some(c) = LABELLED.captures(&all)
            && let Some(d) = parse_date(&c[1])
        {
            return Some(d);
        }
    }
    title.and_then(parse_date)
}

/// Labels of a breadcrumb trail (NFKC: `:` for `：`).
static CRUMB_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:您?(?:当前|现在)?(?:所在)?的?位置|当前所在位置|所在位置|当前页面|当前栏目)\s*[:]\s*")
        .expect("static regex")
});

/// Separators between the items of a breadcrumb trail.
const CRUMB_SEPS: &[char] = &['>', '»', '›', '→', '＞', '〉', '/', '|'];

/// The breadcrumb trail of the part (`首页 > 政务公开 > 政府工作报告`): a short line outside
/// the main block that is labelled 当前位置 / 您的位置 / 所在位置 …, or that starts at the home
/// page (首页, 网站首页, 主页, Home) and holds two or more `>`, `»`, `›` or `→` separators.
/// Items are trimmed and joined with ` > `; a trailing 正文 / 内容 item is dropped.
pub(crate) fn breadcrumb(flat: &Flat<'_>, roots: &[u32]) -> Option<String> {
    let outside = outside_text(flat, roots);
    for line in outside.lines() {
        let line = line.trim();
        if line.is_empty() || line.chars().count() > 150 {
            continue;
        }
        let trail = if let Some(m) = CRUMB_LABEL.find(line) {
            &line[m.end()..]
        } else if ["首页", "网站首页", "主页", "home", "Home", "HOME"]
            .iter()
            .any(|h| line.starts_with(h))
            && line.matches(['>', '»', '›', '→']).count() >= 2
        {
            line
        } else {
            continue;
        };
        let mut items: Vec<String> = trail
            .split(CRUMB_SEPS)
            .map(|i| i.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|i| !i.is_empty())
            .collect();
        if items
            .last()
            .is_some_and(|l| ["正文", "内容", "详情", "正文内容"].contains(&l.as_str()))
        {
            items.pop();
        }
        if !items.is_empty() {
            return Some(items.join(" > "));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::flatten;
    use scraper::Html;

    #[test]
    fn site_suffixes_go() {
        assert_eq!(
            strip_site_suffix("(山西省)晋中市太谷区人民政府工作报告(2023年4月10日)_华北_博县网"),
            "(山西省)晋中市太谷区人民政府工作报告(2023年4月10日)"
        );
        assert_eq!(
            strip_site_suffix("2023年无锡市新吴区政府工作报告_无锡市新吴区人民政府"),
            "2023年无锡市新吴区政府工作报告"
        );
        assert_eq!(strip_site_suffix("政府工作报告-某某网"), "政府工作报告");
        assert_eq!(
            strip_site_suffix("某市国民经济和社会发展第十四个五年规划(2021-2025年)"),
            "某市国民经济和社会发展第十四个五年规划(2021-2025年)"
        );
        assert_eq!(
            strip_site_suffix("政府工作报告 | 某某县人民政府门户网站"),
            "政府工作报告"
        );
        assert_eq!(
            strip_site_suffix("某某县人民政府--2026年某某县政府工作报告"),
            "2026年某某县政府工作报告"
        );
        assert_eq!(strip_site_suffix("某某网-政府工作报告"), "政府工作报告");
    }

    #[test]
    fn title_prefers_the_h1_inside_the_title_tag() {
        let html = Html::parse_document(
            "<title>某县2023年政府工作报告_某县人民政府</title><body><h1><a href=/>某县人民政府</a></h1>\
             <div class=title><h1>某县2023年政府工作报告</h1></div></body>",
        );
        let flat = flatten(&html, &[], &[]);
        assert_eq!(title(&flat).as_deref(), Some("某县2023年政府工作报告"));
    }

    #[test]
    fn date_near_the_title_beats_a_dated_sidebar() {
        let html = Html::parse_document(
            "<body><ul><li>2022-12-01 某某新闻标题</li></ul><h1>某县政府工作报告</h1><p>2023-01-09 来源:某某</p></body>",
        );
        let flat = flatten(&html, &[], &[]);
        assert_eq!(
            published(&flat, &[], Some("某县政府工作报告")),
            NaiveDate::from_ymd_opt(2023, 1, 9)
        );
    }

    #[test]
    fn dates_from_meta_label_and_text() {
        let d = |s: &str| {
            let html = Html::parse_document(s);
            let flat = flatten(&html, &[], &[]);
            published(&flat, &[], None)
        };
        assert_eq!(
            d("<meta name=PubDate content='2023-01-16 09:30'><p>x</p>"),
            NaiveDate::from_ymd_opt(2023, 1, 16)
        );
        assert_eq!(
            d("<p>发布时间：2023-01-12　来源：某某</p>"),
            NaiveDate::from_ymd_opt(2023, 1, 12)
        );
        assert_eq!(
            d("<p><small>时间:</small>2023-04-10 09:11</p>"),
            NaiveDate::from_ymd_opt(2023, 4, 10)
        );
        assert_eq!(
            d("<p>2023年1月12日</p>"),
            NaiveDate::from_ymd_opt(2023, 1, 12)
        );
        assert_eq!(d("<p>无日期</p>"), None);
        assert_eq!(
            d("<meta name=publishdate content=2013-01-25><p>x</p>"),
            NaiveDate::from_ymd_opt(2013, 1, 25)
        );
        assert_eq!(
            d(
                "<meta property='article:published_time' content='2014-02-03T08:00:00+08:00'><p>x</p>"
            ),
            NaiveDate::from_ymd_opt(2014, 2, 3)
        );
    }

    #[test]
    fn breadcrumb_trails() {
        let b = |s: &str| {
            let html = Html::parse_document(s);
            let flat = flatten(&html, &[], &[]);
            breadcrumb(&flat, &[])
        };
        assert_eq!(
            b("<div class=position>您当前的位置：<a href=/>首页</a> &gt; <a href=/z>政务公开</a> &gt; <a href=/g>政府工作报告</a></div><p>正文</p>")
                .as_deref(),
            Some("首页 > 政务公开 > 政府工作报告")
        );
        assert_eq!(
            b("<div>当前位置：<a href=/>首页</a> » <a href=/h>湖北</a> » 正文</div>").as_deref(),
            Some("首页 > 湖北")
        );
        assert_eq!(
            b("<p><a href=/>首页</a> > <a href=/n>新闻中心</a> > <a href=/s>十堰市</a></p>")
                .as_deref(),
            Some("首页 > 新闻中心 > 十堰市")
        );
        assert_eq!(b("<p>首页 新闻 政务</p><p>今年目标是增长7%>6%</p>"), None);
    }
}
