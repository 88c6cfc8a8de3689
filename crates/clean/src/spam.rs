//! Spam planted in page text (gambling, porn and ad terms).
//!
//! Hacked government pages carry casino ads injected *inside* sentences
//! ("地区生产总值增长5%【澳门新葡京娱乐】以上"). The rule:
//!
//! 1. Terms are **strong** (never in a legitimate report: 葡京, 百家乐,
//!    时时彩, bet365, …; user terms are strong too) or **weak** (legitimate
//!    alone: 澳门, 娱乐, 彩票, 棋牌, 官网, 平台, …). Web addresses and Latin
//!    letter/number runs are weak too.
//! 2. A **planted run** is a chain of terms (strong, weak, address) touching
//!    each other (only spaces, `:`, `·`, `-`, `|` between them) that holds at
//!    least one strong term. The whole run is removed, together with the
//!    brackets (【】 〖〗 \[\] 「」) around it when it fills them.
//! 3. A bracketed span (【…】 etc., at most 30 characters) made only of
//!    terms is removed even without a strong term (【澳门彩票】).
//! 4. A strong term inside a known legitimate phrase (博彩业, 体育彩票,
//!    福利彩票, 打击跨境赌博, 文化娱乐, …) counts as weak, so reports that
//!    discuss these subjects keep their words.
//! 5. A line that has fewer than four Chinese characters left, or lost more
//!    than 60% of its characters, is dropped whole (a spam-only line); so is
//!    a line under 80 characters that had a strong term and still holds two
//!    or more ad words (娱乐, 注册, 开户, 官网, 投注, …): an ad sentence
//!    ("澳门新葡京是最大的线上娱乐平台，注册即送38元。").

use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::text::is_han;

/// Strong terms: never part of a government report.
const STRONG: &[&str] = &[
    "新葡京",
    "葡京",
    "博彩",
    "赌场",
    "百家乐",
    "娱乐城",
    "真人视频",
    "真人娱乐",
    "真人荷官",
    "时时彩",
    "六合彩",
    "太阳城",
    "皇冠体育",
    "皇冠足球",
    "威尼斯人",
    "bet365",
    "365bet",
    "betway",
    "金沙娱乐",
    "银河娱乐",
    "永利娱乐",
    "美高梅",
    "老虎机",
    "电子游艺",
    "彩票网",
    "购彩",
    "彩票平台",
    "北京赛车",
    "pk10",
    "幸运飞艇",
    "开元棋牌",
    "棋牌平台",
    "德州扑克",
    "网上赌场",
    "在线赌场",
    "赌博网站",
    "体育投注",
    "足球投注",
    "投注网",
    "注册送",
    "开户送",
    "首存送",
    "亚博体育",
    "乐鱼体育",
    "开云体育",
    "赌球",
    "成人视频",
    "成人电影",
    "色情网站",
    "黄色网站",
    "黄色视频",
    "裸聊",
    "约炮",
    "一夜情",
    "援交",
    "av女优",
    "av在线",
    "无码高清",
    "伦理片",
    "午夜福利",
    "情色电影",
    "办假证",
    "兼职日结",
    "私家侦探",
    "私人侦探",
    "出售枪支",
    "枪支出售",
    "迷药",
    "催情",
];

/// Weak terms: spam only next to a strong term or alone in brackets.
const WEAK: &[&str] = &[
    "澳门",
    "香港",
    "娱乐",
    "彩票",
    "棋牌",
    "体育",
    "真人",
    "视频",
    "官网",
    "官方网站",
    "官方",
    "网址",
    "网站",
    "平台",
    "开户",
    "注册",
    "登录",
    "入口",
    "在线",
    "手机版",
    "下载",
    "游戏",
    "赌博",
    "投注",
    "线上",
    "网上",
    "最新",
    "首页",
    "app",
    "集团",
    "国际",
    "直营",
    "信誉",
    "彩金",
    "下注",
    "刷单",
    "棋牌游戏",
];

/// Phrases in which a strong term is legitimate.
const ALLOWED: &[&str] = &[
    "博彩业",
    "博彩旅游",
    "体育彩票",
    "福利彩票",
    "彩票公益金",
    "打击跨境赌博",
    "跨境赌场",
    "境外赌场",
    "打击赌场",
    "文化娱乐",
    "休闲娱乐",
    "娱乐产业",
    "娱乐场所",
    "中国太阳城",
    "企业注册",
    "注册资本",
    "注册商标",
    "注册登记",
    "新注册",
    "注册企业",
    "开户行",
];

/// A web address or a Latin/number run.
const ADDRESS: &str = r"(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|cc|vip|top|xyz|me|co|org|info|app|bet|cn|tv|hk|la|in|io|club|site)(?:/[a-z0-9./?=&%_-]*)?|[a-z0-9]*[a-z][a-z0-9]*|\d{5,}";

