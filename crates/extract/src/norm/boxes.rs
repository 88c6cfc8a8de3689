//! A web page's box of links to other pages that a copy of its text keeps
//! (相关新闻：, 延伸阅读, 【相关阅读】 and the titles under it, which name other
//! places, years and reports): read as if absent, so no reader takes a
//! place, a year or a figure from it. (A site's footer stays: a local
//! outlet's, 淳安县千岛湖传媒中心版权所有, is often the only line that names
//! the place.)

/// The longest line (in bytes) read as a heading of links (【相关阅读】：).
const LINKS_HEADING_BYTES: usize = 24;

/// The longest line read as the title of a linked page under 相关新闻.
const LINK_TITLE_MAX: usize = 40;

/// Whether a line heads a box of links to other pages (相关新闻：, 延伸阅读,
/// 【相关阅读】).
fn heads_links(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(['【', '】', '[', ']', '：', ':', ' ', '>', '》']);
    [
        "相关新闻",
        "相关阅读",
        "相关链接",
        "相关文章",
        "相关稿件",
        "延伸阅读",
        "推荐阅读",
        "猜你喜欢",
        "往期回顾",
        "热点推荐",
        "热点新闻",
        "热门文章",
        "热门排行",
        "点击排行",
        "排行榜",
        "最新文章",
        "最新新闻",
        "更多新闻",
    ]
    .contains(&t)
}

/// Whether the line `t` (trimmed) heads a box of links, asked of its bytes
/// first: a heading opens with a bracket or its first word's char, in
/// either script, and is folded only then.
fn heads_a_box(t: &str) -> bool {
    t.len() <= LINKS_HEADING_BYTES
        && t.starts_with([
            '【', '[', '相', '延', '推', '猜', '往', '热', '熱', '点', '點', '排', '最', '更',
        ])
        && heads_links(&t.chars().map(super::chars::fold).collect::<String>())
}

/// Whether the line `t` (trimmed) heads a box of links or is one (a link
/// to the page before or after). Most texts have no such line: one scan of
/// the lines asks this before any range is listed.
pub(super) fn opens_box(t: &str) -> bool {
    heads_a_box(t) || links_to_a_neighbour(t)
}

/// Whether the line `t` (trimmed) links to the page before or after it
/// (上一篇：广州市召开经济工作会议): a box of one line.
fn links_to_a_neighbour(t: &str) -> bool {
    t.starts_with(['上', '下'])
        && [
            "上一篇",
            "下一篇",
            "上一条",
            "下一条",
            "上一页：",
            "下一页：",
        ]
        .iter()
        .any(|w| t.starts_with(w))
        && t.len() <= BOX_LINE_BYTES
}

/// The words a news site's name ends with (四川在线, 中国江苏网, 新华网,
/// 人民网-四川频道, 南方日报, 澎湃新闻).
const NEWS_SITE_ENDS: &[&str] = &[
    "网",
    "在线",
    "新闻",
    "日报",
    "晚报",
    "频道",
    "客户端",
    "资讯",
    "网站",
    "门户",
];

/// The longest news site's name (in chars) after a title.
const NEWS_SITE_MAX: usize = 12;

/// The last separator a page's title puts before its site's name (`_`, `|`,
/// `｜`, else ` - `): where it starts and its length in bytes.
// (`#[inline]`: without it this build spent 0.2 % more instructions per
// text, measured with `just bench-instructions`; it is called from `meta`)
#[inline]
pub(crate) fn site_separator(title: &str) -> Option<(usize, usize)> {
    title
        .rfind(['_', '|', '｜'])
        .map(|i| (i, title[i..].chars().next().map_or(1, char::len_utf8)))
        .or_else(|| title.rfind(" - ").map(|i| (i, 3)))
}

/// Where the name of a news site starts in `title` (a line), after the
/// separator a page's title puts before it (`…政府工作报告_四川在线`, `… -
/// 中国江苏网`, `…|大河网`): its place says where the outlet is, not whose
/// report it is. A government's site (`_邯郸市人民政府`) is not one: it is who
/// publishes the report.
pub(crate) fn news_site_suffix(title: &str) -> Option<usize> {
    let t = title.trim_end();
    let (at, sep) = site_separator(t).or_else(|| t.rfind(" －").map(|i| (i, " －".len())))?;
    let site = t[at + sep..].trim();
    let named = !site.is_empty()
        && site.chars().count() <= NEWS_SITE_MAX
        && NEWS_SITE_ENDS.iter().any(|w| site.ends_with(w))
        && !site.contains("政府")
        && !site.contains('。');
    (named && !t[..at].trim().is_empty()).then_some(at)
}

