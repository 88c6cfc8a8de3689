//! Resolving one written name with its province and prefecture context.

use rustc_hash::FxHashSet as HashSet;

use baogao_model::Level;

use crate::names::{normalize, stem};
use crate::table::{Cand, Kind};
use crate::{Division, Divisions, Resolution};

/// Where a name must lie: the divisions a context name can stand for, and the
/// context as written (to match the historical parent of renamed entries).
#[derive(Debug, Default)]
pub(crate) struct Context {
    pub(crate) codes: HashSet<&'static str>,
    pub(crate) names: Vec<String>,
}

/// Whether two written names are the same place (晋中 and 晋中市).
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (sa, sb) = (stem(a).unwrap_or(a), stem(b).unwrap_or(b));
    a == b || sa == sb
}

/// The order in which readings are tried: current names, historical names,
/// then short forms (current before historical).
const TIERS: [fn(&Cand) -> bool; 4] = [
    |c| matches!(c.kind, Kind::Full | Kind::Alias),
    |c| c.kind == Kind::Renamed,
    |c| c.kind == Kind::Short && c.renamed.is_none(),
    |c| c.kind == Kind::Short && c.renamed.is_some(),
];

fn level_rank(l: Level) -> u8 {
    match l {
        // the gazetteer has no national division; ranked with the provinces
        Level::National | Level::Province => 0,
        Level::City => 1,
        Level::County => 2,
    }
}

impl Divisions {
    /// Resolves a region name as written in a report ("潞州区", "太谷",
    /// "晋中市", "广西", "襄樊市") to its division. `province` and
    /// `prefecture` are the context as written (short forms allowed) and
    /// narrow ambiguous names (鼓楼区 with 南京). A context that names no known
    /// division is ignored; a known context that no reading fits gives
    /// [`Resolution::NotFound`]. Short forms naming divisions of several
    /// levels (吉林) resolve to the highest level. A name that is not in the
    /// table as a whole is read like a title (晋中市太谷区, 太谷区人民政府).
    #[must_use]
    pub fn resolve(
        &self,
        name: &str,
        province: Option<&str>,
        prefecture: Option<&str>,
    ) -> Resolution {
        let found = self.resolve_written(name, province, prefecture);
        // a county since made a city or a district that the renamed table
        // lacks (漠河县, now 漠河市): the one county-level division of its stem
        if let Resolution::NotFound { .. } = found
            && let Some(stem) = name
                .trim()
                .strip_suffix('县')
                .filter(|s| s.chars().count() >= 2)
            && let Resolution::Found(d) = self.resolve_written(stem, province, prefecture)
            && d.level == Level::County
            && d.name.starts_with(stem)
            && d.name.ends_with(['市', '区'])
        {
            return Resolution::Found(d);
        }
        found
    }

    /// [`Divisions::resolve`] of the name as written, with no former county read
    /// by its stem.
    fn resolve_written(
        &self,
        name: &str,
        province: Option<&str>,
        prefecture: Option<&str>,
    ) -> Resolution {
        let written = normalize(name);
        let not_found = || Resolution::NotFound {
            name: name.trim().to_owned(),
        };
        let province = province.and_then(|p| self.context(p, |d| d.level == Level::Province));
        let prefecture = prefecture.and_then(|p| {
            self.context(p, |d| {
                d.level == Level::City || (d.level == Level::Province && d.name.ends_with('市'))
            })
        });
        let fits = |c: &Cand| {
            province.as_ref().is_none_or(|ctx| self.fits(c, ctx, true))
                && prefecture
                    .as_ref()
                    .is_none_or(|ctx| self.fits(c, ctx, true))
        };
        let Some(cands) = self.surfaces.get(&written) else {
            // a name with its parents or its government (晋中市太谷区, 太谷区人民政府)
            return match self.find_in_text(&written) {
                Some(Resolution::Found(d))
                    if fits(&Cand {
                        div: d,
                        kind: Kind::Full,
                        renamed: None,
                    }) =>
                {
                    Resolution::Found(d)
                }
                _ => not_found(),
            };
        };
        for (i, tier) in TIERS.iter().enumerate() {
            let mut found: Vec<&'static Division> = Vec::new();
            for c in cands.iter().filter(|c| tier(c) && fits(c)) {
                if !found.iter().any(|d| d.code == c.div.code) {
                    found.push(c.div);
                }
            }
            if i >= 2 && found.len() > 1 {
                let top = found.iter().map(|d| level_rank(d.level)).min().unwrap_or(2);
                found.retain(|d| level_rank(d.level) == top);
            }
            match found.len() {
                0 => {}
                1 => return Resolution::Found(found[0]),
                _ => {
                    let mut candidates: Vec<String> =
                        found.iter().map(|d| d.code.clone()).collect();
                    candidates.sort();
                    return Resolution::Ambiguous {
                        name: name.trim().to_owned(),
                        candidates,
                    };
                }
            }
        }
        not_found()
    }

