//! Parsing the bundled TSV tables into a [`Divisions`] with its name index.

use rustc_hash::FxHashMap;
use std::collections::HashMap;

use baogao_model::Level;

use crate::names::{short_forms, stem};
use crate::{Division, Divisions, RegionsError};

const DIVISION_COLUMNS: &str = "code<TAB>name<TAB>level<TAB>parent_code";
const RENAMED_COLUMNS: &str = "old_name<TAB>context<TAB>code<TAB>current_name<TAB>year<TAB>note";

/// A historical name (2000–2026) that now resolves to a current division.
#[derive(Debug)]
pub(crate) struct Renamed {
    /// The name as written in older reports (襄樊市, 太谷县, 城区).
    pub(crate) old: String,
    /// The historical parent as written then (长治市 for 城区).
    pub(crate) context: String,
    /// The division that replaced it.
    pub(crate) target: &'static Division,
}

/// How a written name relates to the division it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The full current name (太谷区).
    Full,
    /// A short form that keeps its unit (延边州, 元江县).
    Alias,
    /// A historical name (太谷县, 襄樊市).
    Renamed,
    /// A bare short form (太谷, 山西, 襄樊).
    Short,
}

/// One reading of a written name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub(crate) div: &'static Division,
    pub(crate) kind: Kind,
    /// Set for historical names and their short forms.
    pub(crate) renamed: Option<&'static Renamed>,
}

struct Row<'a> {
    code: &'a str,
    name: &'a str,
    level: Level,
    parent: Option<&'a str>,
}

fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn bad_division(line: usize, reason: impl Into<String>) -> RegionsError {
    RegionsError::BadRow {
        table: "divisions",
        line,
        reason: reason.into(),
        columns: DIVISION_COLUMNS,
    }
}

fn parse_divisions(text: &str) -> Result<Vec<Row<'_>>, RegionsError> {
    let mut out = Vec::new();
    for (line, l) in rows(text) {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() != 4 {
            return Err(bad_division(
                line,
                format!("{} columns instead of 4", f.len()),
            ));
        }
        if f[0].len() != 6 || !f[0].bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad_division(
                line,
                format!("code `{}` is not 6 digits", f[0]),
            ));
        }
        if f[1].is_empty() {
            return Err(bad_division(line, "empty name"));
        }
        let level = Level::parse(f[2])
            .ok_or_else(|| bad_division(line, format!("unknown level `{}`", f[2])))?;
        let parent = (!f[3].is_empty()).then_some(f[3]);
        out.push(Row {
            code: f[0],
            name: f[1],
            level,
            parent,
        });
    }
    Ok(out)
}

/// Builds the divisions with their province and prefecture names filled in.
fn build_divisions(rows: &[Row<'_>]) -> Result<Vec<Division>, RegionsError> {
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        if index.insert(r.code, i).is_some() {
            return Err(RegionsError::DuplicateCode {
                code: r.code.to_owned(),
                line: i + 1,
            });
        }
    }
    let parent_of =
        |r: &Row<'_>| -> Result<Option<&Row<'_>>, RegionsError> {
            match r.parent {
                None => Ok(None),
                Some(p) => index.get(p).map(|&i| Some(&rows[i])).ok_or_else(|| {
                    RegionsError::UnknownParent {
                        code: r.code.to_owned(),
                        parent: p.to_owned(),
                    }
                }),
            }
        };
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let parent = parent_of(r)?;
        let mut top = r;
        let mut up = parent;
        let mut steps = 0;
        while let Some(p) = up {
            top = p;
            up = parent_of(p)?;
            steps += 1;
            if steps > 4 {
                return Err(RegionsError::UnknownParent {
                    code: r.code.to_owned(),
                    parent: "a cycle of parents".to_owned(),
                });
            }
        }
        let prefecture = match (r.level, parent) {
            (Level::City, _) => Some(r.name.to_owned()),
            (Level::County, Some(p)) if p.level == Level::City => Some(p.name.to_owned()),
            // districts and counties of 北京市, 上海市, 天津市, 重庆市
            (Level::County, Some(p)) if p.level == Level::Province && p.name.ends_with('市') => {
                Some(p.name.to_owned())
            }
            _ => None,
        };
        out.push(Division {
            code: r.code.to_owned(),
            name: r.name.to_owned(),
            level: r.level,
            parent_code: r.parent.map(str::to_owned),
            province: top.name.to_owned(),
            prefecture,
        });
    }
    Ok(out)
}

fn parse_renamed(
    text: &str,
    by_code: &FxHashMap<&'static str, &'static Division>,
) -> Result<Vec<Renamed>, RegionsError> {
    let mut out = Vec::new();
    for (line, l) in rows(text) {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() != 6 || f[0].is_empty() {
            return Err(RegionsError::BadRow {
                table: "renamed",
                line,
                reason: format!("{} columns instead of 6", f.len()),
                columns: RENAMED_COLUMNS,
            });
        }
        let target = match by_code.get(f[2]) {
            Some(d) if d.name == f[3] => *d,
            found => {
                return Err(RegionsError::RenamedTarget {
                    old: f[0].to_owned(),
                    line,
                    code: f[2].to_owned(),
                    expected: f[3].to_owned(),
                    found: found
                        .map_or_else(|| "no such code".to_owned(), |d| format!("`{}`", d.name)),
                });
            }
        };
        out.push(Renamed {
            old: f[0].to_owned(),
            context: f[1].to_owned(),
            target,
        });
    }
    Ok(out)
}

