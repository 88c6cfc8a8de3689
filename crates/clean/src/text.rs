//! Line normalisation and the boilerplate line filters.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// Stands for a table-cell boundary inside a line until the line is normalised
/// (a private-use char, so page text cannot contain a meaningful one).
pub(crate) const CELL_MARK: char = '\u{E000}';

/// Wide (East Asian) characters, between which a source line break is not a space
/// (CSS Text 3 segment-break transformation).
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x2FA1F)
}

/// CJK ideographs (for "is this Chinese text" counts).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Normalises one raw output line into `out` (cleared first): NFKC, every
/// whitespace run to one space (a run holding a line break between two wide
/// characters vanishes), trimmed; cell marks become `\t` with the spaces
/// around them removed.
pub(crate) fn normalize_line(raw: &str, out: &mut String) {
    out.clear();
    let mut pending_ws = false;
    let mut pending_break = false;
    let mut last: Option<char> = None;
    for_each_nfkc(raw, |c| {
        if c == CELL_MARK {
            pending_ws = false;
            pending_break = false;
            out.push('\t');
            last = Some('\t');
            return;
        }
        if c.is_whitespace()
            || c == '\u{200B}'
            || c == '\u{FEFF}'
            || c == '\u{200C}'
            || c == '\u{200D}'
        {
            if c == '\u{200B}' || c == '\u{FEFF}' || c == '\u{200C}' || c == '\u{200D}' {
                return;
            }
            pending_ws = true;
            if c == '\n' || c == '\r' {
                pending_break = true;
            }
            return;
        }
        if c.is_control() {
            return;
        }
        if pending_ws {
            let drop = match last {
                None | Some('\t') => true,
                Some(prev) => pending_break && is_wide(prev) && is_wide(c),
            };
            if !drop {
                out.push(' ');
            }
            pending_ws = false;
            pending_break = false;
        }
        out.push(c);
        last = Some(c);
    });
    // Trailing tabs of empty cells are kept only between cells with text.
    if out.contains('\t') {
        let trimmed = out.trim_end_matches(['\t', ' ']).len();
        out.truncate(trimmed);
        if out.chars().all(|c| c == '\t') {
            out.clear();
        }
    }
}

/// Characters NFKC leaves alone that also never compose with a neighbour:
/// CJK unified ideographs and the CJK punctuation that has no compatibility
/// mapping (、。〈〉《》「」『』【】 and curly quotes). Full-width forms (，：（）),
/// the ideographic space and `…` are not among them: NFKC maps those.
fn nfkc_inert(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3001 | 0x3002 | 0x3008..=0x3011 | 0x2018 | 0x2019 | 0x201C | 0x201D)
}

/// Calls `f` with each char of NFKC(`s`), in order. Runs of [`nfkc_inert`]
/// chars, and ASCII chars not followed by anything else (a combining mark
/// could compose with them), are passed on as they are; only the stretches
/// between them go through the normaliser. Report text is mostly such runs,
/// so this is several times faster than normalising the whole string, with
/// the same output (a property test holds it to `s.nfkc()`).
pub(crate) fn for_each_nfkc(s: &str, mut f: impl FnMut(char)) {
    let mut slow_from: Option<usize> = None;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let fast = if c.is_ascii() {
            it.peek()
                .is_none_or(|&(_, n)| n.is_ascii() || nfkc_inert(n))
        } else {
            nfkc_inert(c)
        };
        if fast {
            if let Some(from) = slow_from.take() {
                s[from..i].nfkc().for_each(&mut f);
            }
            f(c);
        } else if slow_from.is_none() {
            slow_from = Some(i);
        }
    }
    if let Some(from) = slow_from {
        s[from..].nfkc().for_each(&mut f);
    }
}

/// Counts non-whitespace chars.
pub(crate) fn count_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Lines that open with a page-furniture label and a colon (编辑：…, 来源：…).
static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\[【(<]?\s*(?:本文地址|文章地址|原文地址|本文链接|原文链接|本文网址|上一篇|下一篇|上一条|下一条|上一篇文章|下一篇文章|责任编辑|编辑|责编|审核|审校|校对|终审|初审|复审|来源|稿源|作者|记者|通讯员|摄影|发布时间|发布日期|发稿时间|发表时间|更新时间|时间|日期|点击数|点击|浏览次数|浏览量|阅读次数|阅读量|访问量|字号|字体|分享到|分享|附件|相关附件|附件下载|验证码|当前位置|您当前的位置|您当前所在位置|您的位置|当前所在位置|所在位置|位置|主办单位|承办单位|主办|承办|协办|维护单位|网站标识码|网站识别码|备案号|备案序号|技术支持|联系电话|联系方式|电话|传真|邮箱|地址|邮编|信息来源|文章来源|文字|图片|关键词|标签|Tags?)\s*[:：]",
    )
    .expect("static regex")
});

