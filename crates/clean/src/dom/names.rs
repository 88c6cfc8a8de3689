//! What the walk knows about elements by name: how a tag lays out text,
//! which tags and attributes remove an element, and which class/id words
//! mark boilerplate or content.

use super::Kind;

pub(super) fn kind_of(tag: &str) -> Kind {
    match tag {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "dd" | "pre"
        | "blockquote" | "caption" | "figcaption" | "address" | "center" | "legend" => Kind::Para,
        "div" | "section" | "article" | "main" | "body" | "html" | "ul" | "ol" | "dl" | "form"
        | "fieldset" | "figure" | "header" | "hgroup" | "details" | "summary" | "tbody"
        | "thead" | "tfoot" | "hr" | "nav" | "footer" | "aside" | "menu" | "dir" => Kind::Block,
        "a" => Kind::Anchor,
        "br" => Kind::Br,
        "table" => Kind::Table,
        "tr" => Kind::Row,
        "td" | "th" => Kind::Cell,
        _ => Kind::Inline,
    }
}

/// Elements dropped with everything inside them.
pub(super) fn removed_tag(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "applet"
            | "input"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "nav"
            | "footer"
            | "aside"
            | "title"
    )
}

/// The attributes the walk reads, found in one pass over an element's
/// attributes (scraper's `attr` interns the name it is given on every call).
#[derive(Default, Clone, Copy)]
pub(super) struct Attrs<'a> {
    pub(super) href: bool,
    pub(super) hidden: bool,
    pub(super) aria_hidden: Option<&'a str>,
    pub(super) kind: Option<&'a str>,
    pub(super) style: Option<&'a str>,
    pub(super) class: Option<&'a str>,
    pub(super) id: Option<&'a str>,
    pub(super) name: Option<&'a str>,
    pub(super) property: Option<&'a str>,
    pub(super) itemprop: Option<&'a str>,
    pub(super) content: Option<&'a str>,
    pub(super) datetime: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    pub(super) fn of(el: &'a scraper::node::Element) -> Self {
        Self::from_pairs(el.attrs())
    }

    /// From `(name, value)` pairs in source order; names are matched
    /// ASCII case-insensitively and the first of a repeated name wins, as
    /// the HTML tokenizer does.
    pub(super) fn from_pairs(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut a = Attrs::default();
        let mut lower = [0u8; 16];
        for (k, v) in pairs {
            let Some(buf) = lower.get_mut(..k.len()) else {
                continue;
            };
            buf.copy_from_slice(k.as_bytes());
            buf.make_ascii_lowercase();
            let slot = match &*buf {
                b"href" => {
                    a.href = true;
                    continue;
                }
                b"hidden" => {
                    a.hidden = true;
                    continue;
                }
                b"aria-hidden" => &mut a.aria_hidden,
                b"type" => &mut a.kind,
                b"style" => &mut a.style,
                b"class" => &mut a.class,
                b"id" => &mut a.id,
                b"name" => &mut a.name,
                b"property" => &mut a.property,
                b"itemprop" => &mut a.itemprop,
                b"content" => &mut a.content,
                b"datetime" => &mut a.datetime,
                _ => continue,
            };
            slot.get_or_insert(v);
        }
        a
    }

    pub(super) fn classes(&self) -> impl Iterator<Item = &'a str> {
        self.class.unwrap_or_default().split_ascii_whitespace()
    }
}

/// `style="display:none"`, `hidden`, `aria-hidden="true"`, hidden classes.
pub(super) fn is_hidden(el: &Attrs<'_>) -> bool {
    if el.hidden {
        return true;
    }
    if el
        .aria_hidden
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if el.kind.is_some_and(|v| v.eq_ignore_ascii_case("hidden")) {
        return true;
    }
    if let Some(style) = el.style
        && style_hides(style)
    {
        return true;
    }
    el.classes().any(|c| {
        ["hidden", "hide", "display-none", "sr-only", "d-none"]
            .iter()
            .any(|h| c.eq_ignore_ascii_case(h))
    })
}

