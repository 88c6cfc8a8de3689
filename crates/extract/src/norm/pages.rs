//! Page furniture a PDF's or an e-paper's text keeps between the lines of a
//! paragraph (`— 6 —`, `第3页 共12页`, `· 12 ·`, `上一页 1 2 下一页`): read as
//! if absent, so the paragraph the page break cut goes on.

use super::chars::fold;

/// The longest furniture line (in chars, spaces left out).
const FURNITURE_MAX: usize = 16;

/// The longest line (in chars, spaces included) weighed as furniture.
const LINE_MAX: usize = 40;

/// Whether a line that opens with `c` may be furniture: a digit, a dash, a
/// dot, 第, 共, a pager's word.
fn opens_furniture(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '—' | '-' | '–' | '－' | '·' | '•' | '―' | '第' | '共' | '上' | '下' | '本' | '首'
        )
}

/// Whether furniture may hold `c`.
fn has_furniture_char(c: char) -> bool {
    opens_furniture(c) || matches!(c, '页' | '尾' | '一' | '/' | '／' | ',' | '，')
}

/// Whether `line` (trimmed) is a page's number or a pager, and nothing else
/// (its full-width digits and dashes read as ASCII ones: － ５ －).
fn is_furniture(line: &[char]) -> bool {
    let folded = || line.iter().map(|&c| fold(c));
    // (what furniture opens with: a dash, a dot, 第, 共, a pager's word, a digit)
    let Some(first) = folded().find(|c| !c.is_whitespace()) else {
        return false;
    };
    if !opens_furniture(first) {
        return false;
    }
    // (every char is one furniture has: a line of text, 2023年…, fails at 年)
    let mut count = 0;
    for c in folded() {
        if c.is_whitespace() {
            continue;
        }
        count += 1;
        if count > FURNITURE_MAX || !has_furniture_char(c) {
            return false;
        }
    }
    // (the loop above bounds its length; it must hold a number)
    let t: Vec<char> = folded().filter(|c| !c.is_whitespace()).collect();
    if !t.iter().any(char::is_ascii_digit) {
        return false;
    }
    let s: String = t.iter().collect();
    let dash = |c: char| matches!(c, '—' | '-' | '–' | '－' | '·' | '•' | '―');
    // — 6 —, - 12 -, · 12 ·
    let numbered = t.len() >= 3
        && dash(t[0])
        && dash(t[t.len() - 1])
        && t[1..t.len() - 1]
            .iter()
            .all(|c| c.is_ascii_digit() || dash(*c));
    // 第3页 共12页, 第 5 页 / 共 18 页, 3/12, ——第5页—— (a slide's)
    let page_of = {
        let rest: String = s
            .chars()
            .filter(|c| !c.is_ascii_digit() && !matches!(c, '/' | '／' | ',' | '，'))
            .collect();
        let rest = rest.trim_matches(dash);
        // (3/12 holds one slash: 2019/01/28 is a page's date, no number)
        let slashes = s.matches(['/', '／']).count();
        matches!(rest, "第页共页" | "第页" | "共页第页" | "")
            && (rest.is_empty() == (slashes > 0))
            && slashes <= 1
    };
    // 上一页 1 2 下一页, 本页共3页 1 2 3 下一页
    let pager = (s.contains("下一页") || s.contains("上一页"))
        && s.replace("上一页", "")
            .replace("下一页", "")
            .replace("本页共", "")
            .replace("首页", "")
            .replace("尾页", "")
            .chars()
            .all(|c| c.is_ascii_digit() || c == '页');
    numbered || page_of || pager
}

/// Whether `line` is a page's running header: the text's title again, a
/// short line naming the report (政府工作报告, 2016年桐乡市政府工作报告) or a
/// gazette (贵州省人民政府公报) with no mark of a sentence, or a gazette's
/// issue (2016年第2期).
fn is_running_header(line: &[char], title: &[char]) -> bool {
    // (full-width digits read as ASCII ones, ２００５年第１期; the title
    // folded as the line is, so a traditional title repeated still matches)
    let line: Vec<char> = line.iter().map(|&c| fold(c)).collect();
    let line = line.as_slice();
    let t: String = line.iter().filter(|c| !c.is_whitespace()).collect();
    let title: String = title
        .iter()
        .map(|&c| fold(c))
        .filter(|c| !c.is_whitespace())
        .collect();
    // (a gazette's issue, 2016年第2期)
    let issue = |t: &str| {
        t.strip_suffix('期')
            .and_then(|r| r.split_once("年第"))
            .is_some_and(|(y, k)| {
                y.len() == 4
                    && y.bytes().all(|b| b.is_ascii_digit())
                    && !k.is_empty()
                    && k.bytes().all(|b| b.is_ascii_digit())
            })
    };
    let names_it = |t: &str| {
        t.chars().count() <= HEADER_MAX
            && (t.ends_with("工作报告") || t.ends_with("公报"))
            && !t.contains(['。', '，', '：', '；'])
    };
    // (or both on one line, parted by spaces: 四川省人民政府公报    2012年第3期)
    let parts = || {
        let words: Vec<String> = line
            .split(|c| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| w.iter().collect())
            .collect();
        words.len() > 1 && words.iter().all(|w| names_it(w) || issue(w))
    };
    // (a rule under the head, ────)
    let rule = t.chars().count() >= RULE_MIN
        && t.chars()
            .all(|c| matches!(c, '─' | '━' | '—' | '-' | '_' | '='));
    !t.is_empty() && (t == title || names_it(&t) || issue(&t) || rule || parts())
}

