//! The tree builder: insertion modes up to "in body", the stack of open
//! elements, scopes and the list of active formatting elements. It reads
//! `baogao-html`'s tokens and switches that tokenizer to raw text
//! (`Builder::raw`) where the insertion mode says so.

use std::borrow::Cow;

use baogao_html::{Attrs, RawEnd, Tokenizer, decode_exact};

use super::{Ev, tail};
pub(super) use baogao_html::is_space as is_ws;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Initial,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

/// Where a token lands relative to the nearest table element.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ctx {
    Body,
    Table,
    Section,
    Row,
    Cell,
    /// In a `<select>`; `true` when a table is open below it ("in select in table").
    Select(bool),
}

pub(super) struct OpenEl {
    pub(super) name: Cow<'static, str>,
    pub(super) id: u32,
}

#[derive(Clone, Copy)]
pub(super) enum Afe<'a> {
    Marker,
    /// A formatting element: its name, its id on the stack, and the
    /// attributes a reconstruction copies.
    El {
        tag: &'static str,
        id: u32,
        attrs: Attrs<'a>,
    },
}

pub(super) struct Builder<'a> {
    pub(super) ev: Vec<Ev<'a>>,
    pub(super) stack: Vec<OpenEl>,
    /// The list of active formatting elements.
    pub(super) afe: Vec<Afe<'a>>,
    mode: Mode,
    /// The form element pointer.
    pub(super) form: Option<u32>,
    pub(super) next_id: u32,
    /// Drop a `\n` that starts the next token (after `<pre>`, `<listing>`).
    pub(super) skip_lf: bool,
}

/// Elements the cleaner looks at by name (`dom.rs`) and the tree builder
/// treats specially; any other element is opened with the name `""`.
pub(super) fn known(name: &str) -> &'static str {
    macro_rules! names {
        ($($n:literal)*) => {
            match name { $($n => $n,)* _ => "" }
        };
    }
    names!(
        "a" "abbr" "address" "applet" "area" "article" "aside" "audio" "b" "base" "basefont"
        "bgsound" "big" "blockquote" "body" "br" "button" "canvas" "caption" "center" "code"
        "col" "colgroup" "dd" "details" "dialog" "dir" "div" "dl" "dt" "em" "embed" "fieldset"
        "figcaption" "figure" "font" "footer" "form" "frame" "h1" "h2" "h3" "h4" "h5" "h6" "head"
        "header" "hgroup" "hr" "html" "i" "iframe" "img" "input" "keygen" "legend" "li" "link"
        "listing" "main" "map" "math" "menu" "meta" "nav" "nobr" "noembed" "noframes" "noscript"
        "object" "ol" "p" "param" "plaintext" "pre" "s" "script" "search" "section" "select"
        "small" "source" "span" "strike" "strong" "style" "summary" "svg" "table" "tbody" "td"
        "template" "textarea" "tfoot" "th" "thead" "time" "title" "tr" "track" "tt" "u" "ul"
        "video" "wbr" "xmp" "option" "optgroup" "label" "sub" "sup"
    )
}

