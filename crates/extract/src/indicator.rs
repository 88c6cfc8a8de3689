//! The indicator dictionary: canonical ids, their default measure and the
//! names reports give them. Loaded from TOML (`config/indicators.toml` is the
//! built-in one).

use std::path::Path;

use baogao_model::Measure;
use serde::Deserialize;

use crate::error::ExtractError;
use crate::norm::normalise;

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
    /// Whether the review's achieved figures of this indicator are recorded
    /// in `outcomes` (the headline indicators a review reports).
    #[serde(default)]
    outcome: bool,
    /// Canonical unit by measure (`{ level = "万人" }`), for the codebook and
    /// `unit_std`.
    #[serde(default)]
    units: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    series: Vec<RawSeries>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeries {
    id: String,
    /// Words whose presence in the name as written picks this series; none:
    /// the series of a name no other series claims.
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Clone)]
struct Entry {
    id: String,
    measure: Measure,
    outcome: bool,
    not_after: Vec<String>,
    units: Vec<(Measure, String)>,
    /// Each series with its words normalised.
    series: Vec<(Series, Vec<String>)>,
}

/// A statistical series of an indicator, as the dictionary defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The id written to the `series` column (`unemployment_rate:registered`).
    pub id: String,
    /// Words of a name of this series, as the dictionary writes them; empty
    /// for the fallback.
    pub names: Vec<String>,
    /// What the series is, for the codebook.
    pub note: String,
}

/// One canonical indicator as the dictionary defines it (for the codebook).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorInfo {
    pub id: String,
    /// What a figure without other clues measures.
    pub measure: Measure,
    /// Names as written (a name matches when it ends with one).
    pub aliases: Vec<String>,
    /// Names that must be the whole name.
    pub exact: Vec<String>,
    /// Canonical unit by measure.
    pub units: Vec<(Measure, String)>,
    pub series: Vec<Series>,
}

#[derive(Debug, Clone)]
struct Alias {
    text: String,
    /// The alias as the dictionary writes it (for the codebook).
    written: String,
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
    /// The aliases by their last char, each list in the order of `aliases`
    /// (a name is matched only against the aliases it may end in), sorted
    /// by the char.
    by_last: Vec<(char, Vec<usize>)>,
    /// The last two chars of every alias of an outcome indicator (see
    /// [`Dictionary::may_name_an_outcome`]).
    outcome_tails: Option<aho_corasick::AhoCorasick>,
}

/// Scope words that may stand in front of an `exact` alias (全省经济增长).
const SCOPE: &[&str] = &[
    "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全国", "全", "本省", "本市", "本区",
    "本县", "我省", "我市", "我区", "我县",
];