/// Compiled lexicon.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Strong | weak | address, each in a named group.
    token: Regex,
    /// Strong terms alone, for the quick "nothing here" test.
    strong: Regex,
    allowed: Regex,
    bracket: Regex,
    /// Ad words that mark a whole sentence as an advertisement.
    ad_words: Regex,
}

static BUILTIN: LazyLock<Arc<Lexicon>> = LazyLock::new(|| Arc::new(Lexicon::new(&[], &[])));

fn alternation(terms: &mut Vec<String>) -> String {
    terms.retain(|t| !t.trim().is_empty());
    terms.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    terms.dedup();
    if terms.is_empty() {
        // Matches nothing.
        return r"[^\s\S]".to_owned();
    }
    terms
        .iter()
        .map(|t| regex::escape(t.trim()))
        .collect::<Vec<_>>()
        .join("|")
}

impl Lexicon {
    /// The built-in lexicon (compiled once).
    pub(crate) fn builtin() -> Arc<Lexicon> {
        Arc::clone(&BUILTIN)
    }

    /// `replace` (when non-empty) instead of the built-in strong terms, plus `extra`.
    pub(crate) fn new(replace: &[String], extra: &[String]) -> Lexicon {
        let mut strong: Vec<String> = if replace.is_empty() {
            STRONG.iter().map(|s| (*s).to_owned()).collect()
        } else {
            replace.to_vec()
        };
        strong.extend(extra.iter().cloned());
        let mut weak: Vec<String> = WEAK.iter().map(|s| (*s).to_owned()).collect();
        let mut allowed: Vec<String> = ALLOWED.iter().map(|s| (*s).to_owned()).collect();
        let strong_alt = alternation(&mut strong);
        let token = format!(
            "(?i)(?P<s>{strong_alt})|(?P<w>{})|(?P<u>{ADDRESS})",
            alternation(&mut weak)
        );
        Lexicon {
            token: Regex::new(&token).expect("escaped terms form a valid regex"),
            strong: Regex::new(&format!("(?i){strong_alt}"))
                .expect("escaped terms form a valid regex"),
            allowed: Regex::new(&alternation(&mut allowed))
                .expect("escaped terms form a valid regex"),
            ad_words: Regex::new(
                "娱乐|注册|开户|彩金|官网|网址|赌博|投注|下注|真人|优惠|返水|存款|提款|充值",
            )
            .expect("static regex"),
            bracket: Regex::new(
                r"【[^【】]{1,30}】|〖[^〖〗]{1,30}〗|\[[^\[\]]{1,30}\]|「[^「」]{1,30}」",
            )
            .expect("static regex"),
        }
    }

