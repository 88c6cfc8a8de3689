//! A learned sentence locator, kept as a measured experiment: how likely a
//! sentence that states a figure is one of the coming year's targets,
//! learned from the labelled corpus, against what the rules of
//! [`locate`](crate::locate) take.
//!
//! The model is a regularised logistic regression over sparse hashed
//! features of a sentence and its neighbours: its words and character
//! bigrams, the years it names against the report's, its position and that
//! of the review, the words of the sentences around it. [`train`] fits it on
//! gold sets (deterministically); [`compare`] scores it and the rules on
//! other gold sets, sentence by sentence (`baogao locator-compare`, `just
//! locator-compare`). The extractor does not use it: measured on the unseen
//! split of the real corpus the rules take target sentences at a precision
//! and recall the model does not reach, as a fallback for texts the rules
//! find nothing in it added two rows, and as a veto of the rules' sentences
//! it rates unlikely it loses more target sentences than wrong ones
//! (docs/locating.md has the figures). Re-run the comparison when the
//! corpus grows.

// An optimiser's and a feature reader's letters (w, m, v, g; s, t, f) read
// best as the textbooks write them.
#![allow(clippy::many_single_char_names)]

use std::fmt;
use std::path::Path;

use baogao_model::Document;
use serde::{Deserialize, Serialize};

use crate::eval::read_gold_set;
use crate::norm::{self, Norm};
use crate::{ExtractError, Extractor};

/// Hashed feature space: large enough that the corpus's bigrams rarely
/// share a weight, small enough to fit in a few hundred KB.
const DIMS: u32 = 1 << 14;

/// The words whose presence is a feature of a sentence and of its
/// neighbours: the coming year, aims and their verbs, the past and its
/// results, plans of other periods, other governments.
const WORDS: &[&str] = &[
    "今年",
    "明年",
    "全年",
    "新的一年",
    "预期",
    "目标",
    "指标",
    "力争",
    "确保",
    "争取",
    "将",
    "要",
    "计划",
    "安排",
    "建议",
    "提出",
    "确定",
    "报告",
    "会议",
    "主要预期目标",
    "左右",
    "以上",
    "以内",
    "控制在",
    "同步",
    "去年",
    "上年",
    "过去",
    "回顾",
    "一年来",
    "完成",
    "实现",
    "超额",
    "预计",
    "达到",
    "比上年",
    "同比",
    "增长了",
    "上半年",
    "季度",
    "居全",
    "五年",
    "年均",
    "十四五",
    "十三五",
    "十二五",
    "十一五",
    "十五五",
    "规划",
    "远景",
    "三年",
    "全国",
    "国家",
    "中央",
    "国务院",
    "省",
    "市",
    "县",
    "区",
    "我们",
    "政府工作",
    "任务",
    "努力",
    "奋斗",
    "展望",
    "工作",
    "重点",
];

/// A sentence of a document, as the model sees it.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// Normalised range.
    pub(crate) range: (usize, usize),
    /// Index of its paragraph.
    pub(crate) para: usize,
}

/// The sentences of `paras` ([`norm::clauses`]), in order.
pub(crate) fn sentences(n: &Norm, paras: &[(usize, usize)]) -> Vec<Sentence> {
    norm::clauses(n, paras)
        .into_iter()
        .map(|(para, range)| Sentence { range, para })
        .collect()
}

/// What the features of a sentence are read against.
pub(crate) struct Context<'a> {
    pub(crate) n: &'a Norm,
    pub(crate) paras: &'a [(usize, usize)],
    pub(crate) sents: &'a [Sentence],
    pub(crate) target_year: Option<i32>,
    /// First paragraph of the plan part (`paras.len()` when the text has none).
    pub(crate) review_end: usize,
}

/// Whether `t` states a figure (a digit or 百分之).
pub(crate) fn states_figure(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit()) || t.contains("百分之")
}

fn hash(s: &str) -> u32 {
    // FNV-1a: stable across platforms and releases, unlike std's hasher
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % u64::from(DIMS)) as u32
}