/// `name` without its bracketed remarks.
pub(crate) fn without_remarks(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in name.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Remarks that name a scope (工业增加值（规模以上）, 社会消费品零售总额（限额
/// 以上）).
const SCOPE_REMARKS: [&str; 3] = ["规模以上", "规上", "限额以上"];

/// Words for a kind of place, not a place (城市调查失业率, 城镇地区调查失业率,
/// 市区居民…): a prefix ending in one is no other place's figure.
const KINDS_OF_PLACE: &[&str] = &["城市", "城区", "市区", "地区", "县城", "县区", "市县"];

/// Tails that name the rate of an indicator's decline rather than another
/// indicator (单位国内生产总值能耗下降率 is the energy intensity's decline).
const DECLINE_RATE_TAILS: [&str; 4] = ["下降率", "降低率", "下降幅度", "降幅"];

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
            let (units, series) = units_and_series(&r, path)?;
            let idx = if let Some(i) = self.entries.iter().position(|e| e.id == r.id) {
                let e = &mut self.entries[i];
                e.measure = measure;
                e.not_after.extend(r.not_after.iter().map(|s| normalise(s)));
                for (m, u) in units {
                    e.units.retain(|(x, _)| *x != m);
                    e.units.push((m, u));
                }
                // a file's series of an indicator come before the ones it had
                e.series
                    .retain(|(x, _)| !series.iter().any(|(s, _)| s.id == x.id));
                e.series.splice(0..0, series);
                i
            } else {
                self.entries.push(Entry {
                    id: r.id.clone(),
                    measure,
                    outcome: r.outcome,
                    not_after: r.not_after.iter().map(|s| normalise(s)).collect(),
                    units,
                    series,
                });
                self.entries.len() - 1
            };
            for (list, exact) in [(&r.aliases, false), (&r.exact, true)] {
                for a in list {
                    let text = normalise(a);
                    if text.is_empty() {
                        continue;
                    }
                    // 地區生產總值 after 地区生产总值: one alias, shown as first written
                    let written = self
                        .aliases
                        .iter()
                        .find(|x| x.text == text)
                        .map_or_else(|| a.trim().to_owned(), |x| x.written.clone());
                    self.aliases.retain(|x| x.text != text);
                    self.aliases.push(Alias {
                        len: text.chars().count(),
                        text,
                        written,
                        entry: idx,
                        exact,
                    });
                }
            }
        }
        self.aliases
            .sort_by(|a, b| b.len.cmp(&a.len).then_with(|| a.text.cmp(&b.text)));
        let mut by_last = std::collections::BTreeMap::<char, Vec<usize>>::new();
        for (k, a) in self.aliases.iter().enumerate() {
            if let Some(last) = a.text.chars().next_back() {
                by_last.entry(last).or_default().push(k);
            }
        }
        self.by_last = by_last.into_iter().collect();
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
            .filter(|a| self.entries[a.entry].outcome)
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

    fn resolve_entry(&self, name: &str) -> Option<usize> {
        // a remark inside the name (固定资产投资（区属）, 工业增加值（规模以上）)
        if name.contains('（') {
            let bare = without_remarks(name);
            // (a remark of scope is the scope before the name: 工业增加值（规模
            // 以上） is 规模以上工业增加值)
            if let Some(scope) = SCOPE_REMARKS
                .iter()
                .find(|w| name.contains(&format!("（{w}）")))
                && let Some(e) = self.resolve_entry(&format!("{scope}{bare}"))
            {
                return Some(e);
            }
            return self.resolve_entry(&bare);
        }
        let last = name.chars().next_back()?;
        // the rate of an indicator's decline names the indicator
        // (单位国内生产总值能耗下降率, 万元GDP能耗降低率; every tail ends in 率, 度
        // or 幅, and this is asked of many names)
        if matches!(last, '率' | '度' | '幅')
            && let Some(base) = DECLINE_RATE_TAILS
                .iter()
                .find_map(|t| name.strip_suffix(t))
                .filter(|b| b.chars().count() >= 2)
            && let Some(e) = self.resolve_entry(base)
        {
            return Some(e);
        }
        let ending = self.by_last.binary_search_by_key(&last, |(c, _)| *c).ok()?;
        for a in self.by_last[ending].1.iter().map(|&k| &self.aliases[k]) {
            if !name.ends_with(&a.text) {
                continue;
            }
            let prefix = &name[..name.len() - a.text.len()];
            if prefix.is_empty() {
                return Some(a.entry);
            }
            if a.exact && !SCOPE.contains(&prefix) {
                continue;
            }
            // (one pass for a char of the words asked next: most prefixes hold none)
            let worded = prefix.contains(['占', '于', '重', '国', '球', '界']);
            if worded
                && (prefix.contains('占') || prefix.contains("相当于") || prefix.contains("比重"))
            {
                return None;
            }
            // another place's figure: 全国GDP, 高新区规模以上工业增加值, 长沙市地区生产总值
            if worded
                && ["全国", "国家", "我国", "全球", "世界"]
                    .iter()
                    .any(|w| prefix.contains(w))
                || (!SCOPE.contains(&prefix)
                    && prefix.ends_with(['县', '区', '市', '州', '旗', '盟'])
                    && !KINDS_OF_PLACE.iter().any(|w| prefix.ends_with(w)))
            {
                return None;
            }
            let e = &self.entries[a.entry];
            // (a word longer than the prefix is not in it: no search set up)
            if prefix.starts_with('对')
                || e.not_after
                    .iter()
                    .any(|w| w.len() <= prefix.len() && crate::patterns::holds(prefix, w))
            {
                return None;
            }
            return Some(a.entry);
        }
        None
    }

    /// The series of a figure of indicator `id` whose name was written
    /// `raw_name`: the first series of the indicator with a word of
    /// `raw_name`, else its series without words, else `id` itself (an
    /// `other:` indicator is its own series).
    pub(crate) fn series_of(&self, id: &str, raw_name: &str) -> String {
        let Some(e) = self.entries.iter().find(|e| e.id == id) else {
            return id.to_owned();
        };
        // (the name is read only for an indicator whose series have words)
        let worded = e.series.iter().any(|(_, words)| !words.is_empty());
        let name = if worded {
            normalise(raw_name)
        } else {
            String::new()
        };
        e.series
            .iter()
            .find(|(_, words)| words.iter().any(|w| name.contains(w.as_str())))
            .or_else(|| e.series.iter().find(|(_, words)| words.is_empty()))
            .map_or_else(|| id.to_owned(), |(s, _)| s.id.clone())
    }

    /// The canonical unit the dictionary gives indicator `id` for `measure`.
    pub(crate) fn unit_of(&self, id: &str, measure: Measure) -> Option<&str> {
        let e = self.entries.iter().find(|e| e.id == id)?;
        e.units
            .iter()
            .find(|(m, _)| *m == measure)
            .map(|(_, u)| u.as_str())
    }

    /// Every canonical indicator, in dictionary order, with its names.
    pub(crate) fn indicators(&self) -> Vec<IndicatorInfo> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let names = |exact: bool| {
                    let mut v: Vec<String> = self
                        .aliases
                        .iter()
                        .filter(|a| a.entry == i && a.exact == exact)
                        .map(|a| a.written.clone())
                        .collect();
                    v.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
                    v
                };
                IndicatorInfo {
                    id: e.id.clone(),
                    measure: e.measure,
                    aliases: names(false),
                    exact: names(true),
                    units: e.units.clone(),
                    series: e.series.iter().map(|(s, _)| s.clone()).collect(),
                }
            })
            .collect()
    }

    /// The default measure of a canonical id.
    /// Whether the review's figures of `id` are recorded as outcomes (the
    /// dictionary's `outcome = true`).
    pub(crate) fn is_outcome(&self, id: &str) -> bool {
        self.entries.iter().any(|e| e.id == id && e.outcome)
    }

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

