//! The indicator dictionary: canonical ids, their default measure and the
//! names reports give them. Loaded from TOML (`config/indicators.toml` is the
//! built-in one).

use std::path::Path;

use baogao_model::Measure;
use serde::Deserialize;

use crate::error::ExtractError;
use crate::norm::normalise;
use crate::outcomes::OUTCOME_IDS;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDictionary {
    #[serde(default)]
    indicator: Vec<RawIndicator>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    id: String,
    measure: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    exact: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
}

#[derive(Debug, Clone)]
struct Entry {
    id: String,
    measure: Measure,
    not_after: Vec<String>,
}

#[derive(Debug, Clone)]
struct Alias {
    text: String,
    len: usize,
    entry: usize,
    exact: bool,
}

/// A resolved indicator name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    /// Canonical id, or `None` for an `other:` name.
    pub(crate) id: Option<String>,
    pub(crate) measure: Option<Measure>,
}

/// The compiled dictionary.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dictionary {
    entries: Vec<Entry>,
    aliases: Vec<Alias>,
    /// One automaton over the non-`exact` aliases, for [`Dictionary::spans`]
    /// (rebuilt by `extend`; per-alias searching was a quarter of the CPU of
    /// a crawl).
    searcher: Option<aho_corasick::AhoCorasick>,
    /// Char length of each pattern of `searcher`.
    searcher_lens: Vec<usize>,
    /// The last char of every alias (see [`Dictionary::may_end_with`]).
    last_chars: std::collections::HashSet<char>,
    /// The last two chars of every alias of an outcome indicator (see
    /// [`Dictionary::may_name_an_outcome`]).
    outcome_tails: Option<aho_corasick::AhoCorasick>,
}

/// Scope words that may stand in front of an `exact` alias (全省经济增长).
const SCOPE: &[&str] = &[
    "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全国", "全", "本省", "本市", "本区",
    "本县", "我省", "我市", "我区", "我县",
];

impl Dictionary {
    pub(crate) fn parse(src: &str, path: &Path) -> Result<Dictionary, ExtractError> {
        let mut d = Dictionary::default();
        d.extend(src, path)?;
        Ok(d)
    }

