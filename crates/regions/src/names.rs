//! How division names are written: the unit word a name ends with (省, 市, 区,
//! 县 …) and the short forms a report uses (山西 for 山西省, 延边 for
//! 延边朝鲜族自治州, 太谷 for 太谷区).

use baogao_model::Level;

/// Suffixes stripped to get a short form, longest first so 自治州 wins over 州.
const SUFFIXES: &[&str] = &[
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "新区",
    "林区",
    "特区",
    "矿区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
];

/// The 55 minority nationalities, as they appear in autonomous-area names.
const ETHNIC: &[&str] = &[
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "各",
];

/// Short forms that are everyday words in a report (乡村振兴, 合作, 资源, 绿水青山);
/// they never count as a mention of the division on their own.
const COMMON_WORDS: &[&str] = &[
    // (统筹发展和安全, 医疗和康养: the counties of 和田 created in 2024)
    "和安",
    "和康",
    "合作",
    "同心",
    "富民",
    "光明",
    "友好",
    "友谊",
    "平安",
    "和平",
    "新华",
    "长安",
    "中原",
    "江南",
    "江北",
    "城中",
    "城东",
    "城西",
    "城北",
    "城南",
    "城关",
    "河东",
    "河西",
    "前进",
    "向阳",
    "胜利",
    "新兴",
    "永安",
    "安宁",
    "太平",
    "东风",
    "红星",
    "新市",
    "市中",
    "共和",
    "兴业",
    "大方",
    "安居",
    "乐业",
    "安定",
    "卫东",
    "新建",
    "新城",
    "青山",
    "白云",
    "东方",
    "通道",
    "资源",
    "全州",
    "万年",
    "中方",
    "振兴",
    "复兴",
    "富裕",
    "延长",
    "温泉",
    "朝阳",
    "江山",
    "井冈山",
    "古田",
    "和顺",
    "康乐",
    "民乐",
    "永丰",
    "莲花",
    "凤凰",
    "石门",
    "桃源",
    "东山",
    "新星",
    "白杨",
    "高新",
    "开发",
    "阳光",
    "和谐",
    "团结",
    "文明",
    "民主",
    "建设",
    "发展",
    "长乐",
    "永和",
    "清河",
    "宁安",
    "安康",
    "龙山",
    "武功",
    "裕民",
    "双河",
    "东港",
    "海港",
    "港口",
    "开放",
    "红旗",
    "长寿",
    "龙华",
    "正安",
    "和政",
    "通化",
];

/// Phrases that hold a short form without naming the place (长治久安 is not 长治).
pub(crate) const IDIOMS: &[&str] = &[
    "长治久安",
    "大同小异",
    "江山如画",
    "东方红",
    // (新增城镇就业: not 增城, a district of 广州)
    "新增城",
];

/// The unit word a name ends with, as used in level hints (全区, 县委, 市政府).
/// 自治区 counts as 区 (广西 reports say 全区), 地区 as 地区.
pub(crate) fn unit(name: &str) -> Option<&'static str> {
    if name.ends_with("地区") {
        return Some("地区");
    }
    ["省", "市", "区", "县", "旗", "州", "盟"]
        .into_iter()
        .find(|u| name.ends_with(u))
}

/// Strips ethnic names at the end of `stem` (延边朝鲜族 → 延边, 新疆维吾尔 → 新疆).
/// A bare nationality without 族 is only stripped from autonomous-area names.
fn strip_ethnic(stem: &str, autonomous: bool) -> &str {
    let mut s = stem;
    loop {
        let mut next = None;
        for e in ETHNIC {
            // (`{e}族`, without building it: this runs for every name of the gazetteer)
            if let Some(rest) = s.strip_suffix('族').and_then(|r| r.strip_suffix(e)) {
                if rest.chars().count() >= 2 && next.is_none_or(|n: &str| rest.len() < n.len()) {
                    next = Some(rest);
                }
            } else if autonomous
                && let Some(rest) = s.strip_suffix(e)
                && rest.chars().count() >= 2
                && next.is_none_or(|n: &str| rest.len() < n.len())
            {
                next = Some(rest);
            }
        }
        match next {
            Some(rest) => s = rest,
            None => break,
        }
    }
    if s.chars().count() >= 3 {
        // 东乡族 (东乡族自治县) → 东乡, 鄂温克族 → 鄂温克
        if let Some(rest) = s.strip_suffix('族') {
            return rest;
        }
    }
    s
}