/// Whether an inline style hides the element: `display:none`,
/// `visibility:hidden`, or pushed off-screen (`left:-9999px`,
/// `text-indent:-9999px`). Case and spaces are ignored; no allocation.
pub(super) fn style_hides(style: &str) -> bool {
    for decl in style.split(';') {
        let Some((prop, value)) = decl.split_once(':') else {
            continue;
        };
        let prop = prop.trim();
        let value = value.trim();
        let starts = |v: &str, p: &str| {
            v.len() >= p.len() && v.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        if (prop.eq_ignore_ascii_case("display") && starts(value, "none"))
            || (prop.eq_ignore_ascii_case("visibility") && starts(value, "hidden"))
        {
            return true;
        }
        if ["left", "top", "text-indent", "margin-left"]
            .iter()
            .any(|p| prop.eq_ignore_ascii_case(p))
            && let Some(num) = value.strip_prefix('-')
        {
            let digits: &str = &num[..num.find(|c: char| !c.is_ascii_digit()).unwrap_or(num.len())];
            if digits.len() >= 4 {
                return true;
            }
        }
    }
    false
}

/// Class/id tokens that mark boilerplate whatever else the name says
/// (a `match`: a jump on length and bytes, not a scan of a list).
pub(super) fn strong_negative(tok: &str) -> bool {
    matches!(
        tok,
        "nav"
            | "navbar"
            | "navigation"
            | "menu"
            | "submenu"
            | "subnav"
            | "footer"
            | "foot"
            | "sidebar"
            | "comment"
            | "comments"
            | "pinglun"
            | "share"
            | "bdshare"
            | "related"
            | "relate"
            | "xiangguan"
            | "xgwz"
            | "xgxw"
            | "breadcrumb"
            | "breadcrumbs"
            | "crumb"
            | "crumbs"
            | "pagination"
            | "pagelist"
            | "pages"
            | "pagenav"
            | "fenye"
            | "disclaimer"
            | "copyright"
            | "recommend"
            | "commend"
            | "hot"
            | "hotnews"
            | "advert"
            | "advertisement"
            | "ads"
            | "banner"
            | "sitemap"
            | "friendlink"
            | "youqing"
            | "qrcode"
            | "erweima"
            | "ewm"
            | "feedback"
            | "login"
            | "toolbar"
            | "context"
            | "prenext"
            | "pre"
            | "next"
            | "statement"
            | "shengming"
            | "mianze"
            | "meta"
    )
}

/// Class/id tokens that mark boilerplate unless a content token is present too.
pub(super) fn weak_negative(tok: &str) -> bool {
    matches!(
        tok,
        "header"
            | "head"
            | "top"
            | "topbar"
            | "info"
            | "tool"
            | "tools"
            | "tags"
            | "tag"
            | "links"
            | "search"
            | "qr"
            | "print"
            | "place"
            | "location"
            | "position"
            | "weizhi"
            | "ad"
            | "side"
            | "aside"
            | "fujian"
            | "attach"
            | "attachment"
            | "handle"
            | "actbox"
            | "boxoff"
            | "logo"
            | "bottom"
            | "rank"
            | "list"
            | "more"
            | "source"
            | "author"
            | "date"
            | "time"
            | "title"
            | "bq"
            | "keywords"
    )
}

/// Class/id tokens that mark the article body.
pub(super) fn positive(tok: &str) -> bool {
    matches!(
        tok,
        "content"
            | "contents"
            | "article"
            | "trs"
            | "editor"
            | "zoom"
            | "text"
            | "detail"
            | "details"
            | "body"
            | "zw"
            | "zhengwen"
            | "neirong"
            | "nr"
            | "con"
            | "main"
            | "post"
            | "entry"
            | "story"
            | "txt"
            | "fontzoom"
            | "view"
            | "viewbox"
            | "artibody"
            | "ucap"
            | "custom"
            | "unionstyle"
            | "wenzhang"
    )
}

/// Longest class/id token passed on: every name in the lists above, with
/// digits after it, is far shorter, so a longer token (a hash, a generated
/// name) can match none and is skipped.
const MAX_TOKEN: usize = 48;

/// Splits a class/id string into lowercase tokens (`article-con` → `article`, `con`;
/// `TRS_Editor` → `trs`, `editor`; `articleContent` → `article`, `content`).
/// Tokens longer than [`MAX_TOKEN`] are skipped; nothing is allocated.
pub(super) fn for_each_token(s: &str, mut f: impl FnMut(&str)) {
    let mut buf = [0u8; MAX_TOKEN];
    let mut len = 0usize;
    let mut long = false;
    let mut prev_lower = false;
    let mut flush = |buf: &[u8; MAX_TOKEN], len: &mut usize, long: &mut bool| {
        if *len > 0 && !*long {
            // Only ASCII alphanumerics are pushed, so the bytes are UTF-8.
            f(std::str::from_utf8(&buf[..*len]).unwrap_or_default());
        }
        *len = 0;
        *long = false;
    };
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower && len > 0 {
                flush(&buf, &mut len, &mut long);
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            if len < MAX_TOKEN {
                buf[len] = c.to_ascii_lowercase();
                len += 1;
            } else {
                long = true;
            }
        } else {
            flush(&buf, &mut len, &mut long);
            prev_lower = false;
        }
    }
    flush(&buf, &mut len, &mut long);
}

/// (negative, positive, names a title, negative only for naming a title)
/// for an element's class and id.
pub(super) fn semantics(el: &Attrs<'_>) -> (bool, bool, bool, bool) {
    let (mut strong, mut weak, mut pos, mut title) = (false, false, false, false);
    let mut weak_other = false;
    let mut see = |tok: &str| {
        let tok = tok.trim_end_matches(|c: char| c.is_ascii_digit());
        if strong_negative(tok) {
            strong = true;
        } else if weak_negative(tok) {
            weak = true;
            weak_other |= tok != "title";
        }
        if positive(tok) {
            pos = true;
        }
        if tok == "title" || tok == "biaoti" || tok == "bt" {
            title = true;
        }
    };
    if let Some(id) = el.id {
        for_each_token(id, &mut see);
    }
    for c in el.classes() {
        for_each_token(c, &mut see);
    }
    let negative = strong || (weak && !pos);
    (
        negative,
        pos && !strong,
        title,
        negative && !strong && !weak_other,
    )
}

/// Chinese sentence punctuation, counted as evidence of prose.
pub(super) fn is_cn_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | '、' | '；' | '：' | '！' | '？' | '“' | '”'
    )
}
