//! Finding the reporting region in a title or the first lines of a report.
//!
//! The text is cut into the longest known names (full, short and historical).
//! Names written one after the other (（山西省）晋中市太谷区) form a chain in
//! which each name is read inside the one before it. A name followed by
//! 政府 / 人民政府 / 人民代表大会 (after a year or a session number) is the
//! reporting region. Without such a title, every accepted mention scores,
//! weighted by how often the text says 全区 / 区委 / 区长 for its unit (区, 县,
//! 市 …) and by mentions of its province and prefecture.

use rustc_hash::FxHashMap as HashMap;

use baogao_model::Level;

use crate::names::{IDIOMS, is_common_word, is_generic, unit};
use crate::resolve::Context;
use crate::table::{Cand, Kind};
use crate::{Division, Divisions, Resolution};

/// Only this many characters are read: the region is named at the top.
const WINDOW: usize = 6000;
/// Mentions within this many characters of the start count double (the title).
const HEAD: usize = 150;
/// Characters that may stand between two names of one chain.
const CHAIN_GAP: &[char] = &[
    '(', ')', '（', '）', '〔', '〕', '[', ']', '【', '】', ' ', '\u{3000}', '·',
];
/// Characters skipped between a name and 政府 (a year, a session number).
const ANCHOR_SKIP: &str =
    "0123456789０１２３４５６７８９年度第届次一二三四五六七八九十〇零（）() \u{3000}";
const ANCHORS: &[&str] = &["人民政府", "政府", "人民代表大会", "人大"];

/// One name found in the text.
struct Hit<'a> {
    /// Position in characters.
    start: usize,
    end: usize,
    surface: &'a str,
    cands: &'a [Cand],
    /// The readings accepted for this mention.
    set: Vec<Cand>,
    chained: bool,
    /// Followed by 政府 / 人民代表大会: the title names the reporting region.
    anchored: bool,
    /// A two-char name whose unit goes on into a common noun (和县委 is "and
    /// the county committee", 代县长 "the acting county head"): no place.
    in_a_noun: bool,
}

/// The chars that make a county's or district's unit (县, 区) the head of a
/// common noun (县委, 县长, 县级, 县域, 县城, 县里, 县乡, 县直).
const UNIT_NOUN_TAILS: &str = "委长级域城里乡直";

fn in_a_noun(chars: &[char], start: usize, end: usize) -> bool {
    end - start == 2
        && matches!(chars[end - 1], '县' | '区')
        && chars.get(end).is_some_and(|c| UNIT_NOUN_TAILS.contains(*c))
}

/// How often the text names each unit's government (全区, 区委, 区长, 本区 …).
fn count_hints(chars: &[char]) -> HashMap<&'static str, usize> {
    let mut out: HashMap<&'static str, usize> = HashMap::default();
    let at = |i: usize| chars.get(i).copied();
    for (i, &ch) in chars.iter().enumerate() {
        if ch == '地' && at(i + 1) == Some('委') || ch == '行' && at(i + 1) == Some('署') {
            *out.entry("地区").or_default() += 1;
            continue;
        }
        let (u, len) = match ch {
            '地' if at(i + 1) == Some('区') => ("地区", 2),
            '省' => ("省", 1),
            '市' => ("市", 1),
            '区' => ("区", 1),
            '县' => ("县", 1),
            '旗' => ("旗", 1),
            '州' => ("州", 1),
            '盟' => ("盟", 1),
            _ => continue,
        };
        let after = i + len;
        let before = i.checked_sub(1).and_then(at);
        let whole = matches!(before, Some('全' | '本'))
            && !matches!(at(after), Some('域' | '场' | '国' | '面' | '员' | '部'));
        let gov = !matches!(
            before,
            Some('城' | '社' | '都' | '园' | '景' | '小' | '街' | '校')
        ) && (matches!(at(after), Some('委' | '长'))
            || chars[after..].starts_with(&['政', '府'])
            || chars[after..].starts_with(&['人', '大'])
            || chars[after..].starts_with(&['政', '协']));
        if whole || gov {
            *out.entry(u).or_default() += 1;
        }
    }
    out
}

fn anchored(chars: &[char], end: usize) -> bool {
    let mut i = end;
    while i < chars.len() && i < end + 16 && ANCHOR_SKIP.contains(chars[i]) {
        i += 1;
    }
    let rest: String = chars[i..chars.len().min(i + 6)].iter().collect();
    ANCHORS.iter().any(|a| rest.starts_with(a))
}