/// Markers that only page furniture contains.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)本文仅代表作者观点|不代表本站立场|版权所有|版权归|copyright|©|ICP备|ICP证|公网安备|网安备|扫一扫在手机|在手机上打开|手机扫一扫|扫描二维码|微信扫一扫|打印本页|关闭本页|关闭窗口|【打印】|【关闭】|\[打印\]|\[关闭\]|【字体|【字号|【大 中 小】|\[大 中 小\]|^\s*[【\[]?\s*(?:大|中|小)\s+(?:大|中|小)\s+(?:大|中|小)|相关文章|相关阅读|相关新闻|相关报道|延伸阅读|推荐阅读|热门报告|热门文章|热点新闻|热门推荐|猜你喜欢|留言与评论|发表评论|网友评论|查看所有评论|我要评论|条评论|网站地图|上一页|下一页|^共\s*\d+\s*页|未经许可[,，]?不得转载|转载请注明|禁止转载|如有侵权|若对您造成了侵权|来源于网络|侵删|联系删除|以正式(?:文件|文本|发布|公布)为准|加入收藏|设为首页|返回顶部|返回首页|收藏本页|本站声明|免责声明|责任编辑[:：]|【纠错】|\[纠错\]|浏览器.*(?:分辨率|最佳)|建议使用.*浏览器",
    )
    .expect("static regex")
});

/// A line made only of pagination parts (« 1 2 3 » 首页 尾页 …).
static PAGINATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\s\d.,:|<>«»\[\]…]|首页|尾页|末页|上页|下页|共|页|第)+$")
        .expect("static regex")
});

/// Tool-bar words standing alone on a line.
static TOOL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[【(]?(?:收藏|打印|分享|关闭|纠错|返回|返回顶部|返回列表|下载|全屏|加大|减小|还原|默认|大|中|小|×|字号|字体|分享到(?:微信|微博|QQ空间|QQ|朋友圈)?|微信|微博|QQ空间|点击图片进入专题|》》点击图片进入专题《《|打印本页|关闭本页)[\]】)]?$")
        .expect("static regex")
});

/// Headings of link boxes (相关报告, 热门文章, 推荐阅读, 更多>>): short lines only.
static BOX_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[【\[]?(?:相关|热门|热点|推荐|延伸|猜你|更多|往期|精彩|最新|本版|版面)[\p{Han}A-Za-z]{0,6}[:】\]>»]*$").expect("static regex")
});

/// Photo captions: `图为会议现场。记者 王某 摄`, `(新华社记者 李某 摄)`.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^图为|^[(（]?图[:：/]|(?:记者|摄影|通讯员|供图|图片来源)[^。]{0,20}?(?:摄|供图)[)）]?$|\s摄[)）]?$)").expect("static regex")
});

/// A line that is only a date (and time): `2023-01-12 09:30`, `2023年1月12日`.
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*星期[一二三四五六日天])?$").expect("static regex")
});

/// `(完)` and the like.
static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(（【\[]\s*(?:完|全文完|END|end)\s*[)）】\]]$").expect("static regex")
});

/// Whether a normalised line is page furniture. Long lines are prose and
/// only the strongest markers can drop them.
pub(crate) fn is_furniture(line: &str) -> bool {
    let n = line.chars().count();
    if n == 0 {
        return true;
    }
    if PAGINATION.is_match(line) && (!line.chars().any(is_han) || line.contains('页'))
        || END_MARK.is_match(line)
    {
        return true;
    }
    if n <= 20 && (TOOL_WORD.is_match(line) || BOX_HEADING.is_match(line)) {
        return true;
    }
    if n <= 30 && DATE_ONLY.is_match(line) {
        return true;
    }
    if n <= 80 && CAPTION.is_match(line) {
        return true;
    }
    if n <= 120 && LABEL_LINE.is_match(line) {
        return true;
    }
    n <= 300 && FURNITURE.is_match(line)
}

/// A heading line: 一、… （一）… 第一章 … 1. …
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十百]+[)）]|第[一二三四五六七八九十百]+[章节部分篇条]|\d{1,2}[、.．](?:\D|$)|[(（]\d{1,2}[)）])")
        .expect("static regex")
});

/// Whether `line` reads as a heading (short, numbered).
pub(crate) fn is_heading(line: &str) -> bool {
    line.chars().count() <= 60 && HEADING.is_match(line)
}

