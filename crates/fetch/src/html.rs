//! What the crawler reads from a page: its links (with their anchor text) and whether it reads
//! like an article or like a listing, in one pass of `baogao-html`'s tokenizer (the cleaner's
//! tokenizer too) with a small stack of open elements instead of a DOM.
//!
//! The article rule (documented in the crate doc) weighs the page's content, not its link count:
//! a short report page wrapped in navigation, related-article lists and a comment form is an
//! article, a list of titles and dates is not. The signals, all read in the same scan:
//! - the **main run**: the longest stretch of non-link text that reads as prose, by its
//!   sentence punctuation (。，；！？、: about one mark in 40 characters at least). Short
//!   inline links inside its paragraph (keyword links) do not break a run; a longer link, a
//!   link in another block (a list item's title) or one after little text does;
//! - how many such prose runs the page holds (a listing of summaries has many of one size);
//! - the `<title>` and an `<h1>`–`<h3>` heading that it contains; a date line (a short text
//!   holding one date, or 发布时间/日期 …), where a listing holds many dates;
//! - the URL's shape ([`crate::urls::url_shape`]): `5955.html`, `5955_2.html`,
//!   `t20130125_7950194.htm`, `content_81929.htm`, `art_123_456.html` read as articles,
//!   `/list/`, `index_2.html`, `list.php?page=2` as listings;
//! - a page bar of a multi-page article: links with page-bar text (2, 下一页, …) to later parts
//!   of the page itself, or, on a later part, back to its first part
//!   ([`pagination::multi_page`]; a bar a script writes is read by
//!   [`pagination::script_page_links`] into the page's links).
//!
//! A page is an article when its main run is prose of at least [`PROSE_STRONG_CHARS`]
//! characters (unless it is one of many alike on a listing-shaped URL), when it holds some
//! prose ([`PROSE_CHARS`]) and another signal backs it (two on a listing-shaped URL), or by the
//! older size rules (a block of [`ARTICLE_BLOCK_CHARS`] characters, or [`ARTICLE_TEXT_CHARS`]
//! characters of non-link text and twice its link text) on a page that writes a sentence at
//! all. When in doubt a page is kept as an
//! article: a kept listing costs a row, a lost article costs the data. An article's links are
//! followed all the same (a page may be both).

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use url::Url;

use crate::pagination;

/// Non-link characters in one block that make a page an article.
pub(crate) const ARTICLE_BLOCK_CHARS: usize = 120;
/// Non-link characters in the whole page that make it an article (with twice the link text).
pub(crate) const ARTICLE_TEXT_CHARS: usize = 1000;
/// A main run of prose this long makes a page an article by itself.
pub(crate) const PROSE_STRONG_CHARS: usize = 150;
/// A main run of prose this long makes a page an article when another signal backs it.
pub(crate) const PROSE_CHARS: usize = 50;
/// A link with at most this many characters, after at least [`INLINE_LINK_AFTER`] characters
/// of text, is read as inline (a keyword link in a paragraph): it does not end the run.
const INLINE_LINK_CHARS: usize = 12;
const INLINE_LINK_AFTER: usize = 20;
/// Date lines are texts of at most this many characters holding a date.
const DATE_LINE_CHARS: usize = 60;

/// A link on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// Absolute URL (resolved against `<base href>` or the page URL).
    pub(crate) url: Url,
    /// Anchor text, whitespace-collapsed.
    pub(crate) text: String,
}

/// What [`analyze`] found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Analysis {
    pub(crate) links: Vec<Link>,
    /// Non-whitespace characters of text outside links.
    pub(crate) text_chars: usize,
    /// Non-whitespace characters of link text.
    pub(crate) link_chars: usize,
    /// The largest count of non-link text characters in one block element.
    pub(crate) longest_block: usize,
    /// Hash of the page's content: its non-link text and image sources. Two parts of an
    /// article with the same fingerprint are one page served twice (`?page=99` answering the
    /// last page), whatever their page bars say.
    pub(crate) fingerprint: u64,
    /// What the article rule weighs besides the sizes above.
    pub(crate) signals: Signals,
}

/// The content signals of a page (see the module doc).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Signals {
    /// Characters of the main run: the longest stretch of non-link text that reads as prose
    /// (see `Walk::end_run`).
    pub(crate) main_run: usize,
    /// Sentence punctuation marks in the main run.
    pub(crate) main_punct: usize,
    /// Characters of the second longest such run.
    pub(crate) second_run: usize,
    /// Runs that read as prose (at least [`PROSE_CHARS`] characters with punctuation).
    pub(crate) prose_runs: usize,
    /// A heading (`<h1>`–`<h3>`, 8 characters or more, not a link) that the `<title>` contains.
    pub(crate) title_heading: bool,
    /// Short non-link texts holding a date.
    pub(crate) date_lines: usize,
    /// A labelled date (发布时间：…, 日期：…).
    pub(crate) labelled_date: bool,
    /// Sentence marks in all the non-link text.
    pub(crate) text_punct: usize,
    /// The URL's shape.
    pub(crate) url: crate::urls::UrlShape,
    /// A page bar links later parts of this page, or (on a later part) its first part.
    pub(crate) multi_page: bool,
}

