//! Hard-wrapped texts: which line breaks a page put inside a paragraph (a
//! text wrapped at a fixed width), so that the paragraph is read whole.

use super::artefacts::gloss_end;
use super::chars::is_han;
use super::split::BULLETS;

/// The fewest lines of one width that make a text hard-wrapped.
const WRAPPED_LINES_MIN: usize = 3;

/// The share (per cent) of a hard-wrapped text's unfinished lines of half
/// its wrap width or more that end at its wrap width.
const WRAPPED_SHARE_PERCENT: usize = 60;

/// The share (per cent) of a hard-wrapped text's lines that may run past its
/// wrap width (a heading or a table row pasted in).
const LONGER_LINES_PERCENT: usize = 10;

/// The share (per cent) of unfinished lines ending on a figure above which
/// the lines are a list one item a line, not a wrapped paragraph.
const ITEM_LIST_PERCENT: usize = 60;

/// Where a colon after an item's name may stand in its line (in visible
/// chars): after a name of two chars at least, within a short one.
const LABEL_MIN: usize = 2;
const LABEL_MAX: usize = 12;

/// The shortest line (in chars) that may end at a wrap.
const WRAPPED_LINE_MIN: usize = 10;

/// How far (in chars, or display cells) a wrapped line's length may be
/// from the wrap width.
const WRAP_SLACK: usize = 2;

/// Spaces written as HTML entities on pages that escaped them twice (all
/// ASCII, so their length in chars is their length in bytes).
pub(super) const SPACE_ENTITIES: &[&str] = &["&nbsp;", "&#160;", "&ensp;", "&emsp;", "&#12288;"];

/// One line of a text, as [`soft_line_breaks`] weighs it.
struct Line {
    /// Where it ends: at its '\n', or at the text's end.
    end: usize,
    /// Its visible length in chars and in display cells (a CJK char is two).
    measured: [usize; 2],
    /// Long enough to be wrapped and not ending a sentence or a table row.
    unfinished: bool,
    /// Ends on a figure's unit or qualifier (…增长8%左右), as an item does.
    item_end: bool,
    /// Its first three visible chars.
    head: [Option<char>; 3],
    /// Half or more of its visible chars are Han: prose, not a footer's
    /// address, licence number or link.
    prose: bool,
}