/// The longest line (in bytes) weighed as a box's line.
const BOX_LINE_BYTES: usize = 240;

/// The char ranges of `text` (whose chars are `src`) that are a page's
/// boxes of links, each a whole line with its line break: the heading and
/// the titles under it. Sorted.
pub(super) fn box_ranges(text: &str, src: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_links = false;
    let mut first = true;
    for line in text.split('\n') {
        let chars = line.chars().count();
        // (the title's site: from its separator to the line's end)
        if first && !line.trim().is_empty() {
            first = false;
            if let Some(at) = news_site_suffix(line) {
                out.push((start + line[..at].chars().count(), start + chars));
            }
        }
        let end = (start + chars + 1).min(src.len());
        let t = line.trim();
        // (most lines are prose longer than any box's line: not asked)
        let short = line.len() <= BOX_LINE_BYTES;
        // (a footer after the links is no title: 淳安县千岛湖传媒中心版权所有)
        let footer = || t.contains("版权所有") || t.contains("ICP备");
        let title = in_links
            && short
            && chars <= LINK_TITLE_MAX
            && !t.ends_with('。')
            && !t.is_empty()
            && !footer();
        if title || links_to_a_neighbour(t) {
            out.push((start, end));
        } else if heads_a_box(t) {
            in_links = true;
            out.push((start, end));
        } else if !t.is_empty() {
            in_links = false;
        }
        start += chars + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        let src: Vec<char> = text.chars().collect();
        let drop = box_ranges(text, &src);
        super::super::pages::kept(src.len(), &drop)
            .iter()
            .map(|&i| src[i])
            .collect()
    }

    #[test]
    fn link_boxes_are_left_out() {
        assert_eq!(
            kept(
                "今年地区生产总值增长6%左右。\n相关新闻：\n·广东省2024年政府工作报告全文\n·武汉市人大会议开幕\n淳安县千岛湖传媒中心版权所有"
            ),
            "今年地区生产总值增长6%左右。\n淳安县千岛湖传媒中心版权所有"
        );
        // (a blank line between the heading and its links; a heading in
        // traditional characters)
        assert_eq!(
            kept("正文。\n延伸閱讀\n\n西安市2019年政府工作报告解读\n"),
            "正文。\n\n"
        );
    }

    #[test]
    fn a_ranking_box_and_links_to_the_neighbouring_pages_are_left_out() {
        assert_eq!(
            kept(
                "正文。\n热门排行\n1. 上海市发布2025年政府工作报告\n2. 国务院常务会议部署稳就业\n上一篇：广州市召开经济工作会议\n下一篇：深圳市2025年经济运行情况"
            ),
            "正文。\n"
        );
    }

    #[test]
    fn a_news_sites_name_after_the_title_is_left_out() {
        assert_eq!(
            kept("2024年政府工作报告解读_四川在线\n正文。"),
            "2024年政府工作报告解读\n正文。"
        );
        assert_eq!(kept("报告全文 - 中国江苏网\n正文。"), "报告全文\n正文。");
        // a government's site publishes the report: it stays, and so does
        // a line with no site after its separator
        for text in [
            "县区动态_邯郸市人民政府\n正文。",
            "2024年主要目标 - 增长5%左右\n正文。",
            "正文。\n第二行_新华网",
        ] {
            assert_eq!(kept(text), text);
        }
    }

    #[test]
    fn the_text_after_a_box_and_sentences_under_a_heading_stay() {
        let text = "相关新闻：\n今年全市地区生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业5万人以上。\n正文继续。";
        assert_eq!(kept(text), text.replacen("相关新闻：\n", "", 1));
        // a line that names the copyright in a sentence of the text stays
        let text = "加强版权保护，版权所有人的权益得到保障。";
        assert_eq!(kept(text), text);
    }
}
