//! The locator's compiled patterns (built once per extractor) and the
//! checks of a sentence's lead that use them: whose targets a sentence
//! quotes (the nation's, the province's, a lower government's), and what it
//! compares with last year.

use baogao_model::Level;
use regex::Regex;

/// The names a list of the year's targets opens with, which a page that lost
/// its line breaks glues to the heading above them.
pub(super) const GLUED_FIRST_NAMES: [&str; 4] = ["地区生产总值", "国内生产总值", "生产总值", "GDP"];

/// Compiled patterns for locating blocks (built once per extractor).
#[derive(Debug)]
pub(crate) struct LocatePatterns {
    pub(super) cue: Regex,
    /// The State Council's report told (国务院总理…政府工作报告, 全国人大…开幕).
    pub(super) nations_report: Regex,
    /// A local congress or report told (市人大, 县长…作政府工作报告).
    pub(super) local_report: Regex,
    pub(super) not_this_year: Regex,
    pub(super) year: Regex,
    pub(super) deadline: Regex,
    pub(super) plan_heading: Regex,
    pub(super) numbered_heading: Regex,
    pub(super) plan_lead: Regex,
    pub(super) forward: Regex,
    pub(super) reported: Regex,
    pub(super) compared: Regex,
    pub(super) compared_growth: Regex,
    pub(super) elsewhere: Regex,
    pub(super) nation_as_aim: Regex,
    /// A line that opens with the targets the nation set (国家确定的今年经济
    /// 增长预期目标为5%左右): quoted beside a lower government's own.
    pub(super) nations_set: Regex,
    pub(super) past: Regex,
    /// A growth's figure right before a cue (经济增长13%的预期目标).
    pub(super) figure_before_cue: Regex,
    /// The coming year framed by its place in a plan (今年是“十四五”开局之年):
    /// it names the plan, not a five-year goal.
    pub(super) plan_frame: Regex,
}

