//! The tree builder's "in body" rules and the table modes that fall back
//! to them.

use std::borrow::Cow;

use baogao_html::{Attrs, Tokenizer};

use super::tree::{Afe, Builder, Ctx, Scope, formatting, heading, is_ws, known, special};

/// A start tag's attributes as sorted (lowercase name, value) pairs, the
/// first of a repeated name kept.
fn attr_set(attrs: Attrs<'_>) -> Vec<(String, &str)> {
    let mut v: Vec<(String, &str)> = Vec::new();
    for (n, val) in attrs.pairs() {
        let n = n.to_ascii_lowercase();
        if !v.iter().any(|(k, _)| *k == n) {
            v.push((n, val));
        }
    }
    v.sort_unstable();
    v
}

/// Whether two start tags' attributes are the same set of names and values,
/// or `None` when a value holds a character reference (compared decoded by
/// html5ever).
fn same_attrs(a: Attrs<'_>, b: Attrs<'_>) -> Option<bool> {
    if a.raw() == b.raw() {
        return Some(true);
    }
    if a.raw().contains('&') || b.raw().contains('&') {
        return None;
    }
    Some(attr_set(a) == attr_set(b))
}

/// What closes a `<select>` inside a table.
const TABLE_PARTS: &[&str] = &[
    "caption", "table", "tbody", "tfoot", "thead", "tr", "td", "th",
];

impl<'a> Builder<'a> {
    pub(super) fn start_in_body(
        &mut self,
        name: &str,
        attrs: Attrs<'a>,
        tz: &mut Tokenizer<'a>,
    ) -> Option<()> {
        loop {
            match self.ctx() {
                Ctx::Body => return self.body_start(name, attrs, tz),
                Ctx::Select(in_table) => {
                    if in_table && TABLE_PARTS.contains(&name) {
                        self.pop_until(|n| n == "select");
                        continue;
                    }
                    return self.select_start(name, attrs, tz);
                }
                Ctx::Cell => {
                    if matches!(
                        name,
                        "caption"
                            | "col"
                            | "colgroup"
                            | "tbody"
                            | "td"
                            | "tfoot"
                            | "th"
                            | "thead"
                            | "tr"
                    ) {
                        self.close_cell();
                        continue;
                    }
                    return self.body_start(name, attrs, tz);
                }
                Ctx::Row => match name {
                    "td" | "th" => {
                        self.insert(name, attrs)?;
                        self.afe.push(Afe::Marker);
                        return Some(());
                    }
                    "caption" | "col" | "colgroup" | "tbody" | "tfoot" | "thead" | "tr" => {
                        self.pop();
                    }
                    _ => return self.table_start(name, attrs, tz),
                },
                Ctx::Section => match name {
                    "tr" => return self.insert(name, attrs),
                    "td" | "th" => {
                        self.insert("tr", Attrs::default())?;
                    }
                    "caption" | "col" | "colgroup" | "tbody" | "tfoot" | "thead" => {
                        self.pop();
                    }
                    _ => return self.table_start(name, attrs, tz),
                },
                Ctx::Table => match name {
                    "tbody" | "tfoot" | "thead" => return self.insert(name, attrs),
                    "td" | "th" | "tr" => {
                        self.insert("tbody", Attrs::default())?;
                    }
                    _ => return self.table_start(name, attrs, tz),
                },
            }
        }
    }

    /// Whether a `<select>` is open with only options and option groups above it.
    fn select_in_scope(&self) -> bool {
        for e in self.stack.iter().rev() {
            match &*e.name {
                "select" => return true,
                "option" | "optgroup" => {}
                _ => return false,
            }
        }
        false
    }

    /// Start tags "in select": options, groups and `<hr>`; most others are dropped.
    fn select_start(&mut self, name: &str, attrs: Attrs<'a>, tz: &mut Tokenizer<'a>) -> Option<()> {
        match name {
            "html" => self.body_start(name, attrs, tz),
            "option" | "optgroup" | "hr" => {
                if self.cur() == "option" {
                    self.pop();
                }
                if name != "option" && self.cur() == "optgroup" {
                    self.pop();
                }
                if name == "hr" {
                    self.void(name, attrs)
                } else {
                    self.insert(name, attrs)
                }
            }
            "select" => {
                if self.select_in_scope() {
                    self.pop_until(|n| n == "select");
                }
                Some(())
            }
            "input" | "keygen" | "textarea" => {
                if !self.select_in_scope() {
                    return Some(());
                }
                self.pop_until(|n| n == "select");
                self.start_in_body(name, attrs, tz)
            }
            "script" => self.raw(name, attrs, tz, false),
            "template" => None,
            _ => Some(()),
        }
    }