impl Signals {
    /// The main run is prose of `min` characters or more.
    fn prose(&self, min: usize) -> bool {
        self.main_run >= min
    }

    /// Several prose runs of one size on a listing-shaped URL: a listing of summaries.
    fn summaries(&self) -> bool {
        self.url == crate::urls::UrlShape::Listing
            && self.prose_runs >= 4
            && self.main_run < 2 * self.second_run
    }

    /// Signals that back some prose: each counts one, the page bar two.
    fn backing(&self) -> usize {
        usize::from(self.url == crate::urls::UrlShape::Article)
            + 2 * usize::from(self.multi_page)
            + usize::from(self.title_heading)
            + usize::from(self.labelled_date || (1..=3).contains(&self.date_lines))
    }
}

impl Analysis {
    /// The page reads like an article (see the module doc).
    pub(crate) fn is_article(&self) -> bool {
        let s = &self.signals;
        if s.prose(PROSE_STRONG_CHARS) && !s.summaries() {
            return true;
        }
        if s.prose(PROSE_CHARS) {
            let needed = if s.url == crate::urls::UrlShape::Listing {
                2
            } else {
                1
            };
            if s.backing() >= needed {
                return true;
            }
        }
        // The size rules, unless no sentence is written anywhere (a column of dates in one
        // table cell, a footer of addresses and numbers).
        s.text_punct >= 2
            && (self.longest_block >= ARTICLE_BLOCK_CHARS
                || (self.text_chars >= ARTICLE_TEXT_CHARS
                    && self.text_chars >= 2 * self.link_chars))
    }
}

#[cfg(test)]
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "head", "title", "template", "select", "option", "textarea",
];
#[cfg(test)]
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "td",
    "th",
    "li",
    "dd",
    "dt",
    "article",
    "section",
    "main",
    "body",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "center",
    "form",
];

/// Links and text metrics of `html`, a page fetched from `page_url`.
///
/// One pass of [`baogao_html::Tokenizer`] over the page, keeping a stack of the open elements
/// that matter: links (for their anchor text), skipped elements (`head`, `select`, `template`,
/// …) and block elements (for the longest block). Start tags close what the standard closes
/// implicitly (`<p>` before a block, `<li>` before `<li>`, a cell before a cell or row), and end
/// tags close their element only within its table cell, so that block and link text are counted
/// as a browser would show them on the pages crawlers meet. A tag cut off by the end of the page
/// counts as if it were closed.
pub(crate) fn analyze(html: &str, page_url: &Url) -> Analysis {
    use baogao_html::{Token, Tokenizer, decode};

    let mut w = Walk {
        blocks: vec![0],
        ..Walk::default()
    };
    let mut base_href: Option<String> = None;
    let mut scripts: Vec<&str> = Vec::new();
    let mut raw_links: Vec<(String, String)> = Vec::new();
    let mut content = std::hash::DefaultHasher::new();
    for token in Tokenizer::new(html) {
        match token {
            Token::Start(tag) => {
                let (name, attrs) = (tag.name, tag.attrs);
                let mut buf = [0u8; 12];
                let tag = lower(name, &mut buf);
                match tag {
                    "base" if base_href.is_none() => {
                        base_href = attrs.get("href").map(|h| h.trim().to_owned());
                    }
                    "img" => {
                        if let Some(src) = attrs.get("src") {
                            src.hash(&mut content);
                        }
                    }
                    "area" | "frame" => {
                        let target = attrs.get("href").or_else(|| attrs.get("src"));
                        if let Some(t) = target {
                            raw_links.push((t.into_owned(), String::new()));
                        }
                    }
                    _ => {}
                }
                w.start(tag, name, &mut raw_links, || {
                    attrs.get("href").map(Cow::into_owned)
                });
            }
            Token::End(tag) => {
                let mut buf = [0u8; 12];
                w.end(lower(tag.name, &mut buf), tag.name);
            }
            Token::Raw(tag, raw) => {
                let mut buf = [0u8; 12];
                match lower(tag.name, &mut buf) {
                    "script" => scripts.push(raw.content),
                    "title" if w.title.is_empty() => w.title = decode(raw.content).into_owned(),
                    "iframe" => {
                        if let Some(src) = tag.attrs.get("src") {
                            raw_links.push((src.into_owned(), String::new()));
                        }
                    }
                    _ => {}
                }
            }
            Token::Text(raw) => {
                let text = decode(raw);
                let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                if chars == 0 {
                    continue;
                }
                w.leave_head();
                if let Some(link) = w.link {
                    let t = &mut raw_links[link].1;
                    t.push_str(&text);
                    t.push(' ');
                }
                if w.skipped > 0 {
                    continue;
                }
                if w.open[A] > 0 {
                    w.out.link_chars += chars;
                    w.link_run += chars;
                } else {
                    text.hash(&mut content);
                    w.out.text_chars += chars;
                    let block = w.stack.last().map_or(0, |o| o.block);
                    w.blocks[block] += chars;
                    let marks = text.chars().filter(|c| SENTENCE_MARKS.contains(c)).count();
                    w.run += chars;
                    w.run_punct += marks;
                    w.out.signals.text_punct += marks;
                    w.run_block = block;
                    if let Some(h) = &mut w.heading {
                        h.push_str(&text);
                    }
                    if chars <= DATE_LINE_CHARS && has_date(&text) {
                        w.out.signals.date_lines += 1;
                        w.out.signals.labelled_date |= DATE_LABELS.iter().any(|l| text.contains(l));
                    }
                }
            }
            Token::Comment { .. } | Token::Doctype { .. } | Token::Bogus => {}
        }
    }
    let base = base_href
        .and_then(|h| page_url.join(&h).ok())
        .unwrap_or_else(|| page_url.clone());
    let mut out = std::mem::take(&mut w.out);
    for (raw, text) in raw_links {
        let Some(url) = link_target(&base, &raw) else {
            continue;
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.links.push(Link { url, text });
    }
    for code in scripts {
        out.links.extend(pagination::script_page_links(code, &base));
    }
    w.end_run();
    out.longest_block = w.blocks.iter().copied().max().unwrap_or(0);
    out.fingerprint = content.finish();
    let title: String = w.title.split_whitespace().collect();
    out.signals = Signals {
        main_run: w.runs[0].0,
        main_punct: w.runs[0].1,
        second_run: w.runs[1].0,
        prose_runs: w.prose_runs,
        title_heading: w
            .headings
            .iter()
            .any(|h| h.chars().count() >= 8 && title.contains(h.as_str())),
        url: crate::urls::url_shape(page_url),
        multi_page: pagination::multi_page(&out.links, page_url),
        ..out.signals
    };
    out
}

/// Sentence punctuation (Chinese, and ASCII but for `.`, which URLs and decimals hold): what
/// running text has and lists of titles, footers and date columns have not.
const SENTENCE_MARKS: &[char] = &['。', '，', '；', '！', '？', '、', ',', ';', '!', '?'];

/// Labels of a date line.
const DATE_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发表时间",
    "发稿时间",
    "更新时间",
    "成文日期",
    "日期",
    "时间",
];