fn bucket(x: usize, top: usize) -> usize {
    x.min(top)
}

/// The hashed features of sentence `i` (sorted, without repeats).
pub(crate) fn features(cx: &Context<'_>, i: usize) -> Vec<u32> {
    let mut f: Vec<String> = Vec::new();
    let s = &cx.sents[i];
    let t = cx.n.text(s.range.0, s.range.1);
    words(t, "w", &mut f);
    // character bigrams, digits as 0 and Latin letters as a
    let shape: Vec<char> = t
        .chars()
        .map(|c| match c {
            '0'..='9' => '0',
            'a'..='z' | 'A'..='Z' => 'a',
            _ => c,
        })
        .collect();
    for w in shape.windows(2) {
        if w[0] != w[1] || w[0] != '0' {
            f.push(format!("b{}{}", w[0], w[1]));
        }
    }
    // the years it names, against the report's
    let digits = crate::year::with_digit_years(t);
    let mut years = 0;
    for c in digits.match_indices('年') {
        let at = c.0;
        let Some(y) = digits[..at]
            .get(at.saturating_sub(4)..)
            .and_then(|d| d.parse::<i32>().ok())
        else {
            continue;
        };
        if !(1990..2100).contains(&y) {
            continue;
        }
        years += 1;
        f.push(match cx.target_year {
            Some(ty) if y == ty => "y=".to_owned(),
            Some(ty) if y == ty - 1 => "y-1".to_owned(),
            Some(ty) if y < ty => "y<".to_owned(),
            Some(_) => "y>".to_owned(),
            None => "y?".to_owned(),
        });
    }
    if years == 0 {
        f.push("y0".to_owned());
    }
    if cx.target_year.is_none() {
        f.push("ty?".to_owned());
    }
    // where it is
    let len = cx.n.len().max(1);
    f.push(format!("pos{}", s.range.0 * 10 / len));
    let structured = cx.review_end < cx.paras.len();
    f.push(
        match (structured, s.para >= cx.review_end) {
            (false, _) => "flat",
            (true, true) => "plan",
            (true, false) => "review",
        }
        .to_owned(),
    );
    let first = i == 0 || cx.sents[i - 1].para != s.para;
    if first {
        f.push("first".to_owned());
    }
    let (ps, pe) = cx.paras[s.para];
    let para = cx.n.text(ps, pe);
    if norm::list_marker_len(&cx.n.chars, ps, pe) > 0 {
        f.push("item".to_owned());
    }
    f.push(format!("plen{}", bucket(para.chars().count() / 100, 5)));
    f.push(format!("pct{}", bucket(t.matches('%').count(), 4)));
    f.push(format!("slen{}", bucket(t.chars().count() / 25, 6)));
    // the sentences around it
    if i > 0 {
        let (a, b) = cx.sents[i - 1].range;
        let prev = cx.n.text(a, b);
        words(prev, "p", &mut f);
        if prev.ends_with('：') {
            f.push("p:".to_owned());
        }
        f.push(format!("pfig{}", u8::from(states_figure(prev))));
    }
    if let Some(next) = cx.sents.get(i + 1) {
        words(cx.n.text(next.range.0, next.range.1), "n", &mut f);
    }
    if s.para > 0 {
        let (a, b) = cx.paras[s.para - 1];
        words(cx.n.text(a, b), "pp", &mut f);
    }
    let mut out: Vec<u32> = f.iter().map(|k| hash(k)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn words(t: &str, tag: &str, f: &mut Vec<String>) {
    for w in WORDS {
        if t.contains(w) {
            f.push(format!("{tag}:{w}"));
        }
    }
}

/// The weights of the sentence model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocatorModel {
    pub bias: f64,
    /// One weight per hashed feature.
    pub weights: Vec<f64>,
}

impl LocatorModel {
    /// The probability that a sentence with features `f` states the
    /// coming year's targets.
    pub(crate) fn prob(&self, f: &[u32]) -> f64 {
        let z = self.bias + f.iter().map(|&k| self.weights[k as usize]).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// One training example: a sentence's features and whether a gold target
/// was read from it.
struct Example {
    f: Vec<u32>,
    y: bool,
}

/// Passes over the training set, the L2 penalty and Adam's step size, set
/// before any measurement (the comparison's outcome does not turn on them:
/// penalties from 1e-4 to 1e-2 give the same ranking of model and rules).
const EPOCHS: usize = 300;
const L2: f64 = 1e-3;
const RATE: f64 = 0.05;

/// How many sentences training read and how many were targets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainingSummary {
    pub texts: usize,
    pub sentences: usize,
    pub target_sentences: usize,
    /// Gold clauses not found in their text (typing slips in a gold file).
    pub unmatched_clauses: usize,
}

impl Extractor {
    /// The sentences of `doc` that state a figure, with their features.
    pub(crate) fn sentence_examples(&self, doc: &Document) -> (Norm, Vec<(Sentence, Vec<u32>)>) {
        let crate::Layout {
            n,
            m,
            paras,
            review_end,
        } = self.layout(doc);
        let sents = sentences(&n, &paras);
        let cx = Context {
            n: &n,
            paras: &paras,
            sents: &sents,
            target_year: m.target_year,
            review_end,
        };
        let out = (0..sents.len())
            .filter(|&i| states_figure(n.text(sents[i].range.0, sents[i].range.1)))
            .map(|i| (sents[i].clone(), features(&cx, i)))
            .collect();
        (n, out)
    }
}

/// Normalised char ranges of the gold clauses `clauses` in `n` (line breaks
/// ignored on both sides); the count of clauses not found.
fn clause_ranges(n: &Norm, clauses: &[String]) -> (Vec<(usize, usize)>, usize) {
    let idx: Vec<usize> = (0..n.len()).filter(|&i| n.chars[i] != '\n').collect();
    let flat: Vec<char> = idx.iter().map(|&i| n.chars[i]).collect();
    let mut out = Vec::new();
    let mut missing = 0;
    for c in clauses {
        let g: Vec<char> = Norm::new(c)
            .chars
            .into_iter()
            .filter(|&c| c != '\n')
            .collect();
        if g.is_empty() {
            continue;
        }
        let mut found = false;
        for at in 0..flat.len().saturating_sub(g.len() - 1) {
            if flat[at..at + g.len()] == g[..] {
                out.push((idx[at], idx[at + g.len() - 1] + 1));
                found = true;
            }
        }
        if !found {
            missing += 1;
        }
    }
    (out, missing)
}

/// Trains the sentence model on the gold sets `sets` (`(gold dir, text dir)`),
/// deterministically: the same files give the same weights.
pub fn train(
    ex: &Extractor,
    sets: &[(&Path, &Path)],
) -> Result<(LocatorModel, TrainingSummary), ExtractError> {
    let mut data = Vec::new();
    let mut sum = TrainingSummary::default();
    for &(gold_dir, text_dir) in sets {
        for (doc, clauses) in read_gold_set(gold_dir, text_dir)? {
            let (n, sents) = ex.sentence_examples(&doc);
            let (ranges, missing) = clause_ranges(&n, &clauses);
            sum.texts += 1;
            sum.unmatched_clauses += missing;
            for (s, f) in sents {
                let y = ranges.iter().any(|&(a, b)| a < s.range.1 && s.range.0 < b);
                sum.sentences += 1;
                sum.target_sentences += usize::from(y);
                data.push(Example { f, y });
            }
        }
    }
    let (bias, weights) = fit(&data);
    Ok((LocatorModel { bias, weights }, sum))
}

/// Full-batch gradient descent with Adam on the mean log loss plus an L2
/// penalty (none on the bias).
fn fit(data: &[Example]) -> (f64, Vec<f64>) {
    let d = DIMS as usize;
    let (mut w, mut m, mut v) = (vec![0.0; d], vec![0.0; d], vec![0.0; d]);
    let (mut b, mut mb, mut vb) = (0.0f64, 0.0f64, 0.0f64);
    let (b1, b2, eps) = (0.9f64, 0.999f64, 1e-8);
    let count = data.len().max(1) as f64;
    let mut g = vec![0.0; d];
    for step in 1..=EPOCHS {
        g.fill(0.0);
        let mut gb = 0.0;
        for e in data {
            let z = b + e.f.iter().map(|&k| w[k as usize]).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = (p - f64::from(u8::from(e.y))) / count;
            gb += err;
            for &k in &e.f {
                g[k as usize] += err;
            }
        }
        let c1 = 1.0 - b1.powi(step as i32);
        let c2 = 1.0 - b2.powi(step as i32);
        for k in 0..d {
            let gk = g[k] + L2 * w[k];
            m[k] = b1 * m[k] + (1.0 - b1) * gk;
            v[k] = b2 * v[k] + (1.0 - b2) * gk * gk;
            w[k] -= RATE * (m[k] / c1) / ((v[k] / c2).sqrt() + eps);
        }
        mb = b1 * mb + (1.0 - b1) * gb;
        vb = b2 * vb + (1.0 - b2) * gb * gb;
        b -= RATE * (mb / c1) / ((vb / c2).sqrt() + eps);
    }
    (b, w)
}

/// The model and the rules on the sentences of one gold set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Sentences that state a figure, and those a gold target was read from.
    pub sentences: usize,
    pub targets: usize,
    /// Area under the model's ROC curve.
    pub auc: f64,
    /// Sentences the model rates at least the threshold: all, and targets.
    pub model_taken: usize,
    pub model_right: usize,
    /// Sentences a found target was read from: all, and targets.
    pub rules_taken: usize,
    pub rules_right: usize,
    /// Sentences the rules leave and the model takes: targets, and not.
    pub added_right: usize,
    pub added_wrong: usize,
    /// Sentences the rules take and the model rates below each of
    /// [`VETO_LEVELS`]: targets (a veto would lose them), and not.
    pub vetoed_right: [usize; 4],
    pub vetoed_wrong: [usize; 4],
}

/// The probabilities below which a veto of the rules is measured.
pub const VETO_LEVELS: [f64; 4] = [0.02, 0.05, 0.1, 0.2];

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "  {} sentences with figures, {} of them targets; model AUC {:.3}",
            self.sentences, self.targets, self.auc
        )?;
        writeln!(
            f,
            "  model: precision {:.3} recall {:.3}   rules: precision {:.3} recall {:.3}",
            ratio(self.model_right, self.model_taken),
            ratio(self.model_right, self.targets),
            ratio(self.rules_right, self.rules_taken),
            ratio(self.rules_right, self.targets)
        )?;
        write!(
            f,
            "  model over the rules: {} more target sentences, {} wrong ones",
            self.added_right, self.added_wrong
        )?;
        for (k, level) in VETO_LEVELS.iter().enumerate() {
            write!(
                f,
                "\n  model vetoing the rules below {level}: {} wrong sentences dropped, {} target sentences lost",
                self.vetoed_right[k], self.vetoed_wrong[k]
            )?;
        }
        Ok(())
    }
}

