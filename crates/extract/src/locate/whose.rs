//! Whose targets a text tells: a government's own, or another's it quotes —
//! the nation's or a higher government's in a local story, a firm's, a
//! bulletin's results, a foreign parliament's.

use baogao_model::Level;

use super::{LocatePatterns, Speaker};
use crate::explain::Trace;
use crate::item::Item;
use crate::norm::Norm;

/// Why a text whose headline names who speaks is no government's report of
/// targets, if it is not: a statistical bulletin (统计公报: the year's
/// results), a firm's, a bank's or a university's meeting or plan (集团召开2020年
/// 工作会议, 兰州大学2022年工作要点), a foreign parliament (越南国会) — when the
/// text tells of no report to a people's congress.
pub(super) fn no_governments_text(n: &Norm) -> Option<&'static str> {
    let body = n.text(0, n.len());
    let mut lines = body.lines().filter(|l| !l.trim().is_empty());
    // (a headline: a short first line with more under it)
    let head = lines.next()?;
    if head.chars().count() > HEADLINE_MAX || lines.next().is_none() {
        return None;
    }
    let why = if head.contains("统计公报") {
        "a statistical bulletin: the year's results, no targets"
    } else if ["国会", "议会"].iter().any(|w| head.contains(w)) {
        "a foreign parliament's plan, not a Chinese government's"
    } else if ["集团", "公司", "银行", "大学", "学院", "医院", "学校"]
        .iter()
        .any(|w| head.contains(w))
    {
        "a firm's, a bank's or a school's own goals, not a government's"
    } else {
        return None;
    };
    let congress = [
        "政府工作报告",
        "人民代表大会",
        "人大",
        "两会",
        "省长",
        "市长",
        "县长",
        "区长",
    ]
    .iter()
    .any(|w| body.contains(w));
    (!congress).then_some(why)
}

/// The longest first line read as a headline (its source line, which may
/// name a media group or a publishing company, is not read).
const HEADLINE_MAX: usize = 40;

/// The words by which a local text names its own government.
pub(super) const OWN_WORDS: [&str; 12] = [
    "我省", "我市", "我区", "我县", "我州", "本省", "本市", "全省", "全市", "全区", "全县", "全州",
];

/// A local news item on a higher government's report quotes that
/// government's targets, not its own government's: the State Council's
/// (全国两会精神在我市引起热烈反响: the premier's report, then a local
/// reaction) in a text that tells no local report, or the province's or the
/// city's in a lower place's story (省两会精神在我县引起强烈反响, 坪山区热议市
/// 政府工作报告) that tells no report of its own. A target stays only when its
/// sentence names the reporting government before it (我市今年…, 温州今年…;
/// in the lower place's story, by its own unit: 全县, not 全省). A figure
/// whose clause opens with 全国 in any local text is the nation's too.
pub(super) fn without_the_nations(
    n: &Norm,
    items: Vec<Item>,
    speaker: Speaker,
    lp: &LocatePatterns,
    trace: &mut Trace,
) -> Vec<Item> {
    let body = n.text(0, n.len());
    let local = matches!(
        speaker.level,
        Some(Level::Province | Level::City | Level::County)
    );
    // (a figure named as the nation's in a local text, 中央提出的全国经济增长
    // 8%左右的目标，建议全省…: the nation's, whatever the text)
    let items: Vec<Item> = items
        .into_iter()
        .filter(|it| {
            let nations = local && n.text(it.start, it.end).starts_with("全国");
            if nations {
                trace.note(n, (it.start, it.end), false, || {
                    "the nation's figure, named so in a local text".to_owned()
                });
            }
            !nations
        })
        .collect();
    // (a local session named only after the figures, 确保完成市五届人大四次会议
    // 确定的今年各项目标任务 closing a reaction story, tells no local report
    // before them)
    let first = items.iter().map(|it| it.start).min().unwrap_or(0);
    let nations =
        local && lp.nations_report.is_match(body) && !lp.local_report.is_match(n.text(0, first));
    let own_words: Vec<String> = if nations {
        OWN_WORDS.iter().map(|w| (*w).to_owned()).collect()
    } else if let Some(unit) = higher_report_told(body, speaker) {
        ["我", "全", "本"]
            .iter()
            .map(|w| format!("{w}{unit}"))
            .collect()
    } else {
        return items;
    };
    let own_name = speaker.place.map(|d| {
        let name = d.name.as_str();
        name.strip_suffix(['省', '市', '县', '区'])
            .filter(|short| short.chars().count() >= 2)
            .unwrap_or(name)
    });
    items
        .into_iter()
        .filter(|it| {
            let mut a = it.start;
            while a > 0 && !matches!(n.chars[a - 1], '。' | '！' | '？' | '\n') {
                a -= 1;
            }
            let before = n.text(a, it.end);
            let own = own_words.iter().any(|w| before.contains(w.as_str()))
                || own_name.is_some_and(|x| before.contains(x));
            if !own {
                trace.note(n, (it.start, it.end), false, || {
                    "a higher government's target, quoted in a local story on its report".to_owned()
                });
            }
            own
        })
        .collect()
}

/// The unit by which the speaker names itself (县 of 大竹县), when `body` is
/// its story on a higher government's session or report (省两会精神在我县…)
/// and tells no report of its own (县长…作政府工作报告, 县十七届人大).
fn higher_report_told(body: &str, speaker: Speaker) -> Option<char> {
    let higher = crate::meta::higher_session_relayed(body)?;
    let unit = speaker.place?.name.chars().last()?;
    let below = match higher {
        '省' => matches!(speaker.level, Some(Level::City | Level::County)),
        _ => speaker.level == Some(Level::County),
    };
    if !below || unit == higher {
        return None;
    }
    let own_report = [
        format!("{unit}长"),
        format!("{unit}人大"),
        format!("{unit}人民代表大会"),
        format!("{unit}政府工作报告"),
        format!("{unit}人民政府工作报告"),
    ];
    let tells_its_own = own_report.iter().any(|w| body.contains(w.as_str()))
        || body.contains(&format!("{}届", speaker.place?.name));
    (!tells_its_own).then_some(unit)
}