/// The text holds a date (`2013-01-25`, `2013/1/25`, `2013.01.25`, `2013年1月25日`).
fn has_date(text: &str) -> bool {
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
            .expect("static regex")
    });
    (text.contains("19") || text.contains("20")) && DATE.is_match(text)
}

/// Where a link's `href` (or a frame's `src`) leads, resolved against `base`: `None` for
/// fragments of the same page, scripts, mail and phone links, and what does not parse.
fn link_target(base: &Url, raw: &str) -> Option<Url> {
    let raw = raw.trim();
    if raw.is_empty() || raw.starts_with('#') {
        return None;
    }
    let scheme = raw.get(..11).unwrap_or(raw).to_ascii_lowercase();
    if ["javascript:", "mailto:", "tel:"]
        .iter()
        .any(|s| scheme.starts_with(s))
    {
        return None;
    }
    base.join(raw).ok()
}

/// `name` in ASCII lower case, in `buf`; names longer than it come back as `""` (no element
/// [`analyze`] looks at is that long).
fn lower<'b>(name: &str, buf: &'b mut [u8; 12]) -> &'b str {
    let Some(dst) = buf.get_mut(..name.len()) else {
        return "";
    };
    dst.copy_from_slice(name.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).unwrap_or("")
}

/// An open element of [`analyze`]'s walk.
struct Open<'a> {
    /// The tag name as written (end tags are matched case-insensitively).
    name: &'a str,
    /// The block this element's text counts to: its own id, or its parent's.
    block: usize,
    /// It is a skipped element (`head`, `select`, `template`, …).
    skipped: bool,
    /// Its index in [`Walk::open`], for the elements that one counts.
    tracked: Option<usize>,
    /// Its index in the raw links, for an `a` with an `href`.
    href: Option<usize>,
}

/// The state of [`analyze`]'s walk: the open elements and what they add up to.
#[derive(Default)]
struct Walk<'a> {
    stack: Vec<Open<'a>>,
    /// Open skipped elements.
    skipped: usize,
    /// The innermost open `a` with an `href`, collecting its text.
    link: Option<usize>,
    /// Characters per block id; 0 is the body.
    blocks: Vec<usize>,
    /// How many of each [`tracked`] element are open, so that implied end tags look at the
    /// stack only when there is something to close.
    open: [usize; TRACKED],
    out: Analysis,
    /// Characters and sentence marks of the current run of non-link text.
    run: usize,
    run_punct: usize,
    /// Characters of link text since the innermost link opened.
    link_run: usize,
    /// The block of the run's last text.
    run_block: usize,
    /// The two longest finished runs (characters, sentence marks).
    runs: [(usize, usize); 2],
    /// Finished runs that read as prose.
    prose_runs: usize,
    /// Text of `<title>`.
    title: String,
    /// Non-link text of the open `<h1>`–`<h3>`, and of the closed ones (at most a few).
    heading: Option<String>,
    headings: Vec<String>,
}