impl LocatePatterns {
    pub(crate) fn new() -> LocatePatterns {
        let re = |s: &str| crate::patterns::built_in(s);
        LocatePatterns {
            cue: re(&format!(
                concat!(
                    r"(?:目标|指标)(?:任务)?(?:建议|安排|拟定|确定|初步确定|设定|设置)?(?:分别)?(?:是|为|定为|如下)(?:：|，)?|(?:目标|指标)：|(?:报告|会议)(?:建议|提出|确定)：|(?:主要预期目标|预期目标|主要目标|主要指标|主要预期指标|预期指标|主要经济指标|主要指标安排|主要计划指标|主要预期性指标|工作目标|奋斗目标)(?:任务)?(?:分解)?(?:[（(](?:\d+项|[一二三四五六七八九十]|\d|续)[)）])?[ —\-－~～=＝━─]*$|(?:主要预期目标|预期目标)中?(?:，其中包括|，包括|，即|，具体是|，)|(?:主要指标|主要计划指标|主要预期指标|主要预期性指标|工作目标|奋斗目标)(?:中，|包括：)|(?:主要预期目标|预期目标|主要目标)(?:任务)?——|(?:主要预期目标|预期目标|主要目标|主要指标)(?:建议|任务)?[】\]]",
                    // a headline's heading (今年目标, 2012年主要目标) on its own line
                    r"|^(?:今年|明年|\d{{4}}年)(?:的)?(?:主要)?目标$",
                    // a table's header over the target column (指标名称 | 单位 |
                    // 2023年完成 | 2024年目标; or 2013年计划, then other columns:
                    // the growth's, 2013年比上年增长（%）, the plan's, “十二五”规划目标)
                    r"|^(?:指标|项目|序号)[^。，；]{{0,30}}\d{{4}}年(?:(?:预期|计划)?目标值?|计划)[^。，；]{{0,24}}$",
                    // a summary's box (【目标】地区生产总值增长5.5%左右；…)
                    r"|[【\[](?:今年|明年|\d{{4}}年)?(?:发展|年度)?目标[】\]]",
                    // a heading glued to the first item's name under it
                    r"|(?:主要预期目标|预期目标|主要目标|主要指标|发展目标)。?(?:{}|[●■◆▲★•])",
                ),
                GLUED_FIRST_NAMES.join("|")
            )),
            nations_report: re(
                r"国务院总理|全国人大|全国人民代表大会|全国两会|总理[^。，]{0,12}政府工作报告",
            ),
            local_report: re(
                r"[省市县区州旗盟](?:第?[一二三四五六七八九十]+届)?(?:人大|人民代表大会)|[省市县区州旗盟]长[^。，]{0,10}作|[省市县区州旗盟](?:人民)?政府工作报告",
            ),
            elsewhere: re(r"全国|国家|中央|国务院|兄弟|其他地区"),
            nation_as_aim: re(r"现代化(?:强)?国家|创新型国家|国家级|国家中心城市|国家战略"),
            nations_set: re(
                r"^(?:根据|按照|对照)?(?:国家|全国|中央|国务院)[^，；：。]{0,15}(?:确定|提出|设定|明确|安排)",
            ),
            not_this_year: re(
                r"十[一二三四五六七八九]五|五年|年初|20[3-9]\d年|年均(?:[^浓值]|$)|去年|上年|过去|回顾|一年来|完成了|实现了|规划纲要|远景目标|三年|行动计划",
            ),
            year: re(r"(20\d\d)年"),
            deadline: re(r"(?:到|至)(20\d\d)年"),
            plan_heading: re(
                r"十[一二三四五六七八九]五|工作安排|主要任务|重点工作|工作任务|工作部署|总体要求|今年工作|目标任务|主要目标|工作建议|关于\d{4}年",
            ),
            numbered_heading: re(r"^[二三四五六七八九十]+、"),
            plan_lead: re(
                r"^(?:今年是|明年是|\d{4}年是|今年政府工作|今年工作的总体要求|今年经济社会发展的总体要求)",
            ),
            // (报告明确, 主要经济指标初步安排为：: a plan's figures set;
            // 【新年愿景】 heads an interview's list of the year's aims)
            forward: re(
                r"今年|明年|新的一年|预期|目标|计划|力争|提出|确定|报告中|报告说|报告指出|报告明确|指标[^，。；]{0,4}安排|安排为|新年(?:愿景|目标|展望)",
            ),
            // (…上涨2.4%，控制在4%左右的调控目标以内: a result within the
            // year's target figure)
            reported: re(
                r"\d[%‰](?:左右)?的[^，。；]{0,4}目标(?:以内|之内|范围内)|全年实现|全年完成|上半年|前三季度|季度|以来|同比|比上年|较上年|增长了|达到了|总量居|居全省|居全国|居全市|列全省|列全市|跃居|迈上|首次突破|(?:高于|低于|好于|超过|超出|优于|快于|慢于)[^，；。]{0,6}预期|(?:实现|完成|控制在)预期",
            ),
            past: re(
                r"过去|去年|上年|回顾|一年来|完成了|实现了|超额完成|圆满完成|预计|初步核算|初步统计",
            ),
            // a target measured against last year (涨幅低于上年实际涨幅,
            // 与上年持平, 与2006年持平) names last year without reporting it,
            // and so does the base it sets out from (在去年增长4.5%的基础上)
            compared: re(
                r"(?:低于|高于|不低于|不高于|不超过|快于|慢于|好于|优于|略高于|略低于|与|同)(?:上年|去年)(?:实际)?(?:的)?(?:涨幅|增幅|增速|水平|平均水平)?|(?:与|同)20\d\d年(?:基本)?持平|在[^，。；！？]{0,40}?(?:的)?(?:基础上|背景下)",
            ),
            // …比上年增长9%, 同比增长9%: a target when the sentence has named
            // the coming year first (今年全市生产总值比上年增长9%, 新的一年，
            // 地区生产总值同比增长6%), a result otherwise (今年以来 reports)
            compared_growth: re(r"(?:比|较)(?:上年|去年)|同比"),
            plan_frame: re(
                r"(?:今年|明年|\d{4}年)(?:是|为|作为)[^，。；,;]{0,24}?十[一二三四五六七八九]五[”」]?(?:规划|时期)?(?:的)?(?:开局|起步|收官|关键|攻坚|决胜|冲刺|承上启下|重要|第[一二三四五])[^，。；,;]{0,8}?之?年",
            ),
            figure_before_cue: re(
                r"(?:增长|增速|增幅|涨幅)[^，；。,;]{0,4}?(?:\d+(?:\.\d+)?%|百分之[零〇一二两三四五六七八九十点]+)(?:左右|以上|以内)?的(?:主要)?$",
            ),
        }
    }
}

