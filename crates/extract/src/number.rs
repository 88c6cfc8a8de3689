//! Numbers with their units as reports write them: `5.5%`, `1,300万吨`,
//! `百分之六点五`, `四百六十多亿元`, `两位数`, ranges (`6%-6.5%`, `6至6.5%`),
//! and the qualifier words around them (以上, 左右, 以内, 不低于 …).

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use baogao_model::Qualifier;

/// Units recognised after a number, longest first: (as written, as recorded).
const UNITS: &[(&str, &str)] = &[
    ("个百分点", "个百分点"),
    ("百分点", "个百分点"),
    ("万亿斤", "万亿斤"),
    // (兆 is 万亿 in Taiwan and Hong Kong: 糧食產量1.4兆斤, 30兆元; 兆瓦 is a
    // megawatt, no money)
    ("兆斤", "万亿斤"),
    ("兆美元", "万亿美元"),
    ("兆元", "万亿元"),
    ("万亿美元", "万亿美元"),
    // (人民币 after the unit, as news abroad writes it: 7000亿元人民币左右)
    ("万亿元人民币", "万亿元"),
    ("万亿元", "万亿元"),
    ("万亿", "万亿"),
    ("亿美元", "亿美元"),
    ("万美元", "万美元"),
    ("美元", "美元"),
    // (美金, as news and older portals write the dollar: 实际利用外资8亿美金;
    // recorded as written, counted with the dollar in `unit_std`)
    ("亿美金", "亿美金"),
    ("万美金", "万美金"),
    ("美金", "美金"),
    ("亿元人民币", "亿元"),
    ("亿元", "亿元"),
    ("万元/人", "万元/人"),
    ("万元人民币", "万元"),
    ("万元", "万元"),
    ("元人民币", "元"),
    ("元", "元"),
    ("亿人次", "亿人次"),
    ("万人次", "万人次"),
    ("万人", "万人"),
    ("人次", "人次"),
    ("人", "人"),
    ("万吨标准煤", "万吨标准煤"),
    ("吨标准煤/万元", "吨标准煤/万元"),
    ("吨标准煤", "吨标准煤"),
    ("亿吨", "亿吨"),
    ("万吨", "万吨"),
    ("吨", "吨"),
    ("亿公斤", "亿公斤"),
    ("亿斤", "亿斤"),
    ("万斤", "万斤"),
    // (tobacco weighed in 担, as county reports of the 2000s write it:
    // 烤烟收购量稳定在56万担左右)
    ("万担", "万担"),
    ("担", "担"),
    ("万亩", "万亩"),
    ("亿千瓦时", "亿千瓦时"),
    ("万千瓦时", "万千瓦时"),
    ("万千瓦", "万千瓦"),
    ("万平方米", "万平方米"),
    ("万户", "万户"),
    // livestock and people counted in ten-thousands (生猪出栏100万头, 1.2万名)
    // (head of cattle and sheep counted together: 牲畜总头数1500万头只)
    ("万头只", "万头只"),
    ("万头", "万头"),
    ("万只", "万只"),
    ("万名", "万名"),
    ("万套", "万套"),
    ("万辆", "万辆"),
    ("公里", "公里"),
    ("户", "户"),
    // counts and measures of the targets lists of later years (新增高新技术
    // 企业80家, 城镇新增就业岗位10万个, PM2.5浓度35微克/立方米, 优良天数300天)
    ("万个", "万个"),
    ("个", "个"),
    // homes, areas, vehicles, places and visits (保障性住房新开工5000套,
    // 造林3000亩, 新建学校5所, 接待游客80万人次)
    ("套", "套"),
    ("亩", "亩"),
    ("辆", "辆"),
    ("所", "所"),
    ("座", "座"),
    ("台", "台"),
    ("名", "名"),
    ("头只", "头只"),
    ("头", "头"),
    ("只", "只"),
    ("千瓦", "千瓦"),
    ("万公顷", "万公顷"),
    ("平方米", "平方米"),
    ("家", "家"),
    ("项", "项"),
    ("天", "天"),
    ("微克/立方米", "微克/立方米"),
    // (the symbols a page may write it in)
    ("微克每立方米", "微克/立方米"),
    ("μg/m³", "微克/立方米"),
    ("μg/m3", "微克/立方米"),
    ("ug/m³", "微克/立方米"),
    ("ug/m3", "微克/立方米"),
    ("万标箱", "万标箱"),
    // (liquor and beer output: 白酒产量稳定在30万千升左右)
    ("万千升", "万千升"),
    ("千升", "千升"),
    ("亿立方米", "亿立方米"),
    ("万立方米", "万立方米"),
    ("平方公里", "平方公里"),
    ("公顷", "公顷"),
    ("%", "%"),
    ("‰", "‰"),
];