/// What [`analyze`] needs to know of a lower-case tag name, as bits.
const BLOCK: u8 = 1;
const SKIP: u8 = 2;
const VOID_EL: u8 = 4;
const CLOSES_P_EL: u8 = 8;
const IN_HEAD: u8 = 16;

fn class(tag: &str) -> u8 {
    match tag {
        "p" | "div" | "li" | "dd" | "dt" | "article" | "section" | "main" | "blockquote"
        | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "ul" | "ol" | "center"
        | "form" => BLOCK | CLOSES_P_EL,
        "td" | "th" | "body" => BLOCK,
        "address" | "aside" | "details" | "dir" | "dl" | "fieldset" | "figcaption" | "figure"
        | "footer" | "header" | "menu" | "nav" => CLOSES_P_EL,
        "hr" => CLOSES_P_EL | VOID_EL,
        "script" | "style" | "noscript" | "title" | "template" | "head" => SKIP | IN_HEAD,
        "select" | "option" | "textarea" => SKIP,
        "meta" | "link" | "base" => VOID_EL | IN_HEAD,
        "area" | "br" | "col" | "embed" | "img" | "input" | "param" | "source" | "track"
        | "wbr" | "frame" | "keygen" => VOID_EL,
        _ => 0,
    }
}

/// Elements whose start tag may close an open one of their kind (see [`Walk::close_within`]),
/// with `a` (inside a link or not) and `head` (left at the first body content).
const TRACKED: usize = 10;
/// The [`tracked`] slots of `a` and `head`.
const A: usize = 8;
const HEAD: usize = 9;

fn tracked(tag: &str) -> Option<usize> {
    Some(match tag {
        "p" => 0,
        "li" => 1,
        "dd" => 2,
        "dt" => 3,
        "td" => 4,
        "th" => 5,
        "tr" => 6,
        "option" => 7,
        "a" => A,
        "head" => HEAD,
        _ => return None,
    })
}

impl<'a> Walk<'a> {
    fn start(
        &mut self,
        tag: &str,
        name: &'a str,
        raw_links: &mut Vec<(String, String)>,
        href: impl FnOnce() -> Option<String>,
    ) {
        let class = class(tag);
        if class & IN_HEAD == 0 {
            self.leave_head();
        }
        match tag {
            "html" | "body" => return,
            "a" => self.close_within("a", &["td", "th"]),
            "li" => self.close_within("li", &["ul", "ol", "table", "td", "th"]),
            "dd" | "dt" => {
                self.close_within("dd", &["dl", "table", "td", "th"]);
                self.close_within("dt", &["dl", "table", "td", "th"]);
            }
            "td" | "th" => {
                self.close_within("td", &["table", "tr"]);
                self.close_within("th", &["table", "tr"]);
            }
            "tr" => {
                self.close_within("tr", &["table"]);
            }
            "option" => self.close_within("option", &["select"]),
            _ => {}
        }
        if class & CLOSES_P_EL != 0 {
            self.close_within("p", &["table", "td", "th", "button", "caption"]);
        }
        if class & VOID_EL != 0 {
            return;
        }
        let parent_block = self.stack.last().map_or(0, |o| o.block);
        let block = if class & BLOCK != 0 {
            self.blocks.push(0);
            self.blocks.len() - 1
        } else {
            parent_block
        };
        let skipped = class & SKIP != 0;
        self.skipped += usize::from(skipped);
        let mut link = None;
        if tag == "a"
            && let Some(h) = href()
        {
            raw_links.push((h, String::new()));
            link = Some(raw_links.len() - 1);
            self.link = link;
        }
        let tracked = tracked(tag);
        if let Some(t) = tracked {
            self.open[t] += 1;
        }
        if tracked == Some(A) {
            self.link_run = 0;
        }
        if matches!(tag, "h1" | "h2" | "h3") && self.heading.is_none() {
            self.heading = Some(String::new());
        }
        self.stack.push(Open {
            name,
            block,
            skipped,
            tracked,
            href: link,
        });
    }

