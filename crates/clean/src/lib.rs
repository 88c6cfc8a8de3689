//! HTML of a government work report page → the report's text and nothing else.
//!
//! In: a fetched [`Page`] (decoded UTF-8 HTML; a multi-page article has its
//! parts' documents joined with [`PAGE_BREAK`](baogao_model::PAGE_BREAK)) and
//! the [`CleanRules`] of the `[clean]` config table, compiled once into a
//! [`Cleaner`]. Out: a [`Document`] whose `text` holds the report
//! paragraphs, one per line, NFKC-normalised, with navigation, breadcrumbs,
//! disclaimers, related lists, comments, footers, hidden elements and planted
//! spam removed, plus its title, publication date (`<meta>` dates first),
//! breadcrumb trail and counts.
//!
//! The main block is found by structure, not by site: text blocks vote for
//! their containers by the amount of prose they hold (characters, Chinese
//! punctuation), scaled by link density and class/id semantics
//! (see `select.rs`). Called by the pipeline's clean stage, which holds one
//! [`Cleaner`] and calls [`Cleaner::clean`] once per page; pure and
//! synchronous. [`clean`] and [`clean_html`] compile the rules for one call.
//!
//! Pages are parsed into the tree the HTML standard prescribes. When no
//! `drop_selectors` or `content_selectors` are set, a light parser
//! (`light/`) builds that tree for markup whose tree construction is a
//! plain stack of open elements, which is most report pages, in about a
//! third of html5ever's time; it hands every other page to html5ever, so
//! the text does not depend on which parser ran.
//!
//! `Document.flags` may hold: `multi_part` (the body had several parts),
//! `page_break_joined` (a paragraph cut by a page break was rejoined),
//! `table_text` (a data table was written as tab-separated rows),
//! `no_main_block` (no block scored; the whole `<body>` was filtered line by
//! line) and `content_selector` (a `content_selectors` rule chose the block).
//!
//! ```
//! use baogao_clean::{clean_html, CleanRules};
//! let html = "<html><head><title>某县政府工作报告_某县人民政府</title></head><body>\
//!     <div class=nav><a href=/>首页</a> <a href=/a>政务公开</a></div>\
//!     <div class=content><p>各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。</p>\
//!     <p>今年主要预期目标是：地区生产总值增长<span>6</span>%左右。</p></div>\
//!     <div class=footer>版权所有 某县人民政府</div></body></html>";
//! let doc = clean_html("http://example.gov.cn/a.html", html, &CleanRules::default());
//! assert_eq!(doc.text, "各位代表:现在,我代表县人民政府,向大会报告工作,请予审议。\n今年主要预期目标是:地区生产总值增长6%左右。");
//! assert_eq!(doc.title.as_deref(), Some("某县政府工作报告"));
//! ```

mod depth;
mod dom;
mod emit;
mod error;
mod light;
mod meta;
mod rules;
pub mod score;
mod select;
mod spam;
mod text;

use baogao_model::{Document, Page, doc_id, page_parts};
use scraper::Html;

pub use error::CleanError;
pub use rules::{CleanRules, Cleaner};

use crate::emit::Line;
use crate::text::{count_chars, ends_sentence, is_heading, normalize_line};

/// Cleans a fetched page with `rules` compiled for this one call (see
/// [`Cleaner::clean`]; to clean many pages, build the [`Cleaner`] once).
#[must_use]
pub fn clean(page: &Page, rules: &CleanRules) -> Document {
    Cleaner::new(rules.clone()).clean(page)
}

/// Cleans HTML given as a string with `rules` compiled for this one call
/// (see [`Cleaner::clean_html`]).
#[must_use]
pub fn clean_html(url: &str, html: &str, rules: &CleanRules) -> Document {
    Cleaner::new(rules.clone()).clean_html(url, html)
}

impl Cleaner {
    /// Cleans a fetched page. `Document.url` is the final URL (after redirects)
    /// when there is one, else the discovered URL.
    #[must_use]
    pub fn clean(&self, page: &Page) -> Document {
        let url = if page.final_url.is_empty() {
            &page.url
        } else {
            &page.final_url
        };
        self.clean_html(url, page.body.as_deref().unwrap_or(""))
    }

    /// Cleans HTML given as a string (see [`Cleaner::clean`]); `url` becomes `Document.url`.
    #[must_use]
    pub fn clean_html(&self, url: &str, html: &str) -> Document {
        clean_parts(url, html, self)
    }
}

/// What one page part gave.
struct PartOut {
    lines: Vec<Line>,
    title: Option<String>,
    published: Option<chrono::NaiveDate>,
    breadcrumb: Option<String>,
    visible_chars: u64,
    table: bool,
    no_main_block: bool,
    content_selector: bool,
    /// The part was longer than [`MAX_PART_BYTES`]; only its start was read.
    truncated: bool,
}