impl LocatePatterns {
    /// `t` without its comparisons with last year (低于上年, 与上年持平, 在…的
    /// 基础上); borrowed, with no search, when it has none of their words.
    pub(crate) fn without_comparisons<'t>(&self, t: &'t str) -> std::borrow::Cow<'t, str> {
        if !["上年", "去年", "持平", "基础上", "背景下"]
            .iter()
            .any(|w| t.contains(w))
        {
            return std::borrow::Cow::Borrowed(t);
        }
        self.compared.replace_all(t, "")
    }

    /// Whether `t` may compare growth with last year's (比上年, 较去年, 同比):
    /// a test before the search.
    pub(crate) fn may_compare_growth(t: &str) -> bool {
        ["上年", "去年", "同比"].iter().any(|w| t.contains(w))
    }

    /// The word that makes `t` (a lead or a clause) name another government
    /// than the reporting one (全国, 中央, 国家确定的…), if one does; the nation
    /// as an aim or a rank (全面建设社会主义现代化国家, 国家级) does not, nor
    /// does the nation in the nation's own report (国务院总理…表示).
    pub(super) fn another_government(&self, t: &str, level: Option<Level>) -> Option<String> {
        if level == Some(Level::National) {
            return None;
        }
        let whose = self.nation_as_aim.replace_all(t, "");
        self.elsewhere.find(&whose).map(|w| w.as_str().to_owned())
    }

    /// Whether a lead (`全省今年的主要预期目标是`) quotes the province's
    /// targets in a city's or county's report.
    pub(super) fn quotes_the_province(lead: &str, level: Option<Level>) -> bool {
        matches!(level, Some(Level::City | Level::County)) && lead.contains("全省")
    }

    /// Whether a line opens with the targets the nation set (国家确定的今年
    /// 经济增长预期目标为5%左右), in a text that is not the nation's.
    pub(super) fn quotes_the_nations_set(&self, t: &str, level: Option<Level>) -> bool {
        // (each form opens with one of these chars: asked first, as this is
        // asked of every sentence)
        level != Some(Level::National)
            && t.starts_with(['根', '按', '对', '国', '全', '中'])
            && self.nations_set.is_match(t)
    }

    /// Whether a sentence of a city's or county's text opens with the
    /// province as its subject (全省今年地区生产总值增长目标为5%左右).
    pub(super) fn opens_with_the_province(t: &str, level: Option<Level>) -> bool {
        matches!(level, Some(Level::City | Level::County)) && t.starts_with("全省")
    }

    /// Whether a sentence of a county's or a district's text opens with its
    /// city as the subject (全市今年提出地区生产总值增长6%—6.5% in 朝阳区's
    /// report): a county or a district calls itself 全县, 全区, 全旗; a
    /// county-level city says 全市 of itself, so its text is not asked.
    pub(super) fn opens_with_the_city(t: &str, place: Option<&baogao_regions::Division>) -> bool {
        t.starts_with("全市")
            && place.is_some_and(|d| d.level == Level::County && !d.name.ends_with('市'))
    }

    /// Whether a lead gives a deputy's words for a lower government than
    /// the report's (a county's deputy on a city's report: 来自神木县的代表说，
    /// 我县今年…目标是).
    pub(super) fn speaks_for_a_lower_one(lead: &str, level: Option<Level>) -> bool {
        let words: &[&str] = match level {
            Some(Level::Province | Level::City) => &["我县", "本县"],
            Some(Level::County) => &["我乡", "我镇", "本乡", "本镇"],
            _ => &[],
        };
        // (a lower government's head speaking of it as 区里 or 县里, “区里今年的
        // 目标是…”, or as 我们区, needs no deputy named; nor a firm, 我们企业)
        let lower_units: &[&str] = match level {
            Some(Level::Province) => &["市", "州", "县", "镇", "乡", "村"],
            Some(Level::City) => &["区", "县", "镇", "乡", "村", "街道"],
            Some(Level::County) => &["乡", "镇", "村", "街道"],
            _ => &[],
        };
        let colloquial = |unit: &str| {
            ["我们", "咱们"]
                .iter()
                .any(|w| lead.contains(&format!("{w}{unit}")))
                || unit.chars().count() == 1 && lead.contains(&format!("{unit}里"))
        };
        // (or by its name, 我们茅台镇今年的目标是…)
        let named = || {
            ["我们", "咱们"].iter().any(|w| {
                lead.match_indices(w).any(|(i, _)| {
                    let after: Vec<char> =
                        lead[i + w.len()..].chars().take(NAMED_UNIT_REACH).collect();
                    after.iter().enumerate().skip(2).any(|(k, c)| {
                        lower_units
                            .iter()
                            .any(|u| u.starts_with(*c) && u.chars().count() == 1)
                            && after[..k].iter().all(|&x| crate::norm::is_unified_han(x))
                    })
                })
            })
        };
        words.iter().any(|w| lead.contains(w)) && super::list::names_a_deputy(lead)
            || lower_units.iter().any(|u| colloquial(u))
            || named()
            || ["我们企业", "我们公司", "我们厂"]
                .iter()
                .any(|w| lead.contains(w))
    }
}

/// How many chars after 我们 a lower unit's name may end (我们茅台镇).
const NAMED_UNIT_REACH: usize = 5;