/// The fewest chars of a rule line under a page's head.
const RULE_MIN: usize = 6;

/// The most running header lines at a page's top or foot (a gazette's
/// name, then its issue).
const HEADER_LINES_MAX: usize = 3;

/// The longest running header (in chars).
const HEADER_MAX: usize = 24;

/// The chars of `text` (`chars`) read, in order, when it has lines a page
/// put around its text: furniture between two lines of a paragraph, a box
/// of links, a news site's name after the title (`super::boxes`); `None`
/// when it has none. One scan of the lines asks whether there are any, as
/// most texts have none (a string of one line, as the dictionary's names
/// are, is not asked).
pub(super) fn without_page_furniture(text: &str, chars: &[char]) -> Option<Vec<usize>> {
    if !text.contains('\n') {
        return None;
    }
    let (mut furniture, mut boxes, mut buf) = (false, false, Vec::new());
    let mut first = true;
    for l in text.split('\n') {
        furniture = furniture || is_furniture_line(l, &mut buf);
        boxes = boxes || super::boxes::opens_box(l.trim());
        if first && !l.trim().is_empty() {
            first = false;
            boxes = boxes || super::boxes::news_site_suffix(l).is_some();
        }
        if furniture && boxes {
            break;
        }
    }
    // (a paper's story that jumps to another page: 下转 is asked first)
    let jumps = if text.contains("下转") {
        jump_ranges(chars)
    } else {
        Vec::new()
    };
    (furniture || boxes || !jumps.is_empty()).then(|| {
        let mut drop = Vec::new();
        if furniture {
            drop = furniture_ranges(chars);
        }
        if boxes {
            drop.extend(super::boxes::box_ranges(text, chars));
        }
        drop.extend(jumps);
        drop.sort_unstable();
        kept(chars.len(), &drop)
    })
}

/// The most chars between a story's jump (（下转A2版）) and the line where
/// it goes on (（上接A1版）): the other stories of the page's head.
const JUMP_MAX: usize = 3000;

/// The char ranges of a paper's jumps: from a story's （下转A2版） to the end
/// of the （上接A1版） where it goes on, with the other stories and the page's
/// masthead printed between them, so the story reads on as one.
fn jump_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    // (the end of a marker （下转A2版） whose word opens at `k`, if one does)
    let marker_end = |k: usize, word: [char; 2]| -> Option<usize> {
        (k >= 1 && matches!(chars[k - 1], '（' | '(') && chars.get(k..k + 2) == Some(&word[..]))
            .then(|| {
                (k + 2..chars.len().min(k + 10))
                    .find(|&j| matches!(chars[j], '）' | ')'))
                    .filter(|&j| chars[j - 1] == '版')
                    .map(|j| j + 1)
            })
            .flatten()
    };
    let mut out = Vec::new();
    let mut k = 1;
    while k < chars.len() {
        if marker_end(k, ['下', '转']).is_some() {
            let resumes =
                (k..chars.len().min(k + JUMP_MAX)).find_map(|j| marker_end(j, ['上', '接']));
            if let Some(end) = resumes {
                // (the line break after the marker goes too: the story's
                // line goes on)
                let end = if chars.get(end) == Some(&'\n') {
                    end + 1
                } else {
                    end
                };
                out.push((k - 1, end));
                k = end;
                continue;
            }
        }
        k += 1;
    }
    out
}

/// Whether the line `l` of a text is furniture, asked of its bytes first
/// (`line`: a buffer for its chars). Most texts have no such line: one scan
/// of the lines asks this before any range is listed.
fn is_furniture_line(l: &str, line: &mut Vec<char>) -> bool {
    l.trim().len() <= LINE_MAX * 3
        && l.trim_start()
            .chars()
            .next()
            .is_some_and(|c| opens_furniture(fold(c)))
        && l.chars()
            .all(|c| c.is_whitespace() || has_furniture_char(fold(c)))
        && {
            line.clear();
            line.extend(l.chars());
            is_furniture(line)
        }
}

