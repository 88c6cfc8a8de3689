//! What a page's markup leaves in a text, read as the list it marks up:
//! the brackets an infographic sets around a name, markdown's emphasis and
//! bullets, HTML tags and escaped line breaks a copy kept, keycap digits and
//! ○ before items.

use super::chars::{fold, is_dropped_space, is_han, is_unified_han};
use super::split::PREDICATE_OPENINGS;

/// How the normaliser reads the markup at a char.
pub(super) enum Markup {
    /// The chars up to `end` (exclusive) are read as `as_char`, or as
    /// nothing.
    Read { end: usize, as_char: Option<char> },
    /// The opening bracket of a name is read as nothing, and so is its
    /// closing bracket at `close`.
    NameBracket { close: usize },
}

/// The markup at `src[i]`, if any; `last`: the char the view wrote last.
pub(super) fn read_at(src: &[char], i: usize, last: Option<char>) -> Option<Markup> {
    let c = src[i];
    let line_start = last.is_none_or(|p| p == '\n');
    let read = |end: usize, as_char: Option<char>| Some(Markup::Read { end, as_char });
    // a line break a copy kept escaped, as a JSON field writes it (a
    // backslash and n; \r and \t are read as absent), is a line break
    if c == '\\' && matches!(src.get(i + 1), Some('n' | 'r' | 't')) {
        let breaks = src[i + 1] == 'n' && !line_start;
        return read(i + 2, breaks.then_some('\n'));
    }
    // an HTML tag a copy kept breaks the line (<br>, </p>) or is none
    if let Some((end, breaks)) = tag_end(src, i) {
        return read(end, (breaks && !line_start).then_some('\n'));
    }
    // markdown's emphasis (**地区生产总值**) is none; its bullet (* 地区…) is a
    // bullet
    if let Some(end) = emphasis_end(src, i, last) {
        let bullet = line_start && end == i + 1 && src.get(end) == Some(&' ');
        return read(end, bullet.then_some('•'));
    }
    if let Some(close) = name_bracket_close(src, i) {
        return Some(Markup::NameBracket { close });
    }
    // 1️⃣: a digit in a keycap (the digit, a variation selector, the
    // enclosing keycap), as phone posts number items, is the digit in a
    // circle, a list's marker
    if c.is_ascii_digit()
        && let Some(end) = keycap_end(src, i)
    {
        return read(end, Some(circled(c)));
    }
    // ○ at a line's start before a name is a bullet, not the zero it folds
    // to (二○二四年; ○八年 at a line's start is a year)
    if matches!(c, '○' | '◯')
        && line_start
        && src.get(i + 1).is_some_and(|&x| is_unified_han(x))
        && !(src
            .get(i + 1)
            .is_some_and(|&x| crate::number::is_cn_digit(x))
            && src.get(i + 2) == Some(&'年'))
    {
        return read(i + 1, Some('•'));
    }
    None
}

/// The end (exclusive) of a keycap after the digit at `i` (1️⃣: U+FE0F, then
/// U+20E3), if one is there.
fn keycap_end(src: &[char], i: usize) -> Option<usize> {
    let k = i + 1 + usize::from(src.get(i + 1) == Some(&'\u{fe0f}'));
    (src.get(k) == Some(&'\u{20e3}')).then_some(k + 1)
}

/// The ASCII digit `d` in a circle (⓪, ①…⑨).
fn circled(d: char) -> char {
    match d.to_digit(10) {
        Some(0) | None => '⓪',
        Some(n) => char::from_u32(0x245F + n).unwrap_or('⓪'),
    }
}

/// The closing bracket of a name set in brackets before its figure or its
/// predicate (`【地区生产总值】970亿元`, `【城乡居民人均可支配收入】分别增长8%和9%`),
/// as infographics and 数说 pages print each item: read as if the brackets
/// were absent, so the name meets its figure as in a report's list. Brackets
/// that hold a heading (`【今年目标】地区生产总值…`) or a figure (`【8%左右】`)
/// are kept.
fn name_bracket_close(src: &[char], i: usize) -> Option<usize> {
    if !matches!(src[i], '【' | '〖' | '[' | '［') {
        return None;
    }
    let close = (i + 1..src.len().min(i + 2 + NAME_BRACKET_MAX))
        .find(|&k| matches!(src[k], '】' | '〗' | ']' | '］'))?;
    let name = &src[i + 1..close];
    let wordy = name
        .iter()
        .filter(|&&c| is_han(c) || c.is_ascii_alphabetic())
        .count();
    if wordy < 2
        || !name
            .iter()
            .all(|&c| is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '.' | '、'))
    {
        return None;
    }
    let mut k = close + 1;
    while src
        .get(k)
        .is_some_and(|&c| is_dropped_space(c) || matches!(c, '：' | ':'))
    {
        k += 1;
    }
    let next = src.get(k).map(|&c| fold(c))?;
    let opens = |w: &str| {
        w.chars()
            .enumerate()
            .all(|(j, x)| src.get(k + j).map(|&c| fold(c)) == Some(x))
    };
    (next.is_ascii_digit()
        || PREDICATE_OPENINGS
            .iter()
            .chain(BRACKETED_NAME_GOES_ON)
            .any(|w| opens(w)))
    .then_some(close)
}

