//! A normalised view of the document text whose positions map back to the
//! original characters.
//!
//! Every original char is mapped through [`fold`] (full-width → ASCII,
//! traditional → simplified by the `fast2s` converter's character table plus
//! the variants machine-converted mirrors produce, ideographic space →
//! space); whitespace other than `\n` is then dropped, and so are the pinyin
//! glosses some mirrors inject inside words (`地區(qū)生產(chǎn)總值`) and the
//! markup a page leaves around its list (`【地区生产总值】970亿元`,
//! `**地区生产总值**`, `<br>`: [`markup`]). `orig[i]` is the char offset in
//! the original text of the i-th normalised char, so a span found in the
//! normalised view gives exact char offsets (and the exact original
//! substring) in the document. The text's paragraphs (lines) and sentences
//! are ranges of this view.

mod artefacts;
mod boxes;
pub(crate) use boxes::{news_site_suffix, site_separator};
mod chars;
mod markup;
mod pages;
mod pairs;
mod split;
#[cfg(test)]
mod tests;
mod wrap;

pub(crate) use artefacts::{UNIT_CHARS, figure_ends_at, item_follows_figure};
use artefacts::{
    footnote_end, gloss_end, gloss_remnant_end, glue_end, jammer_end, may_open_glue,
    spaces_apart_items,
};
pub(crate) use chars::{fold, is_digit, is_unified_han, leading_clock_len};
use chars::{is_clock_colon, is_decimal_stop, is_thousands_comma, widen};
use markup::Markup;
pub(crate) use split::{
    PREDICATE_OPENINGS, clauses, is_cn_numeral, lines, list_marker_len, paragraphs, sentences,
};
use wrap::{SPACE_ENTITIES, breaks_inside_a_clause, breaks_inside_fragments, soft_line_breaks};
pub(crate) use wrap::{card_line, card_line_end, line_ends, line_ranges};

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
    /// Normalised offsets where a glue phrase ([`glue_end`]) (`的预期目标为`) was dropped:
    /// the phrase marks what follows as a target even though it is gone.
    pub(crate) glued: Vec<usize>,
}

/// The normalised text as it is written: its chars, each one's offset in
/// the source, and the chars as one string with their byte offsets.
struct Written {
    chars: Vec<char>,
    orig: Vec<u32>,
    joined: String,
    at: Vec<u32>,
}

impl Written {
    fn with_capacity(chars: usize, bytes: usize) -> Written {
        Written {
            chars: Vec::with_capacity(chars),
            orig: Vec::with_capacity(chars),
            joined: String::with_capacity(bytes),
            at: Vec::with_capacity(chars + 1),
        }
    }

    /// Writes `c`, read from the source char at `from`.
    // (this runs for every char of every text: with `#[inline]` alone the
    // compiler kept the call, 1 % of the extractor's instructions, measured
    // with `just bench-instructions`)
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn push(&mut self, c: char, from: usize) {
        self.chars.push(c);
        self.orig.push(offset(from));
        self.at.push(offset(self.joined.len()));
        self.joined.push(c);
    }
}

impl Norm {
    /// The normalised view of a document's text.
    pub(crate) fn new(text: &str) -> Norm {
        Norm::build(text, true)
    }