/// The stem of a name without its unit suffix and ethnic names, if at least
/// two characters remain (城区 and 沁县 have none).
pub(crate) fn stem(name: &str) -> Option<&str> {
    let suffix = SUFFIXES.iter().find(|s| name.ends_with(**s))?;
    let raw = &name[..name.len() - suffix.len()];
    let s = strip_ethnic(raw, suffix.starts_with("自治"));
    (s.chars().count() >= 2 && s != name).then_some(s)
}

/// Forms a report writes instead of the full name, with whether they carry
/// a unit (延边州, 元江县) or are bare (延边, 太谷, 山西).
pub(crate) fn short_forms(name: &str, level: Level) -> Vec<(String, bool)> {
    let Some(s) = stem(name) else {
        return Vec::new();
    };
    let mut out = vec![(s.to_owned(), false)];
    for (auto, unit) in [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")] {
        if name.ends_with(auto) {
            out.push((format!("{s}{unit}"), true));
            // (长阳自治县 for 长阳土家族自治县: the unit kept, the peoples left out)
            if s.chars().count() + auto.chars().count() < name.chars().count() {
                out.push((format!("{s}{auto}"), true));
            }
        }
    }
    out.extend(banner_short_form(name).map(|f| (f, true)));
    if level == Level::Province && name.ends_with("自治区") {
        // 广西 reports call their own region 自治区, never 广西区
        out.truncate(1);
    }
    out
}

/// The short form news writes for a banner named by a direction (土默特右旗 →
/// 土右旗, 科尔沁左翼中旗 → 科左中旗, 东乌珠穆沁旗 → 东乌旗): the stem's first
/// char and the direction words.
fn banner_short_form(name: &str) -> Option<String> {
    let body: Vec<char> = name.strip_suffix('旗')?.chars().collect();
    let n = body.len();
    let is_dir = |c: char| matches!(c, '前' | '中' | '后' | '左' | '右');
    let form: String = if n >= 5
        && matches!(body[n - 3], '左' | '右')
        && body[n - 2] == '翼'
        && is_dir(body[n - 1])
    {
        // (a stem of at least two chars before 左翼/右翼 and the direction)
        [body[0], body[n - 3], body[n - 1]].iter().collect()
    } else if n >= 3 && is_dir(body[n - 1]) {
        [body[0], body[n - 1]].iter().collect()
    } else if n >= 3 && matches!(body[0], '东' | '西') {
        [body[0], body[1]].iter().collect()
    } else {
        return None;
    };
    Some(format!("{form}旗"))
}

/// Whether a bare short form is an everyday word that cannot stand on its own.
pub(crate) fn is_common_word(short: &str) -> bool {
    COMMON_WORDS.contains(&short)
}

/// Whether a full name is too generic to be taken from free text without its
/// prefecture right before it (城区, 郊区, 矿区, 东区, 西区).
pub(crate) fn is_generic(name: &str) -> bool {
    name.chars().count() <= 2 && name.ends_with('区')
}