/// The most chars of a name set in brackets.
const NAME_BRACKET_MAX: usize = 24;

/// What opens the rest of an item after a bracketed name besides a figure's
/// digit and the predicates of [`PREDICATE_OPENINGS`]: a word before the
/// predicate, a rarer predicate, or a name beside it.
const BRACKETED_NAME_GOES_ON: &[&str] = &[
    "分别",
    "预期",
    "目标",
    "力争",
    "确保",
    "年均",
    "同比",
    "比上年",
    "实现",
    "均",
    "要",
    "为",
    "达",
    "百分之",
    "不低于",
    "不少于",
    "不超过",
    "低于",
    "高于",
    "约",
    "在",
    "涨",
    "增速",
    "总量",
    "可比",
    "持续",
    "稳步",
    "进一步",
    "继续",
    "预计",
    "计划",
    "争取",
    "努力",
    "应",
    "将",
    "则",
    // (a name beside others that share its predicate: 【城镇调查失业率】、城镇登记失业率分别…)
    "、",
    "和",
    "及",
    "与",
];

/// The end (exclusive) of a markdown emphasis mark at `i` (`**地区生产总值**`,
/// `*城镇调查失业率*`, `__目标__`), as pages converted to markdown keep them:
/// one to three asterisks or two or three underscores at a line's edge or
/// beside a Han char, a per cent sign or a mark (`prev` is the char the
/// view wrote last). A product's asterisk between digits (3*4) is kept.
fn emphasis_end(src: &[char], i: usize, prev: Option<char>) -> Option<usize> {
    let c = src[i];
    if !matches!(c, '*' | '＊' | '_') {
        return None;
    }
    let run = src[i..].iter().take_while(|&&x| x == c).count();
    if run > 3 || c == '_' && run < 2 {
        return None;
    }
    let next = src.get(i + run).copied();
    if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
        return None;
    }
    let edge = |x: Option<char>| {
        x.is_none_or(|x| x == '\n' || is_han(x) || "%％，。；：,;:、".contains(x))
    };
    (edge(prev) || edge(next)).then_some(i + run)
}

/// An HTML tag left in a text at `i` (`<br>`, `</p>`, `<span style="…">`), as
/// copies taken from a database or a feed keep them: its end (exclusive)
/// and whether it breaks the line (a paragraph's, a line's, a list item's
/// or a table row's tag) or is read as absent (an inline one).
fn tag_end(src: &[char], i: usize) -> Option<(usize, bool)> {
    if src[i] != '<' {
        return None;
    }
    let mut k = i + 1 + usize::from(src.get(i + 1) == Some(&'/'));
    let name_start = k;
    while k < src.len() && src[k].is_ascii_alphanumeric() && k - name_start < 10 {
        k += 1;
    }
    let name: String = src[name_start..k]
        .iter()
        .collect::<String>()
        .to_ascii_lowercase();
    let breaks = BLOCK_TAGS.contains(&name.as_str());
    if !breaks && !INLINE_TAGS.contains(&name.as_str()) {
        return None;
    }
    // (its attributes, to the closing bracket on the same line)
    let close = (k..src.len().min(k + TAG_MAX))
        .take_while(|&j| !matches!(src[j], '<' | '\n'))
        .find(|&j| src[j] == '>')?;
    let attrs_ok = k == close || matches!(src[k], ' ' | '/');
    attrs_ok.then_some((close + 1, breaks))
}

/// Tags that break a line where a copy leaves them.
const BLOCK_TAGS: [&str; 17] = [
    "br", "p", "div", "li", "ul", "ol", "tr", "table", "section", "article", "h1", "h2", "h3",
    "h4", "h5", "h6", "tbody",
];

/// Tags read as absent.
const INLINE_TAGS: [&str; 10] = [
    "span", "strong", "b", "em", "i", "font", "a", "td", "th", "u",
];

/// The longest tag read, attributes and all.
const TAG_MAX: usize = 200;
