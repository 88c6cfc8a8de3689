//! Text output of the main block: block elements and `<br>` end lines,
//! inline runs join without spaces, data tables become tab-separated rows.

use crate::dom::{El, Flat, Kind, NONE, Tok};
use crate::text::{CELL_MARK, count_chars, is_furniture, normalize_line};

/// One output line before the document-level filters.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub(crate) text: String,
}

struct Builder {
    raw: String,
    link_chars: usize,
    norm: String,
    lines: Vec<Line>,
    max_link_density: f64,
    row: bool,
}

impl Builder {
    fn flush(&mut self) {
        if self.raw.is_empty() {
            return;
        }
        normalize_line(&self.raw, &mut self.norm);
        let total = count_chars(&self.raw);
        let link_share = if total == 0 {
            0.0
        } else {
            self.link_chars as f64 / total as f64
        };
        let keep = !self.norm.is_empty()
            && (self.row || (link_share <= self.max_link_density && !is_furniture(&self.norm)));
        if keep {
            self.lines.push(Line {
                text: self.norm.clone(),
            });
        }
        self.raw.clear();
        self.link_chars = 0;
        self.row = false;
    }
}

/// Whether a descendant of the main block is boilerplate to skip whole.
fn skip(el: &El, max_link_density: f64) -> bool {
    if el.removed {
        return true;
    }
    // Boilerplate names count on blocks only: a `<span class=time>` inside a
    // sentence is part of the sentence.
    if el.negative && !el.title_only && !matches!(el.kind, Kind::Inline | Kind::Anchor | Kind::Br) {
        return true;
    }
    matches!(el.kind, Kind::Block | Kind::Para | Kind::Table)
        && el.tot_chars >= 2
        && el.link_density() > max_link_density
}

