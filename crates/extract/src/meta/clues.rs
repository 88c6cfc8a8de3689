//! Clues to a text's place and level besides its title and congress line:
//! the words by which a government calls itself (全县, 我省) and the
//! abbreviation in a provincial document's number (鄂政发〔2018〕1号).

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
