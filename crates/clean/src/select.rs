//! Choosing the main block: text blocks vote for their containers.
//!
//! Each block that owns text (a `<p>`, or a `<div>`/`<td>` holding text and
//! `<br>`s) is worth its non-link characters, weighted by whether it reads as
//! prose (Chinese sentence punctuation) and is long enough to be a paragraph.
//! A paragraph gives its worth to its parent and half to its grandparent; a
//! container holding text itself also keeps it (so on a tie the deeper block
//! wins). Text inside boilerplate-named or removed elements is worth nothing.
//! Candidates are then scaled by link density and a bonus for content-like
//! class/id names. When a sibling of the best block scores at least 30% of
//! it, the text is split over several blocks and their parent is taken;
//! otherwise sibling prose paragraphs (≥ 30 chars, punctuated, no links)
//! join the best block.

use crate::dom::{Flat, Kind, NONE};

/// Tuning knobs taken from the rules.
pub(crate) struct Knobs {
    pub(crate) min_paragraph_chars: u32,
    pub(crate) max_link_density: f64,
}

/// Worth of the text a block owns directly.
fn own_worth(flat: &Flat<'_>, i: usize, k: &Knobs) -> f64 {
    let el = &flat.els[i];
    if el.in_negative || el.own_chars == 0 {
        return 0.0;
    }
    let link = f64::from(el.own_link) / f64::from(el.own_chars);
    if link > k.max_link_density {
        return 0.0;
    }
    let plain = f64::from(el.own_chars - el.own_link);
    let mut w = if el.own_punct > 0 { 1.0 } else { 0.25 };
    if el.own_chars - el.own_link < k.min_paragraph_chars {
        w *= 0.5;
    }
    plain * w
}

/// The selected main-block elements, in document order, or empty when the
/// page has no text block worth anything.
pub(crate) fn choose(flat: &Flat<'_>, k: &Knobs) -> Vec<u32> {
    let n = flat.els.len();
    let mut score = vec![0.0f64; n];
    for i in 0..n {
        let worth = own_worth(flat, i, k);
        if worth <= 0.0 {
            continue;
        }
        let el = &flat.els[i];
        if el.kind != Kind::Para {
            score[i] += worth;
        }
        let owner = el.parent;
        if owner == NONE {
            continue;
        }
        score[owner as usize] += worth;
        let gp = flat.els[owner as usize].parent;
        if gp != NONE {
            score[gp as usize] += worth * 0.5;
        }
    }
    let mut best = NONE;
    let mut best_score = 0.0;
    let mut final_score = vec![0.0f64; n];
    for i in 0..n {
        if score[i] <= 0.0 {
            continue;
        }
        let el = &flat.els[i];
        if el.in_negative || matches!(el.kind, Kind::Inline | Kind::Anchor | Kind::Br | Kind::Row) {
            continue;
        }
        let mut s = score[i] * (1.0 - el.link_density());
        if el.positive {
            s *= 1.25;
        }
        final_score[i] = s;
        // `>=`: on a tie the later (deeper) element wins.
        if s >= best_score {
            best_score = s;
            best = i as u32;
        }
    }
    if best == NONE {
        return Vec::new();
    }
    let mut out = vec![best];
    let parent = flat.els[best as usize].parent;
    if parent != NONE {
        // Siblings that hold a good share of the text, or prose paragraphs
        // standing next to the block (content split across containers).
        let mut sibs = Vec::new();
        let mut near_any = false;
        for (i, el) in flat.els.iter().enumerate() {
            if el.parent != parent || i as u32 == best || el.in_negative {
                continue;
            }
            let near = final_score[i] >= 0.3 * best_score && el.link_density() < 0.25;
            let prose = matches!(el.kind, Kind::Para | Kind::Block)
                && el.tot_chars - el.tot_link >= k.min_paragraph_chars.max(30)
                && el.link_density() < 0.1
                && own_worth(flat, i, k) > 0.0
                && el.own_punct >= 2;
            near_any |= near;
            if near || prose {
                sibs.push(i as u32);
            }
        }
        // The text is split over several substantial blocks: take their
        // parent, so headings and short paragraphs between them come along
        // (boilerplate inside is filtered when the text is written out).
        let p = &flat.els[parent as usize];
        if near_any && !p.in_negative && p.link_density() < 0.3 {
            return vec![parent];
        }
        out.extend(sibs);
        out.sort_unstable();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::flatten;
    use scraper::Html;

    fn knobs() -> Knobs {
        Knobs {
            min_paragraph_chars: 20,
            max_link_density: 0.5,
        }
    }

    fn chosen_ids(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        let flat = flatten(&doc, &[], &[]);
        let picked = choose(&flat, &knobs());
        // Map back to id attributes by walking the tree in the same order.
        let ids: Vec<Option<String>> = doc
            .tree
            .root()
            .descendants()
            .filter_map(|n| n.value().as_element().map(|e| e.id().map(str::to_owned)))
            .collect();
        picked
            .iter()
            .filter_map(|&i| ids[i as usize].clone())
            .collect()
    }

    const PARA: &str =
        "各位代表，过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。";

    #[test]
    fn paragraph_container_beats_link_list() {
        let links: String = (0..30)
            .map(|i| format!("<li><a href='/{i}'>某某市人民政府工作报告第{i}篇全文</a></li>"))
            .collect::<Vec<_>>()
            .concat();
        let paras = format!("<p>{PARA}</p>").repeat(5);
        let html = format!(
            "<body><ul id=hot>{links}</ul><div id=main><div id=body>{paras}</div></div></body>"
        );
        assert_eq!(chosen_ids(&html), ["body"]);
    }

    #[test]
    fn br_text_in_a_cell_is_chosen() {
        let text = format!("{PARA}<br>").repeat(5);
        let html = format!(
            "<body><table><tr><td id=menu><a href=/>首页</a></td><td id=c><font>{text}</font></td></tr></table></body>"
        );
        assert_eq!(chosen_ids(&html), ["c"]);
    }

    #[test]
    fn sibling_paragraphs_join_the_block() {
        let paras = format!("<p>{PARA}</p>").repeat(4);
        let html =
            format!("<body><div id=wrap><div id=a>{paras}</div><p id=tail>{PARA}</p></div></body>");
        assert_eq!(chosen_ids(&html), ["a", "tail"]);
    }

    #[test]
    fn no_text_gives_nothing() {
        assert!(chosen_ids("<body><div><a href=x>首页</a></div></body>").is_empty());
    }
}