/// The line breaks of a hard-wrapped text that fall inside a paragraph (an
/// e-paper's or a PDF's lines of one width: 地区生产总值增 / 长8%左右), sorted:
/// the break after a line of the text's wrap width that does not end a
/// sentence, before a line that does not open an item or a heading. A text
/// whose lines are paragraphs has no wrap width (fewer than
/// [`WRAPPED_LINES_MIN`] unfinished lines of one length) and no soft break.
pub(super) fn soft_line_breaks(src: &[char]) -> Vec<usize> {
    // (most strings normalised are names and clauses of one line)
    if src.iter().filter(|&&c| c == '\n').count() < WRAPPED_LINES_MIN {
        return Vec::new();
    }
    // (a text of paragraphs, whose long lines end their sentences, is not
    // measured: fewer lines than a wrap width needs may be unfinished)
    if maybe_unfinished_lines(src) < WRAPPED_LINES_MIN {
        return Vec::new();
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut s = 0;
    for end in line_ends(src) {
        let (mut chars, mut cells, mut han, mut last) = (0, 0, 0, None);
        let mut head = [None; 3];
        // (a mirror's pinyin glosses were put in after the text was wrapped:
        // they are not measured)
        let mut skip_to = s;
        for (i, &c) in src.iter().enumerate().take(end).skip(s) {
            if i < skip_to || c.is_whitespace() {
                continue;
            }
            if matches!(c, '(' | '（')
                && let Some(g) = gloss_end(src, i)
            {
                skip_to = g;
                continue;
            }
            if chars < 3 {
                head[chars] = Some(c);
            }
            chars += 1;
            han += usize::from(is_han(c));
            cells += if c.is_ascii() { 1 } else { 2 };
            last = Some(c);
        }
        // (a table row, its cells split by tabs or bars, ends where its row does)
        let row = src[s..end].iter().any(|&c| matches!(c, '\t' | '|' | '｜'));
        // (or a line that names its item before a colon: 城乡居民收入：与经济
        // 增长同步, a list written name by name)
        let labelled = src[s..end]
            .iter()
            .filter(|c| !c.is_whitespace())
            .take(LABEL_MAX + 1)
            .skip(LABEL_MIN)
            .any(|&c| matches!(c, '：' | ':'));
        // (or a 数读 card's line: 4.5万人——城镇新增就业)
        let card = || {
            let from = (s..end).find(|&i| !src[i].is_whitespace()).unwrap_or(end);
            card_line_end(src, from, end).is_some()
        };
        let item_end = last.is_some_and(|c| "%‰％右上内下".contains(c)) || labelled || card();
        let unfinished =
            chars >= WRAPPED_LINE_MIN && !row && last.is_some_and(|c| !FINISHED.contains(c));
        lines.push(Line {
            end,
            measured: [chars, cells],
            unfinished,
            item_end,
            head,
            prose: han * 2 >= chars,
        });
        s = end + 1;
    }
    let open: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].unfinished).collect();
    // a list one item a line without punctuation (地区生产总值增长8%左右 / 一般公共
    // 预算收入增长7% / …) has lines of one length too, but most end on a figure:
    // a wrap ends there only by chance
    let item_ends = open.iter().filter(|&&i| lines[i].item_end).count();
    if item_ends * 100 >= open.len() * ITEM_LIST_PERCENT {
        return Vec::new();
    }
    // the wrap width by chars or by cells, whichever more lines share
    // (support: the unfinished lines within the slack of a width)
    // the wrap width: a length (in chars or in cells) that several unfinished
    // lines share and hardly a line runs past (a list of items one a line has
    // lengths all over, so its common lengths have longer lines above them)
    let mut best: Option<(usize, usize, usize)> = None; // (support, kind, width)
    for kind in 0..2 {
        let mut counts = std::collections::BTreeMap::<usize, usize>::new();
        for &i in &open {
            *counts.entry(lines[i].measured[kind]).or_default() += 1;
        }
        let mut all: Vec<usize> = lines.iter().map(|l| l.measured[kind]).collect();
        all.sort_unstable();
        // (a line under half the width is a paragraph's last line, a
        // dateline or a heading, wrapped or not; a footer's line of
        // addresses and numbers is no prose to wrap)
        let mut prose_open: Vec<usize> = open
            .iter()
            .filter(|&&i| lines[i].prose)
            .map(|&i| lines[i].measured[kind])
            .collect();
        prose_open.sort_unstable();
        for &w in counts.keys() {
            let support: usize = counts
                .range(w.saturating_sub(WRAP_SLACK)..=w + WRAP_SLACK)
                .map(|(_, k)| k)
                .sum();
            if support < WRAPPED_LINES_MIN {
                continue;
            }
            let longer = all.len() - all.partition_point(|&m| m <= w + WRAP_SLACK);
            let long_open = prose_open.len() - prose_open.partition_point(|&m| m * 2 < w);
            let fits = support * 100 >= long_open * WRAPPED_SHARE_PERCENT
                && longer * 100 <= lines.len() * LONGER_LINES_PERCENT;
            if fits && best.is_none_or(|(s, _, _)| support > s) {
                best = Some((support, kind, w));
            }
        }
    }
    let Some((_, kind, width)) = best else {
        return Vec::new();
    };
    // a line that opens an item or a heading (●, ——, ①, 一、, 1., （一）, 【…】)
    // starts a paragraph of its own; a dash or a bracket alone goes on a
    // sentence (5.5% / —6%, 增长7% / （同口径）)
    let opens_item = |l: &Line| {
        let [Some(c), d, e] = l.head else {
            return true;
        };
        let numeral = |x: char| x.is_ascii_digit() || super::split::is_cn_numeral(x);
        match (c, d) {
            ('—', Some('—')) | ('【' | '[', _) => true,
            ('（' | '(', Some(d)) => numeral(d),
            // (7.3%以上 goes on a sentence: a decimal, not an item number)
            (c, Some(d)) if numeral(c) => {
                "、是".contains(d) || ".．".contains(d) && !e.is_some_and(|x| x.is_ascii_digit())
            }
            (c, _) => BULLETS.contains(c) || "·>".contains(c) || ('①'..='⑳').contains(&c),
        }
    };
    open.iter()
        .filter(|&&i| {
            i + 1 < lines.len()
                && lines[i].measured[kind].abs_diff(width) <= WRAP_SLACK
                && !opens_item(&lines[i + 1])
        })
        .map(|&i| lines[i].end)
        .collect()
}

