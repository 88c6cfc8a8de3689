//! The first target a story sets on its own before the cue of "the others"
//! (…将今年全省地区生产总值增长预期目标设定为5.5%左右。其他主要预期目标是：…):
//! a reader takes it as one of the year's targets with the list.

use super::sentence_start;
use crate::clause::Patterns;
use crate::explain::Trace;
use crate::indicator::Dictionary;
use crate::item::{Item, Mode};
use crate::norm::{Norm, sentences};

/// The words by which a cue announces the targets other than those told.
pub(super) const OTHER_WORDS: [&str; 3] = ["其他", "其余", "其它"];

/// How many paragraphs before a cue of the others opening its paragraph the
/// first target is looked for (报告把…增长目标锁定在8%左右。\n划重点：…\n其他
/// 主要预期目标👇).
const LOOK_BACK_PARAGRAPHS: usize = 3;

/// The items of the nearest sentence before the cue ending at `cue_end` in
/// paragraph `i` that sets targets, when the cue names the others, without
/// those `items` (the list) gives again; empty when it does not.
pub(super) fn first_before_the_others(
    n: &Norm,
    paras: &[(usize, usize)],
    (i, cue_end): (usize, usize),
    items: &[Item],
    (dict, pat): (&Dictionary, &Patterns),
    foreign: &dyn Fn(&str, bool) -> bool,
    trace: &mut Trace,
) -> Vec<Item> {
    let (s, _) = paras[i];
    let cue_from = sentence_start(n, s, cue_end.saturating_sub(1));
    if !OTHER_WORDS
        .iter()
        .any(|w| n.text(cue_from, cue_end).contains(w))
    {
        return Vec::new();
    }
    // the sentence before the cue's in its paragraph; when the cue opens its
    // paragraph, the last sentences of the paragraphs before it, nearest
    // first, past the remarks on the target (划重点：这个目标比…高0.5个百分点)
    let candidates: Vec<(usize, usize)> = if cue_from > s {
        vec![(sentence_start(n, s, cue_from - 1), cue_from)]
    } else {
        paras[i.saturating_sub(LOOK_BACK_PARAGRAPHS)..i]
            .iter()
            .rev()
            .flat_map(|&(a, b)| sentences(n, a, b).into_iter().rev())
            .collect()
    };
    for (a, b) in candidates {
        if foreign(n.text(a, b), false) {
            continue;
        }
        let first: Vec<Item> = crate::sentence::read_sentence(n, a, b, dict, pat, Mode::Targets)
            .into_iter()
            .filter(|f| !items.iter().any(|it| it.indicator == f.indicator))
            .collect();
        if !first.is_empty() {
            trace.note(n, (a, b), true, || {
                "the first target, set before the cue of the others".to_owned()
            });
            return first;
        }
    }
    Vec::new()
}