/// The unit whose hints decide for a reading: of the name as written when it
/// is historical (全县 in a 太谷县 report), else of the current name.
fn unit_of(c: &Cand) -> Option<&'static str> {
    c.renamed
        .and_then(|r| unit(&r.old))
        .or_else(|| unit(&c.div.name))
}

impl Divisions {
    fn tokenize<'a>(&'a self, text: &str, chars: &[char]) -> Vec<Hit<'a>> {
        // byte offset of every character, and of the end
        let offs: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .take(chars.len())
            .chain(std::iter::once(
                text.char_indices()
                    .nth(chars.len())
                    .map_or(text.len(), |(b, _)| b),
            ))
            .collect();
        let mut hits = Vec::new();
        let mut i = 0;
        'scan: while i < chars.len() {
            for idiom in IDIOMS {
                if text[offs[i]..].starts_with(idiom) {
                    i += idiom.chars().count();
                    continue 'scan;
                }
            }
            // extend while the text is a prefix of some name; keep the longest name
            let mut longest = None;
            for end in i + 1..=chars.len() {
                let key = &text[offs[i]..offs[end]];
                if end - i >= 2
                    && let Some((k, cands)) = self.surfaces.get_key_value(key)
                {
                    longest = Some((end, k.as_str(), cands.as_slice()));
                }
                if !self.prefixes.contains(key) {
                    break;
                }
            }
            match longest {
                Some((end, surface, cands)) => {
                    hits.push(Hit {
                        start: i,
                        end,
                        surface,
                        cands,
                        set: Vec::new(),
                        chained: false,
                        anchored: anchored(chars, end),
                        in_a_noun: in_a_noun(chars, i, end),
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The context a name sets for the name right after it: the provinces and
    /// prefectures it can stand for, however it is written.
    fn chain_context(&self, hit: &Hit<'_>) -> Context {
        let mut ctx = Context::default();
        for c in hit.cands {
            if c.div.level == Level::County && c.renamed.is_none() {
                continue;
            }
            ctx.codes.insert(c.div.code.as_str());
            if c.renamed.is_some()
                && c.div.level == Level::County
                && let Some(p) = c.div.parent_code.as_deref().and_then(|p| self.by_code(p))
            {
                ctx.codes.insert(p.code.as_str());
            }
        }
        ctx.names.push(hit.surface.to_owned());
        ctx
    }

    /// The readings of a name standing on its own: current full names first,
    /// then historical ones, then short forms where the text uses their unit.
    fn accept_alone(hit: &Hit<'_>, hints: &HashMap<&'static str, usize>) -> Vec<Cand> {
        if hit.in_a_noun && !hit.anchored {
            return Vec::new();
        }
        let full: Vec<Cand> = hit
            .cands
            .iter()
            .filter(|c| {
                matches!(c.kind, Kind::Full | Kind::Alias)
                    && (hit.anchored || !is_generic(&c.div.name))
            })
            .copied()
            .collect();
        if !full.is_empty() {
            return full;
        }
        let old: Vec<Cand> = hit
            .cands
            .iter()
            .filter(|c| {
                c.kind == Kind::Renamed
                    && c.renamed
                        .is_some_and(|r| hit.anchored || !is_generic(&r.old))
            })
            .copied()
            .collect();
        if !old.is_empty() {
            return old;
        }
        if is_common_word(hit.surface) {
            return Vec::new();
        }
        hit.cands
            .iter()
            .filter(|c| {
                c.kind == Kind::Short
                    && (c.div.level == Level::Province
                        || unit_of(c).is_some_and(|u| hints.get(u).copied().unwrap_or(0) > 0))
            })
            .copied()
            .collect()
    }

    /// Finds the reporting region in a title or the first lines of a report
    /// (only the first few thousand characters are read). Returns `None` when
    /// no division is named, [`Resolution::Ambiguous`] when the best name
    /// fits several divisions equally well (城区 with no prefecture around).
    #[must_use]
    pub fn find_in_text(&self, text: &str) -> Option<Resolution> {
        let chars: Vec<char> = text.chars().take(WINDOW).collect();
        let hints = count_hints(&chars);
        let mut hits = self.tokenize(text, &chars);

        for k in 0..hits.len() {
            let prev_adjacent = k > 0
                && chars[hits[k - 1].end..hits[k].start]
                    .iter()
                    .all(|c| CHAIN_GAP.contains(c));
            if prev_adjacent {
                let ctx = self.chain_context(&hits[k - 1]);
                let fitted: Vec<Cand> = hits[k]
                    .cands
                    .iter()
                    .filter(|c| self.fits(c, &ctx, false))
                    .copied()
                    .collect();
                if !fitted.is_empty() {
                    let best_kind = |c: &Cand| match c.kind {
                        Kind::Full | Kind::Alias => 0,
                        Kind::Renamed => 1,
                        Kind::Short => 2,
                    };
                    let top = fitted.iter().map(best_kind).min().unwrap_or(2);
                    hits[k].set = fitted.into_iter().filter(|c| best_kind(c) == top).collect();
                    hits[k].chained = true;
                    continue;
                }
            }
            hits[k].set = Self::accept_alone(&hits[k], &hints);
        }

        // Evidence per division from the accepted readings, and support from
        // every mention of a province or prefecture (accepted or not).
        let mut evidence: HashMap<&str, (f64, &'static Division, Option<&'static str>)> =
            HashMap::default();
        let mut support: HashMap<&str, f64> = HashMap::default();
        for h in &hits {
            let head = if h.start < HEAD { 2.0 } else { 1.0 };
            let n = h.set.len().max(1) as f64;
            for c in &h.set {
                let w = if h.chained {
                    3.0
                } else {
                    match c.kind {
                        Kind::Full | Kind::Alias | Kind::Renamed => 2.0,
                        Kind::Short
                            if c.div.level == Level::Province
                                && hints.get("省").is_none_or(|&x| x == 0) =>
                        {
                            0.5
                        }
                        Kind::Short => 1.0,
                    }
                };
                let e = evidence
                    .entry(c.div.code.as_str())
                    .or_insert((0.0, c.div, unit_of(c)));
                e.0 += w * head / n;
            }
            let upper: Vec<&Cand> = h
                .cands
                .iter()
                .filter(|c| c.div.level != Level::County)
                .collect();
            for c in &upper {
                *support.entry(c.div.code.as_str()).or_default() += head / upper.len() as f64;
            }
        }
        let score = |code: &str| -> f64 {
            let (e, div, u) = evidence[code];
            let s: f64 = self
                .ancestors(div, false)
                .iter()
                .map(|a| support.get(a.code.as_str()).copied().unwrap_or(0.0))
                .sum();
            let h = u.and_then(|u| hints.get(u)).copied().unwrap_or(0) as f64;
            (e + (0.5 * s).min(e)) * (1.0 + h)
        };

        // A title names the region right before 政府: take the first such name.
        let pool: Vec<(&str, &str)> = match hits.iter().find(|h| h.anchored && !h.set.is_empty()) {
            Some(h) => h
                .set
                .iter()
                .map(|c| (c.div.code.as_str(), h.surface))
                .collect(),
            None => hits
                .iter()
                .flat_map(|h| h.set.iter().map(move |c| (c.div.code.as_str(), h.surface)))
                .collect(),
        };
        let mut scored: Vec<(f64, &str, &str)> = Vec::new();
        for (code, surface) in pool {
            if !scored.iter().any(|(_, c, _)| *c == code) {
                scored.push((score(code), code, surface));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let &(best, code, surface) = scored.first()?;
        let tied: Vec<String> = scored
            .iter()
            .filter(|(s, _, _)| (best - s).abs() <= 1e-9 * best.max(1.0))
            .map(|(_, c, _)| (*c).to_owned())
            .collect();
        if tied.len() > 1 {
            return Some(Resolution::Ambiguous {
                name: surface.to_owned(),
                candidates: tied,
            });
        }
        self.by_code(code).map(Resolution::Found)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Divisions, Resolution};

    fn found(text: &str) -> &'static crate::Division {
        match Divisions::builtin().find_in_text(text) {
            Some(Resolution::Found(d)) => d,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_unit_that_heads_a_common_noun_is_no_county() {
        // 和县委 is "and the county committee", 代县长 "the acting county head"
        let d = found(
            "按照市委八届八次全会和县委十二届七次全会的部署，今年是龙游加快建设区域明珠城市的关键之年，全县上下",
        );
        assert_eq!(d.name, "龙游县");
        assert!(
            Divisions::builtin()
                .find_in_text("代县长李明作报告，市委和县委")
                .is_none()
        );
        // named with its government, 和县 is the county
        assert_eq!(found("和县人民政府工作报告").name, "和县");
    }

    #[test]
    fn titles_name_the_region_before_government() {
        let d = found("（山西省）晋中市太谷区人民政府工作报告（2023年4月10日）");
        assert_eq!((d.code.as_str(), d.province.as_str()), ("140703", "山西省"));
        assert_eq!(d.prefecture.as_deref(), Some("晋中市"));
        assert_eq!(
            found("(山西省)晋中市太谷区人民政府工作报告(2023年4月10日)").code,
            "140703"
        );
        assert_eq!(found("2023年无锡市新吴区政府工作报告").code, "320214");
        assert_eq!(found("长治市潞州区2023年政府工作报告").code, "140403");
        assert_eq!(found("2026年福建省政府工作报告").code, "350000");
        assert_eq!(found("2024年广西壮族自治区人民政府工作报告").code, "450000");
        assert_eq!(found("上海市浦东新区2022年政府工作报告").code, "310115");
        assert_eq!(found("晋中市人民政府2023年工作报告").code, "140700");
    }

    #[test]
    fn session_lines_name_the_region_too() {
        let text = "政府工作报告\n——2023年1月10日在吕梁市离石区第十七届人民代表大会第三次会议上\n区长 王某\n各位代表：";
        assert_eq!(found(text).code, "141102");
        let text =
            "政府工作报告\n（2018年1月8日在太谷县第十六届人民代表大会第二次会议上）\n全县人民……";
        assert_eq!(found(text).code, "140703");
    }

    #[test]
    fn historical_chains_resolve_to_current_codes() {
        assert_eq!(found("长治市城区2017年政府工作报告").code, "140403");
        assert_eq!(found("2010年襄樊市政府工作报告").code, "420600");
        assert_eq!(found("莱芜市钢城区人民政府工作报告").code, "370117");
        assert_eq!(found("阳泉市城区人民政府工作报告").code, "140302");
    }

    #[test]
    fn short_names_need_a_level_hint() {
        let text = "各位代表：过去一年，全区上下在区委坚强领导下，新吴高质量发展取得新成效，\
            新吴综合实力稳居江苏前列。全区地区生产总值增长6%。";
        let d = found(text);
        assert_eq!(d.code, "320214");
        assert_eq!(d.prefecture.as_deref(), Some("无锡市"));
        assert_eq!(d.province, "江苏省");
        // without 全区 / 区委 the bare 新吴 is not taken as a district
        let d = found("新吴高质量发展取得新成效，综合实力稳居江苏前列。");
        assert_eq!(d.code, "320000");
        assert!(
            Divisions::builtin()
                .find_in_text("过去一年，经济运行稳中向好。")
                .is_none()
        );
    }

    #[test]
    fn everyday_phrases_name_no_county() {
        // (统筹发展和安全 in nearly every report since 2021: 和安县 of 和田 is
        // named in full or not at all)
        assert!(
            Divisions::builtin()
                .find_in_text("做好今年工作，要更好统筹发展和安全。全县地区生产总值增长6%，推进医疗和康养融合。")
                .is_none()
        );
        assert_eq!(found("和田地区和安县政府工作报告。全县上下").name, "和安县");
    }

    #[test]
    fn level_hints_pick_the_reporting_level() {
        let province = "全省经济运行稳中有进。福建省地区生产总值增长。福州、厦门、泉州……全省上下";
        assert_eq!(found(province).code, "350000");
        let city =
            "过去一年，全市上下在市委领导下，无锡经济总量突破，梁溪区、新吴区发展良好，全市……江苏";
        assert_eq!(found(city).code, "320200");
    }

    #[test]
    fn common_words_are_not_regions() {
        // 振兴 (振兴区), 合作 (合作市), 资源 (资源县) are everyday words
        let text = "全市推进乡村振兴，深化合作，节约资源。晋中经济稳中向好，全市……";
        assert_eq!(found(text).code, "140700");
    }

    #[test]
    fn ambiguous_names_without_context() {
        let d = Divisions::builtin();
        match d.find_in_text("鼓楼区2023年政府工作报告") {
            Some(Resolution::Ambiguous { name, candidates }) => {
                assert_eq!(name, "鼓楼区");
                assert!(candidates.len() >= 3, "{candidates:?}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(found("南京市鼓楼区2023年政府工作报告").code, "320106");
        // context elsewhere in the text decides
        assert_eq!(
            found("鼓楼区政府工作报告\n在南京市委、市政府的坚强领导下，全区……").code,
            "320106"
        );
    }

    #[test]
    fn every_level_and_kind_of_title() {
        assert_eq!(found("北京市海淀区2024年政府工作报告").code, "110108");
        assert_eq!(found("重庆市城口县人民政府工作报告").code, "500229");
        assert_eq!(found("延边朝鲜族自治州2023年政府工作报告").code, "222400");
        assert_eq!(found("延边州人民政府工作报告").code, "222400");
        assert_eq!(found("鄂托克前旗2023年政府工作报告").code, "150623");
        assert_eq!(found("阿拉善盟2023年政府工作报告").code, "152900");
        assert_eq!(found("和田地区2024年政府工作报告").code, "653200");
        let xiantao = found("仙桃市2023年政府工作报告");
        assert_eq!(
            (xiantao.code.as_str(), xiantao.prefecture.as_deref()),
            ("429004", None)
        );
        assert_eq!(found("太谷县2018年政府工作报告").code, "140703");
        assert_eq!(found("2015年吴江市人民政府工作报告").code, "320509");
        assert_eq!(found("2008年思茅市政府工作报告").code, "530800");
        assert_eq!(
            found("政府工作报告——2026年1月在福建省第十四届人民代表大会第五次会议上").code,
            "350000"
        );
        assert_eq!(found("内蒙古自治区人民政府工作报告").code, "150000");
        assert!(matches!(
            Divisions::builtin().find_in_text("城区人民政府工作报告"),
            Some(Resolution::Ambiguous { .. })
        ));
    }

    #[test]
    fn idioms_are_not_mentions() {
        // 长治久安 holds 长治; the 全市 report is about 晋中
        let text = "全市上下维护社会长治久安，长治久安是根本。晋中经济稳中向好。";
        assert_eq!(found(text).code, "140700");
    }

    #[test]
    fn new_urban_jobs_name_no_district() {
        // 新增城镇就业 holds 增城 (广州市增城区): a district's text naming
        // no place names none
        let district =
            "全区主要预期目标是：地区生产总值增长16%，新增城镇就业2万人。全区上下要再接再厉。";
        let found = Divisions::builtin().find_in_text(district);
        assert!(found.is_none(), "{found:?}");
    }

    fn fixture(path: &str) -> String {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/");
        std::fs::read_to_string(format!("{root}{path}")).unwrap()
    }

    /// Gold regions from fixtures/gold/*.json and fixtures/site-gold/manifest.json.
    #[test]
    fn fixture_reports_resolve_to_their_gold_region() {
        for (path, code) in [
            ("seeds/000_d2bb3c6bfd6372ed.txt", "140703"),
            ("seeds/001_5819de8783046adf.txt", "140400"),
            ("seeds/002_b61ee7df1ab1175f.txt", "141102"),
            ("seeds/003_7c00190a20eabef2.txt", "320214"),
            ("seeds/004_730362b3f4dad76a.txt", "140403"),
            // clean article text without its title
            ("site-gold/5955.txt", "140400"),
            ("site-gold/6731.txt", "140703"),
            ("dev/reports/2026_fujian.txt", "350000"),
            ("dev/reports/2026_gansu.txt", "620000"),
            ("dev/reports/2026_guangxi.txt", "450000"),
            ("dev/reports/2026_hunan.txt", "430000"),
            ("dev/reports/2026_jiangxi.txt", "360000"),
            ("dev/reports/2026_ningxia.txt", "640000"),
            ("dev/reports/2026_shandong.txt", "370000"),
            ("dev/reports/2026_shanghai.txt", "310000"),
            ("dev/reports/2026_xinjiang.txt", "650000"),
            ("dev/reports/2026_yunnan.txt", "530000"),
        ] {
            assert_eq!(found(&fixture(path)).code, code, "{path}");
        }
    }

    /// Every division of the table is found from a title naming it with its
    /// prefecture, and from a bare title unless the name is shared.
    #[test]
    fn every_division_is_found_from_its_own_title() {
        let d = Divisions::builtin();
        for x in d.all() {
            let title = match &x.prefecture {
                Some(p) if x.level == crate::Level::County => {
                    format!("{p}{}2023年政府工作报告", x.name)
                }
                _ => format!("{}2023年政府工作报告", x.name),
            };
            let got = d.find_in_text(&title);
            assert_eq!(
                got.as_ref().and_then(Resolution::division).map(|y| &y.code),
                Some(&x.code),
                "{title}"
            );
            match d.find_in_text(&format!("{}人民政府工作报告", x.name)) {
                Some(Resolution::Found(y)) => assert_eq!(y.code, x.code),
                Some(Resolution::Ambiguous { candidates, .. }) => {
                    assert!(candidates.contains(&x.code));
                }
                other => panic!("{}: {other:?}", x.name),
            }
        }
    }
}
