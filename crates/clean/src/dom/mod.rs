//! One parsed page part flattened into a token stream plus per-element facts.
//!
//! The tree is walked once, iteratively, so deeply nested markup cannot
//! overflow the stack: html5ever's tree by ego-tree's `traverse`
//! ([`flatten`]), or the light parser's events ([`flatten_events`]), both
//! through one `Builder`. Every later step (scoring, text
//! output, title and date lookup) works on the flat arrays. `names.rs`
//! holds what is known about tags and class/id words.

mod names;

use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use names::{Attrs, is_cn_punct, is_hidden, kind_of, removed_tag, semantics};
#[cfg(test)]
use names::{for_each_token, style_hides};

/// No parent / no table.
pub(crate) const NONE: u32 = u32::MAX;

/// What an element does to the text layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A container (`div`, `td` of a layout table, `section`, `body`, …).
    Block,
    /// A paragraph-like block (`p`, `h1`–`h6`, `li`, `dd`, `pre`, …).
    Para,
    /// Text-level markup (`span`, `font`, `strong`, …).
    Inline,
    /// `<a>`.
    Anchor,
    /// `<br>`.
    Br,
    /// `<table>`.
    Table,
    /// `<tr>`.
    Row,
    /// `<td>` / `<th>`.
    Cell,
}

/// Facts about one element.
#[derive(Debug, Clone)]
pub(crate) struct El {
    pub(crate) parent: u32,
    pub(crate) kind: Kind,
    /// Token index of the `Open` edge; the `Close` edge is at `close`.
    pub(crate) open: u32,
    pub(crate) close: u32,
    /// Removed with its subtree: scripts, hidden elements, form controls, `drop_selectors`.
    pub(crate) removed: bool,
    /// Class/id says boilerplate (nav, footer, comment, share, related, …).
    pub(crate) negative: bool,
    /// Class/id says content (content, article, TRS_Editor, zoom, …).
    pub(crate) positive: bool,
    /// Negative only because the name says `title`: kept inside the main
    /// block (section headings, `MsoTitle`).
    pub(crate) title_only: bool,
    /// Inside a negative or removed element (or negative itself).
    pub(crate) in_negative: bool,
    /// Nearest enclosing `<table>`, for rows and cells.
    pub(crate) table: u32,
    /// Preformatted (`<pre>`, `<xmp>`, `<listing>`): line breaks are paragraph breaks.
    pub(crate) pre: bool,
    /// Text directly owned by this block (not by a nested block), non-whitespace chars.
    pub(crate) own_chars: u32,
    /// … of which inside links.
    pub(crate) own_link: u32,
    /// … Chinese sentence punctuation marks among them.
    pub(crate) own_punct: u32,
    /// Whole-subtree counts (non-removed text).
    pub(crate) tot_chars: u32,
    pub(crate) tot_link: u32,
}

impl El {
    pub(crate) fn link_density(&self) -> f64 {
        if self.tot_chars == 0 {
            0.0
        } else {
            f64::from(self.tot_link) / f64::from(self.tot_chars)
        }
    }
}

/// One edge of the walk.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Tok<'a> {
    Open(u32),
    Close(u32),
    Text(&'a str),
}

/// A table's shape, to tell data tables from layout tables.
#[derive(Debug, Clone, Default)]
pub(crate) struct TableShape {
    pub(crate) rows: u32,
    pub(crate) max_cells: u32,
    pub(crate) cells_in_row: u32,
    pub(crate) nested_table: bool,
    pub(crate) max_cell_chars: u32,
}

/// The flattened part.
pub(crate) struct Flat<'a> {
    pub(crate) toks: Vec<Tok<'a>>,
    pub(crate) els: Vec<El>,
    /// Text of `<title>`.
    pub(crate) title_tag: Option<String>,
    /// `<meta name|property=… content=…>` pairs, names lowercased.
    pub(crate) metas: Vec<(String, &'a str)>,
    /// `<h1>` elements and elements whose class/id names a title, in order.
    pub(crate) title_candidates: Vec<u32>,
    /// Elements matching `content_selectors`, in order.
    pub(crate) content_hits: Vec<u32>,
    /// `<body>` (or the root element when there is none).
    pub(crate) body: u32,
    /// Shapes of `<table>` elements, indexed by element index (sparse).
    pub(crate) tables: std::collections::HashMap<u32, TableShape>,
}