    /// End tags "in select".
    fn select_end(&mut self, name: &str) -> Option<()> {
        let n = self.stack.len();
        match name {
            "optgroup" => {
                if self.cur() == "option" && n >= 2 && self.stack[n - 2].name == "optgroup" {
                    self.pop();
                }
                if self.cur() == "optgroup" {
                    self.pop();
                }
            }
            "option" if self.cur() == "option" => self.pop(),
            "select" if self.select_in_scope() => self.pop_until(|n| n == "select"),
            "template" => return None,
            _ => {}
        }
        Some(())
    }

    /// Start tags "in table" other than sections, rows and cells.
    pub(super) fn table_start(
        &mut self,
        name: &str,
        attrs: Attrs<'a>,
        tz: &mut Tokenizer<'a>,
    ) -> Option<()> {
        match name {
            "style" | "script" => self.raw(name, attrs, tz, false),
            "input"
                if attrs
                    .pairs()
                    .find(|(n, _)| n.eq_ignore_ascii_case("type"))
                    .is_some_and(|(_, v)| v.eq_ignore_ascii_case("hidden")) =>
            {
                self.void(name, attrs)
            }
            "form" => {
                if self.form.is_none() {
                    self.form = Some(self.insert_id(name, attrs)?);
                    self.pop();
                }
                Some(())
            }
            _ => None,
        }
    }