/// Units a Chinese numeral may carry (others, like 个, make idioms such as
/// 两个维护 look like figures).
fn unit_ok_for_cn(unit: &str) -> bool {
    !matches!(
        unit,
        "个" | "人" | "户" | "家" | "吨" | "元" | "套" | "辆" | "所" | "座" | "台" | "名" | "人次"
    )
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Num {
    /// Index of the first char (of the figure, `百分之` included).
    pub(crate) start: usize,
    /// Index after the unit (and after 以上/左右 … when present).
    pub(crate) end: usize,
    pub(crate) value: f64,
    /// High end of a range.
    pub(crate) max: Option<f64>,
    pub(crate) unit: &'static str,
    /// Qualifier written with the figure itself (多, 以上, 左右, range), if any.
    pub(crate) qual: Option<Qualifier>,
}

pub(crate) fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    )
}

pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_cn_num_char(c: char) -> bool {
    is_cn_digit(c) || matches!(c, '十' | '百' | '千' | '点')
}

/// Value of a Chinese numeral without 万/亿 (`四百六十`, `两千〇一十`, `六点五`, `十五`).
pub(crate) fn parse_cn(s: &[char]) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let (int_part, frac_part) = match s.iter().position(|&c| c == '点') {
        Some(p) => (&s[..p], Some(&s[p + 1..])),
        None => (s, None),
    };
    let mut total: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut any = false;
    for &c in int_part {
        if let Some(d) = cn_digit(c) {
            digit = Some(u64::from(d));
            any = true;
        } else {
            let mult = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => return None,
            };
            total += digit.unwrap_or(1) * mult;
            digit = None;
            any = true;
        }
    }
    if !any && frac_part.is_none() {
        return None;
    }
    // 两千〇一十: the 〇 only marks a skipped place
    total += digit.unwrap_or(0);
    let Some(frac) = frac_part else {
        return Some(total as f64);
    };
    if frac.is_empty() {
        return None;
    }
    // read as the digits would be written (四点八六 is 4.86, not a sum of
    // tenths and hundredths that lands on 4.859999…)
    let mut written = format!("{total}.");
    for &c in frac {
        written.push(char::from_digit(cn_digit(c)?, 10)?);
    }
    written.parse().ok()
}

/// Matches one of `UNITS` at `i`, or a bare 万 or 亿 that ends its clause
/// (农村贫困人口减少130万，) or comes before the people it counts (15万农村
/// 贫困人口脱贫): a count of ten thousands.
fn unit_at(c: &[char], i: usize) -> Option<(&'static str, usize)> {
    for &(w, u) in UNITS {
        // (compared char by char, giving up at the first that differs, and
        // counted only when it is there: this runs for every unit at every
        // figure)
        if starts_with(c, i, w) {
            return Some((u, i + w.chars().count()));
        }
    }
    let clause_ends = |k: usize| {
        c.get(k).is_none_or(|&x| {
            matches!(
                x,
                '，' | '。' | '；' | '、' | '\n' | '以' | '左' | '贫' | '农'
            )
        })
    };
    // (…突破3000亿，: a headline's hundred millions of yuan, 元 left out as
    // 万亿 leaves it)
    match c.get(i) {
        // (gold weighed in taels, 黄金产量稳定在五十万两以上; not 1万两千, a
        // number going on)
        Some('万')
            if c.get(i + 1) == Some(&'两')
                && !c
                    .get(i + 2)
                    .is_some_and(|&x| is_cn_num_char(x) || x.is_ascii_digit()) =>
        {
            Some(("万两", i + 2))
        }
        Some('万') if clause_ends(i + 1) => Some(("万", i + 1)),
        Some('亿') if clause_ends(i + 1) => Some(("亿", i + 1)),
        _ => None,
    }
}

fn starts_with(c: &[char], i: usize, w: &str) -> bool {
    w.chars().enumerate().all(|(j, x)| c.get(i + j) == Some(&x))
}