/// The char ranges of `src` to leave out when it has furniture lines
/// between two lines of text: each furniture line and the blank lines around
/// it (the line break before them kept). Sorted; empty when it has none.
fn furniture_ranges(src: &[char]) -> Vec<(usize, usize)> {
    let lines = super::wrap::line_ranges(src);
    let blank = |&(a, b): &(usize, usize)| src[a..b].iter().all(|c| c.is_whitespace());
    let title = lines
        .iter()
        .find(|l| !blank(l))
        .map_or(&src[..0], |&(a, b)| &src[a..b]);
    let mut drop: Vec<(usize, usize)> = Vec::new();
    for (k, &(a, b)) in lines.iter().enumerate() {
        if !is_furniture(&src[a..b]) {
            continue;
        }
        // the text lines before and after it, past blank lines and a running
        // header (the report's title repeated at the page's top or foot)
        let header = |l: &(usize, usize)| is_running_header(&src[l.0..l.1], title);
        let Some(mut before) = lines[..k].iter().rposition(|l| !blank(l)) else {
            continue;
        };
        for _ in 0..HEADER_LINES_MAX {
            match lines[..before].iter().rposition(|l| !blank(l)) {
                Some(b) if header(&lines[before]) => before = b,
                _ => break,
            }
        }
        let next_text = |from: usize| {
            lines[from..]
                .iter()
                .position(|l| !blank(l))
                .map(|j| from + j)
        };
        let Some(mut after) = next_text(k + 1) else {
            continue;
        };
        for _ in 0..HEADER_LINES_MAX {
            match next_text(after + 1) {
                Some(a) if header(&lines[after]) => after = a,
                _ => break,
            }
        }
        // drop from after the break that ends the line before to the start
        // of the line after
        drop.push((lines[before].1 + 1, lines[after].0));
    }
    drop
}

/// The chars of a text of `len` chars read, in order, without the ranges
/// `drop` (sorted; they may overlap).
pub(super) fn kept(len: usize, drop: &[(usize, usize)]) -> Vec<usize> {
    let mut keep = Vec::with_capacity(len);
    let mut d = drop.iter().peekable();
    let mut i = 0;
    while i < len {
        if let Some(&&(a, b)) = d.peek()
            && i >= a
        {
            i = i.max(b);
            d.next();
            continue;
        }
        keep.push(i);
        i += 1;
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        let src: Vec<char> = text.chars().collect();
        let drop = furniture_ranges(&src);
        kept(src.len(), &drop).iter().map(|&i| src[i]).collect()
    }

    #[test]
    fn a_page_number_set_right_by_spaces_is_furniture() {
        // (a document site's footer pushed to the right by a line of
        // ideographic spaces: its length is its text's, not its spaces')
        let text = format!(
            "农民人均纯收入增加150元以上；\n{}第 3 页 共 7 页\n粮食总产稳定在85万吨；",
            "\u{3000}".repeat(72)
        );
        let src: Vec<char> = text.chars().collect();
        let kept = without_page_furniture(&text, &src).expect("furniture found");
        let got: String = kept.iter().map(|&i| src[i]).collect();
        assert_eq!(got, "农民人均纯收入增加150元以上；\n粮食总产稳定在85万吨；");
    }

    #[test]
    fn page_numbers_and_pagers_between_lines_are_left_out() {
        assert_eq!(read("增长7%—\n\n— 6 —\n\n7.5%；"), "增长7%—\n7.5%；");
        assert_eq!(
            read("城镇新增就\n第 5 页 共 18 页\n业10万人"),
            "城镇新增就\n业10万人"
        );
        assert_eq!(read("增长8%，\n· 12 ·\n财政收入"), "增长8%，\n财政收入");
        assert_eq!(
            read("增长8%，\n上一页 1 2 下一页\n财政收入"),
            "增长8%，\n财政收入"
        );
        assert_eq!(read("增长8%，\n3/12\n财政收入"), "增长8%，\n财政收入");
        assert_eq!(read("增长8%，\n——第6页——\n财政收入"), "增长8%，\n财政收入");
        // (a traditional title repeated at a page's top goes as the title does)
        assert_eq!(
            read(
                "某縣政府工作報告（摘要）\n控制在4.5%以\n\n— 9 —\n某縣政府工作報告（摘要）\n\n內，人口"
            ),
            "某縣政府工作報告（摘要）\n控制在4.5%以\n內，人口"
        );
        // (a gazette's in full-width digits, its running header after it)
        assert_eq!(
            read(
                "增长8%，\n\u{3000}\u{3000}－ ５ －\n某市人民政府公报\u{3000}\u{3000}２００５年第１期\n财政收入"
            ),
            "增长8%，\n财政收入"
        );
        // a running header after the page's number goes too
        assert_eq!(
            read("某县政府工作报告\n控制在4.5%以\n\n— 9 —\n政府工作报告\n\n内，人口"),
            "某县政府工作报告\n控制在4.5%以\n内，人口"
        );
    }

    #[test]
    fn lines_of_text_with_figures_stay() {
        for text in [
            "增长8%\n10\n财政收入",
            "地区生产总值增长7%\n— 2026年主要预期目标 —\n财政收入",
            "一、2025年工作回顾\n第一页",
            "结尾\n— 6 —",
            // (a page's date under its title, no page's number)
            "某市政府工作报告解读\n2019/01/28\n今年全市",
        ] {
            assert_eq!(read(text), text);
        }
    }
}