/// The lines of the `roots` subtrees, in order, and whether a data table was among them.
pub(crate) fn emit(flat: &Flat<'_>, roots: &[u32], max_link_density: f64) -> (Vec<Line>, bool) {
    let mut b = Builder {
        raw: String::with_capacity(1024),
        link_chars: 0,
        norm: String::with_capacity(1024),
        lines: Vec::new(),
        max_link_density,
        row: false,
    };
    let mut has_table = false;
    for &root in roots {
        let r = &flat.els[root as usize];
        let (start, end) = (r.open as usize + 1, r.close as usize);
        let mut t = start;
        let mut link_depth = 0usize;
        // Data-table state: nesting of data cells, and whether the current row has a cell yet.
        let mut in_data_cell = 0usize;
        let mut pre_depth = 0usize;
        let mut row_has_cell = false;
        while t < end {
            match flat.toks[t] {
                Tok::Open(i) => {
                    let el = &flat.els[i as usize];
                    if skip(el, max_link_density) {
                        t = el.close as usize + 1;
                        continue;
                    }
                    let data = el.table != NONE && flat.is_data_table(el.table);
                    pre_depth += usize::from(el.pre);
                    match el.kind {
                        Kind::Anchor => link_depth += 1,
                        Kind::Br | Kind::Block | Kind::Para if in_data_cell > 0 => b.raw.push(' '),
                        Kind::Row if data => {
                            b.flush();
                            row_has_cell = false;
                            has_table = true;
                        }
                        Kind::Cell if data => {
                            if row_has_cell {
                                b.raw.push(CELL_MARK);
                            }
                            row_has_cell = true;
                            b.row = true;
                            in_data_cell += 1;
                        }
                        Kind::Br
                        | Kind::Block
                        | Kind::Para
                        | Kind::Table
                        | Kind::Row
                        | Kind::Cell => b.flush(),
                        Kind::Inline => {}
                    }
                }
                Tok::Close(i) => {
                    let el = &flat.els[i as usize];
                    let data = el.table != NONE && flat.is_data_table(el.table);
                    pre_depth -= usize::from(el.pre && pre_depth > 0);
                    match el.kind {
                        Kind::Anchor => link_depth = link_depth.saturating_sub(1),
                        Kind::Block | Kind::Para if in_data_cell > 0 => b.raw.push(' '),
                        Kind::Cell if data => in_data_cell = in_data_cell.saturating_sub(1),
                        Kind::Block | Kind::Para | Kind::Table | Kind::Row | Kind::Cell => {
                            b.flush();
                        }
                        Kind::Br | Kind::Inline => {}
                    }
                }
                Tok::Text(s) if pre_depth > 0 && in_data_cell == 0 => {
                    for (k, piece) in s.split('\n').enumerate() {
                        if k > 0 {
                            b.flush();
                        }
                        b.raw.push_str(piece);
                        if link_depth > 0 {
                            b.link_chars += count_chars(piece);
                        }
                    }
                }
                Tok::Text(s) => {
                    b.raw.push_str(s);
                    if link_depth > 0 {
                        b.link_chars += count_chars(s);
                    }
                }
            }
            t += 1;
        }
        b.flush();
    }
    (b.lines, has_table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::flatten;
    use scraper::Html;

    fn lines_of(body: &str) -> Vec<String> {
        let doc = Html::parse_document(&format!("<body><div id=x>{body}</div></body>"));
        let flat = flatten(&doc, &[], &[]);
        let root = flat.els.iter().position(|e| e.parent == flat.body).unwrap();
        emit(&flat, &[root as u32], 0.5)
            .0
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn inline_runs_join_without_spaces() {
        assert_eq!(
            lines_of(
                "<p><span>地区生产总值增长</span><span lang=EN-US>7</span><span>%以上，</span><strong>固定</strong><font>资产</font></p>"
            ),
            ["地区生产总值增长7%以上,固定资产"]
        );
    }

    #[test]
    fn br_and_blocks_make_lines() {
        assert_eq!(
            lines_of("　　第一段。<br>　　第二段。<br/><br/><div>第三段。</div><p>第四段<p>第五段"),
            ["第一段。", "第二段。", "第三段。", "第四段", "第五段"]
        );
    }

    #[test]
    fn data_table_rows_are_tab_separated() {
        let html = "<p>主要指标如下：</p><table><tr><th>指标</th><th>目标</th></tr>\
                    <tr><td><p><span>地区生产总值</span></p></td><td>增长<span>5</span>%</td></tr></table><p>完。</p>";
        assert_eq!(
            lines_of(html),
            [
                "主要指标如下:",
                "指标\t目标",
                "地区生产总值\t增长5%",
                "完。"
            ]
        );
    }

    #[test]
    fn headings_named_title_stay_but_meta_lines_go() {
        assert_eq!(
            lines_of(
                "<p class=MsoTitle>一、2023年工作回顾</p><p>正文。</p><div class=date>2023-01-12</div><div class=source>某某日报</div>\
             <p>增长<span class=time>5</span>%。</p>"
            ),
            ["一、2023年工作回顾", "正文。", "增长5%。"]
        );
    }

    #[test]
    fn preformatted_lines_are_paragraphs() {
        assert_eq!(
            lines_of("<pre>　　第一段，内容。\n　　第二段，内容。\n\n三</pre><p>后</p>"),
            ["第一段,内容。", "第二段,内容。", "三", "后"]
        );
    }

    #[test]
    fn layout_table_cells_are_blocks() {
        assert_eq!(
            lines_of("<table><tr><td><p>一段。</p><p>二段。</p></td></tr></table>"),
            ["一段。", "二段。"]
        );
    }

    #[test]
    fn link_lists_and_furniture_are_dropped() {
        let html = "<p>正文第一段。</p><ul><li><a href=1>某市政府工作报告</a></li><li><a href=2>某县政府工作报告</a></li></ul>\
                    <p>附件：<a href=x.pdf>报告.pdf</a></p><p>本文地址：/a.html</p><p>正文第二段，见<a href=y>链接</a>。</p>";
        assert_eq!(lines_of(html), ["正文第一段。", "正文第二段,见链接。"]);
    }
}