/// A bare figure at `i`: (value, end, is_chinese).
fn bare_number(c: &[char], i: usize) -> Option<(f64, usize, bool)> {
    let first = *c.get(i)?;
    if first.is_ascii_digit() {
        let mut j = i;
        let mut s = String::new();
        while j < c.len() {
            let ch = c[j];
            if ch.is_ascii_digit() {
                s.push(ch);
            } else if ch == '.'
                && c.get(j + 1).is_some_and(char::is_ascii_digit)
                && !s.contains('.')
            {
                s.push('.');
            } else if ch == ','
                && c.get(j + 1).is_some_and(char::is_ascii_digit)
                && !s.contains('.')
            {
                // thousands separator (the normaliser kept only those as ASCII)
            } else {
                break;
            }
            j += 1;
        }
        if s.len() > 15 {
            return None;
        }
        return s.parse().ok().map(|v| (v, j, false));
    }
    if is_cn_num_char(first) && first != '点' {
        let mut j = i;
        while j < c.len() && is_cn_num_char(c[j]) && j - i < 12 {
            j += 1;
        }
        let mut v = parse_cn(&c[i..j])?;
        // 一万五千人: a 万 inside the numeral (a 万 before the unit belongs to the unit)
        if matches!(c.get(j), Some('万'))
            && c.get(j + 1)
                .is_some_and(|&x| is_cn_num_char(x) && x != '点')
        {
            let mut k = j + 1;
            while k < c.len() && is_cn_num_char(c[k]) && k - j < 12 {
                k += 1;
            }
            if let Some(low) = parse_cn(&c[j + 1..k]) {
                v = v * 10000.0 + low;
                j = k;
            }
        }
        return Some((v, j, true));
    }
    None
}

/// A figure in hundred millions and ten thousands (二十五亿三千万元, 1亿8600万元)
/// whose hundred millions `v` end at `j` (on 亿): the whole in the unit of
/// hundred millions (25.3亿元).
fn hundred_millions_and_ten_thousands(c: &[char], i: usize, v: f64, j: usize) -> Option<Num> {
    if c.get(j) != Some(&'亿') {
        return None;
    }
    let (low, k, _) = bare_number(c, j + 1)?;
    let (unit, end) = unit_at(c, k)?;
    let rest = unit.strip_prefix('万')?;
    let unit = UNITS
        .iter()
        .find(|(w, _)| w.strip_prefix('亿') == Some(rest))
        .map(|&(_, u)| u)?;
    (low < 10_000.0).then_some(Num {
        start: i,
        end,
        value: (v * 10_000.0 + low) / 10_000.0,
        max: None,
        unit,
        qual: None,
    })
}

/// Whether `c[..i]` ends on the acronym of a measure (GDP, CPI, PPI) and
/// `c[i]` is a digit: the figure written straight after its name.
fn after_a_measures_acronym(c: &[char], i: usize) -> bool {
    i >= 3
        && c[i].is_ascii_digit()
        && matches!(c[i - 3..i], ['G', 'D', 'P'] | ['C' | 'P', 'P', 'I'])
        && (i == 3 || !c[i - 4].is_ascii_alphanumeric())
}

/// Skips 多/余/多万 markers after a bare figure.
fn more_marker(c: &[char], j: usize) -> (bool, usize) {
    match c.get(j) {
        Some('多' | '余') => (true, j + 1),
        _ => (false, j),
    }
}

/// A unit whose ten-thousands or hundred-millions come before 多/余 (1万多人,
/// 60万余吨): the unit as if written whole (万人) and where it ends.
fn unit_after_more(c: &[char], j: usize) -> Option<(&'static str, usize)> {
    let multiplier = *c.get(j).filter(|&&m| matches!(m, '万' | '亿'))?;
    if !matches!(c.get(j + 1), Some('多' | '余')) {
        return None;
    }
    // (the first of UNITS, as unit_at reads them, that opens on the
    // multiplier and goes on after 多)
    UNITS.iter().find_map(|&(w, u)| {
        let rest = w.strip_prefix(multiplier).filter(|r| !r.is_empty())?;
        starts_with(c, j + 2, rest).then(|| (u, j + 2 + rest.chars().count()))
    })
}

const RANGE_SEPS: &[&str] = &["——", "—", "-", "~", "至于", "至於", "至", "到"];

/// A growth told in tenths or multiples right after its verb (增长两成 is
/// 20%, 增加一倍 is 100%): the figure as a per cent.
fn growth_in_words(c: &[char], i: usize) -> Option<Num> {
    // (the cheap test first: this is asked at every char a figure may start at)
    let scale = match c.get(i + 1) {
        Some('成') => 10.0,
        Some('倍') => 100.0,
        _ => return None,
    };
    let after_verb = i >= 2
        && ["增长", "增加", "提高", "扩大"]
            .iter()
            .any(|v| starts_with(c, i - 2, v));
    if !after_verb {
        return None;
    }
    let d = match c.get(i)? {
        '两' => 2.0,
        &x if x.is_ascii_digit() => f64::from(x.to_digit(10)?),
        &x if is_cn_digit(x) => parse_cn(&[x])?,
        _ => return None,
    };
    Some(Num {
        start: i,
        end: i + 2,
        value: d * scale,
        max: None,
        unit: "%",
        qual: None,
    })
}

