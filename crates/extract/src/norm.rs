//! A normalised view of the document text whose positions map back to the
//! original characters.
//!
//! Every original char is mapped through [`fold`] (full-width → ASCII,
//! traditional → simplified by the `fast2s` converter's character table plus
//! the variants machine-converted mirrors produce, ideographic space →
//! space); whitespace other than `\n` is then dropped, and so are the pinyin
//! glosses some mirrors inject inside words (`地區(qū)生產(chǎn)總值`). `orig[i]` is the char offset in the original text of the i-th
//! normalised char, so a span found in the normalised view gives exact char
//! offsets (and the exact original substring) in the document. The text's
//! paragraphs (lines) and sentences are ranges of this view.

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
    others: std::collections::HashMap<char, char>,
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
        others: std::collections::HashMap::new(),
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
fn widen(c: char) -> char {
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

/// The normalised view of a text.
#[derive(Debug, Clone)]
pub(crate) struct Norm {
    /// Normalised chars, whitespace (except `\n`) removed.
    pub(crate) chars: Vec<char>,
    /// Char offset in the original text of each normalised char (u32: the
    /// extractor reads at most [`crate::MAX_TEXT_CHARS`] chars).
    orig: Vec<u32>,
    /// The original text, as chars.
    pub(crate) src: Vec<char>,
    /// `chars` as one string, so [`Norm::text`] borrows instead of collecting.
    joined: String,
    /// Byte offset in `joined` of each char of `chars`, then `joined.len()`.
    at: Vec<u32>,
    /// Normalised offsets where a [`GLUE`] phrase (`的预期目标为`) was dropped:
    /// the phrase marks what follows as a target even though it is gone.
    pub(crate) glued: Vec<usize>,
}

impl Norm {
    pub(crate) fn new(text: &str) -> Norm {
        let src: Vec<char> = text.chars().collect();
        let mut chars = Vec::with_capacity(src.len());
        let mut orig = Vec::with_capacity(src.len());
        let mut joined = String::with_capacity(text.len());
        let mut at = Vec::with_capacity(src.len() + 1);
        let mut skip_to = 0;
        let mut glued = Vec::new();
        let soft = soft_line_breaks(&src);
        let tables = crate::table::edits(&src);
        let (mut next_insert, mut next_skip) = (0, 0);
        // a unit read after a figure maps to the figure's last char
        let mut insert_units = |upto: usize,
                                chars: &mut Vec<char>,
                                orig: &mut Vec<u32>,
                                at: &mut Vec<u32>,
                                joined: &mut String| {
            while let Some((p, unit)) = tables.insert.get(next_insert)
                && *p <= upto
            {
                for u in unit.chars() {
                    chars.push(u);
                    orig.push(offset(p - 1));
                    at.push(offset(joined.len()));
                    joined.push(u);
                }
                next_insert += 1;
            }
        };
        for (i, &c) in src.iter().enumerate() {
            // a table row reads as a sentence of the list (crate::table)
            insert_units(i, &mut chars, &mut orig, &mut at, &mut joined);
            while tables.skip.get(next_skip).is_some_and(|r| r.end <= i) {
                next_skip += 1;
            }
            if tables.skip.get(next_skip).is_some_and(|r| r.contains(&i)) {
                continue;
            }
            if i < skip_to || soft.binary_search(&i).is_ok() {
                continue;
            }
            // a space a page left as an entity (8%&nbsp;左右) is a space
            if c == '&'
                && let Some(w) = SPACE_ENTITIES
                    .iter()
                    .find(|w| src[i..].iter().take(w.len()).copied().eq(w.chars()))
            {
                skip_to = i + w.len();
                continue;
            }
            if let Some(end) = gloss_end(&src, i).or_else(|| jammer_end(&src, i)) {
                skip_to = end;
                continue;
            }
            if let Some(end) = glue_end(&src, i, chars.last().copied()) {
                glued.push(chars.len());
                skip_to = end;
                continue;
            }
            // 以?xún): a mirror that lost 內 of 以內 and garbled its gloss
            if c == '?'
                && chars.last() == Some(&'以')
                && let Some(end) = gloss_remnant_end(&src, i + 1)
            {
                chars.push('内');
                orig.push(offset(i));
                at.push(offset(joined.len()));
                joined.push('内');
                skip_to = end;
                continue;
            }
            // ⒋2: a digit with a full stop in one glyph (U+2488–U+2490)
            if ('\u{2488}'..='\u{2490}').contains(&c) {
                for f in [char::from(b'1' + (c as u32 - 0x2488) as u8), '.'] {
                    chars.push(f);
                    orig.push(offset(i));
                    at.push(offset(joined.len()));
                    joined.push(f);
                }
                continue;
            }
            let f = fold(c);
            // (is_dropped_space, without folding `c` twice: this runs on every char)
            let dropped = f != '\n' && f.is_whitespace();
            // spaces that set items apart (增长8%左右 一般公共预算收入增长6%)
            // part them as a comma would
            if dropped && spaces_apart_items(&chars, &src, i) {
                chars.push('，');
                orig.push(offset(i));
                at.push(offset(joined.len()));
                joined.push('，');
                continue;
            }
            if !dropped {
                // a comma between digits is a thousands separator: keep ASCII
                let f = if f == ',' && is_thousands_comma(&src, i) {
                    ','
                } else {
                    widen(f)
                };
                chars.push(f);
                orig.push(offset(i));
                at.push(offset(joined.len()));
                joined.push(f);
            }
        }
        insert_units(src.len(), &mut chars, &mut orig, &mut at, &mut joined);
        at.push(offset(joined.len()));
        Norm {
            chars,
            orig,
            src,
            joined,
            at,
            glued,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    /// Original char range of the normalised range `[s, e)`.
    pub(crate) fn orig_range(&self, s: usize, e: usize) -> (usize, usize) {
        if s >= e || s >= self.orig.len() {
            let p = self.orig.get(s).map_or(self.src.len(), |&p| p as usize);
            return (p, p);
        }
        let mut b = self.orig[e - 1] as usize + 1;
        // a gloss the normalisation dropped belongs to the char before it
        // (就業(yè)70萬人: the name 就業 ends after its gloss)
        if let Some(g) = (b < self.src.len())
            .then(|| gloss_end(&self.src, b))
            .flatten()
        {
            b = g;
        } else if self.src[b - 1] == '?'
            && let Some(g) = gloss_remnant_end(&self.src, b)
        {
            b = g;
        }
        (self.orig[s] as usize, b)
    }

    /// The original text of the normalised range `[s, e)`.
    pub(crate) fn orig_text(&self, s: usize, e: usize) -> String {
        let (a, b) = self.orig_range(s, e);
        self.src[a..b].iter().collect()
    }

    /// The normalised text of `[s, e)`.
    pub(crate) fn text(&self, s: usize, e: usize) -> &str {
        let (s, e) = (s.min(self.len()), e.min(self.len()));
        assert!(s <= e, "normalised range {s}..{e}");
        &self.joined[self.at[s] as usize..self.at[e] as usize]
    }
}

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

/// The shortest line (in chars) that may end at a wrap.
const WRAPPED_LINE_MIN: usize = 10;

/// How far (in chars, or display cells) a wrapped line's length may be
/// from the wrap width.
const WRAP_SLACK: usize = 2;

/// Spaces written as HTML entities on pages that escaped them twice (all
/// ASCII, so their length in chars is their length in bytes).
const SPACE_ENTITIES: &[&str] = &["&nbsp;", "&#160;", "&ensp;", "&emsp;", "&#12288;"];

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
fn soft_line_breaks(src: &[char]) -> Vec<usize> {
    // (most strings normalised are names and clauses of one line)
    if src.iter().filter(|&&c| c == '\n').count() < WRAPPED_LINES_MIN {
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
            if let Some(g) = gloss_end(src, i) {
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
        let item_end = last.is_some_and(|c| "%‰％右上内下".contains(c));
        let unfinished = chars >= WRAPPED_LINE_MIN
            && !row
            && last.is_some_and(|c| !"。！？；：…”」』）)!?;:".contains(c));
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
        for &w in counts.keys() {
            let support: usize = counts
                .range(w.saturating_sub(WRAP_SLACK)..=w + WRAP_SLACK)
                .map(|(_, k)| k)
                .sum();
            let longer = all.len() - all.partition_point(|&m| m <= w + WRAP_SLACK);
            // (a line under half the width is a paragraph's last line, a
            // dateline or a heading, wrapped or not; a footer's line of
            // addresses and numbers is no prose to wrap)
            let long_open = open
                .iter()
                .filter(|&&i| lines[i].prose && lines[i].measured[kind] * 2 >= w)
                .count();
            let fits = support >= WRAPPED_LINES_MIN
                && support * 100 >= long_open * WRAPPED_SHARE_PERCENT
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
        let numeral = |x: char| x.is_ascii_digit() || "一二三四五六七八九十".contains(x);
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

/// Where each line of `src` ends: at its `\n`, and the last at the end.
pub(crate) fn line_ends(src: &[char]) -> impl Iterator<Item = usize> + '_ {
    src.iter()
        .enumerate()
        .filter(|&(_, &c)| c == '\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(src.len()))
}

/// An offset as stored (texts are capped well below 4 GiB).
fn offset(i: usize) -> u32 {
    u32::try_from(i).expect("the extractor's text is capped at MAX_TEXT_CHARS")
}

/// Pinyin with a tone mark (or ü): what a gloss holds and Chinese prose never does.
fn is_toned(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

/// The end (exclusive) of what is left of a gloss whose opening bracket was
/// lost (`xún)`): 1–6 pinyin letters and a closing bracket.
fn gloss_remnant_end(src: &[char], i: usize) -> Option<usize> {
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
fn jammer_end(src: &[char], i: usize) -> Option<usize> {
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
fn gloss_end(src: &[char], i: usize) -> Option<usize> {
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

/// What news prose puts between a name and its figure
/// (`生产总值增长的预期目标为9%`, `生产总值目标为增长10%左右`): read as if
/// absent, so the name meets its figure as in a report's list.
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
];

/// The end (exclusive) of a [`GLUE`] phrase at `i`: after a name or its verb
/// (a Han char that is not a scope or a time word) and before a figure or
/// its verb.
fn glue_end(src: &[char], i: usize, prev: Option<char>) -> Option<usize> {
    // every phrase starts with one of these (as written, simplified or not)
    if !matches!(src[i], '的' | '预' | '預' | '目') {
        return None;
    }
    let prev = prev?;
    if !is_han(prev) || matches!(prev, '年' | '要' | '的' | '主' | '是' | '为') {
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
fn spaces_apart_items(chars: &[char], src: &[char], i: usize) -> bool {
    if i > 0 && is_dropped_space(src[i - 1]) || !figure_ends_at(chars, chars.len()) {
        return false;
    }
    src[i..]
        .iter()
        .find(|&&c| !is_dropped_space(c))
        .is_some_and(|&next| item_follows_figure(chars, chars.len(), fold(next)))
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
    !numeral_goes_on && !"左以上至到和及或与的为是之并且降升提增减下回达变".contains(next)
}

/// Whether the normalisation drops `c`: whitespace other than a line break
/// (full-width and no-break spaces, tabs and `\r` included).
fn is_dropped_space(c: char) -> bool {
    let f = fold(c);
    f != '\n' && f.is_whitespace()
}

fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

fn is_thousands_comma(src: &[char], i: usize) -> bool {
    let digit = |k: usize| src.get(k).is_some_and(char::is_ascii_digit);
    i > 0
        && digit(i - 1)
        && digit(i + 1)
        && digit(i + 2)
        && digit(i + 3)
        && !digit(i + 4)
        && src.get(i + 4) != Some(&'.')
}

/// A char of the CJK Unified Ideographs block (U+4E00–U+9FFF): what names of
/// regions and indicators are written in.
pub(crate) fn is_unified_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Normalises a dictionary or pattern string the same way as the text.
pub(crate) fn normalise(s: &str) -> String {
    Norm::new(s).joined
}

/// Paragraph ranges (normalised), empty ones dropped. A line that runs
/// bulleted items together (a page that lost its line breaks: 预期目标●地区
/// 生产总值增长5%以上●一般公共预算收入增长5%以上) is one paragraph a bullet,
/// as the page showed it.
pub(crate) fn paragraphs(n: &Norm) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, &c) in n.chars.iter().enumerate() {
        if c == '\n' {
            if i > s {
                split_bullets(n, (s, i), &mut out);
            }
            s = i + 1;
        }
    }
    if n.len() > s {
        split_bullets(n, (s, n.len()), &mut out);
    }
    out
}

/// The bullets that open list items, and nothing else, in report texts (a
/// list item may also open with ·, ○, a dash or ①…, which other text uses
/// too).
const BULLETS: &str = "●■◆▲★•◎□◇";

/// Line `[s, e)` as paragraphs: split before each bullet when a bullet
/// char stands in it twice or more after its start.
fn split_bullets(n: &Norm, (s, e): (usize, usize), out: &mut Vec<(usize, usize)>) {
    let line = &n.chars[s..e];
    let bullet = BULLETS
        .chars()
        .find(|&b| line[1..].iter().filter(|&&c| c == b).count() >= 2);
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
pub(crate) fn split_after(n: &Norm, s: usize, e: usize, ends: &[char]) -> Vec<(usize, usize)> {
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
/// but not 6.5) or a Chinese one with 、 or 是 (六、 六是).
pub(crate) fn list_marker_len(c: &[char], s: usize, e: usize) -> usize {
    let e = e.min(c.len());
    let mut k = s;
    while k < e && (BULLETS.contains(c[k]) || "·○-—>".contains(c[k]) || ('①'..='⑳').contains(&c[k]))
    {
        k += 1;
    }
    let closing = |open: char| match open {
        '「' => '」',
        '『' => '』',
        _ => '”',
    };
    while k < e && matches!(c[k], '“' | '「' | '『') && !c[k..e].contains(&closing(c[k])) {
        k += 1;
    }
    // a bracketed heading before the first item (【今年目标】经济增长5%左右)
    if k < e
        && c[k] == '【'
        && let Some(j) = c[k..e].iter().position(|&x| x == '】')
        && !c[k..k + j].iter().any(char::is_ascii_digit)
    {
        k += j + 1;
    }
    let from = k;
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
    while num < e && "一二三四五六七八九十".contains(c[num]) {
        num += 1;
    }
    if num > from && num < e && matches!(c[num], '是' | '、') {
        return num + 1 - s;
    }
    from - s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forums_jammer_is_dropped_and_rows_of_figures_are_kept() {
        let n = Norm::new(
            "●力争全市地区生产总值增长14%以上7 M& T\" a+ {* Q3 b( I7\n4 o* d, v6 G: p ●财政总收入增长18%以上",
        );
        assert_eq!(
            n.joined,
            "●力争全市地区生产总值增长14%以上\n●财政总收入增长18%以上"
        );
        // offsets still point into the original
        let at = n.joined.chars().position(|c| c == '财').expect("char");
        assert_eq!(n.orig_text(at, at + 1), "财");
        // a row of figures, row numbers, a Latin name are text
        for kept in ["增长 8% 7% 6% 5%", "1 2 3 4 5", "A B C D", "CPI 3% GDP 5%"] {
            assert_eq!(
                Norm::new(kept)
                    .joined
                    .chars()
                    .filter(char::is_ascii_graphic)
                    .count(),
                kept.chars().filter(char::is_ascii_graphic).count(),
                "{kept}"
            );
        }
    }

    #[test]
    fn list_markers_of_every_kind_and_what_is_none() {
        let len = |t: &str| {
            let c: Vec<char> = t.chars().collect();
            list_marker_len(&c, 0, c.len())
        };
        assert_eq!(len("●生产总值增长5%"), 1);
        assert_eq!(len("——城镇新增就业10万人"), 2);
        assert_eq!(len("①居民消费价格涨幅3%"), 1);
        assert_eq!(len("6.完成国家下达的目标"), 2);
        assert_eq!(len("12、粮食产量"), 3);
        assert_eq!(len("六是完成节能任务"), 2);
        assert_eq!(len("三、主要目标"), 2);
        // an opening quote the text does not close, a bullet before it
        assert_eq!(len("●“生产总值增长6%"), 2);
        assert_eq!(len("“十五五”规划"), 0);
        assert_eq!(len("【今年目标】经济增长5%左右"), 6);
        // a figure is no item number
        assert_eq!(len("6.5%左右"), 0);
        assert_eq!(len("生产总值增长5%"), 0);
        assert_eq!(len("十年"), 0);
    }

    #[test]
    fn a_lost_nei_with_its_garbled_gloss() {
        let n = Norm::new("控制在4.5%以?xún)，");
        assert_eq!(n.text(0, n.len()), "控制在4.5%以内，");
        // a question mark elsewhere stays
        assert_eq!(Norm::new("以?").text(0, 2), "以？");
        // the original text keeps the remnant
        let n = Norm::new("以?xún)，");
        assert_eq!(n.orig_text(0, 2), "以?xún)");
    }

    #[test]
    fn a_name_keeps_its_trailing_gloss() {
        let n = Norm::new("城鎮(zhèn)新增就業(yè)70萬(wàn)人");
        assert_eq!(n.text(0, 6), "城镇新增就业");
        assert_eq!(n.orig_text(0, 6), "城鎮(zhèn)新增就業(yè)");
        // at the very end of the text
        let n = Norm::new("就業(yè)");
        assert_eq!(n.orig_text(0, 2), "就業(yè)");
    }

    #[test]
    fn offsets_survive_spaces_and_full_width() {
        let t = "增长 ６.５ ％左右，地區生產總值";
        let n = Norm::new(t);
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "增长6.5%左右，地区生产总值");
        assert_eq!(n.orig_text(0, 6), "增长 ６.５ ％");
    }

    #[test]
    fn pinyin_glosses_are_dropped_and_offsets_kept() {
        let t = "地區(qū)生產(chǎn)總值增長（zhǎng）8%，目标(a)";
        let n = Norm::new(t);
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "地区生产总值增长8%，目标（a）");
        assert_eq!(n.orig_text(0, 6), "地區(qū)生產(chǎn)總值");
    }

    #[test]
    fn target_glue_between_name_and_figure_is_read_through() {
        let t = "生產總值增長的預期目標為9%、生产总值目标为增长10%左右。主要预期目标为：";
        let s: String = Norm::new(t).chars.iter().collect();
        assert_eq!(s, "生产总值增长9%、生产总值增长10%左右。主要预期目标为：");
    }

    #[test]
    fn digit_full_stop_glyphs_read_as_a_decimal_point() {
        let n = Norm::new("控制在⒋2以内");
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "控制在4.2以内");
        assert_eq!(n.orig_text(3, 6), "⒋2");
    }

    #[test]
    fn traditional_chars_outside_the_fixture_table_are_converted() {
        let s: String = Norm::new("糧食總產量穩定在歷史高位，鞏固")
            .chars
            .iter()
            .collect();
        assert_eq!(s, "粮食总产量稳定在历史高位，巩固");
    }

    #[test]
    fn thousands_comma_is_kept_and_clause_comma_widened() {
        let n = Norm::new("1,300万吨,增长5%");
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "1,300万吨，增长5%");
    }

    /// A hard-wrapped page's breaks inside a paragraph are dropped; a
    /// break before an item, after a sentence, or in a text whose lines are
    /// items of all lengths stays.
    #[test]
    fn a_hard_wrapped_paragraph_reads_as_one_line() {
        let text = "今年全省经济社会发展的主要预期目标是：地区生产\n总值增长5%-5.5%，规模以上工业增加值增长\n7.3%以上，固定资产投资增长3.5%左右，社\n会消费品零售总额增长4.5%以上，城镇、农村居\n民人均可支配收入分别增长4.5%。\n一、扎实推进科技创新和产业创新融合发展工作\n";
        let n = Norm::new(text);
        let lines: Vec<&str> = n.joined.lines().collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].contains("地区生产总值增长5%-5.5%"), "{}", lines[0]);
        assert!(lines[0].contains("增长7.3%以上"), "{}", lines[0]);
        // every char still maps back to the original
        let k = n
            .joined
            .find("总值")
            .map(|b| n.joined[..b].chars().count())
            .unwrap();
        assert_eq!(n.orig_text(k - 4, k + 2), "地区生产\n总值");
        // items one a line, of all lengths, are no wrap
        let items = "2020年成就:\n实现生产总值2.62万亿元,增长2.2%\n城乡居民人均可支配收入分别增长4.9%和8%\n固定资产投资增长4.1%\n规上工业增加值增长1%\n进出口总额增长7.3%\n城镇新增就业43.2万人\n减免税费650亿元以上\n";
        assert_eq!(
            Norm::new(items).joined.lines().count(),
            items.lines().count()
        );
        // nor is a list one item a line of like lengths, most ending on a figure
        let list = "今年全县主要预期目标\n地区生产总值增长8%左右\n一般公共预算收入增长7%\n固定资产投资增长12%\n社会消费品零售总额增长10%\n城镇新增就业5000人\n城镇登记失业率控制在4%以内\n";
        assert_eq!(Norm::new(list).joined.lines().count(), list.lines().count());
    }

    /// A page's footer of addresses, licence numbers and links (lines of
    /// their own lengths, not ending a sentence) does not hide the wrap of
    /// the prose above it.
    #[test]
    fn a_footer_does_not_hide_the_wrap() {
        let text = "上海市第十五届人民代表大会第三次会议今天上午开幕。上海市市长应勇作《政府\n工作报告》。\n应勇说,综合各方面因素,建议今年全市经济社会发展的主要预期目标是:全市生\n产总值增长6%左右,地方一般公共预算收入与上年基本持平,全社会研发经费支\n出相当于全市生产总值的比例保持在4%左右,城镇调查失业率、城镇登记失业率\n分别为4.8%左右和4.3%左右,居民人均可支配收入增长与经济增长基本同\n步,居民消费价格涨幅3%左右,环保投入相当于全市生产总值的比例保持在3%\n左右,单位生产总值能耗、主要污染物排放量继续下降。\n编辑:上海在线 shzx.com\n+版权所有 Copyright ©2003-2024 上海远方信息 上海\n在线 shzx.com All Rights Reserved. 网络作\n品传播权及著作权声明+ 媒体合作(发稿采访发布会等)电话:021-341\n21912 微信:yuanfangnet QQ:156988883\n沪公网安备 31011202002854号\n工信部ICP备案号:沪ICP备17046604号-10";
        let n = Norm::new(text);
        assert!(n.joined.contains("全市生产总值增长6%左右"), "{}", n.joined);
        assert!(n.joined.contains("研发经费支出相当于"), "{}", n.joined);
    }

    /// A space left as an entity is a space: it does not part a figure from
    /// its qualifier.
    #[test]
    fn space_entities_are_spaces() {
        let text = "地区生产总值增长8%&nbsp;左右，收入增长6%&#160;以上";
        let n = Norm::new(text);
        assert_eq!(n.joined, "地区生产总值增长8%左右，收入增长6%以上");
        let k = n.joined.chars().position(|c| c == '左').unwrap();
        assert_eq!(n.orig_text(k - 2, k + 2), "8%&nbsp;左右");
    }
}