fn push(surfaces: &mut FxHashMap<String, Vec<Cand>>, key: &str, cand: Cand) {
    let list = surfaces.entry(key.to_owned()).or_default();
    let dup = list.iter().any(|c| {
        c.div.code == cand.div.code
            && (c.kind == cand.kind || (cand.kind == Kind::Short && c.kind != Kind::Short))
            && (cand.kind != Kind::Renamed
                || c.renamed.map(|r| &r.context) == cand.renamed.map(|r| &r.context))
    });
    if !dup {
        list.push(cand);
    }
}

pub(crate) fn build(divisions: &str, renamed: &str) -> Result<Divisions, RegionsError> {
    let parsed = parse_divisions(divisions)?;
    let built = build_divisions(&parsed)?;
    // The gazetteer lives as long as the process; leaking it lets resolutions
    // hand out `&'static Division`s.
    let all: &'static [Division] = Box::leak(built.into_boxed_slice());
    let by_code: FxHashMap<&'static str, &'static Division> =
        all.iter().map(|d| (d.code.as_str(), d)).collect();
    let renamed: &'static [Renamed] =
        Box::leak(parse_renamed(renamed, &by_code)?.into_boxed_slice());

    let mut surfaces: FxHashMap<String, Vec<Cand>> = FxHashMap::default();
    for div in all {
        push(
            &mut surfaces,
            &div.name,
            Cand {
                div,
                kind: Kind::Full,
                renamed: None,
            },
        );
    }
    for div in all {
        for (form, unit) in short_forms(&div.name, div.level) {
            let kind = if unit { Kind::Alias } else { Kind::Short };
            push(
                &mut surfaces,
                &form,
                Cand {
                    div,
                    kind,
                    renamed: None,
                },
            );
        }
    }
    for r in renamed {
        let div = r.target;
        push(
            &mut surfaces,
            &r.old,
            Cand {
                div,
                kind: Kind::Renamed,
                renamed: Some(r),
            },
        );
    }
    for r in renamed {
        if let Some(s) = stem(&r.old) {
            let div = r.target;
            push(
                &mut surfaces,
                s,
                Cand {
                    div,
                    kind: Kind::Short,
                    renamed: Some(r),
                },
            );
        }
    }
    let prefixes = surfaces
        .keys()
        .flat_map(|k| {
            k.char_indices()
                .skip(1)
                .map(move |(b, _)| k[..b].to_owned())
        })
        .collect();
    let mut former: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
    for r in renamed {
        former
            .entry(r.target.code.as_str())
            .or_default()
            .push(r.old.as_str());
    }
    Ok(Divisions {
        all,
        by_code,
        surfaces,
        prefixes,
        former,
        by_pinyin: std::sync::OnceLock::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "# test\n\
        140000\t山西省\tprovince\t\n\
        140400\t长治市\tcity\t140000\n\
        140403\t潞州区\tcounty\t140400\n\
        310000\t上海市\tprovince\t\n\
        310115\t浦东新区\tcounty\t310000\n";

    #[test]
    fn hierarchy_fills_province_and_prefecture() {
        let d = build(SMALL, "").unwrap();
        let luzhou = d.by_code("140403").unwrap();
        assert_eq!(luzhou.province, "山西省");
        assert_eq!(luzhou.prefecture.as_deref(), Some("长治市"));
        let pudong = d.by_code("310115").unwrap();
        assert_eq!(pudong.province, "上海市");
        assert_eq!(pudong.prefecture.as_deref(), Some("上海市"));
        assert_eq!(
            d.by_code("140400").unwrap().prefecture.as_deref(),
            Some("长治市")
        );
        assert_eq!(d.by_code("140000").unwrap().prefecture, None);
    }

    #[test]
    fn bad_tables_are_rejected_with_their_line() {
        let err = build("140000\t山西省\tstate\t\n", "").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
        assert!(err.to_string().contains("unknown level `state`"), "{err}");
        let err = build("140400\t长治市\tcity\t140000\n", "").unwrap_err();
        assert_eq!(
            err,
            RegionsError::UnknownParent {
                code: "140400".into(),
                parent: "140000".into()
            }
        );
        let err = build(SMALL, "城区\t长治市\t140403\t城区\t2018\tx\n").unwrap_err();
        assert!(err.to_string().contains("the table has `潞州区`"), "{err}");
        let err = build(SMALL, "城区\t长治市\t140403\n").unwrap_err();
        assert!(err.to_string().contains("`renamed` line 1"), "{err}");
    }
}