impl Flat<'_> {
    /// Whether `table` is a data table (rows of short cells) rather than layout.
    pub(crate) fn is_data_table(&self, table: u32) -> bool {
        self.tables.get(&table).is_some_and(|t| {
            t.rows >= 2 && t.max_cells >= 2 && !t.nested_table && t.max_cell_chars <= 150
        })
    }
}

/// Flattens `html`: one pass, no recursion.
pub(crate) fn flatten<'a>(html: &'a Html, drop: &[Selector], content: &[Selector]) -> Flat<'a> {
    use ego_tree::iter::Edge;

    let mut b = Builder::new();
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let matches = |sels: &[Selector]| {
                        !sels.is_empty()
                            && ElementRef::wrap(node)
                                .is_some_and(|er| sels.iter().any(|s| s.matches(&er)))
                    };
                    b.open(
                        e.name(),
                        Attrs::of(e),
                        || matches(drop),
                        || matches(content),
                    );
                }
                Node::Text(t) => b.text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(_) = node.value() {
                    b.close();
                }
            }
        }
    }
    b.finish()
}

/// Flattens the events of the light parser ([`crate::light`]); the same
/// walk as [`flatten`], for pages without CSS selector rules.
pub(crate) fn flatten_events<'a>(events: &'a [crate::light::Ev<'_>]) -> Flat<'a> {
    use crate::light::Ev;

    let mut b = Builder::new();
    for ev in events {
        match ev {
            Ev::Open { tag, attrs } => {
                b.open(tag, Attrs::from_pairs(attrs.pairs()), || false, || false);
            }
            Ev::Text(t) => b.text(t),
            Ev::Close => b.close(),
        }
    }
    b.finish()
}

/// The walk's state: elements are opened, given text and closed in
/// document order, by whichever parser produced the tree.
struct Builder<'a> {
    flat: Flat<'a>,
    /// Open elements, by our index.
    stack: Vec<u32>,
    /// Nearest non-inline block owning text, per open block.
    block_stack: Vec<u32>,
    table_stack: Vec<u32>,
    /// Number of removed elements open.
    removed_depth: usize,
    link_depth: usize,
    /// The `<title>` whose text is being collected.
    title_el: u32,
}

impl<'a> Builder<'a> {
    fn new() -> Self {
        Builder {
            flat: Flat {
                toks: Vec::with_capacity(1024),
                els: Vec::with_capacity(512),
                title_tag: None,
                metas: Vec::new(),
                title_candidates: Vec::new(),
                content_hits: Vec::new(),
                body: NONE,
                tables: std::collections::HashMap::new(),
            },
            stack: Vec::with_capacity(64),
            block_stack: Vec::with_capacity(64),
            table_stack: Vec::new(),
            removed_depth: 0,
            link_depth: 0,
            title_el: NONE,
        }
    }

    fn open(
        &mut self,
        tag: &str,
        attrs: Attrs<'a>,
        in_drop: impl FnOnce() -> bool,
        in_content: impl FnOnce() -> bool,
    ) {
        let flat = &mut self.flat;
        let idx = flat.els.len() as u32;
        let parent = self.stack.last().copied().unwrap_or(NONE);
        let mut kind = kind_of(tag);
        // `<a name=…>` bookmarks (Word exports) are not links.
        if kind == Kind::Anchor && !attrs.href {
            kind = Kind::Inline;
        }
        let parent_removed = self.removed_depth > 0;
        let mut removed = parent_removed || removed_tag(tag) || is_hidden(&attrs);
        if !removed {
            removed = in_drop();
        }
        if tag == "title" && flat.title_tag.is_none() && self.title_el == NONE {
            self.title_el = idx;
        }
        if tag == "meta" {
            let name = attrs.name.or(attrs.property).or(attrs.itemprop);
            if let (Some(n), Some(c)) = (name, attrs.content) {
                flat.metas.push((n.to_ascii_lowercase(), c));
            }
        }
        let (mut negative, positive, names_title, title_only) = semantics(&attrs);
        // An HTML5 `<header>` holds a site banner or an article's title
        // and date, never report text.
        negative |= tag == "header";
        if tag == "time"
            && let Some(dt) = attrs.datetime
        {
            flat.metas.push(("time".to_owned(), dt));
        }
        if !removed && (tag == "h1" || names_title) {
            flat.title_candidates.push(idx);
        }
        if !removed && in_content() {
            flat.content_hits.push(idx);
        }
        if tag == "body" && flat.body == NONE {
            flat.body = idx;
        }
        let table = match kind {
            Kind::Row | Kind::Cell => self.table_stack.last().copied().unwrap_or(NONE),
            _ => NONE,
        };
        if kind == Kind::Table {
            if let Some(&outer) = self.table_stack.last() {
                flat.tables.entry(outer).or_default().nested_table = true;
            }
            self.table_stack.push(idx);
            flat.tables.entry(idx).or_default();
        }
        if kind == Kind::Row && table != NONE {
            let t = flat.tables.entry(table).or_default();
            t.rows += 1;
            t.cells_in_row = 0;
        }
        if kind == Kind::Cell && table != NONE {
            let t = flat.tables.entry(table).or_default();
            t.cells_in_row += 1;
            t.max_cells = t.max_cells.max(t.cells_in_row);
        }
        flat.els.push(El {
            parent,
            kind,
            open: flat.toks.len() as u32,
            close: 0,
            removed,
            negative,
            positive,
            title_only,
            pre: matches!(tag, "pre" | "xmp" | "listing" | "plaintext"),
            // Set after the walk, once subtree sizes are known.
            in_negative: false,
            table,
            own_chars: 0,
            own_link: 0,
            own_punct: 0,
            tot_chars: 0,
            tot_link: 0,
        });
        flat.toks.push(Tok::Open(idx));
        self.stack.push(idx);
        if removed {
            self.removed_depth += 1;
        }
        if kind == Kind::Anchor {
            self.link_depth += 1;
        }
        if !matches!(kind, Kind::Inline | Kind::Anchor | Kind::Br) {
            self.block_stack.push(idx);
        }
    }

