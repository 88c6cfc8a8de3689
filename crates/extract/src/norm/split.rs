//! A normalised text's paragraphs, sentences and clauses, and the markers
//! that open list items.

use super::Norm;

/// Paragraph ranges (normalised), empty ones dropped. A line that runs
/// bulleted items together (a page that lost its line breaks: 预期目标●地区
/// 生产总值增长5%以上●一般公共预算收入增长5%以上) is one paragraph a bullet,
/// as the page showed it.
pub(crate) fn paragraphs(n: &Norm) -> Vec<(usize, usize)> {
    paragraphs_of(n, true)
}

/// The page's lines as [`paragraphs`] reads them, but a long line kept
/// whole: where a page's title, session line and dateline are looked for
/// (a sentence of a page that lost its line breaks is no title).
pub(crate) fn lines(n: &Norm) -> Vec<(usize, usize)> {
    paragraphs_of(n, false)
}

fn paragraphs_of(n: &Norm, long_lines_split: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    // (a box of links to other pages is no part of the view: norm::boxes)
    let line = |(s, e): (usize, usize), out: &mut Vec<(usize, usize)>| {
        // (a long line is read a sentence a paragraph: what holds for a
        // paragraph as reports write them, a few sentences — one that opens
        // on the past goes on about it, a list item opens one — does not
        // hold across a page that lost its line breaks)
        if long_lines_split && e - s > LONG_LINE {
            for sentence in split_after(n, s, e, &['。']) {
                split_bullets(n, sentence, out);
            }
        } else if !is_page_furniture(n.text(s, e)) {
            split_bullets(n, (s, e), out);
        }
    };
    for (i, &c) in n.chars.iter().enumerate() {
        if c == '\n' {
            if i > s {
                line((s, i), &mut out);
            }
            s = i + 1;
        }
    }
    if n.len() > s {
        line((s, n.len()), &mut out);
    }
    out
}

/// The longest line read as one paragraph (in chars): longer, it is read a
/// sentence a paragraph.
const LONG_LINE: usize = 600;

/// Whether a line is a page's furniture that a copy may leave inside the
/// text, even inside a list: a fold (阅读全文, 展开全文) or an ad
/// (【广告】年化收益8.5%…). It is no paragraph.
fn is_page_furniture(line: &str) -> bool {
    let t = line.trim();
    [
        "阅读全文",
        "展开全文",
        "展开阅读全文",
        "查看全文",
        "点击查看全文",
        "继续阅读",
        "点击展开全文",
    ]
    .contains(&t.trim_end_matches(['>', '》', '›', '∨', '▼', ' ']))
        || ["【广告】", "【推荐】", "[广告]", "广告：", "【热门推荐】"]
            .iter()
            .any(|w| t.starts_with(w))
}

/// The bullets that open list items, and nothing else, in report texts (a
/// list item may also open with ·, ○, a dash or ①…, which other text uses
/// too).
pub(super) const BULLETS: &str = "●■◆▲★•◎□◇";

/// The marks phone pages open items with (▪, ▶, 🔹, √), besides [`BULLETS`].
const PHONE_MARKERS: &str = "▪▫◼◾▸▹►▶➤✓✔☑✅🔹🔸🔺📌√";

/// Whether `c` marks a list item wherever it stands at a line's start: a
/// bullet, a phone page's square or arrow (▪, ▶, 🔹), a circled number, or
/// any other symbol mark ([`is_symbol_mark`]).
pub(super) fn is_marker(c: char) -> bool {
    // (asked of many chars: a CJK char, most of a text, is none, and is
    // answered without scanning the lists)
    // (numbers in brackets or circles written as one char: ㈠, ㊀)
    if matches!(c as u32, 0x3220..=0x3229 | 0x3280..=0x3289) {
        return true;
    }
    !(0x3000..0xa000).contains(&(c as u32))
        && (BULLETS.contains(c) || PHONE_MARKERS.contains(c) || is_symbol_mark(c))
}

/// Whether `c` is an arrow, a geometric shape, a dingbat, an emoji, a
/// reference mark or a number in a circle or brackets written as one char
/// (→, ⚫, ※, 👉, ①, ⑴, ⒈): pages open items with any of them.
fn is_symbol_mark(c: char) -> bool {
    matches!(c as u32,
        0x2190..=0x21FF
            | 0x2460..=0x24FF
            | 0x25A0..=0x27BF
            | 0x2B00..=0x2BFF
            | 0x1F300..=0x1FAFF
            | 0x203B)
}

/// How many chars [`BULLETS`] holds.
pub(super) const BULLET_COUNT: usize = 9;

/// Line `[s, e)` as paragraphs: split before each bullet when a bullet
/// char stands in it twice or more after its start.
fn split_bullets(n: &Norm, (s, e): (usize, usize), out: &mut Vec<(usize, usize)>) {
    let line = &n.chars[s..e];
    // (one pass over the line, counting each bullet char; the first of
    // BULLETS standing twice is the mark)
    let mut counts = [0usize; BULLET_COUNT];
    for c in line.iter().skip(1) {
        // (every bullet lies in U+2022..=U+2605; the text's Han chars do not)
        if !('\u{2022}'..='\u{2605}').contains(c) {
            continue;
        }
        if let Some(k) = BULLETS.chars().position(|b| b == *c) {
            counts[k] += 1;
        }
    }
    let bullet = BULLETS
        .chars()
        .zip(counts)
        .find(|&(_, k)| k >= 2)
        .map(|(b, _)| b);
    let Some(mark) = bullet else {
        out.push((s, e));
        return;
    };
    let mut from = s;
    for i in s + 1..e {
        if n.chars[i] == mark {
            out.push((from, i));
            from = i;
        }
    }
    out.push((from, e));
}