fn clean_part(html: &str, compiled: &Cleaner, want_meta: bool) -> PartOut {
    let rules = &compiled.rules;
    let (html, truncated) = within_cap(html);
    let html = light::newlines(html);
    // The light parser gives html5ever's tree for simple markup; selector
    // rules need html5ever's own tree to match against. It hands over pages
    // nesting deeper than the depth cap, which html5ever gets capped.
    let events = if compiled.drop.is_empty() && compiled.content.is_empty() {
        light::parse(&html)
    } else {
        None
    };
    let (capped, doc);
    let flat = if let Some(events) = &events {
        dom::flatten_events(events)
    } else {
        capped = depth::cap_depth(&html);
        doc = Html::parse_document(&capped);
        dom::flatten(&doc, &compiled.drop, &compiled.content)
    };
    let visible_chars: u64 = flat
        .els
        .iter()
        .filter(|e| !e.removed)
        .map(|e| u64::from(e.own_chars))
        .sum();
    let knobs = select::Knobs {
        min_paragraph_chars: rules.min_paragraph_chars as u32,
        max_link_density: rules.max_link_density,
    };
    let mut content_selector = false;
    let mut roots: Vec<u32> = Vec::new();
    if !flat.content_hits.is_empty() {
        // Outermost hits with text, in document order.
        for &h in &flat.content_hits {
            let el = &flat.els[h as usize];
            let inside_previous = roots.last().is_some_and(|&r| {
                let r = &flat.els[r as usize];
                r.open < el.open && el.close < r.close
            });
            if el.tot_chars > 0 && !inside_previous {
                roots.push(h);
            }
        }
        content_selector = !roots.is_empty();
    }
    if roots.is_empty() {
        roots = select::choose(&flat, &knobs);
    }
    let no_main_block = roots.is_empty();
    if no_main_block && flat.body != dom::NONE && !flat.els.is_empty() {
        roots.push(flat.body);
    }
    let (lines, table) = emit::emit(&flat, &roots, rules.max_link_density);
    let (title, published, breadcrumb) = if want_meta {
        let t = meta::title(&flat);
        let p = meta::published(&flat, &roots, t.as_deref());
        (t, p, meta::breadcrumb(&flat, &roots))
    } else {
        (None, None, None)
    };
    PartOut {
        lines,
        title,
        published,
        breadcrumb,
        visible_chars,
        table,
        no_main_block,
        content_selector,
        truncated,
    }
}

/// The most bytes of one page part the cleaner reads: sixteen times the
/// HTML of the longest report page (about 1 MiB), so a report is always read
/// whole, while a huge page (a 200 MB dump served as HTML, `max_body_size`
/// raised) costs the cleaner a bounded amount of memory — it holds several
/// copies of what it reads — instead of several times the page. The
/// document is flagged `truncated`.
pub const MAX_PART_BYTES: usize = 16 * 1024 * 1024;

/// `html` cut to [`MAX_PART_BYTES`] at a char boundary, and whether it was cut.
fn within_cap(html: &str) -> (&str, bool) {
    if html.len() <= MAX_PART_BYTES {
        return (html, false);
    }
    let mut end = MAX_PART_BYTES;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    (&html[..end], true)
}

/// Whether the last line of one part and the first of the next are one
/// paragraph cut by the page break: the first does not end a sentence
/// (。！？；：” …), neither is a numbered heading, and the first reads as
/// prose (has a comma or is at least 40 characters long); table rows never join.
fn continues(last: &str, next: &str) -> bool {
    !last.contains('\t')
        && !next.contains('\t')
        && !ends_sentence(last)
        && !is_heading(last)
        && !is_heading(next)
        && (last.contains([',', '、', '，']) || last.chars().count() >= 40)
}

fn join_into(buf: &mut String, next: &str) {
    let a = buf.chars().last();
    let b = next.chars().next();
    if a.is_some_and(|c| c.is_ascii_alphabetic()) && b.is_some_and(|c| c.is_ascii_alphabetic()) {
        buf.push(' ');
    }
    buf.push_str(next);
}