    /// Removes planted runs from `line`. Returns `None` when nothing was
    /// found, `Some(cleaned)` otherwise (empty when the whole line goes).
    pub(crate) fn scrub(&self, line: &str) -> Option<String> {
        // Cheap exit: no strong term and no bracket means nothing to do.
        if !line.contains(['【', '〖', '[', '「']) && !self.strong.is_match(line) {
            return None;
        }
        let allowed: Vec<(usize, usize)> = self
            .allowed
            .find_iter(line)
            .map(|m| (m.start(), m.end()))
            .collect();
        let in_allowed = |s: usize, e: usize| allowed.iter().any(|&(a, b)| a <= s && e <= b);
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        // Chains of touching tokens.
        let mut chain: Option<(usize, usize, bool)> = None;
        let close = |c: Option<(usize, usize, bool)>, cuts: &mut Vec<(usize, usize)>| {
            if let Some((s, e, true)) = c {
                cuts.push((s, e));
            }
        };
        for caps in self.token.captures_iter(line) {
            let m = caps.get(0).expect("group 0");
            let strong = caps.name("s").is_some() && !in_allowed(m.start(), m.end());
            chain = match chain {
                Some((s, e, st))
                    if line[e..m.start()].chars().all(|c| {
                        c.is_whitespace() || matches!(c, ':' | '·' | '-' | '|' | '/' | '_')
                    }) =>
                {
                    Some((s, m.end(), st || strong))
                }
                other => {
                    close(other, &mut cuts);
                    Some((m.start(), m.end(), strong))
                }
            };
        }
        close(chain, &mut cuts);
        // An unbracketed planted run: the sentence around it may be an ad too.
        let had_strong = cuts
            .iter()
            .any(|&(s, _)| !line[..s].ends_with(['【', '〖', '[', '「']));
        // Bracketed spans made only of tokens, or holding a cut.
        for m in self.bracket.find_iter(line) {
            let inner_start = m.start() + m.as_str().chars().next().map_or(0, char::len_utf8);
            let inner_end = m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
            let inner = &line[inner_start..inner_end];
            let has_cut = cuts.iter().any(|&(s, e)| s < inner_end && e > inner_start);
            let only_tokens = !self.allowed.is_match(inner) && {
                let mut covered = 0;
                let mut weak_or_strong = false;
                for caps in self.token.captures_iter(inner) {
                    let t = caps.get(0).expect("group 0");
                    covered += t.as_str().len();
                    weak_or_strong |= caps.name("u").is_none();
                }
                let seps = inner
                    .chars()
                    .filter(|c| c.is_whitespace() || matches!(c, ':' | '·' | '-' | '|'))
                    .map(char::len_utf8)
                    .sum::<usize>();
                weak_or_strong && covered + seps == inner.len()
            };
            if has_cut || only_tokens {
                cuts.push((m.start(), m.end()));
            }
        }
        if cuts.is_empty() {
            return None;
        }
        cuts.sort_unstable();
        let mut out = String::with_capacity(line.len());
        let mut pos = 0;
        for (s, e) in cuts {
            if s > pos {
                out.push_str(&line[pos..s]);
            }
            pos = pos.max(e);
        }
        out.push_str(&line[pos..]);
        // Brackets a run filled completely, then spaces left where a run sat.
        for pair in ["()", "[]", "【】", "〖〗", "「」", "<>"] {
            if out.contains(pair) && !line.contains(pair) {
                out = out.replace(pair, "");
            }
        }
        let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
        let han = out.chars().filter(|&c| is_han(c)).count();
        let before = line.chars().count();
        let after = out.chars().count();
        let ad_sentence = had_strong && after < 80 && {
            let legit: Vec<(usize, usize)> = self
                .allowed
                .find_iter(&out)
                .map(|m| (m.start(), m.end()))
                .collect();
            self.ad_words
                .find_iter(&out)
                .filter(|m| !legit.iter().any(|&(a, b)| a <= m.start() && m.end() <= b))
                .count()
                >= 2
        };
        if han < 4 || after * 10 < before * 4 || ad_sentence {
            return Some(String::new());
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrub(s: &str) -> Option<String> {
        Lexicon::builtin().scrub(s)
    }

    #[test]
    fn planted_bracket_run_is_removed_sentence_kept() {
        assert_eq!(
            scrub("地区生产总值增长5%【澳门新葡京娱乐】以上").as_deref(),
            Some("地区生产总值增长5%以上")
        );
        assert_eq!(
            scrub("城镇新增就业[澳门彩票]3万人,调查失业率5.5%").as_deref(),
            Some("城镇新增就业3万人,调查失业率5.5%")
        );
    }

    #[test]
    fn unbracketed_run_with_address_is_removed() {
        assert_eq!(
            scrub("固定资产投资增长8%澳门威尼斯人官网 www.vns888.com以上,消费增长6%").as_deref(),
            Some("固定资产投资增长8%以上,消费增长6%")
        );
        assert_eq!(
            scrub("一般公共预算收入bet365增长6%").as_deref(),
            Some("一般公共预算收入增长6%")
        );
    }

    #[test]
    fn legitimate_words_stay() {
        for s in [
            "推动文化娱乐消费,办好澳门回归纪念活动。",
            "体育彩票和福利彩票销售额增长10%。",
            "粤港澳大湾区建设,助力澳门经济适度多元发展,支持博彩业以外产业。",
            "新建社区老年活动中心棋牌室20个。",
            "严厉打击跨境赌博和电信网络诈骗。",
        ] {
            assert_eq!(scrub(s), None, "{s}");
        }
    }

    #[test]
    fn spam_only_line_goes_whole() {
        assert_eq!(
            scrub("澳门新葡京娱乐城 官网 www.xpj.com 注册送").as_deref(),
            Some("")
        );
    }

    #[test]
    fn parentheses_emptied_by_a_cut_go_too() {
        assert_eq!(
            scrub("城乡居民收入增长5%(澳门葡京:www.pj88.com)以上,就业稳定。").as_deref(),
            Some("城乡居民收入增长5%以上,就业稳定。")
        );
    }

    #[test]
    fn ad_sentence_goes_whole() {
        assert_eq!(
            scrub("澳门新葡京是亚洲最大的线上娱乐平台，注册即送38元。").as_deref(),
            Some("")
        );
        // A report sentence with one planted term keeps its ad-like words.
        assert_eq!(
            scrub("推动文化娱乐消费【葡京】提质扩容,优化企业注册流程。").as_deref(),
            Some("推动文化娱乐消费提质扩容,优化企业注册流程。")
        );
        assert_eq!(
            scrub("推动休闲娱乐消费葡京提质扩容,优化企业注册流程。").as_deref(),
            Some("推动休闲娱乐消费提质扩容,优化企业注册流程。")
        );
    }

    #[test]
    fn user_terms_are_strong() {
        let lex = Lexicon::new(&[], &["某某代购".to_owned()]);
        assert_eq!(
            lex.scrub("粮食产量稳定在某某代购60亿斤以上,").as_deref(),
            Some("粮食产量稳定在60亿斤以上,")
        );
        let only = Lexicon::new(&["XYZ推广".to_owned()], &[]);
        assert_eq!(only.scrub("增长5%葡京以上。增长6%以上的目标"), None);
    }
}