    /// The view of `text`; `page`: it is a document's text, whose years in
    /// Chinese digits are read as numbers (a name or a clause normalised to
    /// look it up is not asked: [`normalise`] runs thousands of times a text).
    fn build(text: &str, page: bool) -> Norm {
        let text_chars: Vec<char> = text.chars().collect();
        // (a page's number or a pager between two lines of a paragraph, a
        // box of links, a news site's name after the title: read as if
        // absent, the view made of the other chars and its offsets mapped
        // back at the end)
        let furniture = pages::without_page_furniture(text, &text_chars);
        let (written, kept): (Vec<char>, _) = match furniture {
            Some(keep) => (
                keep.iter().map(|&i| text_chars[i]).collect(),
                Some((text_chars, keep)),
            ),
            None => (text_chars, None),
        };
        // (an infographic that writes each figure above its name is read name
        // first: the view is made of the chars in that order, and its offsets
        // are mapped back to where each char is written at the end)
        let (src, reordered): (Vec<char>, _) = match pairs::figure_first_order(&written) {
            Some(order) => (
                order.iter().map(|&i| written[i]).collect(),
                Some((written, order)),
            ),
            None => (written, None),
        };
        // (a table copied one cell a line reads as the cleaner writes one,
        // a row a line with its cells parted by tabs: a char for a char, so
        // the offsets hold)
        // (and the breaks written back after, as `src` is the text as the
        // user has it)
        let mut src = src;
        let cell_breaks = if page && crate::table::may_copy_cells_a_line(text) {
            crate::table::cell_line_breaks(&src)
        } else {
            Vec::new()
        };
        for &b in &cell_breaks {
            src[b] = '\t';
        }
        let mut out = Written::with_capacity(src.len(), text.len());
        let mut skip_to = 0;
        // (the closing bracket of a name in brackets, dropped with its opening one)
        let mut name_closes = None;
        let mut glued = Vec::new();
        // (a string of one line, as most normalised here are, has no break to
        // read as soft)
        // (nor has an infographic read name first: its lines are its items,
        // short as a wrapped text's tail lines are)
        let mut soft = Vec::new();
        if reordered.is_none() && src.contains(&'\n') {
            soft = soft_line_breaks(&src);
            soft.extend(breaks_inside_a_clause(&src));
            soft.extend(breaks_inside_fragments(&src));
            // (a line that opens with a list's marker, ▪城镇调查失业率, starts an item)
            soft.retain(|&b| {
                src[b + 1..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_none_or(|&c| !split::is_marker(c))
            });
            soft.sort_unstable();
            soft.dedup();
        }
        // a year in Chinese digits (二〇二四年, 二0一0年) is read in Arabic ones,
        // char for char, from a copy (`src` stays as written)
        let with_years = if page {
            chars::with_arabic_years(text, &src)
        } else {
            None
        };
        let read: &[char] = with_years.as_deref().unwrap_or(&src);
        let mut tables = crate::table::edits(&src, page && crate::table::may_space_a_table(text));
        // (a sentence's opening glued to the last target, …完成省下达目标实现
        // 上述目标，重点抓好以下工作, …以上报告强调: a full stop read between them)
        if page && artefacts::may_glue_an_opening(text) {
            tables.insert.extend(artefacts::glued_openings(&src));
            tables.insert.sort_by_key(|&(p, _)| p);
        }
        let (mut next_insert, mut next_skip) = (0, 0);
        let has_inserts = !tables.insert.is_empty();
        // a unit read after a figure maps to the figure's last char
        let mut insert_units = |upto: usize, out: &mut Written| {
            while let Some((p, unit)) = tables.insert.get(next_insert)
                && *p <= upto
            {
                for u in unit.chars() {
                    out.push(u, p - 1);
                }
                next_insert += 1;
            }
        };
        for (i, &c) in read.iter().enumerate() {
            // a table row reads as a sentence of the list (crate::table)
            // (most texts have no table: no call per char)
            if has_inserts {
                insert_units(i, &mut out);
            }
            while tables.skip.get(next_skip).is_some_and(|r| r.end <= i) {
                next_skip += 1;
            }
            if tables.skip.get(next_skip).is_some_and(|r| r.contains(&i)) {
                continue;
            }
            if i < skip_to || soft.binary_search(&i).is_ok() {
                continue;
            }
            // (most chars are Han that no rule below reads: pushed at once,
            // as this runs on every char of every text)
            if is_unified_han(c) && !may_open_glue(c) {
                out.push(fold(c), i);
                continue;
            }
            // an invisible char a page put between others (7\u{200b}.5%, 以\u{200c}内:
            // zero-width spaces and joiners, a word joiner, a byte-order mark,
            // a soft hyphen) is none
            if chars::is_invisible(c) {
                continue;
            }
            // a space a page left as an entity (8%&nbsp;左右) is a space
            if c == '&'
                && let Some(w) = SPACE_ENTITIES
                    .iter()
                    .find(|w| read[i..].iter().take(w.len()).copied().eq(w.chars()))
            {
                skip_to = i + w.len();
                continue;
            }
            if let Some(end) = gloss_end(read, i)
                .or_else(|| jammer_end(read, i))
                .or_else(|| footnote_end(read, i))
            {
                skip_to = end;
                continue;
            }
            if name_closes == Some(i) {
                continue;
            }
            // what a page's markup leaves: brackets around a name, markdown,
            // tags, escaped line breaks, keycaps, ○ (markup.rs)
            if let Some(m) = markup::read_at(read, i, out.chars.last().copied()) {
                match m {
                    Markup::Read { end, as_char } => {
                        if let Some(x) = as_char {
                            out.push(x, i);
                        }
                        skip_to = end;
                    }
                    Markup::NameBracket { close } => name_closes = Some(close),
                }
                continue;
            }
            if let Some(end) = glue_end(read, i, out.chars.last().copied()) {
                glued.push(out.chars.len());
                skip_to = end;
                continue;
            }
            // 以?xún): a mirror that lost 內 of 以內 and garbled its gloss
            if c == '?'
                && out.chars.last() == Some(&'以')
                && let Some(end) = gloss_remnant_end(read, i + 1)
            {
                out.push('内', i);
                skip_to = end;
                continue;
            }
            // ⒋2: a digit with a full stop in one glyph (U+2488–U+2490)
            if ('\u{2488}'..='\u{2490}').contains(&c) {
                for f in [char::from(b'1' + (c as u32 - 0x2488) as u8), '.'] {
                    out.push(f, i);
                }
                continue;
            }
            let f = fold(c);
            // (is_dropped_space, without folding `c` twice: this runs on every char)
            let dropped = f != '\n' && f.is_whitespace();
            // spaces that set items apart (增长8%左右 一般公共预算收入增长6%)
            // part them as a comma would
            if dropped && spaces_apart_items(&out.chars, read, i) {
                out.push('，', i);
                continue;
            }
            if !dropped {
                // a comma between digits is a thousands separator: keep ASCII
                let f = if f == '〇' && zero_among_digits(&out.chars, read, i) {
                    '0'
                } else if f == ',' && is_thousands_comma(read, i) {
                    ','
                } else if f == ':' && is_clock_colon(read, i) {
                    ':'
                } else if f == '。' && is_decimal_stop(read, i) {
                    '.'
                } else {
                    widen(f)
                };
                out.push(f, i);
            }
        }
        insert_units(src.len(), &mut out);
        let Written {
            chars,
            mut orig,
            joined,
            mut at,
        } = out;
        at.push(offset(joined.len()));
        // (each view maps back to the chars it was made of: the reordered
        // one to the text without furniture, that one to the text)
        for &b in &cell_breaks {
            src[b] = '\n';
        }
        for (chars_before, order) in [reordered, kept].into_iter().flatten() {
            for o in &mut orig {
                *o = offset(order[*o as usize]);
            }
            src = chars_before;
        }
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
        // (a figure read after its name stands before it in the original: the
        // range spans both)
        let (lo, hi) = self.orig[s..e]
            .iter()
            .fold((u32::MAX, 0), |(lo, hi), &o| (lo.min(o), hi.max(o)));
        let mut b = hi as usize + 1;
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
        (lo as usize, b)
    }

    /// The original text of the normalised range `[s, e)`.
    pub(crate) fn orig_text(&self, s: usize, e: usize) -> String {
        let (a, b) = self.orig_range(s, e);
        self.src[a..b].iter().collect()
    }

    /// Whether a glue phrase naming a target (`的预期目标为`, `目标定为`;
    /// not the base of a growth, `在上年基础上`) was dropped inside the
    /// normalised range `[s, e)`: the sentence names its aims though the
    /// words are gone from its view.
    pub(crate) fn aim_glued_in(&self, s: usize, e: usize) -> bool {
        // (most texts have no glue: no search then)
        !self.glued.is_empty()
            && self.glued.iter().any(|&p| {
                // (inside the range, so a char stands on each side of it:
                // the dropped phrase lies in the source between the char
                // before `p` and the char at `p`, or after it in a view
                // reordered figure first, no gap then)
                s < p && p < e && p < self.orig.len() && {
                    let gap = self.orig[p - 1] as usize + 1..self.orig[p] as usize;
                    self.src.get(gap).is_some_and(|g| g.contains(&'目'))
                }
            })
    }

    /// The normalised text of `[s, e)`.
    pub(crate) fn text(&self, s: usize, e: usize) -> &str {
        let (s, e) = (s.min(self.len()), e.min(self.len()));
        assert!(s <= e, "normalised range {s}..{e}");
        &self.joined[self.at[s] as usize..self.at[e] as usize]
    }
}

/// Whether the 〇 at `read[i]` is a zero among Arabic digits, as a scan or
/// an input method writes it (增长2〇%, 新增就业2〇〇〇人): the digit read
/// before it or written right after it is Arabic.
fn zero_among_digits(written: &[char], read: &[char], i: usize) -> bool {
    written.last().is_some_and(char::is_ascii_digit)
        || read.get(i + 1).is_some_and(|&c| fold(c).is_ascii_digit())
}

/// An offset as stored (texts are capped well below 4 GiB).
fn offset(i: usize) -> u32 {
    u32::try_from(i).expect("the extractor's text is capped at MAX_TEXT_CHARS")
}

/// Normalises a dictionary or pattern string the same way as the text.
pub(crate) fn normalise(s: &str) -> String {
    Norm::build(s, false).joined
}