/// Trims whitespace (also full-width) everywhere in a name as written.
pub(crate) fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bare(name: &str, level: Level) -> Option<String> {
        short_forms(name, level).into_iter().next().map(|(s, _)| s)
    }

    #[test]
    fn province_short_forms() {
        assert_eq!(bare("山西省", Level::Province).as_deref(), Some("山西"));
        assert_eq!(
            bare("广西壮族自治区", Level::Province).as_deref(),
            Some("广西")
        );
        assert_eq!(
            bare("新疆维吾尔自治区", Level::Province).as_deref(),
            Some("新疆")
        );
        assert_eq!(
            bare("宁夏回族自治区", Level::Province).as_deref(),
            Some("宁夏")
        );
        assert_eq!(
            bare("内蒙古自治区", Level::Province).as_deref(),
            Some("内蒙古")
        );
        assert_eq!(bare("西藏自治区", Level::Province).as_deref(), Some("西藏"));
        assert_eq!(bare("上海市", Level::Province).as_deref(), Some("上海"));
    }

    #[test]
    fn autonomous_areas_lose_their_nationalities() {
        assert_eq!(
            bare("延边朝鲜族自治州", Level::City).as_deref(),
            Some("延边")
        );
        assert_eq!(
            bare("恩施土家族苗族自治州", Level::City).as_deref(),
            Some("恩施")
        );
        assert_eq!(
            bare("黔东南苗族侗族自治州", Level::City).as_deref(),
            Some("黔东南")
        );
        assert_eq!(
            bare("双江拉祜族佤族布朗族傣族自治县", Level::County).as_deref(),
            Some("双江")
        );
        assert_eq!(
            bare("积石山保安族东乡族撒拉族自治县", Level::County).as_deref(),
            Some("积石山")
        );
        assert_eq!(bare("东乡族自治县", Level::County).as_deref(), Some("东乡"));
        assert_eq!(
            bare("鄂伦春自治旗", Level::County).as_deref(),
            Some("鄂伦春")
        );
        assert_eq!(
            bare("梅里斯达斡尔族区", Level::County).as_deref(),
            Some("梅里斯")
        );
        let forms = short_forms("红河哈尼族彝族自治州", Level::City);
        assert!(forms.contains(&("红河州".to_owned(), true)), "{forms:?}");
    }

    #[test]
    fn banners_named_by_a_direction_have_the_news_short_form() {
        for (name, form) in [
            ("土默特右旗", "土右旗"),
            ("科尔沁左翼中旗", "科左中旗"),
            ("察哈尔右翼后旗", "察右后旗"),
            ("东乌珠穆沁旗", "东乌旗"),
            ("杭锦后旗", "杭后旗"),
        ] {
            let forms = short_forms(name, Level::County);
            assert!(
                forms.contains(&(form.to_owned(), true)),
                "{name}: {forms:?}"
            );
        }
        // a banner with no direction in its name has none
        assert_eq!(banner_short_form("达拉特旗"), None);
        assert_eq!(banner_short_form("鄂伦春自治旗"), None);
    }

    #[test]
    fn one_character_stems_have_no_short_form() {
        assert_eq!(bare("城区", Level::County), None);
        assert_eq!(bare("沁县", Level::County), None);
        assert_eq!(bare("矿区", Level::County), None);
        assert_eq!(bare("太谷区", Level::County).as_deref(), Some("太谷"));
        assert_eq!(bare("阿克苏地区", Level::City).as_deref(), Some("阿克苏"));
        assert_eq!(bare("浦东新区", Level::County).as_deref(), Some("浦东"));
        assert_eq!(bare("神农架林区", Level::County).as_deref(), Some("神农架"));
        assert_eq!(bare("西沙群岛", Level::County), None);
    }

    #[test]
    fn units_and_generic_names() {
        assert_eq!(unit("广西壮族自治区"), Some("区"));
        assert_eq!(unit("和田地区"), Some("地区"));
        assert_eq!(unit("阿拉善盟"), Some("盟"));
        assert_eq!(unit("西沙群岛"), None);
        assert!(is_generic("城区"));
        assert!(!is_generic("市中区"));
        assert_eq!(normalize(" 太谷 区\u{3000}"), "太谷区");
    }
}
