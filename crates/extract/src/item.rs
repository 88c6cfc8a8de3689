//! What the clause reader hands on: the items a sentence names, each with
//! its figures, and the segments they are read from. The types live here,
//! below the modules that read them (`clause` splits a sentence and reads
//! its segments, `figure` turns a segment's numbers into figures, `names`
//! turns a segment's name into items), so none of those imports another's
//! types in a circle.

use baogao_model::{Measure, Qualifier};

use crate::number::Num;

/// What a clause item is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Targets,
    Outcomes,
}

/// One indicator named in a sentence with its figures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// Canonical id or `other:<name>`.
    pub(crate) indicator: String,
    /// Name as written (original text, or composed for 分别 lists).
    pub(crate) raw_name: String,
    pub(crate) figs: Vec<Fig>,
    /// Normalised char range of the evidence text.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Seg {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Normalised range of the name.
    pub(crate) name: Option<(usize, usize)>,
    pub(crate) nums: Vec<(Num, Qualifier, bool, bool)>,
    /// Position where the figures' verbs start (end of the name).
    pub(crate) name_end: usize,
    /// Qualitative predicate found (name ends where it starts).
    pub(crate) qualitative: bool,
    /// The segment is a 分别 list.
    pub(crate) fenbie: Option<Fenbie>,
    pub(crate) stretch_word: bool,
    /// 与上年持平.
    pub(crate) flat: bool,
    /// Ends with 后 (扣除…后): a condition for the next clause.
    pub(crate) condition: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Fenbie {
    /// The names the figures are resolved by (城乡… split into 城镇…, 农村…).
    pub(crate) names: Vec<String>,
    /// The name as written when one written name covers every figure
    /// (城乡居民人均可支配收入分别增长5%、6.5%): the rows' `raw_name`.
    pub(crate) written: Option<String>,
    /// Each name's own spelling in the original text, when the list wrote it
    /// out (traditional characters, 零 that the normalisation reads as 〇).
    pub(crate) spelled: Vec<Option<String>>,
}

/// One figure of an item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fig {
    pub(crate) value: Option<f64>,
    pub(crate) max: Option<f64>,
    pub(crate) unit: Option<&'static str>,
    pub(crate) qual: Qualifier,
    pub(crate) measure: Measure,
    pub(crate) stretch: Option<f64>,
    /// 确保, 不低于 … written with the figure.
    pub(crate) hard_word: bool,
    /// 力争, 预期 … written with the figure.
    pub(crate) soft_word: bool,
    /// A threshold crossed (首次突破1900亿元), not a measured figure.
    pub(crate) milestone: bool,
    /// A growth's margin over a wider average (增速高于全省平均水平0.5个百分点):
    /// its points measure the growth, not a change of a rate.
    pub(crate) margin: bool,
}