    fn end(&mut self, tag: &str, name: &str) {
        let bounds: &[&str] = match tag {
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" => &["table"],
            "table" | "html" | "body" => &[],
            _ => &["td", "th", "table", "caption"],
        };
        if tag == "head" {
            self.leave_head();
            return;
        }
        let mut found = None;
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.name.eq_ignore_ascii_case(name) {
                found = Some(i);
                break;
            }
            if bounds.iter().any(|b| o.name.eq_ignore_ascii_case(b)) {
                break;
            }
        }
        if let Some(i) = found {
            self.pop_to(i);
        }
    }

    /// Closes the innermost open `tag` unless one of `bounds` is open inside it.
    fn close_within(&mut self, tag: &str, bounds: &[&str]) {
        if tracked(tag).is_some_and(|t| self.open[t] == 0) {
            return;
        }
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.name.eq_ignore_ascii_case(tag) {
                self.pop_to(i);
                return;
            }
            if bounds.iter().any(|b| o.name.eq_ignore_ascii_case(b)) {
                return;
            }
        }
    }

    /// A link in `block` ended: a short one inside the block of running text (a keyword link
    /// in a paragraph) leaves the run going, any other (a list item's title) ends it.
    fn link_closed(&mut self, block: usize) {
        if self.link_run > INLINE_LINK_CHARS
            || self.run < INLINE_LINK_AFTER
            || block != self.run_block
        {
            self.end_run();
        }
        self.link_run = 0;
    }

    /// Ends the current run of non-link text, keeping the two longest that read as prose
    /// (two sentence marks at least, about one in 40 characters at least: report text has one
    /// in 10–20, a footer of addresses and phone numbers next to none).
    fn end_run(&mut self) {
        let run = (self.run, self.run_punct);
        self.run = 0;
        self.run_punct = 0;
        if run.1 < 2 || run.1 * 40 < run.0 {
            return;
        }
        if run.0 >= PROSE_CHARS {
            self.prose_runs += 1;
        }
        if run.0 > self.runs[0].0 {
            self.runs = [run, self.runs[0]];
        } else if run.0 > self.runs[1].0 {
            self.runs[1] = run;
        }
    }

    /// Ends an open `head` (with what is open inside it).
    fn leave_head(&mut self) {
        if self.open[HEAD] == 0 {
            return;
        }
        if let Some(i) = self
            .stack
            .iter()
            .position(|o| o.name.eq_ignore_ascii_case("head"))
        {
            self.pop_to(i);
        }
    }

    /// Closes the element at stack index `i` and everything opened inside it.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            let Some(o) = self.stack.pop() else { break };
            self.skipped -= usize::from(o.skipped);
            if let Some(t) = o.tracked {
                self.open[t] -= 1;
                if t == A {
                    self.link_closed(o.block);
                }
            }
            if ["h1", "h2", "h3"]
                .iter()
                .any(|h| o.name.eq_ignore_ascii_case(h))
                && let Some(h) = self.heading.take()
                && self.headings.len() < 8
            {
                self.headings.push(h.split_whitespace().collect());
            }
            if o.href.is_some() {
                self.link = self.stack.iter().rev().find_map(|o| o.href);
            }
        }
    }
}

/// [`analyze`] by a full html5ever parse: the reference its equivalence test holds it to.
#[cfg(test)]
pub(crate) fn analyze_dom(html: &str, page_url: &Url) -> Analysis {
    use scraper::{Html, Node, Selector};
    use std::collections::HashMap;

    let doc = Html::parse_document(html);
    let base = Selector::parse("base[href]")
        .ok()
        .and_then(|s| {
            doc.select(&s)
                .next()
                .and_then(|b| b.value().attr("href"))
                .map(str::to_owned)
        })
        .and_then(|h| page_url.join(h.trim()).ok())
        .unwrap_or_else(|| page_url.clone());

    let mut out = Analysis::default();
    let sel =
        Selector::parse("a[href], area[href], frame[src], iframe[src]").expect("static selector");
    for el in doc.select(&sel) {
        let raw = el
            .value()
            .attr("href")
            .or_else(|| el.value().attr("src"))
            .unwrap_or_default();
        let Some(url) = link_target(&base, raw) else {
            continue;
        };
        let text = el.text().collect::<Vec<_>>().join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.links.push(Link { url, text });
    }

    let scripts = Selector::parse("script").expect("static selector");
    for el in doc.select(&scripts) {
        let code: String = el.text().collect();
        out.links
            .extend(pagination::script_page_links(&code, &base));
    }

    let mut content = std::hash::DefaultHasher::new();
    if let Ok(img) = Selector::parse("img[src]") {
        for el in doc.select(&img) {
            el.value()
                .attr("src")
                .unwrap_or_default()
                .hash(&mut content);
        }
    }
    let mut per_block: HashMap<_, usize> = HashMap::new();
    for node in doc.tree.nodes() {
        let Node::Text(text) = node.value() else {
            continue;
        };
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if chars == 0 {
            continue;
        }
        let mut in_link = false;
        let mut skipped = false;
        let mut block = None;
        for anc in node.ancestors() {
            if let Node::Element(e) = anc.value() {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    skipped = true;
                    break;
                }
                if name == "a" {
                    in_link = true;
                }
                if block.is_none() && BLOCKS.contains(&name) {
                    block = Some(anc.id());
                }
            }
        }
        if skipped {
            continue;
        }
        if in_link {
            out.link_chars += chars;
        } else {
            let t: &str = text;
            t.hash(&mut content);
            out.text_chars += chars;
            if let Some(b) = block {
                *per_block.entry(b).or_default() += chars;
            }
        }
    }
    out.longest_block = per_block.values().copied().max().unwrap_or(0);
    out.fingerprint = content.finish();
    out
}