/// The end of a 数读 card's line opening at `cs` (6%左右——今年地区生产总值
/// 增长预期目标, 4.5万人——城镇新增就业): its figures open it, a dash or a
/// colon parts it from its caption, which runs to the end of the line in
/// words alone (零 of 零售 is read as 〇; a caption with a figure or a clause of its own, 3010.1亿元
/// ——2020年全市地区生产总值，增长4.1%, is read as it is written).
pub(crate) fn card_line(c: &[char], cs: usize, e: usize) -> Option<CardLine> {
    // (asked at every clause's start: a card opens with a digit and is short,
    // which most clauses and lines are not)
    if !c.get(cs).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let reach = e.min(cs + CARD_LINE_MAX + 1);
    let le = (cs..reach).find(|&j| c[j] == '\n').unwrap_or(reach);
    if le == reach && reach < e {
        return None;
    }
    let mut end = le;
    while end > cs && matches!(c[end - 1], '。' | '；' | '，') {
        end -= 1;
    }
    if !c[cs..end].iter().any(|&ch| is_card_mark(ch)) {
        return None;
    }
    let nums = crate::number::scan(c, cs, end);
    if nums.first()?.start != cs {
        return None;
    }
    // (figures listed before the dash: 8%和9%——城镇、农村居民…分别增长)
    let mut after = cs;
    let mut figures = 0;
    for x in &nums {
        if x.start != after {
            break;
        }
        figures += 1;
        after = crate::number::qual_after(c, x.end).map_or(x.end, |(_, q)| q);
        if after < end && "和、与及".contains(c[after]) {
            after += 1;
        }
    }
    if after >= end || !is_card_mark(c[after]) {
        return None;
    }
    let from = (after..end).find(|&j| !is_card_mark(c[j]))?;
    let words = c[from..end].iter().all(|&ch| {
        super::chars::is_unified_han(ch) || ch.is_ascii_alphabetic() || "、〇".contains(ch)
    });
    ((2..=CARD_CAPTION_MAX).contains(&(end - from)) && words).then_some(CardLine {
        end,
        caption: from,
        figures,
    })
}

/// A 数读 card's line ([`card_line`]).
pub(crate) struct CardLine {
    /// Where the line ends (before a closing 。；，).
    pub(crate) end: usize,
    /// Where its caption starts, past the dash or the colon.
    pub(crate) caption: usize,
    /// How many figures it lists before the dash (8%和9%: two).
    pub(crate) figures: usize,
}

/// The end of a 数读 card's line opening at `cs` ([`card_line`]).
pub(crate) fn card_line_end(c: &[char], cs: usize, e: usize) -> Option<usize> {
    card_line(c, cs, e).map(|l| l.end)
}

/// The marks that part a 数读 card's figures from its caption.
#[inline]
fn is_card_mark(c: char) -> bool {
    // (a match, not a search of a string: asked of every char of a card's
    // line)
    matches!(c, '—' | '－' | '─' | ':' | '：')
}

/// The longest caption of a 数读 card's line.
const CARD_CAPTION_MAX: usize = 30;

/// The longest 数读 card's line: its figures, a dash and its caption.
const CARD_LINE_MAX: usize = 60;

/// How many lines of `src` may be unfinished lines of a wrapped text (long
/// enough, and not ending a sentence), counted from above: a line's last
/// char may be a gloss's bracket, which is not measured, and whitespace and
/// glosses make a line look longer than it is measured.
fn maybe_unfinished_lines(src: &[char]) -> usize {
    let mut s = 0;
    let mut count = 0;
    for end in line_ends(src) {
        let line = &src[s..end];
        s = end + 1;
        if line.len() < WRAPPED_LINE_MIN {
            continue;
        }
        let last = line.iter().rev().find(|c| !c.is_whitespace());
        if last.is_some_and(|&c| !FINISHED.contains(c) || matches!(c, ')' | '）')) {
            count += 1;
        }
    }
    count
}

/// The chars that end a line of finished sentences (or a bracketed remark).
const FINISHED: &str = "。！？；：…”」』）)!?;:";

/// Where each line of `src` ends: at its `\n`, and the last at the end.
pub(crate) fn line_ends(src: &[char]) -> impl Iterator<Item = usize> + '_ {
    src.iter()
        .enumerate()
        .filter(|&(_, &c)| c == '\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(src.len()))
}

/// Each line of `src` as its range `(start, end)`, its `\n` left out.
pub(crate) fn line_ranges(src: &[char]) -> Vec<(usize, usize)> {
    let mut start = 0;
    line_ends(src)
        .map(|end| {
            let line = (start, end);
            start = end + 1;
            line
        })
        .collect()
}