/// Cleans `html` (every part of a multi-page article) with `compiled`.
fn clean_parts(url: &str, html: &str, compiled: &Cleaner) -> Document {
    let rules = &compiled.rules;
    let mut flags: Vec<String> = Vec::new();
    let mut paras: Vec<String> = Vec::new();
    let mut title = None;
    let mut published = None;
    let mut breadcrumb = None;
    let mut visible = 0u64;
    let mut joined = false;
    let parts: Vec<&str> = page_parts(html).filter(|p| !p.trim().is_empty()).collect();
    if parts.len() > 1 {
        flags.push("multi_part".to_owned());
    }
    for (k, part) in parts.iter().enumerate() {
        let out = clean_part(part, compiled, k == 0);
        if k == 0 {
            title = out.title;
            published = out.published;
            breadcrumb = out.breadcrumb;
        }
        visible += out.visible_chars;
        for (cond, flag) in [
            (out.table, "table_text"),
            (out.no_main_block, "no_main_block"),
            (out.content_selector, "content_selector"),
            (out.truncated, "truncated"),
        ] {
            if cond && !flags.iter().any(|f| f == flag) {
                flags.push(flag.to_owned());
            }
        }
        let mut lines = out.lines.into_iter().map(|l| l.text).peekable();
        // The part's own copy of the title heads the body on many sites.
        if let Some(t) = title.as_deref() {
            let t_norm = {
                let mut s = String::new();
                normalize_line(t, &mut s);
                s
            };
            while lines.peek().is_some_and(|l| *l == t_norm) {
                lines.next();
            }
        }
        let mut first = true;
        for line in lines {
            if first
                && k > 0
                && rules.join_split_paragraphs
                && let Some(last) = paras.last_mut()
                && continues(last, &line)
            {
                join_into(last, &line);
                joined = true;
                first = false;
                continue;
            }
            first = false;
            paras.push(line);
        }
    }
    if joined {
        flags.push("page_break_joined".to_owned());
    }
    // Planted spam.
    let mut spam_removed = false;
    paras.retain_mut(|p| match compiled.lexicon.scrub(p) {
        None => true,
        Some(cleaned) => {
            spam_removed = true;
            *p = cleaned;
            !p.is_empty()
        }
    });
    let text = paras.join("\n");
    // Non-whitespace characters, like `visible`.
    let kept = count_chars(&text) as u64;
    Document {
        doc_id: doc_id(url),
        url: url.to_owned(),
        title,
        published,
        breadcrumb,
        chars_kept: text.chars().count() as u64,
        chars_dropped: visible.saturating_sub(kept),
        spam_removed,
        flags,
        text,
    }
}

#[cfg(test)]
mod tests {
    use baogao_model::PAGE_BREAK;

    use super::*;

    fn page(body: &str) -> String {
        format!(
            "<html><head><title>某市政府工作报告_某市人民政府</title></head><body>\
             <div class=nav><a href=/>首页</a><a href=/b>报告</a></div><h1>某市政府工作报告</h1>\
             <div class=content>{body}</div><div class=page><a href=2>下一页</a></div>\
             <div class=footer>Copyright 某市</div></body></html>"
        )
    }

    #[test]
    fn split_paragraph_across_parts_is_joined() {
        let html = format!(
            "{}{PAGE_BREAK}{}",
            page(
                "<p>各位代表，过去一年成绩显著。</p><p>主要预期目标是：城镇居民人均可支配收入增速与经济增长同步，农</p>"
            ),
            page("<p>村居民人均可支配收入增速高于经济增长水平。</p><p>二、重点工作</p>")
        );
        let doc = clean_html("u", &html, &CleanRules::default());
        assert_eq!(
            doc.text,
            "各位代表,过去一年成绩显著。\n主要预期目标是:城镇居民人均可支配收入增速与经济增长同步,农村居民人均可支配收入增速高于经济增长水平。\n二、重点工作"
        );
        assert!(doc.flags.contains(&"page_break_joined".to_owned()));
        assert!(doc.flags.contains(&"multi_part".to_owned()));
    }

    #[test]
    fn parts_ending_a_sentence_or_a_heading_are_not_joined() {
        let html = format!(
            "{}{PAGE_BREAK}{}",
            page("<p>各位代表，过去一年成绩显著，我们完成了任务。</p><p>二、2023年工作安排</p>"),
            page("<p>2023年是全面贯彻落实党的二十大精神开局之年，意义重大。</p>")
        );
        let doc = clean_html("u", &html, &CleanRules::default());
        assert_eq!(doc.text.lines().count(), 3, "{}", doc.text);
        let no_join = CleanRules {
            join_split_paragraphs: false,
            ..CleanRules::default()
        };
        let html = format!(
            "{}{PAGE_BREAK}{}",
            page("<p>目标是：地区生产总值增长，其他</p>"),
            page("<p>7%以上，投资增长。</p>")
        );
        assert_eq!(clean_html("u", &html, &no_join).text.lines().count(), 2);
        assert_eq!(
            clean_html("u", &html, &CleanRules::default()).text,
            "目标是:地区生产总值增长,其他7%以上,投资增长。"
        );
    }