    pub(super) fn body_start(
        &mut self,
        name: &str,
        attrs: Attrs<'a>,
        tz: &mut Tokenizer<'a>,
    ) -> Option<()> {
        match name {
            "html" | "body" => attrs
                .raw()
                .bytes()
                .all(|c| is_ws(c) || c == b'/')
                .then_some(()),
            "base" | "basefont" | "bgsound" | "link" | "meta" | "param" | "source" | "track" => {
                self.void(name, attrs)
            }
            "noframes" | "style" | "script" | "iframe" | "noembed" | "noscript" => {
                self.raw(name, attrs, tz, false)
            }
            "title" | "textarea" => self.raw(name, attrs, tz, true),
            "xmp" => {
                self.close_p();
                self.reconstruct()?;
                self.raw(name, attrs, tz, false)
            }
            "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog"
            | "dir" | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer" | "header"
            | "hgroup" | "main" | "menu" | "nav" | "ol" | "p" | "search" | "section"
            | "summary" | "ul" => {
                self.close_p();
                self.insert(name, attrs)
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close_p();
                if heading(self.cur()) {
                    self.pop();
                }
                self.insert(name, attrs)
            }
            "pre" | "listing" => {
                self.close_p();
                self.insert(name, attrs)?;
                self.skip_lf = true;
                Some(())
            }
            "form" => {
                if self.form.is_some() {
                    return Some(());
                }
                self.close_p();
                self.form = Some(self.insert_id(name, attrs)?);
                Some(())
            }
            "li" | "dd" | "dt" => {
                let same = |n: &str| {
                    if name == "li" {
                        n == "li"
                    } else {
                        n == "dd" || n == "dt"
                    }
                };
                let mut hit: Option<Cow<'static, str>> = None;
                for e in self.stack.iter().rev() {
                    if same(&e.name) {
                        hit = Some(e.name.clone());
                        break;
                    }
                    if special(&e.name) && !matches!(&*e.name, "address" | "div" | "p") {
                        break;
                    }
                }
                if let Some(h) = hit {
                    self.implied_ends(&h);
                    self.pop_until(|n| n == &*h);
                }
                self.close_p();
                self.insert(name, attrs)
            }
            "button" => {
                if self.in_scope(Scope::Default, |n| n == "button") {
                    return None;
                }
                self.reconstruct()?;
                self.insert(name, attrs)
            }
            "a" | "b" | "big" | "code" | "em" | "font" | "i" | "s" | "small" | "strike"
            | "strong" | "tt" | "u" | "nobr" => {
                self.reconstruct()?;
                let tag = known(name);
                let tail_from = self.afe.len() - self.afe_tail().len();
                if name == "a"
                    && self.afe[tail_from..]
                        .iter()
                        .any(|e| matches!(e, Afe::El { tag: "a", .. }))
                {
                    return None;
                }
                if name == "nobr" && self.in_scope(Scope::Default, |n| n == "nobr") {
                    return None;
                }
                // Noah's ark: at most three entries of one tag and attributes.
                let mut same = Vec::new();
                for (i, e) in self.afe.iter().enumerate().skip(tail_from) {
                    if let Afe::El {
                        tag: t, attrs: a, ..
                    } = *e
                        && t == tag
                        && same_attrs(a, attrs)?
                    {
                        same.push(i);
                    }
                }
                if same.len() >= 3 {
                    self.afe.remove(same[0]);
                }
                let id = self.insert_id(name, attrs)?;
                self.afe.push(Afe::El { tag, id, attrs });
                Some(())
            }
            "table" => {
                if self.in_scope(Scope::Button, |n| n == "p") {
                    return None;
                }
                self.insert(name, attrs)
            }
            "area" | "br" | "embed" | "img" | "keygen" | "wbr" | "input" => {
                self.reconstruct()?;
                self.void(name, attrs)
            }
            "hr" => {
                self.close_p();
                self.void(name, attrs)
            }
            "caption" | "col" | "colgroup" | "frame" | "head" | "tbody" | "td" | "tfoot" | "th"
            | "thead" | "tr" => Some(()),
            "applet" | "marquee" | "object" | "template" | "frameset" | "plaintext" | "image"
            | "rb" | "rp" | "rt" | "rtc" | "math" | "svg" | "isindex" => None,
            "option" | "optgroup" => {
                if self.cur() == "option" {
                    self.pop();
                }
                self.reconstruct()?;
                self.insert(name, attrs)
            }
            // `<select>` too: the modes above follow it ([`Ctx::Select`]).
            _ => {
                self.reconstruct()?;
                self.insert(name, attrs)
            }
        }
    }