pub(super) fn special(n: &str) -> bool {
    matches!(
        n,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "keygen"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

pub(super) fn formatting(n: &str) -> bool {
    matches!(
        n,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

pub(super) fn heading(n: &str) -> bool {
    matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn implied_end(n: &str) -> bool {
    matches!(
        n,
        "dd" | "dt" | "li" | "optgroup" | "option" | "p" | "rb" | "rp" | "rt" | "rtc"
    )
}

/// The scope kinds of the standard.
#[derive(Clone, Copy)]
pub(super) enum Scope {
    Default,
    Button,
    ListItem,
    Table,
}

fn bounds(scope: Scope, n: &str) -> bool {
    match scope {
        Scope::Table => matches!(n, "html" | "table" | "template"),
        _ => {
            matches!(
                n,
                "applet"
                    | "caption"
                    | "html"
                    | "table"
                    | "td"
                    | "th"
                    | "marquee"
                    | "object"
                    | "template"
            ) || matches!(
                (scope, n),
                (Scope::Button, "button") | (Scope::ListItem, "ol" | "ul")
            )
        }
    }
}

/// Attributes `dom.rs` reads; an `&` in their values would need decoding.
fn read_attr(name: &str) -> bool {
    [
        "aria-hidden",
        "type",
        "style",
        "class",
        "id",
        "name",
        "property",
        "itemprop",
        "content",
        "datetime",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(name))
}

impl<'a> Builder<'a> {
    pub(super) fn new(html_len: usize) -> Self {
        Builder {
            ev: Vec::with_capacity(html_len / 24),
            stack: Vec::with_capacity(64),
            afe: Vec::new(),
            mode: Mode::Initial,
            form: None,
            next_id: 0,
            skip_lf: false,
        }
    }

    pub(super) fn cur(&self) -> &str {
        self.stack.last().map_or("", |e| &e.name)
    }

    pub(super) fn insert(&mut self, name: &str, attrs: Attrs<'a>) -> Option<()> {
        self.insert_id(name, attrs).map(|_| ())
    }

    /// Opens an element at the current node and gives its id.
    pub(super) fn insert_id(&mut self, name: &str, attrs: Attrs<'a>) -> Option<u32> {
        // deeper than the cap html5ever's input gets (the page is handed over)
        if self.stack.len() >= crate::depth::MAX_DEPTH as usize {
            return None;
        }
        if attrs.raw().contains('&') && attrs.pairs().any(|(n, v)| v.contains('&') && read_attr(n))
        {
            return None;
        }
        let tag = known(name);
        self.ev.push(Ev::Open { tag, attrs });
        self.stack.push(OpenEl {
            name: if tag.is_empty() {
                Cow::Owned(name.to_owned())
            } else {
                Cow::Borrowed(tag)
            },
            id: self.next_id,
        });
        self.next_id += 1;
        Some(self.next_id - 1)
    }

    pub(super) fn void(&mut self, name: &str, attrs: Attrs<'a>) -> Option<()> {
        self.insert(name, attrs)?;
        self.pop();
        Some(())
    }

    pub(super) fn pop(&mut self) {
        if self.stack.pop().is_some() {
            self.ev.push(Ev::Close);
        }
    }

    pub(super) fn pop_until(&mut self, pred: impl Fn(&str) -> bool) {
        while let Some(top) = self.stack.last() {
            let hit = pred(&top.name);
            self.pop();
            if hit {
                break;
            }
        }
    }

    pub(super) fn text(&mut self, t: Cow<'a, str>) {
        self.ev.push(Ev::Text(t));
    }

    pub(super) fn in_scope(&self, scope: Scope, pred: impl Fn(&str) -> bool) -> bool {
        for e in self.stack.iter().rev() {
            if pred(&e.name) {
                return true;
            }
            if bounds(scope, &e.name) {
                return false;
            }
        }
        false
    }

    pub(super) fn id_in_scope(&self, id: u32) -> bool {
        for e in self.stack.iter().rev() {
            if e.id == id {
                return true;
            }
            if bounds(Scope::Default, &e.name) {
                return false;
            }
        }
        false
    }

    pub(super) fn on_stack(&self, id: u32) -> bool {
        self.stack.iter().any(|e| e.id == id)
    }

    pub(super) fn implied_ends(&mut self, except: &str) {
        while implied_end(self.cur()) && self.cur() != except {
            self.pop();
        }
    }

    pub(super) fn close_p(&mut self) {
        if self.in_scope(Scope::Button, |n| n == "p") {
            self.implied_ends("p");
            self.pop_until(|n| n == "p");
        }
    }

    /// Reconstructs the active formatting elements: formatting elements
    /// closed by a block's end (`<p><b>a</p><p>b`) are opened again, with
    /// their attributes, where the next text or inline element goes.
    pub(super) fn reconstruct(&mut self) -> Option<()> {
        let open = |b: &Self, e: &Afe<'_>| match e {
            Afe::Marker => true,
            Afe::El { id, .. } => b.on_stack(*id),
        };
        let Some(last) = self.afe.last() else {
            return Some(());
        };
        if open(self, last) {
            return Some(());
        }
        let mut from = self.afe.len() - 1;
        while from > 0 && !open(self, &self.afe[from - 1]) {
            from -= 1;
        }
        for i in from..self.afe.len() {
            let Afe::El { tag, attrs, .. } = self.afe[i] else {
                return None;
            };
            let id = self.insert_id(tag, attrs)?;
            self.afe[i] = Afe::El { tag, id, attrs };
        }
        Some(())
    }

    pub(super) fn clear_to_marker(&mut self) {
        while let Some(e) = self.afe.pop() {
            if matches!(e, Afe::Marker) {
                break;
            }
        }
    }

    /// Entries since the last marker.
    pub(super) fn afe_tail(&self) -> &[Afe<'a>] {
        let from = self
            .afe
            .iter()
            .rposition(|e| matches!(e, Afe::Marker))
            .map_or(0, |p| p + 1);
        &self.afe[from..]
    }

    pub(super) fn ctx(&self) -> Ctx {
        for (i, e) in self.stack.iter().enumerate().rev() {
            match &*e.name {
                "select" => {
                    let in_table = self.stack[..i].iter().any(|e| e.name == "table");
                    return Ctx::Select(in_table);
                }
                "td" | "th" => return Ctx::Cell,
                "tr" => return Ctx::Row,
                "tbody" | "thead" | "tfoot" => return Ctx::Section,
                "table" => return Ctx::Table,
                _ => {}
            }
        }
        Ctx::Body
    }

    pub(super) fn close_cell(&mut self) {
        self.implied_ends("");
        self.pop_until(|n| n == "td" || n == "th");
        self.clear_to_marker();
    }

    pub(super) fn raw(
        &mut self,
        name: &str,
        attrs: Attrs<'a>,
        tz: &mut Tokenizer<'a>,
        rcdata: bool,
    ) -> Option<()> {
        self.insert(name, attrs)?;
        let raw = tz.raw_text(name);
        // an end tag cut off by the end of the input, or a script the
        // standard may read in its double-escaped state: html5ever's
        if raw.ended == RawEnd::CutEndTag || (name == "script" && raw.maybe_double_escaped()) {
            return None;
        }
        let content = raw.content;
        let mut t = if rcdata {
            decode_exact(content)?
        } else {
            Cow::Borrowed(content)
        };
        if name == "textarea" && t.starts_with('\n') {
            t = tail(t, 1);
        }
        if !t.is_empty() {
            self.text(t);
        }
        self.pop();
        Some(())
    }

    pub(super) fn chars(&mut self, mut t: Cow<'a, str>) -> Option<()> {
        loop {
            let ws = t.bytes().take_while(|&c| is_ws(c)).count();
            match self.mode {
                Mode::Initial | Mode::BeforeHead => {
                    if ws == t.len() {
                        return Some(());
                    }
                    t = tail(t, ws);
                    self.implied_step();
                }
                Mode::InHead | Mode::AfterHead => {
                    if ws > 0 {
                        let lead = match &t {
                            Cow::Borrowed(s) => Cow::Borrowed(&s[..ws]),
                            Cow::Owned(s) => Cow::Owned(s[..ws].to_owned()),
                        };
                        self.text(lead);
                    }
                    if ws == t.len() {
                        return Some(());
                    }
                    t = tail(t, ws);
                    self.implied_step();
                }
                Mode::InBody => {
                    return match self.ctx() {
                        Ctx::Table | Ctx::Section | Ctx::Row => {
                            (ws == t.len()).then_some(())?;
                            self.text(t);
                            Some(())
                        }
                        Ctx::Body | Ctx::Cell => {
                            self.reconstruct()?;
                            self.text(t);
                            Some(())
                        }
                        Ctx::Select(_) => {
                            self.text(t);
                            Some(())
                        }
                    };
                }
            }
        }
    }

    /// What "anything else" does in the modes before `<body>`.
    pub(super) fn implied_step(&mut self) {
        match self.mode {
            Mode::Initial => {
                let _ = self.insert("html", Attrs::default());
                self.mode = Mode::BeforeHead;
            }
            Mode::BeforeHead => {
                let _ = self.insert("head", Attrs::default());
                self.mode = Mode::InHead;
            }
            Mode::InHead => {
                self.pop();
                self.mode = Mode::AfterHead;
            }
            Mode::AfterHead => {
                let _ = self.insert("body", Attrs::default());
                self.mode = Mode::InBody;
            }
            Mode::InBody => {}
        }
    }

    pub(super) fn eof(&mut self) {
        while self.mode != Mode::InBody {
            self.implied_step();
        }
        while !self.stack.is_empty() {
            self.pop();
        }
    }

    pub(super) fn start(
        &mut self,
        name: &str,
        attrs: Attrs<'a>,
        tz: &mut Tokenizer<'a>,
    ) -> Option<()> {
        loop {
            match self.mode {
                Mode::Initial => {
                    if name == "html" {
                        self.insert("html", attrs)?;
                        self.mode = Mode::BeforeHead;
                        return Some(());
                    }
                }
                Mode::BeforeHead => match name {
                    "html" => return None,
                    "head" => {
                        self.insert("head", attrs)?;
                        self.mode = Mode::InHead;
                        return Some(());
                    }
                    _ => {}
                },
                Mode::InHead => match name {
                    "base" | "basefont" | "bgsound" | "link" | "meta" => {
                        return self.void(name, attrs);
                    }
                    "title" => return self.raw(name, attrs, tz, true),
                    "noscript" | "noframes" | "style" | "script" => {
                        return self.raw(name, attrs, tz, false);
                    }
                    "head" => return Some(()),
                    "template" | "html" => return None,
                    _ => {}
                },
                Mode::AfterHead => match name {
                    "body" => {
                        self.insert("body", attrs)?;
                        self.mode = Mode::InBody;
                        return Some(());
                    }
                    "head" => return Some(()),
                    "html" | "frameset" | "base" | "basefont" | "bgsound" | "link" | "meta"
                    | "noframes" | "script" | "style" | "template" | "title" => return None,
                    _ => {}
                },
                Mode::InBody => return self.start_in_body(name, attrs, tz),
            }
            self.implied_step();
        }
    }

    pub(super) fn end(&mut self, name: &str) -> Option<()> {
        loop {
            let structural = matches!(name, "head" | "body" | "html" | "br");
            match self.mode {
                Mode::Initial | Mode::BeforeHead if !structural => return Some(()),
                Mode::InHead if name == "head" => {
                    self.implied_step();
                    return Some(());
                }
                Mode::InHead | Mode::AfterHead if !matches!(name, "body" | "html" | "br") => {
                    return Some(());
                }
                Mode::InBody => return self.end_in_body(name),
                _ => {}
            }
            self.implied_step();
        }
    }
}