    /// The divisions a context name can stand for, among those `wanted`
    /// (renamed entries always count, with the parent of a renamed county:
    /// 莱芜市 → 莱芜区 and 济南市). `None` when the name is unknown.
    pub(crate) fn context(
        &self,
        written: &str,
        wanted: impl Fn(&Division) -> bool,
    ) -> Option<Context> {
        let written = normalize(written);
        let cands = self.surfaces.get(&written)?;
        let mut ctx = Context::default();
        for c in cands {
            if c.kind == Kind::Renamed || (c.renamed.is_some() && c.kind == Kind::Short) {
                ctx.codes.insert(c.div.code.as_str());
                if c.div.level == Level::County
                    && let Some(p) = c.div.parent_code.as_deref()
                {
                    ctx.codes
                        .insert(self.by_code(p).map_or(p, |d| d.code.as_str()));
                }
            } else if wanted(c.div) {
                ctx.codes.insert(c.div.code.as_str());
            }
        }
        if ctx.codes.is_empty() {
            return None;
        }
        ctx.names.push(written);
        Some(ctx)
    }

    /// Whether a reading lies inside the context: one of its ancestors (or
    /// itself, `with_self`) is a context division, or it is a historical name
    /// whose historical parent is the context as written.
    pub(crate) fn fits(&self, c: &Cand, ctx: &Context, with_self: bool) -> bool {
        if let Some(r) = c.renamed
            && ctx.names.iter().any(|n| same_name(n, &r.context))
        {
            return true;
        }
        self.ancestors(c.div, with_self)
            .iter()
            .any(|a| ctx.codes.contains(a.code.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Divisions, Resolution};

    fn code(name: &str, province: Option<&str>, prefecture: Option<&str>) -> String {
        match Divisions::builtin().resolve(name, province, prefecture) {
            Resolution::Found(d) => d.code.clone(),
            other => panic!("{name} ({province:?}, {prefecture:?}): {other:?}"),
        }
    }

    #[test]
    fn full_and_short_names() {
        assert_eq!(code("潞州区", None, None), "140403");
        assert_eq!(code("太谷", None, None), "140703");
        assert_eq!(code("晋中市", None, None), "140700");
        assert_eq!(code("晋中", None, None), "140700");
        assert_eq!(code("新吴区", None, None), "320214");
        assert_eq!(code("广西壮族自治区", None, None), "450000");
        assert_eq!(code("广西", None, None), "450000");
        assert_eq!(code("上海", None, None), "310000");
        assert_eq!(code("内蒙古", None, None), "150000");
        assert_eq!(code("新疆", None, None), "650000");
        assert_eq!(code("延边", None, None), "222400");
        assert_eq!(code("延边州", None, None), "222400");
        // an autonomous unit written without its peoples
        assert_eq!(code("长阳自治县", None, None), "420528");
        assert_eq!(code("延边自治州", None, None), "222400");
        assert_eq!(code(" 离石区 ", Some("山西省"), Some("吕梁")), "141102");
        assert_eq!(code("吉林", None, None), "220000");
        assert_eq!(code("吉林", None, Some("吉林")), "220200");
        assert_eq!(code("晋中市太谷区", None, None), "140703");
        assert_eq!(code("太谷区人民政府", Some("山西"), None), "140703");
        assert_eq!(code("（山西省）长治市城区", None, None), "140403");
        let d = Divisions::builtin();
        assert!(matches!(
            d.resolve("晋中市太谷区", Some("江苏"), None),
            Resolution::NotFound { .. }
        ));
    }

    #[test]
    fn ambiguous_names_need_context() {
        let d = Divisions::builtin();
        let Resolution::Ambiguous { candidates, .. } = d.resolve("鼓楼区", None, None) else {
            panic!("鼓楼区 alone must be ambiguous");
        };
        assert!(
            candidates.contains(&"320106".to_owned()) && candidates.contains(&"350102".to_owned())
        );
        assert_eq!(code("鼓楼区", None, Some("南京")), "320106");
        assert_eq!(code("鼓楼区", Some("福建"), None), "350102");
        assert!(matches!(
            d.resolve("鼓楼区", Some("江苏"), None),
            Resolution::Ambiguous { .. }
        ));
        assert!(matches!(
            d.resolve("城区", None, None),
            Resolution::Ambiguous { .. }
        ));
        assert_eq!(code("城区", Some("山西"), Some("阳泉市")), "140302");
        assert_eq!(code("市中区", None, Some("济南")), "370103");
        assert_eq!(code("新华区", Some("河北"), Some("石家庄市")), "130105");
        assert_eq!(code("浦东新区", None, Some("上海")), "310115");
        assert!(matches!(
            d.resolve("鼓楼区", Some("山西"), None),
            Resolution::NotFound { .. }
        ));
        assert!(matches!(
            d.resolve("火星区", None, None),
            Resolution::NotFound { .. }
        ));
        // an unknown context is ignored
        assert_eq!(code("潞州区", Some("火星"), None), "140403");
    }

    #[test]
    fn historical_names_resolve_to_current_codes() {
        assert_eq!(code("城区", None, Some("长治市")), "140403");
        assert_eq!(code("郊区", Some("山西"), Some("长治")), "140403");
        assert_eq!(code("太谷县", None, None), "140703");
        assert_eq!(code("襄樊市", None, None), "420600");
        assert_eq!(code("襄樊", None, None), "420600");
        assert_eq!(code("思茅市", None, None), "530800");
        assert_eq!(code("吴江市", None, None), "320509");
        assert_eq!(code("莱芜市", None, None), "370116");
        assert_eq!(code("钢城区", None, Some("莱芜市")), "370117");
        assert_eq!(code("莱城区", Some("山东"), Some("莱芜")), "370116");
        assert_eq!(code("居巢区", None, None), "340181");
        // a county since made a city that the renamed table lacks, by its stem
        assert_eq!(code("漠河县", None, None), "232701");
        assert!(matches!(
            Divisions::builtin().resolve("火星县", None, None),
            Resolution::NotFound { .. }
        ));
        // a current name wins over the same historical one
        assert_eq!(code("吐鲁番市", None, None), "650400");
        assert_eq!(code("巢湖市", None, None), "340181");
    }

    #[test]
    fn every_renamed_entry_resolves_in_its_context() {
        let d = Divisions::builtin();
        for line in include_str!("../data/renamed.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let f: Vec<&str> = line.split('\t').collect();
            let got = d.resolve(f[0], None, Some(f[1]));
            let got = match got {
                Resolution::Found(x) => x.code.clone(),
                // a historical prefecture named as its own province's prefecture
                other => match d.resolve(f[0], Some(f[1]), None) {
                    Resolution::Found(x) => x.code.clone(),
                    _ => panic!("{line}: {other:?}"),
                },
            };
            if got != f[2] {
                // 哈密市 and 吐鲁番市 are current names of the prefecture too
                assert!(d.by_code(&got).unwrap().name == f[0], "{line}: got {got}");
            }
        }
    }

    #[test]
    fn every_division_resolves_with_its_own_context() {
        let d = Divisions::builtin();
        for x in d.all() {
            let got = d.resolve(&x.name, Some(&x.province), x.prefecture.as_deref());
            assert_eq!(got, Resolution::Found(x), "{}", x.name);
        }
    }
}