    /// Adds the indicators of another dictionary file (same id: aliases added).
    pub(crate) fn extend(&mut self, src: &str, path: &Path) -> Result<(), ExtractError> {
        let raw: RawDictionary = toml::from_str(src).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_col(src, s.start));
            ExtractError::Dictionary {
                path: path.to_owned(),
                line,
                column,
                message: e.message().to_owned(),
            }
        })?;
        for r in raw.indicator {
            let measure = Measure::parse(&r.measure).ok_or_else(|| ExtractError::Indicator {
                path: path.to_owned(),
                id: r.id.clone(),
                message: format!("unknown measure `{}`", r.measure),
            })?;
            if r.id.trim().is_empty() {
                return Err(ExtractError::Indicator {
                    path: path.to_owned(),
                    id: r.id,
                    message: "empty id".into(),
                });
            }
            let idx = if let Some(i) = self.entries.iter().position(|e| e.id == r.id) {
                self.entries[i].measure = measure;
                self.entries[i]
                    .not_after
                    .extend(r.not_after.iter().map(|s| normalise(s)));
                i
            } else {
                self.entries.push(Entry {
                    id: r.id.clone(),
                    measure,
                    not_after: r.not_after.iter().map(|s| normalise(s)).collect(),
                });
                self.entries.len() - 1
            };
            for (list, exact) in [(&r.aliases, false), (&r.exact, true)] {
                for a in list {
                    let text = normalise(a);
                    if text.is_empty() {
                        continue;
                    }
                    self.aliases.retain(|x| x.text != text);
                    self.aliases.push(Alias {
                        len: text.chars().count(),
                        text,
                        entry: idx,
                        exact,
                    });
                }
            }
        }
        self.aliases
            .sort_by(|a, b| b.len.cmp(&a.len).then_with(|| a.text.cmp(&b.text)));
        self.last_chars = self
            .aliases
            .iter()
            .filter_map(|a| a.text.chars().next_back())
            .collect();
        let names: Vec<&Alias> = self.aliases.iter().filter(|a| !a.exact).collect();
        self.searcher_lens = names.iter().map(|a| a.len).collect();
        self.searcher = Some(
            aho_corasick::AhoCorasick::new(names.iter().map(|a| a.text.as_str())).map_err(|e| {
                ExtractError::Indicator {
                    path: path.to_owned(),
                    id: String::new(),
                    message: format!("cannot index the aliases: {e}"),
                }
            })?,
        );
        let mut tails: Vec<String> = self
            .aliases
            .iter()
            .filter(|a| OUTCOME_IDS.contains(&self.entries[a.entry].id.as_str()))
            .map(|a| {
                let chars: Vec<char> = a.text.chars().collect();
                chars[chars.len().saturating_sub(2)..].iter().collect()
            })
            .collect();
        tails.sort_unstable();
        tails.dedup();
        self.outcome_tails =
            Some(
                aho_corasick::AhoCorasick::new(&tails).map_err(|e| ExtractError::Indicator {
                    path: path.to_owned(),
                    id: String::new(),
                    message: format!("cannot index the outcome aliases: {e}"),
                })?,
            );
        Ok(())
    }

    /// Whether a name in `s` may resolve to an outcome indicator: a name
    /// resolves by ending in an alias, so it ends in that alias's last two
    /// chars. Names are slices of the text, except the ones a shared
    /// predicate builds (城镇、农村居民… → 城镇居民…), which end in the text's
    /// tail too, unless the first item is one char shorter than the last:
    /// sentences with 分别, 均 or 都 are therefore always read.
    pub(crate) fn may_name_an_outcome(&self, s: &str) -> bool {
        self.outcome_tails.as_ref().is_none_or(|t| t.is_match(s))
            || s.contains("分别")
            || s.contains(['均', '都'])
    }

    /// Number of canonical indicators.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Resolves a name (already normalised, scope words stripped).
    pub(crate) fn resolve(&self, name: &str) -> Resolved {
        match self.resolve_entry(name) {
            Some(i) => Resolved {
                id: Some(self.entries[i].id.clone()),
                measure: Some(self.entries[i].measure),
            },
            None => Resolved {
                id: None,
                measure: None,
            },
        }
    }

    /// Whether `name` resolves to a canonical indicator ([`Dictionary::resolve`]
    /// without building the answer).
    pub(crate) fn is_known(&self, name: &str) -> bool {
        self.resolve_entry(name).is_some()
    }

    /// Whether some alias ends in `c`: a name whose last char is not one of
    /// these cannot resolve.
    fn may_end_with(&self, c: char) -> bool {
        self.last_chars.contains(&c)
    }

    fn resolve_entry(&self, name: &str) -> Option<usize> {
        let last = name.chars().next_back()?;
        if !self.may_end_with(last) {
            return None;
        }
        for a in &self.aliases {
            if !name.ends_with(&a.text) {
                continue;
            }
            let prefix = &name[..name.len() - a.text.len()];
            if a.exact && !(prefix.is_empty() || SCOPE.contains(&prefix)) {
                continue;
            }
            if prefix.contains('占') || prefix.contains("相当于") || prefix.contains("比重") {
                return None;
            }
            // another place's figure: 全国GDP, 高新区规模以上工业增加值, 长沙市地区生产总值
            if ["全国", "国家", "我国", "全球", "世界"]
                .iter()
                .any(|w| prefix.contains(w))
                || (!SCOPE.contains(&prefix)
                    && prefix.ends_with(['县', '区', '市', '州', '旗', '盟']))
            {
                return None;
            }
            let e = &self.entries[a.entry];
            if prefix.starts_with('对') || e.not_after.iter().any(|w| prefix.contains(w.as_str()))
            {
                return None;
            }
            return Some(a.entry);
        }
        None
    }

    /// The default measure of a canonical id.
    pub(crate) fn measure_of(&self, id: &str) -> Option<Measure> {
        self.entries.iter().find(|e| e.id == id).map(|e| e.measure)
    }

    /// Char ranges of every alias occurrence in `s` (verbs inside them, like
    /// the 增长 of 人口自然增长率, are part of a name).
    pub(crate) fn spans(&self, s: &str) -> Vec<(usize, usize)> {
        let Some(searcher) = &self.searcher else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // matches come in order of their end; count chars incrementally from
        // the smallest start still possible
        let (mut byte, mut chars) = (0, 0);
        let mut found: Vec<(usize, usize)> = searcher
            .find_overlapping_iter(s)
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        found.sort_unstable();
        for (b, pat) in found {
            chars += s[byte..b].chars().count();
            byte = b;
            out.push((chars, chars + self.searcher_lens[pat]));
        }
        out
    }
}