/// A milestone of one ten-thousand written without its one (农村居民人均纯收入
/// 突破万元, 跨上万亿元台阶): 1 in the unit.
fn one_ten_thousand(c: &[char], i: usize) -> Option<Num> {
    if c.get(i) != Some(&'万') {
        return None;
    }
    let after_verb = ["突破", "超过", "达到", "跨上", "迈上", "站上", "跨越"]
        .iter()
        .any(|v| i >= 2 && starts_with(c, i - 2, v));
    let (unit, end) = unit_at(c, i)?;
    (after_verb && unit.starts_with('万') && unit.chars().count() > 1).then_some(Num {
        start: i,
        end,
        value: 1.0,
        max: None,
        unit,
        qual: None,
    })
}

/// The figure starting at `i`, if there is one there.
pub(crate) fn number_at(c: &[char], i: usize) -> Option<Num> {
    // (跨越3个千亿元台阶: a numeral after a count's 个 names the steps, not a
    // figure)
    if i > 0 && c[i - 1] == '个' && is_cn_num_char(c[i]) {
        return None;
    }
    if starts_with(c, i, "两位数") {
        return Some(Num {
            start: i,
            end: i + 3,
            value: 10.0,
            max: None,
            unit: "%",
            qual: Some(Qualifier::AtLeast),
        });
    }
    if let Some(n) = growth_in_words(c, i) {
        return Some(n);
    }
    if let Some(n) = one_ten_thousand(c, i) {
        return Some(n);
    }
    if starts_with(c, i, "千分之") {
        let (v, j, _) = bare_number(c, i + 3)?;
        return Some(Num {
            start: i,
            end: j,
            value: v,
            max: None,
            unit: "‰",
            qual: None,
        });
    }
    if starts_with(c, i, "百分之") {
        let (v, j, _) = bare_number(c, i + 3)?;
        let mut n = Num {
            start: i,
            end: j,
            value: v,
            max: None,
            unit: "%",
            qual: None,
        };
        // 百分之六至百分之七
        for sep in ["至", "到", "-", "—"] {
            if starts_with(c, j, sep) {
                let k = j + sep.chars().count();
                let k = if starts_with(c, k, "百分之") {
                    k + 3
                } else {
                    k
                };
                if let Some((v2, e2, _)) = bare_number(c, k) {
                    n.max = Some(v2);
                    n.end = e2;
                    n.qual = Some(Qualifier::Range);
                }
                break;
            }
        }
        return Some(n);
    }
    let prev = if i > 0 { c.get(i - 1).copied() } else { None };
    if let Some(p) = prev {
        // (a digit after letters is a code's, PM2.5, CO2, unless the letters
        // name the measure the figure is of: GDP970亿元, CPI3%)
        if (p.is_ascii_alphanumeric() && !after_a_measures_acronym(c, i))
            || p == '.'
            || p == '_'
            || p == '第'
            || p == '/'
        {
            return None;
        }
        if is_cn_num_char(p) && !c[i].is_ascii_digit() {
            return None;
        }
    }
    let (v, j, cn) = bare_number(c, i)?;
    if let Some(n) = hundred_millions_and_ten_thousands(c, i, v, j) {
        return Some(n);
    }
    let (more, j) = more_marker(c, j);
    let (more, unit_end) = match unit_after_more(c, j) {
        Some(u) => (true, Some(u)),
        None => (more, unit_at(c, j)),
    };
    if let Some((unit, k)) = unit_end {
        if cn && !unit_ok_for_cn(unit) && v < 100.0 {
            return None;
        }
        let mut n = Num {
            start: i,
            end: k,
            value: v,
            max: None,
            unit,
            qual: more.then_some(Qualifier::AtLeast),
        };
        // 6%-6.5%, 6%—6.5%, 6%~7%, 6%到7%
        for sep in RANGE_SEPS {
            if starts_with(c, k, sep) {
                let s2 = k + sep.chars().count();
                if let Some((v2, e2, cn2)) = bare_number(c, s2)
                    && cn2 == cn
                {
                    let e3 = unit_at(c, e2).filter(|&(u2, _)| u2 == unit).map(|(_, e)| e);
                    if let Some(e3) = e3 {
                        n.max = Some(v2);
                        n.end = e3;
                        n.qual = Some(Qualifier::Range);
                    } else if unit == "%" && !c.get(e2).is_some_and(|ch| ch.is_alphanumeric()) {
                        n.max = Some(v2);
                        n.end = e2;
                        n.qual = Some(Qualifier::Range);
                    }
                }
                break;
            }
        }
        // 增长7%7.5%: a page that lost the dash of a range (the second
        // figure a little above the first, in the same unit)
        if unit == "%"
            && n.max.is_none()
            && c.get(k).is_some_and(char::is_ascii_digit)
            && let Some((v2, e2, false)) = bare_number(c, k)
            && let Some(("%", e3)) = unit_at(c, e2)
            && v2 > v
            && v2 - v <= 3.0
        {
            n.max = Some(v2);
            n.end = e3;
            n.qual = Some(Qualifier::Range);
        }
        // 增长7.5%以上8%以下 (or 6.5%以上、7%以内): a range told by its two
        // bounds; 增长6%与7%之间, 6%和7%之间: by the two figures it lies between
        let high = if n.max.is_some() {
            None
        } else if starts_with(c, k, "以上") {
            let second = k + 2 + usize::from(c.get(k + 2).is_some_and(|x| "、，,".contains(*x)));
            high_end(c, second, (v, cn, unit), &["以下", "以内"])
        } else if matches!(c.get(k), Some('与' | '和')) {
            high_end(c, k + 1, (v, cn, unit), &["之间"])
        } else {
            None
        };
        if let Some((v2, end)) = high {
            n.max = Some(v2);
            n.end = end;
            n.qual = Some(Qualifier::Range);
        }
        return Some(n);
    }
    if let Some(n) = lost_percent(c, i, v, j) {
        return Some(n);
    }
    // 6至6.5%, 6-7%: a bare figure before a range separator
    for sep in RANGE_SEPS {
        if starts_with(c, j, sep) {
            let s2 = j + sep.chars().count();
            if let Some((v2, e2, cn2)) = bare_number(c, s2)
                && cn2 == cn
            {
                let (_, e2) = more_marker(c, e2);
                if let Some((unit, k)) = unit_at(c, e2) {
                    if cn && !unit_ok_for_cn(unit) && v < 100.0 {
                        return None;
                    }
                    return Some(Num {
                        start: i,
                        end: k,
                        value: v,
                        max: Some(v2),
                        unit,
                        qual: Some(Qualifier::Range),
                    });
                }
            }
            break;
        }
    }
    None
}