    pub(super) fn end_in_body(&mut self, name: &str) -> Option<()> {
        loop {
            match self.ctx() {
                Ctx::Body => return self.body_end(name),
                Ctx::Select(in_table) => {
                    if in_table && TABLE_PARTS.contains(&name) {
                        if !self.in_scope(Scope::Table, |n| n == name) {
                            return Some(());
                        }
                        self.pop_until(|n| n == "select");
                        continue;
                    }
                    return self.select_end(name);
                }
                Ctx::Cell => match name {
                    "td" | "th" => {
                        if self.in_scope(Scope::Table, |n| n == name) {
                            self.implied_ends("");
                            self.pop_until(|n| n == name);
                            self.clear_to_marker();
                        }
                        return Some(());
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" => return Some(()),
                    "table" | "tbody" | "tfoot" | "thead" | "tr" => {
                        if !self.in_scope(Scope::Table, |n| n == name) {
                            return Some(());
                        }
                        self.close_cell();
                    }
                    _ => return self.body_end(name),
                },
                Ctx::Row => match name {
                    "tr" => {
                        self.pop();
                        return Some(());
                    }
                    "table" => self.pop(),
                    "tbody" | "tfoot" | "thead" => {
                        if !self.in_scope(Scope::Table, |n| n == name) {
                            return Some(());
                        }
                        self.pop();
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" | "td" | "th" => {
                        return Some(());
                    }
                    _ => return self.table_end(name),
                },
                Ctx::Section => match name {
                    "tbody" | "tfoot" | "thead" => {
                        if self.in_scope(Scope::Table, |n| n == name) {
                            self.pop();
                        }
                        return Some(());
                    }
                    "table" => self.pop(),
                    "body" | "caption" | "col" | "colgroup" | "html" | "td" | "th" | "tr" => {
                        return Some(());
                    }
                    _ => return self.table_end(name),
                },
                Ctx::Table => match name {
                    "table" => {
                        self.pop_until(|n| n == "table");
                        return Some(());
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" | "tbody" | "td" | "tfoot"
                    | "th" | "thead" | "tr" => return Some(()),
                    _ => return self.table_end(name),
                },
            }
        }
    }

    /// Other end tags "in table": processed as in body (with foster
    /// parenting, which only `</p>` and `</br>` would use: they insert).
    pub(super) fn table_end(&mut self, name: &str) -> Option<()> {
        if matches!(name, "p" | "br") {
            return None;
        }
        self.body_end(name)
    }

    pub(super) fn body_end(&mut self, name: &str) -> Option<()> {
        match name {
            "body" | "html" => Some(()),
            "address" | "article" | "aside" | "blockquote" | "button" | "center" | "details"
            | "dialog" | "dir" | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer"
            | "header" | "hgroup" | "listing" | "main" | "menu" | "nav" | "ol" | "pre"
            | "search" | "section" | "summary" | "ul" => {
                if self.in_scope(Scope::Default, |n| n == name) {
                    self.implied_ends("");
                    self.pop_until(|n| n == name);
                }
                Some(())
            }
            "form" => {
                let Some(id) = self.form.take() else {
                    return Some(());
                };
                if !self.id_in_scope(id) {
                    return Some(());
                }
                self.implied_ends("");
                if self.stack.last().map(|e| e.id) != Some(id) {
                    return None;
                }
                self.pop();
                Some(())
            }
            "p" => {
                if !self.in_scope(Scope::Button, |n| n == "p") {
                    self.insert("p", Attrs::default())?;
                }
                self.close_p();
                Some(())
            }
            "li" => {
                if self.in_scope(Scope::ListItem, |n| n == "li") {
                    self.implied_ends("li");
                    self.pop_until(|n| n == "li");
                }
                Some(())
            }
            "dd" | "dt" => {
                if self.in_scope(Scope::Default, |n| n == name) {
                    self.implied_ends(name);
                    self.pop_until(|n| n == name);
                }
                Some(())
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if self.in_scope(Scope::Default, heading) {
                    self.implied_ends("");
                    self.pop_until(heading);
                }
                Some(())
            }
            "br" => {
                self.reconstruct()?;
                self.void("br", Attrs::default())
            }
            "applet" | "marquee" | "object" | "template" => {
                (!self.in_scope(Scope::Default, |n| n == name)).then_some(())
            }
            _ if formatting(name) => self.adoption(name),
            _ => {
                self.any_other_end(name);
                Some(())
            }
        }
    }

    /// The adoption agency algorithm, where it does not move elements.
    pub(super) fn adoption(&mut self, name: &str) -> Option<()> {
        let tag = known(name);
        if let Some(top) = self.stack.last()
            && *top.name == *name
            && !self
                .afe
                .iter()
                .any(|e| matches!(e, Afe::El { id, .. } if *id == top.id))
        {
            self.pop();
            return Some(());
        }
        let tail_from = self.afe.len() - self.afe_tail().len();
        let Some(pos) = self.afe[tail_from..]
            .iter()
            .rposition(|e| matches!(e, Afe::El { tag: t, .. } if *t == tag))
            .map(|p| tail_from + p)
        else {
            self.any_other_end(name);
            return Some(());
        };
        let Afe::El { id, .. } = self.afe[pos] else {
            return None;
        };
        let Some(at) = self.stack.iter().position(|e| e.id == id) else {
            self.afe.remove(pos);
            return Some(());
        };
        if !self.id_in_scope(id) {
            return Some(());
        }
        if self.stack[at + 1..].iter().any(|e| special(&e.name)) {
            return None;
        }
        while self.stack.len() > at {
            self.pop();
        }
        self.afe.remove(pos);
        Some(())
    }

    pub(super) fn any_other_end(&mut self, name: &str) {
        for i in (0..self.stack.len()).rev() {
            if *self.stack[i].name == *name {
                self.implied_ends(name);
                while self.stack.len() > i {
                    self.pop();
                }
                return;
            }
            if special(&self.stack[i].name) {
                return;
            }
        }
    }
}