/// What a sitemap lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Sitemap {
    /// `<loc>`s of a `<urlset>` (pages) or a `<sitemapindex>` (other sitemaps).
    pub(crate) locs: Vec<String>,
}

/// The body is an XML sitemap (`<urlset>` or `<sitemapindex>` near the start).
pub(crate) fn is_sitemap(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]);
    head.contains("<urlset") || head.contains("<sitemapindex")
}

/// The `<loc>`s of a sitemap (either kind); malformed XML yields the locs read before the error.
pub(crate) fn parse_sitemap(bytes: &[u8]) -> Sitemap {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut in_loc = false;
    let mut current = String::new();
    let mut out = Sitemap::default();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"loc" => {
                in_loc = true;
                current.clear();
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"loc" => {
                in_loc = false;
                let loc = current.trim();
                if !loc.is_empty() {
                    out.locs.push(loc.to_owned());
                }
            }
            Ok(Event::Text(t)) if in_loc => {
                if let Ok(s) = t.xml_content() {
                    current.push_str(&s);
                } else {
                    current.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Ok(Event::CData(t)) if in_loc => current.push_str(&String::from_utf8_lossy(&t)),
            Ok(Event::GeneralRef(r)) if in_loc => {
                let name = String::from_utf8_lossy(&r);
                if let Some(num) = name.strip_prefix('#') {
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    current.extend(code.and_then(char::from_u32));
                } else {
                    current.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buf.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/site");

    fn page(path: &str) -> Analysis {
        let bytes = std::fs::read(format!("{SITE}{path}")).unwrap();
        let text = crate::charset::decode(&bytes, Some("text/html")).text;
        analyze(
            &text,
            &Url::parse(&format!("http://127.0.0.1:8000{path}")).unwrap(),
        )
    }

    #[test]
    fn fixture_articles_and_listings_are_told_apart() {
        for p in [
            "/baogao/hb/6731.html",
            "/baogao/hb/5955.html",
            "/baogao/hb/5955_3.html",
            "/baogao/hb/7861.html",
            "/baogao/hb/6000.html",
            "/baogao/huadong/5905.html",
        ] {
            let a = page(p);
            assert!(
                a.is_article(),
                "{p}: {:?}",
                (a.text_chars, a.link_chars, a.longest_block)
            );
        }
        for p in [
            "/index.html",
            "/baogao/index.html",
            "/baogao/hb/index.html",
            "/baogao/db/index.html",
            "/sitemap.html",
            "/about/index.html",
            "/gongbao/index.html",
        ] {
            let a = page(p);
            assert!(
                !a.is_article(),
                "{p}: {:?}",
                (a.text_chars, a.link_chars, a.longest_block)
            );
        }
    }

    fn read(html: &str, url: &str) -> Analysis {
        analyze(html, &Url::parse(url).unwrap())
    }

    /// Navigation, a related list and a comment form around `body`.
    fn wrapped(body: &str, bar: &str) -> String {
        let nav = (0..40)
            .map(|i| format!("<li><a href=/c/{i}.html>栏目{i}</a></li>"))
            .collect::<Vec<_>>()
            .concat();
        let related = (0..12)
            .map(|i| format!("<li><a href=/a/{i}.html>某县{i}年政府工作报告全文发布</a><span>2013-01-0{}</span></li>", i % 9 + 1))
            .collect::<Vec<_>>()
            .concat();
        format!(
            "<html><head><title>某县2013年政府工作报告（摘要）_某某网</title></head><body><ul>{nav}</ul>\
             <h1>某县2013年政府工作报告（摘要）</h1><div class=info>发布时间：2013-01-25</div>\
             <div class=content>{body}</div><div class=pages>{bar}</div><ul>{related}</ul>\
             <form>昵称：<input name=u><textarea>说两句</textarea><button>发表评论</button></form></body></html>"
        )
    }

    const SHORT: &str = "<p>各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。</p>\
        <p>今年经济社会发展的主要预期目标是：地区生产总值增长10%左右，一般公共预算收入增长12%。</p>\
        <p>全社会固定资产投资增长20%，城镇新增就业3000人以上。</p>";

    #[test]
    fn a_short_report_page_in_boilerplate_is_an_article() {
        let html = wrapped(
            SHORT,
            "<a href=5955_2.html>2</a><a href=5955_2.html>下一页</a>",
        );
        for url in [
            "http://a/hb/5955.html",
            "http://a/hb/report.php",
            "http://a/hb/",
        ] {
            let a = read(&html, url);
            assert!(a.is_article(), "{url}: {:?}", a.signals);
        }
        let a = read(&html, "http://a/hb/5955.html");
        assert!(a.link_chars > a.text_chars, "the links outweigh the text");
        assert!(a.longest_block < ARTICLE_BLOCK_CHARS);
        assert!(a.signals.multi_page && a.signals.title_heading && a.signals.labelled_date);
        // its later part, with a paragraph shorter still
        let part2 = wrapped(
            "<p>三是统筹城乡发展，推进新型城镇化，加强农田水利建设，促进农民持续增收。</p>",
            "<a href=5955.html>上一页</a><a href=5955.html>1</a>",
        );
        let a = read(&part2, "http://a/hb/5955_2.html");
        assert!(a.signals.multi_page && a.is_article(), "{:?}", a.signals);
    }

    #[test]
    fn keyword_links_do_not_cut_the_main_run() {
        let body = SHORT.replace("地区生产总值", "<a href=/tag/gdp>地区生产总值</a>");
        let a = read(&wrapped(&body, ""), "http://a/x/about.html");
        assert!(a.signals.main_run > 100, "{:?}", a.signals);
        assert!(a.is_article());
    }

    #[test]
    fn listings_stay_listings() {
        let items = (0..20)
            .map(|i| format!("<li><a href=/hb/{i}.html>某县{i}年政府工作报告</a><span>2013-01-{:02}</span></li>", i + 1))
            .collect::<Vec<_>>()
            .concat();
        let bar = "<a href=index_2.html>2</a><a href=index_2.html>下一页</a>";
        let html = format!(
            "<html><head><title>政府工作报告_某某网</title></head><body><h2>政府工作报告</h2>\
             <p>本栏目收录历年政府工作报告。</p><ul>{items}</ul>{bar}</body></html>"
        );
        for url in [
            "http://a/hb/",
            "http://a/hb/index_2.html",
            "http://a/hb/5955.html",
        ] {
            let a = read(&html, url);
            assert!(!a.is_article(), "{url}: {:?}", a.signals);
        }
        // the old table layout: titles and dates in one cell
        let rows = (0..20)
            .map(|i| {
                format!(
                    "·<a href=/c/content_{i}.htm>某县{i}年政府工作报告</a> 2013-01-{:02}<br>",
                    i + 1
                )
            })
            .collect::<Vec<_>>()
            .concat();
        let html = format!("<table><tr><td>{rows}</td></tr></table>");
        let a = read(&html, "http://a/old/node_12.htm");
        assert!(a.longest_block >= ARTICLE_BLOCK_CHARS);
        assert!(!a.is_article(), "{:?}", a.signals);
        // a listing of summaries on a listing URL
        let items = (0..8)
            .map(|i| format!("<li><a href=/n/{i}.html>标题{i}</a><p>今年以来，我县坚持稳中求进，经济运行总体平稳，发展质量稳步提升，民生保障持续加强，社会大局和谐稳定，各项事业取得新的进展，全年目标任务圆满完成，人民群众获得感不断增强。{i}</p></li>"))
            .collect::<Vec<_>>()
            .concat();
        let a = read(&format!("<ul>{items}</ul>"), "http://a/news/list_2.html");
        assert!(a.signals.prose_runs >= 4);
        assert!(!a.is_article(), "{:?}", a.signals);
    }

    #[test]
    fn a_footer_without_sentences_is_no_prose() {
        let footer = "<div>版权所有 某某县人民政府办公室 地址 某某县人民路1号 邮编 430000 电话 027-12345678 传真 027-12345679 网站标识码 4201000001 鄂ICP备12345678号 鄂公网安备42010002000001号 技术支持 某某网络科技有限公司 建议使用1024×768分辨率 IE8以上浏览器浏览本站</div>";
        let a = read(footer, "http://a/about.html");
        assert!(a.longest_block >= ARTICLE_BLOCK_CHARS);
        assert_eq!(a.signals.main_run, 0, "no prose");
        assert!(!a.is_article(), "{:?}", a.signals);
        // the same footer below a short article
        let page = format!("<div class=content>{SHORT}</div>{footer}");
        let a = read(&page, "http://a/about.html");
        assert!(a.signals.main_run >= PROSE_STRONG_CHARS, "{:?}", a.signals);
        assert!(a.is_article());
    }

    #[test]
    fn links_are_absolute_and_skip_scripts() {
        let a = page("/baogao/hb/5955.html");
        let urls: Vec<&str> = a.links.iter().map(|l| l.url.as_str()).collect();
        assert!(urls.contains(&"http://127.0.0.1:8000/baogao/hb/5955_2.html"));
        assert!(urls.contains(&"http://127.0.0.1:8000/baogao/hb/8007.html"));
        assert!(!urls.iter().any(|u| u.starts_with("javascript")));
        let next: Vec<&Link> = a
            .links
            .iter()
            .filter(|l| pagination::bar::is_next_text(&l.text))
            .collect();
        assert_eq!(next.len(), 1);
        assert!(next[0].url.as_str().ends_with("/5955_2.html"));
    }

    /// Every HTML fixture of the repository, decoded.
    fn fixture_pages() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "html" || x == "htm") {
                    out.push(p);
                }
            }
        }
        let mut files = Vec::new();
        walk(std::path::Path::new(SITE), &mut files);
        walk(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/pages")),
            &mut files,
        );
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(&p).unwrap();
                let text = crate::charset::decode(&bytes, Some("text/html")).text;
                (p.display().to_string(), text)
            })
            .collect()
    }

    #[test]
    fn the_scan_reads_the_fixtures_as_a_full_parse_does() {
        let pages = fixture_pages();
        assert!(pages.len() >= 30, "{}", pages.len());
        let url = Url::parse("http://127.0.0.1:8000/baogao/hb/5955.html").unwrap();
        for (path, html) in &pages {
            assert_reads_as_a_parse(html, &url, path);
        }
    }

    /// The scan finds the links, text, link text and longest block that the full parse does.
    fn assert_reads_as_a_parse(html: &str, url: &Url, what: &str) {
        let scan = analyze(html, url);
        let dom = analyze_dom(html, url);
        assert_eq!(scan.links, dom.links, "{what}: links");
        assert_eq!(
            (scan.text_chars, scan.link_chars, scan.longest_block),
            (dom.text_chars, dom.link_chars, dom.longest_block),
            "{what}: text, link text, longest block by the scan and by html5ever"
        );
    }

    #[test]
    fn malformed_markup_is_read_as_a_parser_would() {
        let url = Url::parse("http://a/b/").unwrap();
        for html in [
            // unclosed paragraphs and list items, a cell closing a cell
            "<p>one two three<p>four<ul><li><a href=1>x</a><li><a href=2>y</a></ul>",
            "<table><tr><td>aaaa<td><a href='3'>bbb</a><tr><td>cc</table>",
            // a stray end tag, an unclosed link, comments and scripts holding tags
            "<div>text</span> more</div><!-- <a href=no>no</a> --><script>'<a href=no>'</script><a href=4>open",
            // uppercase, entities in the href, text before head ends
            "<HTML><HEAD><TITLE>t</TITLE></HEAD><BODY><A HREF=\"5?a=1&amp;b=2\">&gt;</A></BODY></HTML>",
            "<head><meta charset=utf-8>body text<a href=6>six</a>",
            // a comment ended by `--!>`, a `>` in a quoted value of an end tag, `=` starting
            // an attribute name (the quote after it opens no value)
            "<p>a<!-- x --!><a href=7>seven</a></p title='>'><a href=8>eight</a>",
            "<p =\"><a href=9>nine</a>\">ten</p>",
        ] {
            assert_reads_as_a_parse(html, &url, html);
        }
    }

    #[test]
    fn the_scan_classes_tags_as_the_reference_lists_do() {
        for tag in BLOCKS.iter().filter(|t| **t != "body") {
            assert_ne!(class(tag) & BLOCK, 0, "{tag}");
        }
        for tag in SKIPPED {
            assert_ne!(class(tag) & SKIP, 0, "{tag}");
        }
        for tag in ["a", "span", "font", "b", "tr", "tbody", "html", "x-custom"] {
            assert_eq!(class(tag) & (BLOCK | SKIP), 0, "{tag}");
        }
    }

    #[test]
    fn base_href_is_honoured() {
        let html = r#"<html><head><base href="http://x.gov.cn/a/"></head><body><a href="b.html">b</a></body></html>"#;
        let a = analyze(html, &Url::parse("http://y/z").unwrap());
        assert_eq!(a.links[0].url.as_str(), "http://x.gov.cn/a/b.html");
    }

    #[test]
    fn sitemaps_of_both_kinds() {
        let index = br#"<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>http://a/s1.xml</loc></sitemap><sitemap><loc> http://a/s2.xml?x=1&amp;y=2&#38;z=3 </loc></sitemap></sitemapindex>"#;
        assert!(is_sitemap(index));
        assert_eq!(
            parse_sitemap(index).locs,
            ["http://a/s1.xml", "http://a/s2.xml?x=1&y=2&z=3"]
        );
        let set = std::fs::read(format!("{SITE}/sitemap.xml")).unwrap();
        assert!(is_sitemap(&set));
        assert_eq!(parse_sitemap(&set).locs.len(), 5);
        assert!(!is_sitemap(b"<html><body>urlset</body></html>"));
    }

    #[test]
    fn script_page_bars_are_links_of_the_page() {
        let html = r#"<html><body><p>x</p><div id="page"><script>createPageHTML(2, 0, "t1_99", "shtml");</script></div></body></html>"#;
        let a = analyze(html, &Url::parse("http://a/b/t1_99.shtml").unwrap());
        let urls: Vec<&str> = a.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["http://a/b/t1_99.shtml", "http://a/b/t1_99_1.shtml"]);
    }
}