/// Scores `model` and the rules of `ex` on the sentences of a gold set; the
/// model takes a sentence it rates at least `threshold`.
pub fn compare(
    ex: &Extractor,
    model: &LocatorModel,
    (gold_dir, text_dir): (&Path, &Path),
    threshold: f64,
) -> Result<Comparison, ExtractError> {
    let mut c = Comparison::default();
    let mut scored: Vec<(f64, bool)> = Vec::new();
    for (doc, clauses) in read_gold_set(gold_dir, text_dir)? {
        let (n, sents) = ex.sentence_examples(&doc);
        let (gold, _) = clause_ranges(&n, &clauses);
        let found: Vec<String> = ex
            .extract(&doc)
            .targets
            .into_iter()
            .map(|t| t.text)
            .collect();
        let (taken, _) = clause_ranges(&n, &found);
        for (s, f) in sents {
            let over =
                |r: &[(usize, usize)]| r.iter().any(|&(a, b)| a < s.range.1 && s.range.0 < b);
            let (y, by_rules) = (over(&gold), over(&taken));
            let p = model.prob(&f);
            let by_model = p >= threshold;
            c.sentences += 1;
            c.targets += usize::from(y);
            c.rules_taken += usize::from(by_rules);
            c.rules_right += usize::from(by_rules && y);
            c.model_taken += usize::from(by_model);
            c.model_right += usize::from(by_model && y);
            for (k, &level) in VETO_LEVELS.iter().enumerate() {
                if by_rules && p < level {
                    c.vetoed_wrong[k] += usize::from(y);
                    c.vetoed_right[k] += usize::from(!y);
                }
            }
            if by_model && !by_rules {
                c.added_right += usize::from(y);
                c.added_wrong += usize::from(!y);
            }
            scored.push((p, y));
        }
    }
    // AUC: the share of (target, other) pairs the model ranks right
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut above, mut pairs) = (0usize, 0usize);
    for &(_, y) in &scored {
        if y {
            above += 1;
        } else {
            pairs += above;
        }
    }
    c.auc = ratio(pairs, c.targets * (c.sentences - c.targets));
    Ok(c)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn set(gold: &str, texts: &str) -> (PathBuf, PathBuf) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        (root.join(gold), root.join(texts))
    }

    #[test]
    fn training_is_deterministic_and_finds_every_gold_clause() {
        let ex = Extractor::builtin();
        let (g, t) = set("real/dev/gold", "real/dev/reports");
        let sets = [(g.as_path(), t.as_path())];
        let (a, sum) = train(&ex, &sets).unwrap();
        let (b, _) = train(&ex, &sets).unwrap();
        assert_eq!(a, b, "the same files give the same weights");
        assert_eq!(sum.unmatched_clauses, 0, "every gold clause is in its text");
        assert!(sum.texts >= 100 && sum.target_sentences > 150, "{sum:?}");
    }

    #[test]
    fn the_model_learns_its_training_set_and_ranks_a_held_out_one() {
        let ex = Extractor::builtin();
        let (g, t) = set("dev/gold", "dev/reports");
        let (model, _) = train(&ex, &[(g.as_path(), t.as_path())]).unwrap();
        let seen = compare(&ex, &model, (&g, &t), 0.5).unwrap();
        assert!(seen.auc > 0.99, "{seen}");
        // a lower veto level drops a subset of what a higher one drops
        for k in 1..VETO_LEVELS.len() {
            assert!(seen.vetoed_right[k - 1] <= seen.vetoed_right[k], "{seen}");
            assert!(seen.vetoed_wrong[k - 1] <= seen.vetoed_wrong[k], "{seen}");
        }
        assert!(
            ratio(seen.model_right, seen.targets) > 0.9
                && ratio(seen.model_right, seen.model_taken) > 0.9,
            "{seen}"
        );
        // trained on ten full provincial reports, it still ranks the
        // sentences of five other reports' pages far better than chance
        let (g2, t2) = set("gold", "seeds");
        let held_out = compare(&ex, &model, (&g2, &t2), 0.5).unwrap();
        assert!(held_out.auc > 0.8, "{held_out}");
        // the rules, written on these reports, take every target sentence
        assert_eq!(held_out.rules_right, held_out.targets, "{held_out}");
    }

    #[test]
    fn a_gold_clause_is_found_across_line_breaks_and_widths() {
        let n = Norm::new("今年的目标是：地区生产总值\n增长5%左右，城镇新增就业10万人。");
        let (r, missing) = clause_ranges(
            &n,
            &["地区生产总值增长５％左右".to_owned(), "不在文中".to_owned()],
        );
        assert_eq!(missing, 1);
        assert_eq!(r.len(), 1);
        assert_eq!(n.text(r[0].0, r[0].1), "地区生产总值\n增长5%左右");
    }
}
