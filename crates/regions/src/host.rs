//! A division read from the host of its government's site: Chinese
//! governments name their sites after their place in pinyin
//! (`wenzhou.gov.cn` → 温州市, `rdcwh.dongtou.gov.cn` → 洞头区), which tells a
//! reader whose report a page holds when its text never names the place.
//!
//! Only hosts under `gov.cn` are read, one label at a time; a label is the
//! toneless pinyin of a division's stem (温州, 洞头), with no separator.
//! Readings a place name keeps against the common one (六安 lù'ān) are not
//! known, and a label two divisions share (taizhou: 台州, 泰州) decides
//! nothing unless the province does.

use std::collections::HashMap;

use pinyin::ToPinyin;

use crate::{Division, Divisions, names};

/// The shortest label read as a place (shorter ones are initials: wz, fgw).
const LABEL_MIN: usize = 4;

/// Each division's stem in toneless pinyin → the divisions so named.
pub(crate) type PinyinIndex = HashMap<String, Vec<&'static Division>>;

/// The toneless pinyin of `s`, or none when a char has none.
fn plain_pinyin(s: &str) -> Option<String> {
    s.to_pinyin()
        .map(|p| p.map(pinyin::Pinyin::plain))
        .collect::<Option<Vec<_>>>()
        .map(|parts| parts.concat())
}

pub(crate) fn index(all: &'static [Division]) -> PinyinIndex {
    let mut by: PinyinIndex = HashMap::new();
    for d in all {
        let stem = names::stem(&d.name).unwrap_or(&d.name);
        if let Some(p) = plain_pinyin(stem) {
            by.entry(p).or_default().push(d);
        }
    }
    by
}

impl Divisions {
    fn pinyin_index(&self) -> &PinyinIndex {
        self.by_pinyin.get_or_init(|| index(self.all))
    }

    /// The division whose government's site `host` is (`wzfgw.wenzhou.gov.cn`
    /// → 温州市), within `province` when given; none when no label names one
    /// division, or when the host is no government's.
    #[must_use]
    pub fn from_host(&self, host: &str, province: Option<&str>) -> Option<&'static Division> {
        let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
        let rest = host.strip_suffix(".gov.cn")?;
        let mut found: Vec<&'static Division> = rest
            .split('.')
            .filter(|l| l.len() >= LABEL_MIN && l.chars().all(|c| c.is_ascii_lowercase()))
            .filter_map(|l| self.pinyin_index().get(l))
            .flatten()
            .copied()
            .filter(|d| province.is_none_or(|p| d.province == p))
            .collect();
        found.sort_by(|a, b| a.code.cmp(&b.code));
        found.dedup_by(|a, b| a.code == b.code);
        // a city and a county of it named alike (邵阳市, 邵阳县): the plain
        // name is the city's site (the county's adds xian)
        if let Some(city) = found.iter().find(|d| d.level == baogao_model::Level::City)
            && found
                .iter()
                .all(|d| d.code == city.code || d.prefecture.as_deref() == Some(city.name.as_str()))
        {
            return Some(city);
        }
        match found.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Divisions;

    #[test]
    fn a_government_site_names_its_place() {
        let d = Divisions::builtin();
        let name = |host: &str, p: Option<&str>| d.from_host(host, p).map(|x| x.name.as_str());
        assert_eq!(name("wzfgw.wenzhou.gov.cn", None), Some("温州市"));
        assert_eq!(name("rdcwh.dongtou.gov.cn", None), Some("洞头区"));
        assert_eq!(name("www.shaoyang.gov.cn", None), Some("邵阳市"));
        // not a government's site, or initials only
        assert_eq!(name("www.wenzhou.com.cn", None), None);
        assert_eq!(name("www.zj.gov.cn", None), None);
        // two places read alike decide nothing, unless the province does
        assert_eq!(name("www.taizhou.gov.cn", None), None);
        assert_eq!(name("www.taizhou.gov.cn", Some("江苏省")), Some("泰州市"));
    }
}