    fn text(&mut self, s: &'a str) {
        let flat = &mut self.flat;
        if self.title_el != NONE {
            flat.title_tag.get_or_insert_with(String::new).push_str(s);
        }
        if self.removed_depth > 0 {
            return;
        }
        flat.toks.push(Tok::Text(s));
        if let Some(&b) = self.block_stack.last() {
            let (mut chars, mut punct) = (0u32, 0u32);
            for c in s.chars() {
                if !c.is_whitespace() && c != '\u{3000}' {
                    chars += 1;
                    if is_cn_punct(c) {
                        punct += 1;
                    }
                }
            }
            let el = &mut flat.els[b as usize];
            el.own_chars += chars;
            el.own_punct += punct;
            if self.link_depth > 0 {
                el.own_link += chars;
            }
        }
    }

    fn close(&mut self) {
        let Some(idx) = self.stack.pop() else { return };
        let flat = &mut self.flat;
        let close = flat.toks.len() as u32;
        flat.toks.push(Tok::Close(idx));
        let el = &mut flat.els[idx as usize];
        el.close = close;
        if el.removed {
            self.removed_depth -= 1;
        }
        if el.kind == Kind::Anchor {
            self.link_depth -= 1;
        }
        if !matches!(el.kind, Kind::Inline | Kind::Anchor | Kind::Br) {
            self.block_stack.pop();
        }
        if el.kind == Kind::Table {
            self.table_stack.pop();
        }
        if idx == self.title_el {
            self.title_el = NONE;
        }
    }