/// Sentence-final (or clause-final) punctuation after NFKC.
pub(crate) fn ends_sentence(line: &str) -> bool {
    line.trim_end().chars().last().is_none_or(|c| {
        matches!(
            c,
            '。' | '!'
                | '?'
                | ';'
                | ':'
                | '…'
                | '”'
                | '’'
                | '」'
                | '』'
                | ')'
                | ']'
                | '】'
                | '》'
                | '.'
                | '"'
                | '\''
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        normalize_line(s, &mut out);
        out
    }

    fn fast_nfkc(s: &str) -> String {
        let mut out = String::new();
        for_each_nfkc(s, |c| out.push(c));
        out
    }

    #[test]
    fn fast_nfkc_equals_nfkc_on_tricky_strings() {
        for s in [
            "",
            "e\u{301}",
            "中e\u{301}\u{323}国",
            "中\u{301}",
            "A\u{30A}。",
            "\u{1100}\u{1161}\u{11A8}中",
            "ﬁ①½…，（）\u{3000}",
            "２０２６年增长５．５％左右",
            "a\u{344}b",
        ] {
            assert_eq!(fast_nfkc(s), s.nfkc().collect::<String>(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_nfkc_equals_nfkc(picks in proptest::collection::vec(0usize..40, 0..60)) {
            const POOL: [char; 40] = [
                'a', 'e', 'A', 'Z', '5', ' ', '.', '%', '\n', '\t', '中', '国', '增', '长',
                '。', '、', '“', '”', '《', '》', '【', '，', '：', '（', '）', '\u{3000}',
                '\u{301}', '\u{323}', '\u{344}', '\u{308}', 'é', '\u{1100}', '\u{1161}',
                '\u{11A8}', '\u{AC00}', '…', 'ﬁ', '①', '５', '\u{FF21}',
            ];
            let s: String = picks.iter().map(|&i| POOL[i]).collect();
            proptest::prop_assert_eq!(fast_nfkc(&s), s.nfkc().collect::<String>());
        }
    }

    #[test]
    fn nfkc_and_whitespace() {
        assert_eq!(
            norm("\u{3000}\u{3000}各位代表：\u{a0}增长７％，"),
            "各位代表: 增长7%,"
        );
        assert_eq!(norm("  a \t\n b  "), "a b");
        assert_eq!(norm("6 2 x”现代"), "6 2 x”现代");
    }

    #[test]
    fn line_break_between_chinese_chars_is_not_a_space() {
        assert_eq!(norm("经济\n  增长"), "经济增长");
        assert_eq!(norm("经济 增长"), "经济 增长");
        assert_eq!(norm("GDP\n增长"), "GDP 增长");
    }

    #[test]
    fn cells_become_tabs() {
        let raw = format!(" 指标 {CELL_MARK} 目标 {CELL_MARK}{CELL_MARK}");
        assert_eq!(norm(&raw), "指标\t目标");
        assert_eq!(norm(&format!(" {CELL_MARK} ")), "");
    }

    #[test]
    fn furniture_lines() {
        for l in [
            "本文地址:/baogao/hb/6731.html",
            "上一篇:没有了",
            "责任编辑:王某",
            "Copyright © 2012-2023 博县网 版权所有",
            "晋ICP备13005689号-1",
            "扫一扫在手机打开当前页",
            "共3页: 上一页 1 2 3 下一页",
            "1 2 3",
            "(完)",
            "发布时间:2023-01-16 来源:某某区政府",
            "附件:报告.pdf",
            "(本文根据现场录音整理,以正式文本为准)",
            "声明:本站部分内容来源于网络,如有侵权请联系删除。",
            "收藏",
            "分享到微信",
            "【打印】",
            "相关报告",
            "2023-03-01",
            "2023-01-12 09:30:00",
            "2026年1月28日 星期三",
            "图为会议现场。记者 王某 摄",
            "省长叶建春作政府工作报告。本报全媒体记者 林 君摄",
            "(新华社记者 李某 摄)",
            "更多>>",
            "热门文章:",
        ] {
            assert!(is_furniture(l), "{l}");
        }
        for l in [
            "二、2023年工作安排",
            "2023年主要任务",
            "各位代表,过去的一年,我们坚持稳中求进。",
            "时间紧、任务重,我们要以更大力度推进改革。",
            "推荐优秀企业参评。",
            "加强新闻记者队伍建设,支持摄影、美术等文艺创作。",
            "相关部门要各负其责,形成合力。",
        ] {
            assert!(!is_furniture(l), "{l}");
        }
    }

    #[test]
    fn headings_and_sentence_ends() {
        assert!(is_heading("二、2023年工作安排"));
        assert!(is_heading("(一)坚持转型发展不动摇,全链条构建现代产业体系"));
        assert!(!is_heading("2023年是全面贯彻落实党的二十大精神开局之年"));
        assert!(ends_sentence("完成任务。"));
        assert!(!ends_sentence("与经济增长同步,农"));
    }
}