/// Sentence ranges of `[s, e)`, split after 。！？.
pub(crate) fn sentences(n: &Norm, s: usize, e: usize) -> Vec<(usize, usize)> {
    split_after(n, s, e, &['。', '！', '？'])
}

/// The clauses of `paras` split after 。！？ and ； (news prose joins last
/// year's results and this year's aims with ；), in order, each with the
/// index of its paragraph.
pub(crate) fn clauses(n: &Norm, paras: &[(usize, usize)]) -> Vec<(usize, (usize, usize))> {
    paras
        .iter()
        .enumerate()
        .flat_map(|(pi, &(s, e))| {
            split_after(n, s, e, &['。', '！', '？', '；'])
                .into_iter()
                .map(move |range| (pi, range))
        })
        .collect()
}

/// Ranges of `[s, e)` split after each of `ends`.
fn split_after(n: &Norm, s: usize, e: usize, ends: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = s;
    for i in s..e {
        if ends.contains(&n.chars[i]) {
            if i + 1 > a {
                out.push((a, i + 1));
            }
            a = i + 1;
        }
    }
    if e > a {
        out.push((a, e));
    }
    out
}

/// The length of the list marker the text `c[s..e]` opens with: bullets
/// (●, ○, ①, ——), an opening quote the text does not close (“生产总值增长6%),
/// a bracketed heading (【今年目标】), an item number with its point (6. 6、
/// but not 6.5), in brackets ((1), （四）, 3）) or a Chinese one with 、 or
/// 是 (六、 六是).
pub(crate) fn list_marker_len(c: &[char], s: usize, e: usize) -> usize {
    let e = e.min(c.len());
    let mut k = s;
    // (an emoji's variation selector or joiner goes with it: 🏗️)
    while k < e
        && (is_marker(c[k])
            || matches!(c[k], '·' | '○' | '-' | '—' | '>' | '\u{fe0f}' | '\u{200d}'))
    {
        k += 1;
    }
    // a Roman numeral or a Latin letter with its point (Ⅱ. B、), before a
    // Han char
    let lettered = |x: char| ('\u{2160}'..='\u{217F}').contains(&x) || x.is_ascii_alphabetic();
    if k + 2 < e
        && lettered(c[k])
        && matches!(c[k + 1], '.' | '．' | '、')
        && crate::norm::is_unified_han(c[k + 2])
    {
        k += 2;
    }
    // a live report's time (10:26 【预期目标】…)
    let digits = |from: usize| {
        c[from.min(e)..e]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count()
    };
    let hour = digits(k);
    if (1..=2).contains(&hour) && c.get(k + hour) == Some(&':') && digits(k + hour + 1) == 2 {
        k += hour + 3;
    }
    let closing = |open: char| match open {
        '「' => '」',
        '『' => '』',
        _ => '”',
    };
    while k < e && matches!(c[k], '“' | '「' | '『') && !c[k..e].contains(&closing(c[k])) {
        k += 1;
    }
    // a bracketed heading before the first item (【今年目标】经济增长5%左右),
    // not a name in brackets before its predicate (【地区生产总值】增长5%左右)
    if k < e
        && c[k] == '【'
        && let Some(j) = c[k..e].iter().position(|&x| x == '】')
        && !c[k..k + j].iter().any(char::is_ascii_digit)
        && !PREDICATE_OPENINGS
            .iter()
            .any(|w| c[k + j + 1..e].starts_with(&w.chars().collect::<Vec<_>>()))
    {
        k += j + 1;
    }
    let from = k;
    // an item number in brackets: （1）, (2), 3）, （四）, 一) (asked only of
    // a bracket or a numeral: most items open with neither)
    let open = usize::from(from < e && matches!(c[from], '(' | '（'));
    if open == 1 || from < e && (c[from].is_ascii_digit() || is_cn_numeral(c[from])) {
        let mut num = from + open;
        while num < e && (c[num].is_ascii_digit() || is_cn_numeral(c[num])) {
            num += 1;
        }
        if num > from + open && num < e && matches!(c[num], ')' | '）') {
            return num + 1 - s;
        }
    }
    let mut num = from;
    while num < e && c[num].is_ascii_digit() {
        num += 1;
    }
    if num > from
        && num < e
        && matches!(c[num], '.' | '．' | '、')
        && !c.get(num + 1).is_some_and(char::is_ascii_digit)
    {
        return num + 1 - s;
    }
    let mut num = from;
    while num < e && is_cn_numeral(c[num]) {
        num += 1;
    }
    // (一、二、三产业 lists sectors, not items)
    let sectors = c[from..e].starts_with(&['一', '、', '二']);
    if num > from && num < e && matches!(c[num], '是' | '、') && !sectors {
        return num + 1 - s;
    }
    from - s
}

/// How the predicate after a bracketed name opens (【地区生产总值】增长5%左右);
/// the normaliser's markup reads a name's brackets as absent before them.
pub(crate) const PREDICATE_OPENINGS: [&str; 10] = [
    "增长", "下降", "提高", "降低", "控制", "达到", "突破", "保持", "稳定", "完成",
];

/// Whether `c` is a Chinese numeral of an item's number (一 to 十: the 一 of
/// 一、, 一是, （一）).
pub(crate) fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}
