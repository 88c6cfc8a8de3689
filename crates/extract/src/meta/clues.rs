//! Clues to a text's place and level besides its title and congress line:
//! the words by which a government calls itself (全县, 我省) and the
//! abbreviation in a provincial document's number (鄂政发〔2018〕1号).

use std::sync::LazyLock;

use regex::Regex;

/// The unit (省 or 市) of the higher government whose session or report a
/// lower government's story tells (省两会精神在我县引起强烈反响, 传达学习市
/// 两会精神, 坪山区热议市政府工作报告, 省政府工作报告在我市干部群众中引起热烈
/// 反响): a lower government names its superior by the unit alone. A city's
/// own story may say the same of its own report (我市干部群众热议市政府工作
/// 报告); the caller checks that the story's place lies below. An autonomous
/// region is named 自治区 (自治区两会精神在我旗引起强烈反响): a province's unit.
pub(crate) fn higher_session_relayed(text: &str) -> Option<char> {
    static RELAYED: LazyLock<Regex> = LazyLock::new(|| {
        crate::patterns::built_in(concat!(
            r#"(自治区|[省市])[“"]?两会[”"]?精神|"#,
            r"(?:热议|学习|传达|贯彻)[^。，\n]{0,4}(自治区|[省市])(?:人民)?政府工作报告|",
            r"(自治区|[省市])(?:人民)?政府工作报告[^。\n]{0,12}(?:反响|热议)"
        ))
    });
    let c = RELAYED.captures(text)?;
    let unit = (1..=3).find_map(|i| c.get(i))?.as_str();
    if unit == "自治区" {
        Some('省')
    } else {
        unit.chars().next()
    }
}

/// The level a text speaks for when it never names its place: the words by
/// which a government calls itself (全县, 我县, 县委 … or 全省, 我省, 省委 …),
/// when one level's words are most of them and several. 全市 and 全区 are
/// left alone (a county-level city says 全市, an autonomous region 全区).
pub(crate) fn level_of_the_speaker(body: &str) -> Option<baogao_model::Level> {
    use baogao_model::Level;
    let count = |words: &[&str]| words.iter().map(|w| body.matches(w).count()).sum::<usize>();
    // the scope word that opens the targets (全县经济社会发展的主要预期目标是,
    // 全县地区生产总值增长8%) counts as much as the minimum alone
    let scoped = |words: &[&str]| {
        words
            .iter()
            .flat_map(|w| body.match_indices(w))
            .filter(|&(i, w)| {
                let after: String = body[i + w.len()..].chars().take(SCOPE_REACH).collect();
                after.contains("目标") || after.contains("生产总值")
            })
            .count()
            * SPEAKER_WORDS_MIN
    };
    let county = count(&["全县", "我县", "县委", "县政府", "全旗", "我旗", "旗委"])
        + scoped(&["全县", "全旗"]);
    let province = count(&["全省", "我省", "省委", "省政府"]) + scoped(&["全省"]);
    if county >= SPEAKER_WORDS_MIN && county > 2 * province {
        Some(Level::County)
    } else if province >= SPEAKER_WORDS_MIN && province > 2 * county {
        Some(Level::Province)
    } else {
        None
    }
}

/// The fewest words of one level that make a text speak for it.
const SPEAKER_WORDS_MIN: usize = 2;

/// How many chars after a scope word (全县) the targets' words are looked for.
const SCOPE_REACH: usize = 14;