/// The high end of a range whose low end `v` (in Chinese numerals when
/// `cn`, in `unit`) a word or a comma leaves before it: the figure at
/// `from`, written the same way, above `v` and followed by one of `ends`
/// (以下, 之间 …, all of two chars); its value and where the range ends.
fn high_end(
    c: &[char],
    from: usize,
    (v, cn, unit): (f64, bool, &str),
    ends: &[&str],
) -> Option<(f64, usize)> {
    let (v2, e2, cn2) = bare_number(c, from)?;
    let (u2, e3) = unit_at(c, e2)?;
    (cn2 == cn && u2 == unit && v2 > v && ends.iter().any(|w| starts_with(c, e3, w)))
        .then_some((v2, e3 + 2))
}

/// A figure whose per cent sign a page lost (生产总值增长15，城镇登记失业率
/// 控制在4.2以内): a plain number under 100 right after a verb of growth or
/// of a ceiling, ending the clause or followed by its qualifier. Its unit
/// is left empty (the page does not say it), not guessed.
fn lost_percent(c: &[char], i: usize, v: f64, j: usize) -> Option<Num> {
    const VERBS: &[&str] = &["增长", "增速", "控制在", "下降", "降低", "上涨"];
    if !(0.0..100.0).contains(&v) || !c.get(i).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let before: String = c[i.saturating_sub(4)..i].iter().collect();
    if !VERBS.iter().any(|w| before.ends_with(w)) {
        return None;
    }
    let ends = c
        .get(j)
        .is_none_or(|&x| matches!(x, '，' | '；' | '。' | '、' | '\n'));
    let qualified = ["以上", "以内", "左右", "以下"]
        .iter()
        .any(|w| starts_with(c, j, w));
    (ends || qualified).then_some(Num {
        start: i,
        end: j,
        value: v,
        max: None,
        unit: "",
        qual: None,
    })
}