    fn finish(self) -> Flat<'a> {
        let mut flat = self.flat;
        // Subtree totals: children come after parents, so one reverse pass adds up.
        for i in (0..flat.els.len()).rev() {
            let el = &mut flat.els[i];
            if el.removed {
                el.tot_chars = 0;
                el.tot_link = 0;
                continue;
            }
            el.tot_chars += el.own_chars;
            el.tot_link += el.own_link;
            let (tc, tl, parent) = (el.tot_chars, el.tot_link, el.parent);
            if parent != NONE {
                let p = &mut flat.els[parent as usize];
                p.tot_chars += tc;
                p.tot_link += tl;
            }
        }
        // A boilerplate name on a wrapper holding much of the page's prose is a
        // layout accident (`page-wrap`, `main-nav-layout`): not boilerplate.
        let root = if flat.body == NONE {
            0
        } else {
            flat.body as usize
        };
        let page_plain = flat.els.get(root).map_or(0, |e| e.tot_chars - e.tot_link);
        for i in 0..flat.els.len() {
            let parent = flat.els[i].parent;
            let parent_neg = parent != NONE && flat.els[parent as usize].in_negative;
            let el = &mut flat.els[i];
            if el.negative
                && el.link_density() < 0.3
                && f64::from(el.tot_chars - el.tot_link) >= 0.4 * f64::from(page_plain)
                && page_plain > 0
            {
                el.negative = false;
            }
            el.in_negative = el.removed || el.negative || parent_neg;
        }
        // Largest cell text per table.
        for el in &flat.els {
            if el.kind == Kind::Cell
                && el.table != NONE
                && let Some(t) = flat.tables.get_mut(&el.table)
            {
                t.max_cell_chars = t.max_cell_chars.max(el.tot_chars);
            }
        }
        if flat.body == NONE && !flat.els.is_empty() {
            flat.body = 0;
        }
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_token(s, |t| v.push(t.to_owned()));
        v
    }

    #[test]
    fn hiding_styles() {
        assert!(style_hides("DISPLAY : None"));
        assert!(style_hides("color:red; visibility:hidden"));
        assert!(style_hides(
            "position: absolute; left: -9999px; top:-9999px"
        ));
        assert!(!style_hides("display:block;text-indent:2em;left:-10px"));
        assert!(!style_hides("font-family:仿宋_GB2312"));
    }

    #[test]
    fn class_names_split_into_tokens() {
        assert_eq!(toks("article-con"), ["article", "con"]);
        assert_eq!(toks("TRS_Editor"), ["trs", "editor"]);
        assert_eq!(toks("articleContent"), ["article", "content"]);
        assert_eq!(toks("dede_pages"), ["dede", "pages"]);
        assert_eq!(toks(&format!("x-{}-con", "ab".repeat(30))), ["x", "con"]);
        assert_eq!(toks("正文 zw"), ["zw"]);
    }

    #[test]
    fn hidden_and_scripts_are_removed_and_totals_add_up() {
        let html = Html::parse_document(
            "<body><div id=a><p>一二三，四</p><div style='display: none'>隐藏</div>\
             <script>var x</script><a href=x>链接</a></div></body>",
        );
        let flat = flatten(&html, &[], &[]);
        let div = flat
            .els
            .iter()
            .find(|e| e.kind == Kind::Block && e.own_link > 0)
            .unwrap();
        assert_eq!(div.tot_chars, 7);
        assert_eq!(div.tot_link, 2);
        assert!(flat.els.iter().any(|e| e.removed));
        assert!(
            !flat
                .toks
                .iter()
                .any(|t| matches!(t, Tok::Text(s) if s.contains("隐藏") || s.contains("var")))
        );
    }

    #[test]
    fn one_pass_over_attributes_reads_what_attr_reads() {
        let html = Html::parse_document(
            "<body><A HREF=x Class='a  Hidden' ID=i STYLE='display:none' aria-hidden=TRUE>x</A>\
             <meta NAME=PubDate content=2023-01-12><meta property=og:x itemprop=y content=z>\
             <input type=hidden hidden><time datetime=2024-02-03>t</time><p class=a class=b>p</p></body>",
        );
        for node in html.tree.nodes() {
            let Node::Element(e) = node.value() else {
                continue;
            };
            let a = Attrs::of(e);
            assert_eq!(a.href, e.attr("href").is_some());
            assert_eq!(a.hidden, e.attr("hidden").is_some());
            for (mine, name) in [
                (a.aria_hidden, "aria-hidden"),
                (a.kind, "type"),
                (a.style, "style"),
                (a.class, "class"),
                (a.id, "id"),
                (a.name, "name"),
                (a.property, "property"),
                (a.itemprop, "itemprop"),
                (a.content, "content"),
                (a.datetime, "datetime"),
            ] {
                assert_eq!(mine, e.attr(name), "{name} of <{}>", e.name());
            }
            // scraper keeps classes in a set; only membership is used.
            let (mut mine, mut theirs): (Vec<_>, Vec<_>) =
                (a.classes().collect(), e.classes().collect());
            mine.sort_unstable();
            theirs.sort_unstable();
            assert_eq!(mine, theirs);
        }
    }

    #[test]
    fn semantics_of_names() {
        let html = Html::parse_document(
            "<div class='article-meta'></div><div class='article-con'></div><div class='pinglun-content'></div>",
        );
        let flat = flatten(&html, &[], &[]);
        let divs: Vec<_> = flat.els.iter().filter(|e| e.parent == flat.body).collect();
        let n = divs.len();
        assert_eq!(n, 3);
        assert!(divs[n - 3].negative && !divs[n - 3].positive);
        assert!(divs[n - 2].positive && !divs[n - 2].negative);
        assert!(divs[n - 1].negative);
    }
}
