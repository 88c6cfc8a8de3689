//! A normalised view of the document text whose positions map back to the
//! original characters.
//!
//! Every original char is mapped through [`fold`] (full-width → ASCII, the
//! traditional characters that occur in indicator names and cue words →
//! simplified, ideographic space → space); whitespace other than `\n` is then
//! dropped. `orig[i]` is the char offset in the original text of the i-th
//! normalised char, so a span found in the normalised view gives exact char
//! offsets (and the exact original substring) in the document.

/// Traditional → simplified pairs, two chars each (traditional first), as
/// data: every form met in the traditional editions of the fixture reports
/// plus the variants machine-converted mirrors produce (産, 彆, 齣, 製, 纍 …).
const TRAD_SIMP: &str = include_str!("trad_simp.txt");

/// The pairs of [`TRAD_SIMP`], and a bit per char of the main CJK block
/// saying whether it has a pair: most chars of a report are simplified, and
/// the bit answers for them without hashing.
struct TradMap {
    pairs: std::collections::HashMap<char, char>,
    bits: Vec<u64>,
}

/// The first and one past the last char the bits of [`TradMap`] cover.
const CJK: std::ops::Range<u32> = 0x4e00..0xa000;

impl TradMap {
    fn get(&self, c: char) -> Option<char> {
        let u = c as u32;
        if CJK.contains(&u) {
            let k = (u - CJK.start) as usize;
            if self.bits[k / 64] & (1 << (k % 64)) == 0 {
                return None;
            }
        }
        self.pairs.get(&c).copied()
    }
}

static TRAD_MAP: std::sync::LazyLock<TradMap> = std::sync::LazyLock::new(|| {
    let chars: Vec<char> = TRAD_SIMP.chars().filter(|c| !c.is_whitespace()).collect();
    let pairs: std::collections::HashMap<char, char> =
        chars.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    let mut bits = vec![0u64; (CJK.end - CJK.start).div_ceil(64) as usize];
    for &c in pairs.keys() {
        let u = c as u32;
        if CJK.contains(&u) {
            let k = (u - CJK.start) as usize;
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    TradMap { pairs, bits }
});

/// Maps one original char to the char the extractor reads.
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
    /// Char offset in the original text of each normalised char.
    pub(crate) orig: Vec<usize>,
    /// The original text, as chars.
    pub(crate) src: Vec<char>,
    /// `chars` as one string, so [`Norm::text`] borrows instead of collecting.
    joined: String,
    /// Byte offset in `joined` of each char of `chars`, then `joined.len()`.
    at: Vec<usize>,
}

impl Norm {
    pub(crate) fn new(text: &str) -> Norm {
        let src: Vec<char> = text.chars().collect();
        let mut chars = Vec::with_capacity(src.len());
        let mut orig = Vec::with_capacity(src.len());
        let mut joined = String::with_capacity(text.len());
        let mut at = Vec::with_capacity(src.len() + 1);
        for (i, &c) in src.iter().enumerate() {
            let f = fold(c);
            if f == '\n' || !f.is_whitespace() {
                // a comma between digits is a thousands separator: keep ASCII
                let f = if f == ',' && is_thousands_comma(&src, i) {
                    ','
                } else {
                    widen(f)
                };
                chars.push(f);
                orig.push(i);
                at.push(joined.len());
                joined.push(f);
            }
        }
        at.push(joined.len());
        Norm {
            chars,
            orig,
            src,
            joined,
            at,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    /// Original char range of the normalised range `[s, e)`.
    pub(crate) fn orig_range(&self, s: usize, e: usize) -> (usize, usize) {
        if s >= e || s >= self.orig.len() {
            let p = self.orig.get(s).copied().unwrap_or(self.src.len());
            return (p, p);
        }
        (self.orig[s], self.orig[e - 1] + 1)
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
        &self.joined[self.at[s]..self.at[e]]
    }
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

/// Normalises a dictionary or pattern string the same way as the text.
pub(crate) fn normalise(s: &str) -> String {
    Norm::new(s).joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_survive_spaces_and_full_width() {
        let t = "增长 ６.５ ％左右，地區生產總值";
        let n = Norm::new(t);
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "增长6.5%左右，地区生产总值");
        assert_eq!(n.orig_text(0, 6), "增长 ６.５ ％");
    }

    #[test]
    fn thousands_comma_is_kept_and_clause_comma_widened() {
        let n = Norm::new("1,300万吨,增长5%");
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "1,300万吨，增长5%");
    }
}