/// The checked `units` and `series` of one dictionary entry.
type UnitsAndSeries = (Vec<(Measure, String)>, Vec<(Series, Vec<String>)>);

fn units_and_series(r: &RawIndicator, path: &Path) -> Result<UnitsAndSeries, ExtractError> {
    let bad = |message: String| ExtractError::Indicator {
        path: path.to_owned(),
        id: r.id.clone(),
        message,
    };
    let mut units = Vec::new();
    for (m, u) in &r.units {
        let measure =
            Measure::parse(m).ok_or_else(|| bad(format!("unknown measure `{m}` in `units`")))?;
        if u.trim().is_empty() {
            return Err(bad(format!("empty unit for `{m}`")));
        }
        units.push((measure, u.trim().to_owned()));
    }
    let mut series: Vec<(Series, Vec<String>)> = Vec::new();
    for s in &r.series {
        if s.id.trim().is_empty() {
            return Err(bad("a series with an empty id".into()));
        }
        if series.iter().any(|(x, _)| x.id == s.id.trim()) {
            return Err(bad(format!("series `{}` defined twice", s.id)));
        }
        let names: Vec<String> = s
            .names
            .iter()
            .map(|n| n.trim().to_owned())
            .filter(|n| !normalise(n).is_empty())
            .collect();
        let words = names.iter().map(|n| normalise(n)).collect();
        series.push((
            Series {
                id: s.id.trim().to_owned(),
                names,
                note: s.note.trim().to_owned(),
            },
            words,
        ));
    }
    if series.iter().filter(|(_, words)| words.is_empty()).count() > 1 {
        return Err(bad(
            "more than one series without `names` (only one can take the names no other series claims)".into(),
        ));
    }
    Ok((units, series))
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
        // (news shorthand: 社消零 with its 总额)
        assert_eq!(id(&d, "社消零总额").as_deref(), Some("retail_sales"));
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

    /// An alias filed under the wrong indicator reads every report that
    /// writes it wrong (stop 41 filed 社会商品零售额 and 规上工业企业增加值
    /// under the budget revenue): an alias that holds another indicator's
    /// own word must be that indicator's.
    #[test]
    fn every_alias_holding_an_indicators_own_word_is_that_indicators() {
        let d = builtin();
        let own = [
            ("零售", "retail_sales"),
            ("工业增加值", "industrial_value_added"),
            ("工业企业增加值", "industrial_value_added"),
            ("固定资产", "fixed_asset_investment"),
            ("预算收入", "general_budget_revenue"),
            ("可支配收入", ""),
            ("就业", "new_urban_jobs"),
            ("失业", "unemployment_rate"),
            ("消费价格", "cpi"),
            ("进出口", "foreign_trade"),
            ("外资", "fdi"),
            ("能耗", "energy_intensity"),
            ("粮食", "grain_output"),
        ];
        let filed: Vec<(String, String)> = d
            .indicators()
            .into_iter()
            .flat_map(|i| {
                let id = i.id.clone();
                i.aliases
                    .into_iter()
                    .chain(i.exact)
                    .map(move |a| (normalise(&a), id.clone()))
            })
            .collect();
        for (word, want) in own {
            for (name, id) in filed.iter().filter(|(name, _)| name.contains(word)) {
                // (可支配收入: one of the three incomes)
                let ok = if want.is_empty() {
                    id.ends_with("disposable_income")
                } else {
                    id == want
                };
                assert!(ok, "{name} is filed under {id}, not {want}");
            }
        }
        assert_eq!(id(&d, "社会商品零售额").as_deref(), Some("retail_sales"));
        assert_eq!(
            id(&d, "规上工业企业增加值").as_deref(),
            Some("industrial_value_added")
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
    fn series_come_from_the_dictionary() {
        let d = builtin();
        let series = |id: &str, name: &str| d.series_of(id, name);
        assert_eq!(
            series("unemployment_rate", "城镇登记失业率"),
            "unemployment_rate:registered"
        );
        assert_eq!(
            series("unemployment_rate", "城鎮調查失業率"),
            "unemployment_rate:surveyed"
        );
        assert_eq!(
            series("unemployment_rate", "失业率"),
            "unemployment_rate:unspecified"
        );
        assert_eq!(
            series("rural_disposable_income", "農民人均純收入"),
            "rural_income:net"
        );
        assert_eq!(
            series("rural_disposable_income", "农村常住居民人均可支配收入"),
            "rural_income:disposable"
        );
        assert_eq!(
            series("general_budget_revenue", "地方一般公共预算收入"),
            "general_budget_revenue:budget"
        );
        assert_eq!(
            series("general_budget_revenue", "地方财政收入"),
            "general_budget_revenue:fiscal"
        );
        assert_eq!(series("gdp", "地区生产总值"), "gdp");
        assert_eq!(series("other:旅游总收入", "旅游总收入"), "other:旅游总收入");
        assert_eq!(d.unit_of("new_urban_jobs", Measure::Level), Some("万人"));
        let gdp = &d.indicators()[0];
        assert!(gdp.aliases.contains(&"地区生产总值".to_owned()), "{gdp:?}");
        let retail = d
            .indicators()
            .into_iter()
            .find(|i| i.id == "retail_sales")
            .unwrap();
        assert!(
            retail.aliases.contains(&"社会消费品零售总额".to_owned()),
            "as written"
        );
    }

    #[test]
    fn a_dictionary_with_two_fallback_series_is_refused() {
        let err = Dictionary::parse(
            "[[indicator]]\nid = \"x\"\nmeasure = \"growth\"\n[[indicator.series]]\nid = \"x:a\"\n[[indicator.series]]\nid = \"x:b\"\n",
            Path::new("d.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("more than one series without `names`"),
            "{err}"
        );
        let err = Dictionary::parse(
            "[[indicator]]\nid = \"x\"\nmeasure = \"growth\"\nunits = { speed = \"km\" }\n",
            Path::new("d.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown measure `speed` in `units`"), "{err}");
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
