//! What the normaliser drops or keeps at a char: the pinyin glosses of
//! mirrors, a forum's anti-copy jammer, glue phrases, and the spaces that
//! stand between items after a figure.

use super::chars::{fold, is_dropped_space, is_han, is_unified_han};

/// Pinyin with a tone mark (or ü): what a gloss holds and Chinese prose never does.
fn is_toned(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

/// The end (exclusive) of what is left of a gloss whose opening bracket was
/// lost (`xún)`): 1–6 pinyin letters and a closing bracket.
pub(super) fn gloss_remnant_end(src: &[char], i: usize) -> Option<usize> {
    for (k, &c) in src.iter().enumerate().skip(i).take(7) {
        if matches!(c, ')' | '）') {
            return (k > i).then_some(k + 1);
        }
        if !(c.is_ascii_lowercase() || is_toned(c)) {
            return None;
        }
    }
    None
}

/// The end (exclusive) of a forum's anti-copy jammer starting at `i`: a run
/// of at least four tokens of one or two ASCII chars, split by single
/// spaces, with letters and with punctuation in at least two of them
/// (`* w- A- G8 i7 b4 X8 ~" i`, `7 M& T" a+ {* Q3`). Forums copy it between
/// the words of a post, where it would split names and lists. A row of
/// figures (`8% 7% 6%`) or of row numbers has no letter and is kept.
pub(super) fn jammer_end(src: &[char], i: usize) -> Option<usize> {
    let c = src[i];
    if !c.is_ascii_graphic() || i > 0 && src[i - 1].is_ascii_graphic() {
        return None;
    }
    let (mut k, mut end) = (i, i);
    let (mut tokens, mut marked, mut letters) = (0, 0, 0);
    loop {
        let start = k;
        while k < src.len() && src[k].is_ascii_graphic() && k - start < 3 {
            k += 1;
        }
        let token = &src[start..k];
        if token.is_empty() || token.len() > 2 {
            break;
        }
        tokens += 1;
        marked += usize::from(token.iter().any(|c| JAMMER_MARKS.contains(*c)));
        letters += usize::from(token.iter().any(char::is_ascii_alphabetic));
        end = k;
        if src.get(k) == Some(&' ') {
            k += 1;
        } else {
            break;
        }
    }
    (tokens >= JAMMER_TOKENS_MIN && marked >= 2 && letters >= 1).then_some(end)
}

/// The punctuation of a jammer's tokens (not % nor the point of a figure).
const JAMMER_MARKS: &str = "~!@#$^&*()[]{}'\"|;:,?/\\+=_-<>`";

/// The fewest tokens read as a jammer.
const JAMMER_TOKENS_MIN: usize = 4;

/// The end (exclusive) of a pinyin gloss starting at `i`: a bracket right
/// after a Han char holding 1–7 lowercase pinyin letters, one of them toned
/// (`區(qū)`, `發（fā）`). Mirrors inject these inside words, where they would
/// split names and clauses.
pub(super) fn gloss_end(src: &[char], i: usize) -> Option<usize> {
    if !matches!(src.get(i), Some('(' | '（')) || i == 0 || !is_han(src[i - 1]) {
        return None;
    }
    let mut toned = false;
    for (k, &c) in src.iter().enumerate().skip(i + 1).take(8) {
        if matches!(c, ')' | '）') {
            return (toned && k > i + 1).then_some(k + 1);
        }
        if c == ' ' {
            // 會(huì ): some mirrors pad the gloss
            continue;
        }
        if is_toned(c) {
            toned = true;
        } else if !c.is_ascii_lowercase() {
            return None;
        }
    }
    None
}

/// The end (exclusive) of a footnote marker at `i` inside a name or after a
/// figure (`单位地区生产总值能耗①下降2%`, `地区生产总值*增长`, `收入[注1]增长`,
/// `能耗²`): a circled number, an asterisk or ※, a superscript digit, or 注
/// and a number in brackets, right after a Han char, a digit or a per cent
/// sign. A circled number after a line break or a mark is a list's, and kept.
#[inline]
pub(super) fn footnote_end(src: &[char], i: usize) -> Option<usize> {
    let c = src[i];
    // (most chars are none of the markers: asked first, as this runs on every
    // char that is not Han)
    if !matches!(
        c,
        '\u{2460}'..='\u{2473}'
            | '*'
            | '＊'
            | '※'
            | '¹'
            | '²'
            | '³'
            | '\u{2074}'..='\u{2079}'
            | '['
            | '［'
            | '〔'
            | '【'
    ) {
        return None;
    }
    let prev = *src.get(i.checked_sub(1)?)?;
    if !(super::chars::is_han(prev) || prev.is_ascii_digit() || matches!(prev, '%' | '％')) {
        return None;
    }
    let next = src.get(i + 1).copied();
    // (a circled number inside a line may number its items, 目标是①地区生产总值
    // 增长8%②…: a footnote's is followed by a verb or a mark)
    if ('\u{2460}'..='\u{2473}').contains(&c) {
        return next
            .is_some_and(|d| "，。；、：增降下提控达保减突实完稳低高不".contains(d))
            .then_some(i + 1);
    }
    if matches!(c, '*' | '＊' | '※' | '¹' | '²' | '³') || ('\u{2074}'..='\u{2079}').contains(&c)
    {
        // (a lone asterisk between a figure and a name is no marker: 3*4)
        return (c != '*' && c != '＊' || next.is_some_and(super::chars::is_han)).then_some(i + 1);
    }
    if !matches!(c, '[' | '［' | '〔' | '【') {
        return None;
    }
    let mut k = i + 1;
    if src.get(k) != Some(&'注') {
        return None;
    }
    k += 1;
    let digits = src[k..].iter().take_while(|c| c.is_ascii_digit()).count();
    k += digits;
    (digits > 0 && matches!(src.get(k), Some(']' | '］' | '〕' | '】'))).then_some(k + 1)
}

/// What news prose puts between a name and its figure
/// (`生产总值增长的预期目标为9%`, `生产总值目标为增长10%左右`), and the base a
/// growth is measured from (`在上年基础上`): read as if absent, so the name
/// meets its figure as in a report's list.
const GLUE: &[&str] = &[
    "的预期目标为",
    "的预期目标是",
    "的预期目标定为",
    "的目标为",
    "的目标是",
    "的目标设定为",
    "的目标定为",
    "目标设定为",
    "目标确定为",
    "预期目标为",
    "目标定为",
    "目标为",
    "的预期目标",
    "预期目标",
    // the base of a growth (地区生产总值在上年基础上增长6%)
    "在上年的基础上",
    "在上年基础上",
    "在去年的基础上",
    "在去年基础上",
];

/// Whether a [`GLUE`] phrase may open on `c`: every phrase starts with one
/// of these (as written, simplified or not).
#[inline]
pub(super) fn may_open_glue(c: char) -> bool {
    matches!(c, '的' | '预' | '預' | '目' | '在')
}

/// The end (exclusive) of a [`GLUE`] phrase at `i`: after a name or its verb
/// (a Han char that is not a scope or a time word) and before a figure or
/// its verb.
pub(super) fn glue_end(src: &[char], i: usize, prev: Option<char>) -> Option<usize> {
    if !may_open_glue(src[i]) {
        return None;
    }
    let prev = prev?;
    // (nor after a comparison, whose object the target is: 低于预期目标1.5个
    // 百分点, 超过20%的预期目标, 比目标高, 超出预期目标3.2个百分点; nor after
    // the target met, 完成预期目标)
    if !is_han(prev)
        || matches!(
            prev,
            '年' | '要' | '的' | '主' | '是' | '为' | '于' | '比' | '过' | '出' | '成'
        )
    {
        return None;
    }
    // (every phrase goes on from 的 with 预 or 目; a gloss or a space
    // after it is read below)
    if src[i] == '的'
        && src
            .get(i + 1)
            .is_none_or(|&c| is_han(c) && !matches!(c, '预' | '預' | '目'))
    {
        return None;
    }
    // (a mirror's glosses and the spaces some pages put between chars are
    // read past, as the normalisation drops them: 目標(biāo)為, 目 标 为)
    let matches_at = |k: usize, w: &str| -> Option<usize> {
        let mut at = k;
        for x in w.chars() {
            if src.get(at).map(|&c| fold(c)) != Some(x) {
                return None;
            }
            at = gloss_end(src, at + 1).unwrap_or(at + 1);
            while src.get(at).is_some_and(|&c| is_dropped_space(c)) {
                at += 1;
            }
        }
        Some(at)
    };
    let end = GLUE.iter().find_map(|w| matches_at(i, w))?;
    let next = src.get(end).map(|&c| fold(c))?;
    let figure_follows = next.is_ascii_digit()
        || matches_at(end, "增长").is_some()
        || matches_at(end, "分别").is_some()
        || matches_at(end, "百分之").is_some()
        || "一二三四五六七八九十两".contains(next);
    figure_follows.then_some(end)
}

/// The chars a figure in Chinese numerals is written in, below a hundred
/// and with its decimal point (四点五, 十二).
fn is_chinese_figure_char(c: char) -> bool {
    crate::number::is_cn_digit(c) || matches!(c, '零' | '十' | '点')
}

/// The qualifiers written after a figure (and its unit).
const QUALIFIER_WORDS: [[char; 2]; 5] = [
    ['左', '右'],
    ['以', '上'],
    ['以', '内'],
    ['以', '下'],
    ['上', '下'],
];

/// The most chars of a unit between a figure and its qualifier (个百分点).
const QUALIFIER_UNIT_MAX: usize = 4;

/// The chars units are written in (万吨, 亿元, 个百分点, 万平方米).
pub(crate) const UNIT_CHARS: &str = "万亿千百十元吨斤人个户家所座套辆台公里平方米亩瓦时分点倍/";

/// Whether `c[..end]` ends on a figure: a per cent or a per mille, or a
/// qualifier after a figure and its unit (1300万吨以上, not 规模以上).
pub(crate) fn figure_ends_at(c: &[char], end: usize) -> bool {
    let c = &c[..end];
    // (most chars end no figure: a figure ends on %, ‰, a digit in Chinese
    // or the last char of a qualifier; this is asked of every char read)
    let Some(&last) = c.last() else {
        return false;
    };
    if !(matches!(last, '%' | '‰' | '右' | '上' | '内' | '下') || is_chinese_figure_char(last))
    {
        return false;
    }
    // 百分之八, 百分之四点五: a per cent in Chinese numerals
    let chinese_per_cent = |k: usize| {
        let mut j = k;
        while j > 0 && is_chinese_figure_char(c[j - 1]) {
            j -= 1;
        }
        j < k && j >= 3 && c[j - 3..j] == ['百', '分', '之']
    };
    if matches!(c.last(), Some('%' | '‰')) || chinese_per_cent(c.len()) {
        return true;
    }
    if !QUALIFIER_WORDS.iter().any(|w| c.ends_with(w)) {
        return false;
    }
    let mut k = c.len() - 2;
    if chinese_per_cent(k) {
        return true;
    }
    let mut unit = 0;
    while k > 0 && unit < QUALIFIER_UNIT_MAX && UNIT_CHARS.contains(c[k - 1]) {
        k -= 1;
        unit += 1;
    }
    k > 0 && (c[k - 1].is_ascii_digit() || matches!(c[k - 1], '%' | '‰'))
}

/// Whether the space at `src[i]` (the first of its run) stands between a
/// figure, with its qualifier, and the name of the next item: the
/// normalised text so far (`chars`) ends on a per cent, a per mille or a
/// qualifier, and a Han char that goes on with none of them follows.
pub(super) fn spaces_apart_items(chars: &[char], src: &[char], i: usize) -> bool {
    if i > 0 && is_dropped_space(src[i - 1]) {
        return false;
    }
    // (a live report's time in brackets, [09:24] 城镇和农村居民…, stands apart
    // from the line's words as a time without brackets does)
    if bracketed_clock_ends(chars) {
        return after_spaces(src, i).is_some_and(is_unified_han);
    }
    if !figure_ends_at(chars, chars.len()) {
        // (the cheap test first: this is asked of every space between words)
        return chars.last().is_some_and(|&c| is_unified_han(c)) && other_item_ends(chars, src, i);
    }
    after_spaces(src, i).is_some_and(|next| item_follows_figure(chars, chars.len(), next))
}

/// Whether `chars` ends with a time in brackets at a line's start ([09:24],
/// 【9:30】).
fn bracketed_clock_ends(chars: &[char]) -> bool {
    let n = chars.len();
    if n < 6 || !matches!(chars[n - 1], ']' | '】' | '］') {
        return false;
    }
    let digit = |k: usize| chars[k].is_ascii_digit();
    if !(digit(n - 2) && digit(n - 3) && chars[n - 4] == ':' && digit(n - 5)) {
        return false;
    }
    let open = if digit(n - 6) {
        n.checked_sub(7)
    } else {
        Some(n - 6)
    };
    open.is_some_and(|o| matches!(chars[o], '[' | '【' | '［') && (o == 0 || chars[o - 1] == '\n'))
}

/// The char after the run of spaces at `src[i]`, folded as the view reads it.
fn after_spaces(src: &[char], i: usize) -> Option<char> {
    src[i..]
        .iter()
        .find(|&&c| !is_dropped_space(c))
        .map(|&c| fold(c))
}

/// The chars a figure's own words open with (左右, 以上, 至, 和, 的, a verb
/// of change: 从5.5%降到5.3%): a char after a figure that opens one of
/// them opens no item of its own.
const GOES_ON_WITH_THE_FIGURE: &str = "左以上至到和及或与的为是之并且降升提增减下回达变";

/// Whether the space at `src[i]` stands between an amount, or a qualitative
/// target's end, and the next item's name (…城镇新增就业18万人 城镇和农村居民
/// 人均可支配收入…; …完成省下达目标 生态环境质量继续保持…); not in a text
/// spaced between every two chars, as a PDF's may be (20万 人).
#[inline(never)]
fn other_item_ends(chars: &[char], src: &[char], i: usize) -> bool {
    let spaced = i >= 2 && is_dropped_space(src[i - 2]);
    !spaced
        && (amount_ends(chars) || ends_a_quality(chars))
        && after_spaces(src, i).is_some_and(|next| {
            (is_unified_han(next) || next.is_ascii_uppercase())
                    && !GOES_ON_WITH_THE_FIGURE.contains(next)
                    // (nor goes on with the unit: 130亿 美元, 2亿 立方米)
                    && !UNIT_CHARS.contains(next)
                    // (nor with a figure in Chinese numerals: 下降 百分之三)
                    && !numeral_after_spaces(src, i)
                    && !"美标立次".contains(next)
        })
}

/// Whether the run of spaces at `src[i]` is followed by a figure in Chinese
/// numerals (百分之三, 三点五, 十二): a Chinese digit or 百 with another
/// figure char after it (一般 opens a name).
fn numeral_after_spaces(src: &[char], i: usize) -> bool {
    let mut rest = src[i..]
        .iter()
        .skip_while(|&&c| is_dropped_space(c))
        .map(|&c| fold(c));
    let (Some(a), Some(b)) = (rest.next(), rest.next()) else {
        return false;
    };
    (is_chinese_figure_char(a) || a == '百')
        && (is_chinese_figure_char(b) || "百千万亿分".contains(b))
}

/// Whether `c` ends on an amount in digits and its unit (18万人, 7.37亿元).
fn amount_ends(c: &[char]) -> bool {
    // (no digit among the last chars: no amount, and no unit read)
    if !c[c.len().saturating_sub(QUALIFIER_UNIT_MAX + 1)..]
        .iter()
        .any(char::is_ascii_digit)
    {
        return false;
    }
    let mut k = c.len();
    while k > 0 && c.len() - k < QUALIFIER_UNIT_MAX && UNIT_CHARS.contains(c[k - 1]) {
        k -= 1;
    }
    k < c.len() && k > 0 && c[k - 1].is_ascii_digit()
}

/// Whether `c` ends as a qualitative target does (与经济增长同步, 完成省下达
/// 目标, 保持全国一流水平, 略高于经济增长, 稳中有进, 贫困县全部摘帽, 只增不减,
/// 达到…序时进度, 进一步下降, 在实际工作中努力争取更好结果).
fn ends_a_quality(c: &[char]) -> bool {
    c.len() >= 2
        && [
            ['同', '步'],
            ['改', '善'],
            ['好', '转'],
            ['平', '衡'],
            ['任', '务'],
            ['提', '质'],
            ['目', '标'],
            ['水', '平'],
            ['翻', '番'],
            ['增', '长'],
            ['有', '进'],
            ['摘', '帽'],
            ['脱', '贫'],
            ['提', '升'],
            ['持', '平'],
            ['稳', '定'],
            ['一', '致'],
            ['不', '减'],
            ['进', '度'],
            ['下', '降'],
            ['结', '果'],
        ]
        .contains(&[c[c.len() - 2], c[c.len() - 1]])
}

/// Whether `next` opens a new item right after `c[..end]`: `c[..end]` ends
/// on a figure ([`figure_ends_at`]) and `next` starts a name (a Han char or
/// a Latin capital: 12% CPI控制在4%左右) that goes on with none of the
/// figure's words (左右, 至, 和, 的, a verb of change: 从5.5%降到5.3%) nor
/// with a figure in Chinese numerals (百分之四 点五).
pub(crate) fn item_follows_figure(c: &[char], end: usize, next: char) -> bool {
    if !(is_unified_han(next) || next.is_ascii_uppercase()) || !figure_ends_at(c, end) {
        return false;
    }
    let numeral_goes_on = end > 0
        && is_chinese_figure_char(c[end - 1])
        && (is_chinese_figure_char(next) || "百千万亿".contains(next));
    !numeral_goes_on && !GOES_ON_WITH_THE_FIGURE.contains(next)
}

/// How a passage that turns from the year's targets to the work opens
/// (实现上述目标，重点抓好以下工作), and how a story goes on to what else the
/// report says (报告强调…): a sentence of its own.
const SENTENCE_OPENINGS: [&str; 13] = [
    "为实现上述目标",
    "为完成上述目标",
    "实现上述目标",
    "完成上述目标",
    "围绕上述目标",
    "实现以上目标",
    "报告同时提出",
    "报告还提出",
    "报告强调",
    "报告指出",
    "报告要求",
    "报告还",
    "报告说",
];

/// The chars before an opening that make it part of its clause: 确保实现上述
/// 目标, 政府工作报告强调, 在报告中说.
const GOES_ON_INTO_AN_OPENING: &str = "确保为要努力争取全面顺利作的在向和及了";

/// Whether `text` may glue a sentence's opening to the text before it
/// ([`glued_openings`]): a byte search for each opening's words first.
pub(super) fn may_glue_an_opening(text: &str) -> bool {
    text.contains("上述目标")
        || text.contains("以上目标")
        || text.match_indices("报告").any(|(i, w)| {
            let after = &text[i + w.len()..];
            SENTENCE_OPENINGS
                .iter()
                .filter_map(|o| o.strip_prefix("报告"))
                .any(|v| after.starts_with(v))
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| is_unified_han(p) && !GOES_ON_INTO_AN_OPENING.contains(p))
        })
}

/// Where a sentence's opening is glued to the text before it with no mark
/// (a page copied with its full stops lost, or a heading joined to the
/// line before: …完成省下达目标实现上述目标，…; …稳定在360亿斤以上报告强调…): a
/// full stop to read there, as a table's unit is read (`(offset, "。")`,
/// sorted).
pub(super) fn glued_openings(src: &[char]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut k = 1;
    while k < src.len() {
        // (every opening's first char is one of these)
        if matches!(src[k], '为' | '实' | '完' | '围' | '报')
            && let Some(w) = SENTENCE_OPENINGS.iter().find(|w| {
                src[k..]
                    .iter()
                    .take(w.chars().count())
                    .copied()
                    .eq(w.chars())
            })
        {
            let prev = src[k - 1];
            if (is_unified_han(prev) || prev.is_ascii_alphanumeric() || matches!(prev, '%' | '‰'))
                && !GOES_ON_INTO_AN_OPENING.contains(prev)
            {
                out.push((k, "。".to_owned()));
            }
            k += w.chars().count();
            continue;
        }
        k += 1;
    }
    out
}
