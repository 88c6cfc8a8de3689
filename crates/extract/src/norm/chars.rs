//! Chars as the normaliser sees them: traditional → simplified, full width
//! → ASCII, and the kinds of char the other parts ask about.

/// Traditional → simplified pairs, two chars each (traditional first), as
/// data: forms the converter's table lacks or maps otherwise, such as the
/// variants machine-converted mirrors produce (産, 彆, 齣, 製, 纍 …). They
/// win over the converter's table.
const TRAD_SIMP: &str = include_str!("trad_simp.txt");

/// The chars whose traditional → simplified mapping is read from the
/// converter: CJK extension A and the main block.
const CONVERTED: std::ops::Range<u32> = 0x3400..0xa000;

/// Traditional → simplified: a slot per char of the main CJK block (most
/// chars of a report are there, and a slot answers without hashing; `'\0'`
/// when the char has no pair), and the few pairs outside it.
struct TradMap {
    table: Vec<char>,
    others: rustc_hash::FxHashMap<char, char>,
}

/// The first and one past the last char the table of [`TradMap`] covers.
const CJK: std::ops::Range<u32> = 0x4e00..0xa000;

impl TradMap {
    #[inline]
    fn get(&self, c: char) -> Option<char> {
        let u = c as u32;
        if CJK.contains(&u) {
            let s = self.table[(u - CJK.start) as usize];
            return (s != '\0').then_some(s);
        }
        self.others.get(&c).copied()
    }
}

static TRAD_MAP: std::sync::LazyLock<TradMap> = std::sync::LazyLock::new(|| {
    let converted = CONVERTED.filter_map(char::from_u32).filter_map(|c| {
        let simplified = fast2s::convert(c.encode_utf8(&mut [0; 4]));
        let mut it = simplified.chars();
        match (it.next(), it.next()) {
            (Some(s), None) if s != c => Some((c, s)),
            _ => None,
        }
    });
    let chars: Vec<char> = TRAD_SIMP.chars().filter(|c| !c.is_whitespace()).collect();
    // the fixture pairs come last: they win over the converter's
    let pairs = converted.chain(chars.chunks_exact(2).map(|p| (p[0], p[1])));
    let mut map = TradMap {
        table: vec!['\0'; (CJK.end - CJK.start) as usize],
        others: rustc_hash::FxHashMap::default(),
    };
    for (t, s) in pairs {
        let u = t as u32;
        if CJK.contains(&u) {
            map.table[(u - CJK.start) as usize] = s;
        } else {
            map.others.insert(t, s);
        }
    }
    map
});

/// Maps one original char to the char the extractor reads.
#[inline]
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{3000}' | '\u{00a0}' | '\t' | '\r' => ' ',
        '○' | '◯' | '零' => '〇',
        '–' | '−' | '－' | '―' => '-',
        '〜' | '∼' | '～' => '~',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => {
            if (c as u32) < 0x4e00 {
                return c;
            }
            TRAD_MAP.get(c).unwrap_or(c)
        }
    }
}

/// Maps an ASCII punctuation mark to its full-width reading so both forms
/// split clauses the same way.
pub(super) fn widen(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        _ => c,
    }
}

/// Whether the normalisation drops `c`: whitespace other than a line break
/// (full-width and no-break spaces, tabs and `\r` included).
pub(super) fn is_dropped_space(c: char) -> bool {
    let f = fold(c);
    f != '\n' && f.is_whitespace()
}

/// Whether `c` is a char no page shows: a zero-width space, non-joiner or
/// joiner, a direction mark, a word joiner, a byte-order mark or a soft
/// hyphen.
#[inline]
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{00ad}')
}

#[inline]
pub(super) fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

/// A digit as a page types it, in half or full width (5, ５).
#[inline]
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether the full stop at `i` is a decimal point a mirror converted with
/// the other full-width marks (`增长20。9%`, `4。6%以内`): digits on both
/// sides, and the digits after it are no date (`2008。12月`) or year.
pub(super) fn is_decimal_stop(src: &[char], i: usize) -> bool {
    let digit = |k: usize| src.get(k).copied().is_some_and(is_digit);
    if i == 0 || !digit(i - 1) || !digit(i + 1) {
        return false;
    }
    let mut k = i + 1;
    while digit(k) {
        k += 1;
    }
    !matches!(
        src.get(k),
        Some('年' | '月' | '日' | '号' | '.' | '．' | '。')
    )
}

/// Whether the comma at `i` separates thousands (200,000; ２００,０００).
pub(super) fn is_thousands_comma(src: &[char], i: usize) -> bool {
    let digit = |k: usize| src.get(k).copied().is_some_and(is_digit);
    i > 0
        && digit(i - 1)
        && digit(i + 1)
        && digit(i + 2)
        && digit(i + 3)
        && !digit(i + 4)
        && !matches!(src.get(i + 4), Some('.' | '．'))
}