/// The shortest line (in chars) of prose that a break inside one of its
/// clauses may end.
const CUT_LINE_MIN: usize = 20;

/// The shortest line (in chars) that a break before its figure may end
/// (…分别增长12%和 / 14%).
const CUT_FIGURE_LINE_MIN: usize = 10;

/// The qualifiers of two chars written after a figure (…12%左右).
const QUALIFIER_WORDS: [&str; 4] = ["左右", "以上", "以内", "以下"];

/// The longest opening clause (in chars) of the line after a cut.
const CUT_REST_MAX: usize = 34;

/// Line breaks a page put inside a clause of a long line of prose, one at a
/// time (a PDF's text: …城镇常住居民人均可支 / 配收入增长9%，…): the break
/// after a long line with clauses of its own that ends on a Han char, before
/// a line whose opening clause, on Han chars, states a figure. A heading is
/// short, and a list's next item opens with its marker.
pub(super) fn breaks_inside_a_clause(src: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    // (most strings normalised are names and clauses of one line)
    if !src.contains(&'\n') {
        return out;
    }
    let mut s = 0;
    for end in line_ends(src) {
        let line = &src[s..end];
        let start = s;
        s = end + 1;
        if end >= src.len() || line.len() < CUT_FIGURE_LINE_MIN {
            continue;
        }
        // (a 数读 card's line, 8.5%——规模以上工业增加值增长, is whole)
        if card_line_end(src, start, end).is_some() {
            continue;
        }
        // (a figure's qualifier carried over: …增长12% / 左右；, …控制在4%左 /
        // 右；, …以 / 内；)
        let figure_end = |k: usize| {
            k < line.len()
                && (matches!(line[k], '%' | '‰' | '％') || super::chars::is_digit(line[k]))
        };
        let rest = &src[end + 1..];
        let opens = |w: &str| rest.iter().take(w.chars().count()).copied().eq(w.chars());
        let n = line.len();
        let split_qualifier = match line[n - 1] {
            '%' | '‰' | '％' => QUALIFIER_WORDS.iter().any(|w| opens(w)),
            '左' => figure_end(n - 2) && opens("右"),
            '以' => figure_end(n - 2) && ["上", "内", "下"].iter().any(|w| opens(w)),
            _ => false,
        };
        if split_qualifier {
            out.push(end);
            continue;
        }
        // (a line that ends on a figure's qualifier, …失业率5.5%左右, ends its
        // item: the next line's name is whole)
        let ends_an_item = n >= 3
            && figure_end(n - 3)
            && QUALIFIER_WORDS
                .iter()
                .any(|w| line[n - 2..].iter().copied().eq(w.chars()));
        let prose = line.len() >= CUT_LINE_MIN
            && !ends_an_item
            && line.iter().any(|&c| matches!(c, '，' | '；' | '、' | ','));
        // (a line can end before a figure only on a word that wants one:
        // 增长, 和, 至, 为)
        let wants_a_figure = line.last().is_some_and(|&c| "长和至到为在".contains(c));
        if !(prose || wants_a_figure) || !line.last().is_some_and(|&c| is_han(c)) {
            continue;
        }
        let next = &src[end + 1..];
        let opening: Vec<char> = next
            .iter()
            .take_while(|&&c| !matches!(c, '，' | '；' | '。' | '\n' | '、' | ',' | ';'))
            .copied()
            .collect();
        // (digits as a page wrote them: a paper's full-width ６ too)
        let first_figure = opening.iter().position(|&c| super::chars::is_digit(c));
        let cut_name = opening
            .first()
            .is_some_and(|&c| is_han(c) && !BULLETS.contains(c))
            && first_figure.is_some_and(|k| opening[..k].iter().all(|&c| is_han(c)));
        // (…投资增长 / 30%，…; …分别增长12%和 / 14%，…: a per-cent figure
        // carried over from its verb)
        let cut_figure = first_figure == Some(0) && {
            let after = opening
                .iter()
                .position(|&c| !super::chars::is_digit(c) && !matches!(c, '.' | '．'));
            after.is_some_and(|k| matches!(opening[k], '%' | '‰' | '％'))
        };
        if (cut_name && prose || cut_figure && wants_a_figure) && opening.len() <= CUT_REST_MAX {
            out.push(end);
        }
    }
    out
}