/// Every figure in `c[from..to]`, left to right, not overlapping.
pub(crate) fn scan(c: &[char], from: usize, to: usize) -> Vec<Num> {
    let to = to.min(c.len());
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if let Some(n) = number_at(&c[..to], i) {
            i = n.end.max(i + 1);
            out.push(n);
        } else {
            // skip the rest of a digit run so 2025年 is not read as 025年
            let ch = c[i];
            i += 1;
            if ch.is_ascii_digit() {
                while i < to && (c[i].is_ascii_digit() || c[i] == '.') {
                    i += 1;
                }
            } else if is_cn_num_char(ch) {
                while i < to && is_cn_num_char(c[i]) {
                    i += 1;
                }
            }
        }
    }
    out
}

/// A price index written bare, with no unit (居民消费价格指数约为103,
/// 控制在103左右): a figure between 90 and 130 whose digits end the figure.
pub(crate) fn bare_index(c: &[char], from: usize, to: usize) -> Option<Num> {
    let to = to.min(c.len());
    (from..to).find_map(|i| {
        if !c[i].is_ascii_digit() || i > 0 && (c[i - 1].is_ascii_digit() || c[i - 1] == '.') {
            return None;
        }
        let (v, j, _) = bare_number(&c[..to], i)?;
        let after = c.get(j).copied();
        let bare = after.is_none_or(|a| !a.is_ascii_digit() && !UNIT_FIRST.contains(a) && a != '%');
        ((90.0..=130.0).contains(&v) && bare).then(|| {
            let q = qual_after(c, j);
            Num {
                start: i,
                end: q.map_or(j, |(_, e)| e),
                value: v,
                max: None,
                unit: "",
                qual: q.map(|(q, _)| q),
            }
        })
    })
}

/// The first chars of the units a figure may carry, and of 年 (a year).
const UNIT_FIRST: &str = "万亿兆千百元吨斤人个户家项天微标立平公套亩辆所座台名年月日%‰";

/// Qualifier words written right after a figure: (qualifier, end).
pub(crate) fn qual_after(c: &[char], i: usize) -> Option<(Qualifier, usize)> {
    const AFTER: &[(&str, Qualifier)] = &[
        ("及以上", Qualifier::AtLeast),
        ("或以上", Qualifier::AtLeast),
        ("及以下", Qualifier::AtMost),
        ("或以下", Qualifier::AtMost),
        ("以上", Qualifier::AtLeast),
        ("之上", Qualifier::AtLeast),
        ("以内", Qualifier::AtMost),
        ("之内", Qualifier::AtMost),
        ("以下", Qualifier::AtMost),
        ("左右", Qualifier::About),
        ("上下", Qualifier::About),
    ];
    // (增长10%强: a little more than 10%, a floor; 强化 after a figure is a verb)
    if c.get(i) == Some(&'强')
        && c.get(i + 1)
            .is_none_or(|&x| !crate::norm::is_unified_han(x))
    {
        return Some((Qualifier::AtLeast, i + 1));
    }
    // (an excerpt cut inside 左右 at its very end: 增长8%左)
    if c.get(i) == Some(&'左') && c.get(i + 1).is_none_or(|x| x.is_whitespace()) {
        return Some((Qualifier::About, i + 1));
    }
    // (the bound itself included, 增长6.5%（含）以上: the note stands before the word)
    let i = if matches!(c.get(i), Some('(' | '（'))
        && c.get(i + 1) == Some(&'含')
        && matches!(c.get(i + 2), Some(')' | '）'))
    {
        i + 3
    } else {
        i
    };
    AFTER
        .iter()
        .find(|(w, _)| starts_with(c, i, w))
        .map(|(w, q)| (*q, i + w.chars().count()))
}