/// Whether the colon at `i` tells the time at a line's start (a live
/// report's `10:26 【预期目标】…`, or in brackets, `[09:24] …`): it splits no
/// clause.
pub(super) fn is_clock_colon(src: &[char], i: usize) -> bool {
    let digit = |k: usize| src.get(k).is_some_and(char::is_ascii_digit);
    if i == 0 {
        return false;
    }
    let hour_start = if i >= 2 && digit(i - 2) { i - 2 } else { i - 1 };
    let line_start = |k: usize| k == 0 || src[k - 1] == '\n' || src[k - 1].is_whitespace();
    matches!(src.get(i), Some(':' | '：'))
        && digit(i - 1)
        && (line_start(hour_start)
            || hour_start > 0
                && matches!(src[hour_start - 1], '[' | '【' | '［')
                && line_start(hour_start - 1))
        && digit(i + 1)
        && digit(i + 2)
        && !digit(i + 3)
}

/// The byte length of a live report's time that opens `t` as the
/// normaliser writes it (`9:28 `, `[09:28]，`: its colon kept ASCII by
/// [`is_clock_colon`]), with the brackets, spaces and comma after it.
pub(crate) fn leading_clock_len(t: &str) -> Option<usize> {
    let timed = t.trim_start_matches(['[', '【', '［']);
    let digits = timed.bytes().take_while(u8::is_ascii_digit).count();
    let minutes = timed.get(digits + 1..digits + 3)?;
    if !(1..=2).contains(&digits)
        || !timed[digits..].starts_with(':')
        || !minutes.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let rest = timed[digits + 3..].trim_start_matches([']', '】', '］', '，', ' ']);
    Some(t.len() - rest.len())
}

/// A char of the CJK Unified Ideographs block (U+4E00–U+9FFF): what names of
/// regions and indicators are written in.
#[inline]
pub(crate) fn is_unified_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The value of a digit of a year written in Chinese (二〇二四年), a zero typed
/// as a digit or a letter (二0一0年) or a circle included.
fn chinese_year_digit(c: char) -> Option<char> {
    match c {
        '〇' | '零' | '○' | '0' | '０' | 'O' | 'Ｏ' => Some('0'),
        // (两 counts, 两年, but writes no digit of a year)
        '两' => None,
        _ => crate::number::cn_digit(c).and_then(|d| char::from_digit(d, 10)),
    }
}

/// The chars of `src` that are the digits of a year written in Chinese
/// (二〇二四年, 一九九八年, 二0一0年: four digits before 年, at least one in
/// Chinese, none more before them), each with its Arabic digit; sorted.
fn chinese_year_digits(src: &[char]) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    'years: for (k, &c) in src.iter().enumerate() {
        // (asked of every char: 年 first, then a year's first digit)
        if c != '年' || k < 4 || !matches!(src[k - 4], '一' | '二') {
            continue;
        }
        let run = &src[k - 4..k];
        let mut digits = ['0'; 4];
        for (d, &r) in digits.iter_mut().zip(run) {
            match chinese_year_digit(r) {
                Some(x) => *d = x,
                None => continue 'years,
            }
        }
        let more_before = k > 4 && chinese_year_digit(src[k - 5]).is_some();
        let chinese = run.iter().any(|&d| !is_digit(d));
        if !more_before && chinese && matches!(digits[..2], ['1', '9'] | ['2', '0']) {
            out.extend((k - 4..k).zip(digits));
        }
    }
    out
}

/// Whether `text` may write a year in Chinese digits: a 年 after four year
/// digits, at least one of them Chinese. Asked of the bytes around each 年
/// (found by a vectorised search) before any char is read: this runs on
/// every text.
fn has_chinese_year(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), "年".as_bytes()).any(|at| {
        let (mut digits, mut chinese) = (0, false);
        for c in text[..at].chars().rev().take(4) {
            if chinese_year_digit(c).is_none() {
                return false;
            }
            digits += 1;
            chinese |= !is_digit(c);
        }
        digits == 4 && chinese
    })
}

/// `src` (the chars of `text`) with the digits of each year written in
/// Chinese in Arabic ones (二〇二五年 → 2025年), char for char; `None` when
/// it has no such year.
pub(crate) fn with_arabic_years(text: &str, src: &[char]) -> Option<Vec<char>> {
    if !has_chinese_year(text) {
        return None;
    }
    let years = chinese_year_digits(src);
    (!years.is_empty()).then(|| {
        let mut read = src.to_vec();
        for (at, d) in years {
            read[at] = d;
        }
        read
    })
}

#[cfg(test)]
mod tests {
    use super::leading_clock_len;

    #[test]
    fn a_live_reports_time_opens_a_line_with_or_without_brackets() {
        let rest = |t: &'static str| leading_clock_len(t).map(|k| &t[k..]);
        assert_eq!(
            rest("9:28 一般公共预算收入增长5%"),
            Some("一般公共预算收入增长5%")
        );
        assert_eq!(rest("[09:28]，赵建新：今年要…"), Some("赵建新：今年要…"));
        assert_eq!(rest("【10:05】七是…"), Some("七是…"));
        // (a ratio or a year is no time)
        assert_eq!(rest("2024年主要预期目标"), None);
        assert_eq!(rest("1:2的比例"), None);
    }
}