/// The longest line (in chars) of a name or of a figure in an infographic's
/// text.
const FRAGMENT_MAX: usize = 16;

/// The verbs an infographic's figure line may open with (增长8.5%左右).
const FIGURE_VERBS: [&str; 16] = [
    "增长",
    "下降",
    "降低",
    "提高",
    "控制",
    "达到",
    "突破",
    "保持",
    "稳定",
    "减少",
    "新增",
    "超过",
    // (城乡居民收入 / 分别增长6%、7%; 居民消费价格 / 涨幅2%左右)
    "分别增长",
    "均增长",
    "涨幅",
    "增速",
];

/// The fewest name-and-figure pairs that make a text an infographic's.
const FRAGMENT_PAIRS_MIN: usize = 3;

/// Line breaks between a name and its figure in an infographic's text, one
/// fragment a line (GDP / 增长8.5%左右 / 财政总收入 / 增长8%左右): the break after
/// a short line of a name (no figure, no punctuation) before a short line
/// that opens with a verb of a figure or a figure and states one, when the
/// text holds several such pairs.
pub(super) fn breaks_inside_fragments(src: &[char]) -> Vec<usize> {
    if src.iter().filter(|&&c| c == '\n').count() < 2 * FRAGMENT_PAIRS_UNDER_HEADING_MIN {
        return Vec::new();
    }
    // a line without its surrounding whitespace
    let trimmed = |(a, b): (usize, usize)| {
        let line = &src[a..b];
        let from = line
            .iter()
            .position(|c| !c.is_whitespace())
            .unwrap_or(line.len());
        let to = line
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(from, |k| k + 1);
        &line[from..to]
    };
    // (a bullet or an item's number may open the name: ▪地区生产总值, 🔹GDP,
    // 1.地区生产总值, 2、一般公共预算收入; a colon may end it: 地区生产总值：)
    let is_name = |l: &[char]| {
        let l = l
            .iter()
            .position(|&c| is_han(c) || c.is_ascii_alphabetic())
            .map_or(l, |k| &l[k..]);
        let l = l
            .strip_suffix(&['：'])
            .or_else(|| l.strip_suffix(&[':']))
            .unwrap_or(l);
        (2..=FRAGMENT_MAX).contains(&l.len())
            && l.iter().all(|&c| is_han(c) || c.is_ascii_alphabetic())
    };
    let is_figure = |l: &[char]| {
        if l.is_empty() || l.len() > FRAGMENT_MAX {
            return false;
        }
        let verb = FIGURE_VERBS
            .iter()
            .find_map(|w| {
                let k = w.chars().count();
                (l.len() > k && l[..k].iter().copied().eq(w.chars())).then_some(k)
            })
            .unwrap_or(0);
        // (the verb's 到 or 在: 提高到80%, 稳定在280亿斤以上, 控制在5.5%以内)
        let at = verb + usize::from(verb > 0 && matches!(l.get(verb), Some('到' | '在')));
        // (or, after the verb, a target in words: 增长与经济增长基本同步)
        l.get(at).is_some_and(|&c| super::chars::is_digit(c))
            || verb > 0 && l[verb] == '与' && l.ends_with(&['同', '步'])
    };
    let mut pairs = Vec::new();
    let mut s = 0;
    // (the line before the last, and the last)
    let mut before: Option<(usize, usize)> = None;
    let mut prev: Option<(usize, usize)> = None;
    // (whether the first pair stands under a heading of the aims)
    let mut under_a_heading = false;
    for end in line_ends(src) {
        let line = (s, end);
        s = end + 1;
        if let Some(p) = prev
            && is_figure(trimmed(line))
            && is_name(trimmed(p))
        {
            if pairs.is_empty() {
                under_a_heading = before.is_some_and(|b| {
                    let h = trimmed(b);
                    h.ends_with(&['目', '标']) || h.ends_with(&['：']) || h.ends_with(&['】'])
                });
            }
            pairs.push(p.1);
        }
        before = prev;
        prev = Some(line);
    }
    let fewest = if under_a_heading {
        FRAGMENT_PAIRS_UNDER_HEADING_MIN
    } else {
        FRAGMENT_PAIRS_MIN
    };
    if pairs.len() < fewest {
        return Vec::new();
    }
    pairs
}

/// The fewest pairs read as an infographic's right under a heading of the
/// aims (主要预期目标： / GDP / 增长6%左右 / 财政收入 / 增长5%).
const FRAGMENT_PAIRS_UNDER_HEADING_MIN: usize = 2;