/// Qualifier words written right before a figure (`不低于5%`, `突破500亿元`).
pub(crate) fn qual_before(c: &[char], start: usize, i: usize) -> Option<Qualifier> {
    const BEFORE: &[(&str, Qualifier)] = &[
        ("≥", Qualifier::AtLeast),
        (">=", Qualifier::AtLeast),
        (">", Qualifier::AtLeast),
        ("≤", Qualifier::AtMost),
        ("<=", Qualifier::AtMost),
        ("<", Qualifier::AtMost),
        ("不低于", Qualifier::AtLeast),
        ("不少于", Qualifier::AtLeast),
        // 至少达到: a floor
        ("至少", Qualifier::AtLeast),
        ("至少达到", Qualifier::AtLeast),
        ("超过", Qualifier::AtLeast),
        // 增长超8%, 就业超5万人 (不超5%: a ceiling)
        ("超", Qualifier::AtLeast),
        ("不超", Qualifier::AtMost),
        ("突破", Qualifier::AtLeast),
        // 迈上1200亿元台阶
        ("迈上", Qualifier::AtLeast),
        ("跨上", Qualifier::AtLeast),
        // 跨越千亿元大关
        ("跨越", Qualifier::AtLeast),
        ("站上", Qualifier::AtLeast),
        ("高于", Qualifier::AtLeast),
        ("大于", Qualifier::AtLeast),
        ("不超过", Qualifier::AtMost),
        ("不高于", Qualifier::AtMost),
        ("低于", Qualifier::AtMost),
        ("少于", Qualifier::AtMost),
        // (增长逾6%: above it)
        ("逾", Qualifier::AtLeast),
        ("大约", Qualifier::About),
        // 增长近6%, 接近3%: close to it
        ("近", Qualifier::About),
        ("约", Qualifier::About),
    ];
    let before: String = c[start.min(i)..i].iter().collect();
    // (约为103, 约在3%: the copula after the word)
    let before = ["为", "在", "是"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .filter(|b| b.ends_with('约'))
        .unwrap_or(&before);
    // allow a verb between the word and the figure: 超过增长 is rare, 增长超过 common
    // (the longest word that ends there: 不超过 is a ceiling, not 超过's floor)
    BEFORE
        .iter()
        .filter(|(w, _)| before.ends_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|(_, q)| *q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn first(s: &str) -> Num {
        let c = chars(s);
        scan(&c, 0, c.len()).into_iter().next().expect("a figure")
    }

    #[test]
    fn hundred_millions_with_ten_thousands() {
        let n = first("全县生产总值达到二十五亿三千万元，");
        assert_eq!((n.value, n.unit), (25.3, "亿元"));
        let n = first("财政收入1亿8600万元");
        assert_eq!((n.value, n.unit), (1.86, "亿元"));
        // (a figure in 亿 alone, and one in 万 alone, as before)
        let n = first("达到二十五亿元");
        assert_eq!((n.value, n.unit), (25.0, "亿元"));
        assert_eq!(first("三千万元").unit, "万元");
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_cn(&chars("七")), Some(7.0));
        assert_eq!(parse_cn(&chars("六点五")), Some(6.5));
        // (the figure a reader writes, not a sum of tenths and hundredths)
        assert_eq!(parse_cn(&chars("四点八六")), Some(4.86));
        assert_eq!(parse_cn(&chars("两千〇一十")), Some(2010.0));
        assert_eq!(parse_cn(&chars("四百六十")), Some(460.0));
        assert_eq!(parse_cn(&chars("十五")), Some(15.0));
        assert_eq!(parse_cn(&chars("二十")), Some(20.0));
        assert_eq!(parse_cn(&chars("点")), None);
    }

    #[test]
    fn percent_forms() {
        assert_eq!(first("增长百分之七").value.to_string(), "7");
        assert_eq!(first("增长百分之六点五").value.to_string(), "6.5");
        let permille = first("人口自然增长率控制在千分之四点五以内");
        assert_eq!((permille.value, permille.unit), (4.5, "‰"));
        let n = first("增长5.5%左右");
        assert_eq!((n.value, n.unit), (5.5, "%"));
        assert_eq!(first("提高1个百分点").unit, "个百分点");
        assert_eq!(first("增长5‰").unit, "‰");
    }

    #[test]
    fn amounts_with_more_marker() {
        let n = first("达到四百六十多亿元");
        assert_eq!(
            (n.value, n.unit, n.qual),
            (460.0, "亿元", Some(Qualifier::AtLeast))
        );
        let n = first("两千〇一十亿元");
        assert_eq!((n.value, n.unit), (2010.0, "亿元"));
        let n = first("1,300万吨");
        assert_eq!((n.value, n.unit), (1300.0, "万吨"));
        let n = first("新增就业一万五千人");
        assert_eq!((n.value, n.unit), (15000.0, "人"));
        let n = first("增长两位数");
        assert_eq!((n.value, n.qual), (10.0, Some(Qualifier::AtLeast)));
    }

    #[test]
    fn a_range_that_lost_its_dash() {
        let c: Vec<char> = "增长7%7.5%，增长7%12%".chars().collect();
        let got: Vec<(f64, Option<f64>)> = scan(&c, 0, c.len())
            .iter()
            .map(|n| (n.value, n.max))
            .collect();
        assert_eq!(got, [(7.0, Some(7.5)), (7.0, None), (12.0, None)]);
    }

    #[test]
    fn ranges() {
        for s in [
            "增长6%-6.5%",
            "增长6%—6.5%",
            "增长6%——6.5%",
            "增长6至6.5%",
            "增长6%~6.5%",
            "增长6%到6.5%",
            "增长6-6.5%",
            // (told by its bounds, or by the figures it lies between)
            "增长6%以上6.5%以下",
            "增长6%以上、6.5%以内",
            "增长6%与6.5%之间",
            "增长6%和6.5%之间",
        ] {
            let n = first(s);
            assert_eq!(
                (n.value, n.max, n.qual),
                (6.0, Some(6.5), Some(Qualifier::Range)),
                "{s}"
            );
        }
    }

    #[test]
    fn a_bare_hundred_million_ends_its_clause() {
        // (突破3000亿，: 元 left out; 1000亿级 is a size class, no figure)
        let c = chars("地区生产总值突破3000亿，");
        let n = scan(&c, 0, c.len());
        assert_eq!((n[0].value, n[0].unit), (3000.0, "亿"));
        let c = chars("打造1000亿级产业集群");
        assert!(scan(&c, 0, c.len()).iter().all(|x| x.unit != "亿"));
    }

    #[test]
    fn kilolitres_are_a_unit() {
        let c = chars("白酒产量稳定在30万千升左右");
        let n = scan(&c, 0, c.len());
        assert_eq!((n[0].value, n[0].unit), (30.0, "万千升"));
    }

    #[test]
    fn not_figures() {
        let c = chars("2025年位列全国第3，两个维护，十四五规划，第一，PM2.5浓度");
        assert!(scan(&c, 0, c.len()).is_empty());
    }

    #[test]
    fn qualifier_words() {
        let c = chars("不低于5%");
        assert_eq!(qual_before(&c, 0, 3), Some(Qualifier::AtLeast));
        let c = chars("增长≥6%");
        assert_eq!(qual_before(&c, 0, 3), Some(Qualifier::AtLeast));
        let c = chars("5%以内");
        assert_eq!(qual_after(&c, 2).map(|q| q.0), Some(Qualifier::AtMost));
        // (增长逾6%: above it)
        let c = chars("增长逾6%");
        assert_eq!(qual_before(&c, 0, 3), Some(Qualifier::AtLeast));
        // the bound itself included, noted before the word
        for t in ["6.5%（含）以上", "6.5%(含)以上"] {
            let c = chars(t);
            assert_eq!(qual_after(&c, 4), Some((Qualifier::AtLeast, 9)), "{t}");
        }
        let c = chars("6.5%（含税）");
        assert_eq!(qual_after(&c, 4), None);
    }

    proptest! {
        #[test]
        fn arabic_percent_round_trips(int in 0u32..1000, frac in 0u32..10) {
            let s = format!("增长{int}.{frac}%以上");
            let n = first(&s);
            let want = f64::from(int) + f64::from(frac) / 10.0;
            prop_assert!((n.value - want).abs() < 1e-9);
            prop_assert_eq!(n.unit, "%");
            prop_assert_eq!(qual_after(&chars(&s), n.end).map(|q| q.0), Some(Qualifier::AtLeast));
        }

        #[test]
        fn chinese_numeral_matches_arabic(n in 1u32..10000) {
            let s = to_cn(n);
            prop_assert_eq!(parse_cn(&chars(&s)), Some(f64::from(n)));
        }

        #[test]
        fn scan_never_panics(s in "\\PC{0,60}") {
            let c = chars(&s);
            for n in scan(&c, 0, c.len()) {
                prop_assert!(n.start < n.end && n.end <= c.len());
            }
        }
    }

    /// Writes n (< 10000) as a Chinese numeral, the way reports do.
    fn to_cn(n: u32) -> String {
        const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        let marks = ["千", "百", "十", ""];
        let mut s = String::new();
        let mut zero = false;
        let lead = digits.iter().position(|&d| d != 0).unwrap_or(3);
        for k in lead..4 {
            let d = digits[k];
            if d == 0 {
                zero = true;
                continue;
            }
            if zero {
                s.push('〇');
                zero = false;
            }
            if !(k == 2 && d == 1 && s.is_empty()) {
                s.push(D[d as usize]);
            }
            s.push_str(marks[k]);
        }
        s
    }
}