fn line_col(src: &str, byte: usize) -> (usize, usize) {
    let before = &src[..byte.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.chars().count(), |p| before[p + 1..].chars().count())
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Dictionary {
        Dictionary::parse(crate::BUILTIN_DICTIONARY, Path::new("builtin")).unwrap()
    }

    fn id(d: &Dictionary, name: &str) -> Option<String> {
        d.resolve(&normalise(name)).id
    }

    #[test]
    fn outcome_names_are_cued_by_their_last_two_chars() {
        let d = builtin();
        for s in [
            "全年地区生产总值增长5.4%",
            "城镇调查失业率为5.1%",
            "外贸进出口总额达到1200亿元",
            // names a shared predicate builds are always read
            "城镇、农村居民分别增长5%、6%",
            "城乡居民收入均增长6%",
        ] {
            assert!(d.may_name_an_outcome(s), "{s}");
        }
        for s in ["新建5G基站1.2万个", "完成造林面积36万亩，森林覆盖率达到40%"]
        {
            assert!(!d.may_name_an_outcome(s), "{s}");
        }
        // a user's alias of an outcome indicator cues it too
        let mut d = builtin();
        d.extend(
            "[[indicator]]\nid = \"grain_output\"\nmeasure = \"level\"\naliases = [\"稻谷收成\"]\n",
            Path::new("extra.toml"),
        )
        .unwrap();
        assert!(d.may_name_an_outcome("稻谷收成达到80万吨"));
    }

    #[test]
    fn suffix_and_longest_alias() {
        let d = builtin();
        assert_eq!(id(&d, "地区生产总值").as_deref(), Some("gdp"));
        assert_eq!(
            id(&d, "全社会固定资产投资").as_deref(),
            Some("fixed_asset_investment")
        );
        assert_eq!(
            id(&d, "城镇常住居民人均可支配收入").as_deref(),
            Some("urban_disposable_income")
        );
        assert_eq!(
            id(&d, "全体居民人均可支配收入").as_deref(),
            Some("disposable_income")
        );
        assert_eq!(
            id(&d, "规上工业增加值").as_deref(),
            Some("industrial_value_added")
        );
        assert_eq!(id(&d, "外贸进出口总值").as_deref(), Some("foreign_trade"));
        assert_eq!(id(&d, "地區生產總值").as_deref(), Some("gdp"));
        assert_eq!(
            id(&d, "農民人均純收入").as_deref(),
            Some("rural_disposable_income")
        );
    }

    #[test]
    fn other_names() {
        let d = builtin();
        assert_eq!(id(&d, "数字经济核心产业增加值占地区生产总值比重"), None);
        assert_eq!(id(&d, "工业投资"), None);
        assert_eq!(id(&d, "工业固定资产投资"), None);
        assert_eq!(id(&d, "数字经济"), None);
        assert_eq!(id(&d, "一产增加值"), None);
        assert_eq!(id(&d, "人均地区生产总值"), None);
        assert_eq!(id(&d, "出口总额"), None);
        assert_eq!(id(&d, "经济").as_deref(), Some("gdp"));
        assert_eq!(id(&d, "全国GDP"), None);
        assert_eq!(id(&d, "高新区规模以上工业增加值"), None);
        assert_eq!(id(&d, "长沙市地区生产总值"), None);
        assert_eq!(id(&d, "全市地区生产总值").as_deref(), Some("gdp"));
        assert_eq!(id(&d, "城乡居民收入").as_deref(), Some("disposable_income"));
    }

    #[test]
    fn bad_toml_names_path_and_line() {
        let err = Dictionary::parse(
            "[[indicator]]\nid = \"x\"\nmeasure = \"growth\"\nbogus = 1\n",
            Path::new("d.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("`d.toml`") && err.contains("line 4"), "{err}");
        let err = Dictionary::parse(
            "[[indicator]]\nid = \"x\"\nmeasure = \"speed\"\n",
            Path::new("d.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown measure `speed`"), "{err}");
    }

    #[test]
    fn extend_adds_aliases() {
        let mut d = builtin();
        let n = d.len();
        d.extend("[[indicator]]\nid = \"gdp\"\nmeasure = \"growth\"\naliases = [\"本地产值\"]\n[[indicator]]\nid = \"tourism\"\nmeasure = \"growth\"\naliases = [\"旅游总收入\"]\n", Path::new("x")).unwrap();
        assert_eq!(d.len(), n + 1);
        assert_eq!(id(&d, "本地产值").as_deref(), Some("gdp"));
        assert_eq!(id(&d, "旅游总收入").as_deref(), Some("tourism"));
    }
}