/// The province whose abbreviation opens a provincial government's document
/// number in `body` (鄂政发〔2018〕1号, 浙政办发〔2020〕3号), if one does.
pub(crate) fn province_of_document_number(body: &str) -> Option<&'static str> {
    const ABBREVIATIONS: &[(char, &str)] = &[
        ('京', "北京市"),
        ('津', "天津市"),
        ('沪', "上海市"),
        ('渝', "重庆市"),
        ('冀', "河北省"),
        ('晋', "山西省"),
        ('辽', "辽宁省"),
        ('吉', "吉林省"),
        ('黑', "黑龙江省"),
        ('苏', "江苏省"),
        ('浙', "浙江省"),
        ('皖', "安徽省"),
        ('闽', "福建省"),
        ('赣', "江西省"),
        ('鲁', "山东省"),
        ('豫', "河南省"),
        ('鄂', "湖北省"),
        ('湘', "湖南省"),
        ('粤', "广东省"),
        ('琼', "海南省"),
        ('川', "四川省"),
        ('黔', "贵州省"),
        ('云', "云南省"),
        ('陕', "陕西省"),
        ('甘', "甘肃省"),
        ('青', "青海省"),
        ('桂', "广西壮族自治区"),
        ('藏', "西藏自治区"),
        ('新', "新疆维吾尔自治区"),
    ];
    let at = body.find(['〔', '[', '［'])?;
    let before: Vec<char> = body[..at].chars().rev().take(4).collect();
    // 政发 or 政办发 right before the bracket, the abbreviation before them
    let abbr = match before.as_slice() {
        ['发', '政', a, ..] | ['发', '办', '政', a] => *a,
        _ => return None,
    };
    ABBREVIATIONS
        .iter()
        .find(|(c, _)| *c == abbr)
        .map(|(_, p)| *p)
}

/// The province of the city a news agency's dateline names (新华社石家庄1月25日
/// 电 → 河北省), for a province's story that never names its province (省十三
/// 届人大一次会议, 全省): agencies date a province's news at its capital. A
/// Beijing dateline says nothing of the kind (the nation's sessions, and every
/// province's delegates there).
pub(crate) fn province_of_the_dateline(head: &str) -> Option<String> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        crate::patterns::built_in(
            r"(?:新华社|中新社|中新网|人民网|央广网|中国新闻网)(\p{Han}{2,4}?)\d{1,2}月\d{1,2}日(?:电|讯)",
        )
    });
    let place = DATELINE.captures(head)?.get(1)?.as_str();
    if place == "北京" {
        return None;
    }
    baogao_regions::Divisions::builtin()
        .resolve(place, None, None)
        .division()
        .map(|d| d.province.clone())
}

/// The province of the city where a province's congress meets, as its
/// paper writes it (省十四届人大三次会议在石家庄开幕 → 河北省): a province's
/// congress meets in its own province, mostly at its capital.
pub(crate) fn province_of_the_venue(head: &str) -> Option<String> {
    static VENUE: LazyLock<Regex> = LazyLock::new(|| {
        crate::patterns::built_in(
            r"(?:省|自治区)第?[一二三四五六七八九十]+届(?:人民代表大会|人大)[^。，\n]{0,12}?会议[^。，\n]{0,8}?在(\p{Han}{2,4}?)(?:市)?(?:隆重)?(?:开幕|召开|举行)",
        )
    });
    let place = VENUE.captures(head)?.get(1)?.as_str();
    baogao_regions::Divisions::builtin()
        .resolve(place, None, None)
        .division()
        .filter(|d| d.level == baogao_model::Level::City)
        .map(|d| d.province.clone())
}

/// The places a report's own slogan names (奋力谱写中国式现代化湖南篇章,
/// 开创中国式现代化建设荥阳实践新局面), as written: a government writes its
/// own place there. A lower government echoing its superior's slogan names
/// the superior, so the caller takes a place only where it lies below what
/// the rest of the text gives.
pub(crate) fn slogan_places(body: &str) -> impl Iterator<Item = &str> {
    static SLOGAN: LazyLock<Regex> = LazyLock::new(|| {
        crate::patterns::built_in(r"中国式现代化(?:建设)?(\p{Han}{2,4}?)(?:新篇章|篇章|实践|样板)")
    });
    SLOGAN
        .captures_iter(body)
        .take(8)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
}