    #[test]
    fn document_fields() {
        let doc = clean_html(
            "http://x/a.html",
            &page("<p>正文一段，共二十个字左右的内容在这里。</p>"),
            &CleanRules::default(),
        );
        assert_eq!(doc.doc_id, doc_id("http://x/a.html"));
        assert_eq!(doc.title.as_deref(), Some("某市政府工作报告"));
        assert_eq!(doc.text, "正文一段,共二十个字左右的内容在这里。");
        assert_eq!(doc.chars_kept, doc.text.chars().count() as u64);
        assert!(doc.chars_dropped > 0);
        assert!(!doc.spam_removed);
    }

    #[test]
    fn page_uses_the_final_url() {
        let p = Page {
            url: "http://a/x".into(),
            final_url: "http://b/x".into(),
            body: Some(page("<p>正文一段，内容，内容。</p>")),
            ..Page::default()
        };
        let doc = clean(&p, &CleanRules::default());
        assert_eq!(doc.url, "http://b/x");
        assert_eq!(doc.doc_id, doc_id("http://b/x"));
        let p = Page {
            final_url: String::new(),
            ..p
        };
        assert_eq!(clean(&p, &CleanRules::default()).url, "http://a/x");
        let empty = Page {
            body: None,
            ..Page::default()
        };
        assert_eq!(clean(&empty, &CleanRules::default()).text, "");
    }

    #[test]
    fn content_selector_overrides_scoring() {
        let html = "<body><div id=a><p>甲段，很长的正文内容，很长的正文内容，很长的正文内容。</p></div><div id=b><p>乙段，短。</p></div></body>";
        let rules = CleanRules {
            content_selectors: vec!["#b".into()],
            ..CleanRules::default()
        };
        let doc = clean_html("u", html, &rules);
        assert_eq!(doc.text, "乙段,短。");
        assert!(doc.flags.contains(&"content_selector".to_owned()));
    }

    #[test]
    fn drop_selectors_remove_elements() {
        let html = "<body><div class=content><p>正文内容，正文内容，正文内容。</p><p class=ad>推广内容，推广内容，推广内容。</p></div></body>";
        let rules = CleanRules {
            drop_selectors: vec!["p.ad".into()],
            ..CleanRules::default()
        };
        assert_eq!(
            clean_html("u", html, &rules).text,
            "正文内容,正文内容,正文内容。"
        );
    }

    const PARA: &str =
        "各位代表，过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。";

    #[test]
    fn div_per_paragraph_and_a_prose_sidebar() {
        let paras = format!("<div>{PARA}</div>").repeat(6);
        let html = format!(
            "<body><div class=left><div class=box>{paras}</div></div>             <div class=right><div class=intro>内容提要：本文介绍了某市的工作，值得一读。</div></div></body>"
        );
        let doc = clean_html("u", &html, &CleanRules::default());
        assert_eq!(doc.text, [PARA.replace("，", ",").as_str(); 6].join("\n"));
    }

    #[test]
    fn related_list_inside_the_body_is_dropped_even_when_titled_like_reports() {
        let links: String = (1..=8)
            .map(|i| format!("<li><a href=/{i}.html>某市2023年政府工作报告（第{i}部分）</a></li>"))
            .collect::<Vec<_>>()
            .concat();
        let html = format!(
            "<body><div class=content><p>{PARA}</p><p>{PARA}</p><h3>相关报告</h3><ul>{links}</ul></div></body>"
        );
        let doc = clean_html("u", &html, &CleanRules::default());
        assert_eq!(doc.text.lines().count(), 2, "{}", doc.text);
    }

    #[test]
    fn spam_in_a_link_inside_a_sentence() {
        let html = format!(
            "<body><div class=content><p>{PARA}</p><p>地区生产总值增长5%<a href='http://x.example'>澳门葡京</a>以上，投资增长8%。</p></div></body>"
        );
        let doc = clean_html("u", &html, &CleanRules::default());
        assert!(
            doc.text.ends_with("地区生产总值增长5%以上,投资增长8%。"),
            "{}",
            doc.text
        );
        assert!(doc.spam_removed);
    }

    #[test]
    fn title_repeated_at_the_top_of_the_body_is_dropped() {
        let html = format!(
            "<head><title>某县政府工作报告_某县人民政府网</title></head><body><div class=con><p>某县政府工作报告</p><p>{PARA}</p></div></body>"
        );
        assert_eq!(
            clean_html("u", &html, &CleanRules::default()).text,
            PARA.replace('，', ",")
        );
    }

    #[test]
    fn empty_and_garbage_input() {
        let doc = clean_html("u", "", &CleanRules::default());
        assert_eq!(doc.text, "");
        let doc = clean_html("u", "<<<>>>\u{0}\u{fffd}", &CleanRules::default());
        assert!(doc.text.len() < 20);
    }
}
