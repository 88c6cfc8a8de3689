//! One sentence → indicator items, clause by clause.
//!
//! A sentence is split into clauses on `，；。：` (full-width or ASCII), and a
//! clause into segments on `、` unless it holds a 分别 list; [`clause`](crate::clause) reads
//! each segment as `[scope] NAME [verb] FIGURE [qualifier]` (or `NAME` + a
//! qualitative predicate such as 与经济增长同步). What this module adds is what
//! one clause tells about the next: segments without a name attach to the
//! item before them (`地区生产总值60199.45亿元、增长5%`), a clause that only
//! names an indicator lends it to the next clause's figure, a clause of names
//! is completed by the next (`…等约束性指标，确保完成省政府下达的任务`), and a
//! nameless clause with 力争 gives the previous item its stretch value.

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use baogao_model::Measure;

use crate::clause::{Patterns, STRETCH_WORDS, at, read_segment};
use crate::figure::{fenbie_figs, finish_fig, seg_figs};
use crate::indicator::Dictionary;
use crate::item::{Fig, Item, Mode, Seg};
use crate::names::make_items;
use crate::norm::Norm;

mod split;
use split::{MAX_CLAUSE, clauses, split_segments};

/// Words that open a clause and introduce its figure without being part of it.
const CONNECTIVES: &[&str] = &[
    "其中", "即", "此外", "另外", "同时", "除了", "以及", "比如", "例如", "譬如",
];

/// `e` without a trailing 等 (进出口总额增长6%等): the list's "and so on" is
/// not part of the last clause.
fn without_etc(c: &[char], s: usize, e: usize) -> usize {
    let mut e = e;
    while e > s + 1 && c[e - 1] == '等' {
        e -= 1;
    }
    e
}

/// Reads every item of the normalised range `[s, e)` (one sentence).
pub(crate) fn read_sentence(
    n: &Norm,
    s: usize,
    e: usize,
    dict: &Dictionary,
    pat: &Patterns,
    mode: Mode,
) -> Vec<Item> {
    let e = e.min(n.chars.len());
    // (an item's number is no figure of it: 2. 化学需氧量、氨氮排放量分别下降…)
    let s = s + crate::norm::list_marker_len(&n.chars, s, e);
    let mut r = Reader {
        n,
        dict,
        pat,
        mode,
        items: Vec::new(),
        current: None,
        subject: None,
        listed: Vec::new(),
        carried: Vec::new(),
        condition_start: None,
    };
    let qualitative_item = |t: &str| pat.states_quality(t, dict);
    let names = |t: &str| crate::names::looks_like_indicator(t, dict);
    for (cs, ce) in clauses(&n.chars, s, e, &qualitative_item, &names) {
        // (今年将继续办好20件民生实事：新增城镇就业1.2万人，…: what follows the
        // lead of a list of projects for the people is no target)
        if mode == Mode::Targets && opens_the_projects(n, cs, ce) {
            break;
        }
        r.clause(cs, ce);
    }
    let c = &n.chars;
    let mut items = r.items;
    // (a name of one char is a word cut, as a page cut mid-sentence leaves
    // it: 长7.5%左右 of 增长; a place or a scope is no measure: 去年全省增长
    // 6.3%, 今年辽宁实现6.5%的增长目标)
    items.retain(|it| {
        !it.figs.is_empty()
            && baogao_model::other_name(&it.indicator).is_none_or(|name| {
                name.chars().count() > 1 && !SCOPE_WORDS.contains(&name) && !names_a_place(name)
            })
    });
    for it in &mut items {
        it.start += crate::norm::list_marker_len(c, it.start, it.end);
        it.end = without_goal_word(c, it.start, it.end);
    }
    items
}

/// Whether the clause `[cs, ce)` leads a list of projects for the people
/// (办好20件民生实事：).
fn opens_the_projects(n: &Norm, cs: usize, ce: usize) -> bool {
    let t = n.text(cs, ce);
    if !PROJECT_WORDS.iter().any(|w| t.contains(w)) {
        return false;
    }
    // (the clause may end before its delimiter or after it)
    let colon = [ce.saturating_sub(1), ce]
        .iter()
        .any(|&k| n.chars.get(k) == Some(&'：'));
    // (or it says it does them, with no count of its own: 今年将继续办好重要民生
    // 实事，新增城镇就业1.2万人，…)
    colon || t.contains("办好") && !t.chars().any(|c| c.is_ascii_digit())
}

/// Whether `name` is a place's (辽宁, 深圳, 沈阳市): a province's or a
/// city's short form, or a division's name with its unit (everyday words
/// that are short forms of counties, 振兴 or 资源, are not taken for places).
fn names_a_place(name: &str) -> bool {
    use baogao_regions::{Divisions, Resolution};
    let regions = Divisions::builtin();
    regions.is_written_name(name)
        && (name.ends_with(['省', '市', '县', '区', '州', '旗'])
            || matches!(regions.resolve(name, None, None),
                Resolution::Found(d) if d.level != baogao_model::Level::County))
}

/// Words that name a list of projects for the people.
pub(crate) const PROJECT_WORDS: [&str; 7] = [
    "民生实事",
    "惠民实事",
    "办实事",
    "件实事",
    "项实事",
    "民生工程",
    "惠民工程",
];

/// The words by which a government names its whole area (全省增长6.3%).
const SCOPE_WORDS: [&str; 8] = [
    "全省", "全市", "全县", "全区", "全州", "全国", "我省", "我市",
];

/// What a sentence read so far hands on to its next clause.
struct Reader<'a> {
    n: &'a Norm,
    dict: &'a Dictionary,
    pat: &'a Patterns,
    mode: Mode,
    items: Vec<Item>,
    /// Index in `items` of the item nameless segments attach to.
    current: Option<usize>,
    /// A clause that only names an indicator: the subject of the next
    /// clause's figure (…收入交出了高分答卷，同比增长82.9%).
    subject: Option<(usize, usize)>,
    /// A clause of names only (人口自然增长率、万元GDP能耗和…等约束性指标，) whose
    /// next clause completes them (确保完成省政府下达的任务).
    listed: Vec<(usize, usize)>,
    /// The names of the clauses of names only just before (交通投资，民间项目
    /// 投资，…), which a figure with 均 shares.
    carried: Vec<(usize, usize)>,
    /// Where a condition (扣除…后) opens the evidence of the next item.
    condition_start: Option<usize>,
}

/// What one clause has read so far.
struct ClauseState<'s> {
    /// The clause's range and its segments.
    span: (usize, usize),
    segs: &'s [(usize, usize)],
    /// Names of earlier segments waiting for the figure of a later one
    /// (城镇、农村居民人均可支配收入增长7%).
    pending: Vec<(usize, usize)>,
    /// The item this clause added, which its nameless segments extend.
    item: Option<usize>,
    /// Names of the clauses before that only named indicators, which a
    /// figure with 均 shares (交通投资，民间项目投资均增长12%以上).
    before: Vec<(usize, usize)>,
    /// This clause's names for the next clauses to share, when it only names.
    carry: Vec<(usize, usize)>,
}

impl Reader<'_> {
    fn clause(&mut self, cs: usize, ce: usize) {
        // real clauses are short; a page of unpunctuated text is not read
        if ce - cs > MAX_CLAUSE {
            self.current = None;
            self.subject = None;
            return;
        }
        let names_before = std::mem::take(&mut self.listed);
        let carried = std::mem::take(&mut self.carried);
        if self.mode == Mode::Targets
            && names_before.len() > 1
            && (self.completes(&names_before, cs, ce) || self.gives_each(&names_before, cs, ce))
        {
            self.current = None;
            self.subject = None;
            return;
        }
        let segs = split_segments(&self.n.chars, cs, ce);
        let mut st = ClauseState {
            span: (cs, ce),
            segs: &segs,
            pending: Vec::new(),
            item: None,
            before: carried,
            carry: Vec::new(),
        };
        for (si, &(ss, se)) in segs.iter().enumerate() {
            let seg = read_segment(self.n, ss, se, self.dict, self.pat, self.mode);
            let last = si + 1 == segs.len();
            if seg.fenbie.is_some() {
                self.shared(&seg, ss, se);
            } else if let Some(name) = seg.name {
                self.named(&seg, name, se, last, &mut st);
            } else {
                self.nameless(&seg, (ss, se), si, last, &mut st);
            }
        }
        if !st.pending.is_empty() {
            self.current = None;
        }
        // a clause that only names: the carried list goes on
        if !st.carry.is_empty() && st.item.is_none() {
            st.before.append(&mut st.carry);
            self.carried = st.before;
        }
    }

    /// …等约束性指标，确保完成省政府下达的任务: each name of the clause before
    /// gets the completion, a qualitative target.
    fn completes(&mut self, names: &[(usize, usize)], cs: usize, ce: usize) -> bool {
        if !self.pat.completion.is_match(self.n.text(cs, ce)) {
            return false;
        }
        let seg = Seg {
            qualitative: true,
            ..read_segment(self.n, cs, ce, self.dict, self.pat, self.mode)
        };
        let new = make_items(self.n, names, &seg, names[0].0, ce, self.dict);
        if new.is_empty() {
            return false;
        }
        self.items.extend(new);
        true
    }

    /// 在固定资产投资、社会消费品零售总额、进出口方面，分别保持增长20%、13%和14%以上:
    /// one figure for each name of the clause before.
    fn gives_each(&mut self, names: &[(usize, usize)], cs: usize, ce: usize) -> bool {
        let (n, c) = (self.n, &self.n.chars);
        if !at(c, cs, "分别") {
            return false;
        }
        let seg = read_segment(n, cs, ce, self.dict, self.pat, self.mode);
        if seg.nums.len() != names.len() {
            return false;
        }
        let figs = fenbie_figs(&seg, names.len(), c);
        for (&(a, b), fig) in names.iter().zip(figs) {
            let a = if c[a] == '在' { a + 1 } else { a };
            let b = if n.text(a, b).ends_with("方面") {
                b - 2
            } else {
                b
            };
            self.items.push(one_figure_item(
                self.dict,
                n.text(a, b),
                n.orig_text(a, b),
                fig,
                (names[0].0, ce),
            ));
        }
        true
    }

    /// A 分别 list or names sharing one figure: one item per name.
    fn shared(&mut self, seg: &Seg, ss: usize, se: usize) {
        let Some(fb) = &seg.fenbie else { return };
        if seg.nums.is_empty() {
            return;
        }
        // (past a lead-in the segment opens with: seg.start)
        let mut start = self.condition_start.take().unwrap_or(seg.start.max(ss));
        // (其中城镇、农村居民…分别: the connective introduces the list)
        if let Some(w) = CONNECTIVES.iter().find(|w| at(&self.n.chars, start, w)) {
            start += w.chars().count();
        }
        // (确保城乡居民人均可支配收入分别增长…: an aim's words are no part of
        // the evidence, and 确保 still makes the targets hard)
        let opened = start;
        while self.mode == Mode::Targets
            && let Some(w) = AIM_WORDS.iter().find(|w| at(&self.n.chars, start, w))
        {
            start += w.chars().count();
        }
        let assured = self.n.text(opened, start).contains("确保");
        let mut figs = fenbie_figs(seg, fb.names.len(), &self.n.chars);
        for f in &mut figs {
            f.hard_word |= assured;
        }
        for (k, (name, fig)) in fb.names.iter().zip(figs).enumerate() {
            let raw = fb
                .written
                .clone()
                .or_else(|| fb.spelled.get(k).cloned().flatten())
                .unwrap_or_else(|| crate::names::as_written(name));
            self.items
                .push(one_figure_item(self.dict, name, raw, fig, (start, se)));
        }
        self.current = None;
        self.subject = None;
    }

    /// A segment that names an indicator: an item when it has its figures
    /// (or a qualitative predicate); else a name waiting for a later
    /// segment's figure, or the subject of the next clause.
    fn named(
        &mut self,
        seg: &Seg,
        (ns, ne): (usize, usize),
        se: usize,
        last: bool,
        st: &mut ClauseState<'_>,
    ) {
        let (n, c) = (self.n, &self.n.chars);
        let has_figs = !seg.nums.is_empty();
        if has_figs && self.per_head_of_current(seg, (ns, ne), se) {
            return;
        }
        if has_figs || seg.qualitative || (seg.flat && self.mode == Mode::Outcomes) {
            let shared_from = self.names_before_share(seg, ne, se, st);
            let mut names = std::mem::take(&mut st.pending);
            names.push((ns, ne));
            let cs = st.span.0;
            let mut start = if let Some(from) = shared_from {
                from
            } else if names.len() > 1 {
                self.condition_start
                    .unwrap_or(segs_start_of(st.segs, names[0].0))
            } else {
                self.condition_start.unwrap_or_else(|| {
                    // (a qualitative target keeps its aim: 努力实现城乡居民
                    // 收入增长和经济发展同步, as dev2 labels it)
                    let aim = self.mode == Mode::Targets && !seg.qualitative;
                    evidence_start(n, seg.start, names[0].0, aim)
                })
            };
            // a clause-initial 其中, 即, 此外 … introduces the figure, it is
            // not part of it
            if start == cs
                && self.condition_start.is_none()
                && let Some(w) = CONNECTIVES.iter().find(|w| at(c, cs, w))
            {
                start += w.chars().count();
            }
            self.condition_start = None;
            let mut new = make_items(n, &names, seg, start, without_etc(c, start, se), self.dict);
            // (确保 left out of the evidence still makes the target hard)
            if start > seg.start && n.text(seg.start, start).contains("确保") {
                for f in new.iter_mut().flat_map(|it| it.figs.iter_mut()) {
                    f.hard_word = true;
                }
            }
            if !new.is_empty() {
                self.items.extend(new);
                self.current = Some(self.items.len() - 1);
                st.item = self.current;
            }
            self.subject = None;
        } else if !last {
            st.pending.push((ns, ne));
        } else {
            self.names_only((ns, ne), st);
        }
    }

    /// 地区生产总值达到13.9亿元，增长16%，人均达到4382元: 人均 alone names the
    /// item before it per head (人均地区生产总值), an indicator of its own.
    fn per_head_of_current(&mut self, seg: &Seg, (ns, ne): (usize, usize), se: usize) -> bool {
        let n = self.n;
        // (the name reads 人 when 均 is taken for the shared figure's word)
        let name = n.text(ns, ne);
        let per_head = matches!(name, "人均" | "人") && n.text(ns, se).starts_with("人均");
        let Some(ci) = self.current.filter(|_| per_head) else {
            return false;
        };
        let Some(fig) = seg_figs(seg, &n.chars).into_iter().next() else {
            return false;
        };
        let base = &self.items[ci].indicator;
        let of = if base == "gdp" {
            "地区生产总值"
        } else if let Some(other) = baogao_model::other_name(base) {
            other
        } else {
            return false;
        };
        let raw = n.orig_text(ns, ns + 2);
        let item = one_figure_item(self.dict, &format!("人均{of}"), raw, fig, (ns, se));
        self.items.push(item);
        self.current = None;
        true
    }

    /// The last segment of a clause that only names: the subject of the
    /// next clause's figure (…收入交出了高分答卷，同比增长82.9%) when it names
    /// a canonical indicator, and the names a later figure may share.
    fn names_only(&mut self, (ns, ne): (usize, usize), st: &mut ClauseState<'_>) {
        let n = self.n;
        let known = |r: &(usize, usize)| self.dict.is_known(n.text(r.0, r.1));
        let any_known = known(&(ns, ne)) || st.pending.iter().any(known);
        // what a later figure with 均 shares: each name, or a 、 list of names
        // of no canonical indicator as one name (生态环保、城市更新和水利设施投资)
        if any_known {
            st.carry.extend(st.pending.iter().copied());
            st.carry.push((ns, ne));
        } else if crate::names::looks_like_indicator(n.text(ns, ne), self.dict) {
            st.carry.push((st.pending.first().map_or(ns, |r| r.0), ne));
        }
        if any_known || !st.pending.is_empty() {
            self.subject = Some((ns, ne));
            self.listed = std::mem::take(&mut st.pending);
            self.listed.push((ns, ne));
            self.current = None;
        } else if !st.carry.is_empty() {
            self.current = None;
        }
    }

    /// 交通投资，生态环保投资，民间项目投资均增长12%以上: the names of the
    /// clauses before that only named, when the clause's first name takes
    /// its figure with 均, each get the figure (an item of their own, as a
    /// list of no canonical indicator would read as one name). Returns where
    /// the shared evidence starts.
    fn names_before_share(
        &mut self,
        seg: &Seg,
        name_end: usize,
        se: usize,
        st: &mut ClauseState<'_>,
    ) -> Option<usize> {
        let n = self.n;
        let shares = !seg.nums.is_empty()
            && st.pending.is_empty()
            && seg.start == st.span.0
            && name_end <= seg.nums[0].0.start
            && n.text(name_end, seg.nums[0].0.start).starts_with('均')
            && !st.before.is_empty();
        if !shares {
            return None;
        }
        let from = st.before[0].0;
        let end = without_etc(&n.chars, from, se);
        for r in std::mem::take(&mut st.before) {
            let new = make_items(n, &[r], seg, r.0, end, self.dict);
            self.items
                .extend(new.into_iter().map(|it| Item { start: from, ..it }));
        }
        Some(from)
    }

    /// A segment with no name: a condition, prose, figures for the items
    /// before (分别), the figure of the clause before's subject, or more
    /// figures (or a stretch) of the current item.
    fn nameless(
        &mut self,
        seg: &Seg,
        (ss, se): (usize, usize),
        si: usize,
        last: bool,
        st: &mut ClauseState<'_>,
    ) {
        let n = self.n;
        if seg.condition {
            self.condition_start = Some(ss);
            return;
        }
        if seg.nums.is_empty() && !(seg.flat && self.mode == Mode::Outcomes) {
            let seg_text = n.text(ss, se);
            // a remark like 按可比价格计算 keeps the subject; other prose ends it
            let remark = seg_text.chars().count() <= REMARK_MAX
                && ["计算", "可比", "口径", "因素", "同比", "初步"]
                    .iter()
                    .any(|w| seg_text.contains(w));
            if last && st.item.is_none() && st.pending.is_empty() && !remark {
                self.current = None;
            }
            return;
        }
        if self.figures_for_items_before(seg, ss, se) {
            return;
        }
        if let Some((ns, ne)) = self.subject.take() {
            let seg2 = Seg {
                name: Some((ns, ne)),
                ..seg.clone()
            };
            let new = make_items(n, &[(ns, ne)], &seg2, ns, se, self.dict);
            if !new.is_empty() {
                self.items.extend(new);
                self.current = Some(self.items.len() - 1);
                st.item = self.current;
            }
            return;
        }
        // 65万以上贫困人口脱贫, 3个插花县申请摘帽: a figure followed by what it
        // counts is an item of its own, not more of the item before
        if self.mode == Mode::Targets && counts_what_follows(n, seg, se) {
            return;
        }
        if let Some(ci) = self.current {
            self.attach(ci, seg, (ss, se), si, st);
        }
    }

    /// …X元，…Y元，分别增长A%和B%: one figure for each of the items before.
    fn figures_for_items_before(&mut self, seg: &Seg, ss: usize, se: usize) -> bool {
        let k = seg.nums.len();
        if k < 2 || !self.n.text(ss, se).starts_with("分别") || self.items.len() < k {
            return false;
        }
        let figs = seg_figs(seg, &self.n.chars);
        let first = self.items.len() - k;
        for (it, f) in self.items[first..].iter_mut().zip(figs) {
            let f = finish_fig(
                f,
                resolved_of(self.dict, &it.indicator).measure,
                &it.raw_name.clone(),
            );
            it.figs.push(f);
            it.end = se;
        }
        self.current = None;
        true
    }

    /// The figures of a nameless segment for item `ci`: its stretch value
    /// (力争8%), more of its figures (a verb-led segment or one of the same
    /// clause), or a new item of the same indicator.
    fn attach(
        &mut self,
        ci: usize,
        seg: &Seg,
        (ss, se): (usize, usize),
        si: usize,
        st: &mut ClauseState<'_>,
    ) {
        let figs = seg_figs(seg, &self.n.chars);
        let item = &mut self.items[ci];
        // 力争增长8%，确保7.5%: the assured figure is the target, the one
        // striven for its stretch
        if let ([f], [old]) = (figs.as_slice(), item.figs.as_slice())
            && self.n.text(ss, se).starts_with("确保")
            && old.soft_word
            && old.stretch.is_none()
            && old.unit == f.unit
            && f.value.zip(old.value).is_some_and(|(v, o)| v < o)
        {
            let striven = old.value;
            let fig = &mut item.figs[0];
            fig.value = f.value;
            fig.qual = f.qual;
            fig.stretch = striven;
            fig.hard_word = true;
            fig.soft_word = false;
            item.end = se;
            return;
        }
        if seg.stretch_word
            && !item.figs.is_empty()
            && figs.len() == 1
            && item.figs.iter().all(|f| f.value.is_some())
        {
            let last = item.figs.len() - 1;
            if item.figs[last].unit == figs[0].unit {
                item.figs[last].stretch = figs[0].value;
                item.end = se;
                return;
            }
            // (增长14%以上，力争达296亿元: 力争 carries the only figure of its
            // unit, the item's figure of another measure)
            if item.figs.iter().any(|f| f.unit == figs[0].unit) {
                return;
            }
        }
        let (indicator, raw) = (item.indicator.clone(), item.raw_name.clone());
        let default = resolved_of(self.dict, &indicator).measure;
        let figs: Vec<Fig> = figs
            .into_iter()
            .map(|f| finish_fig(f, default, &raw))
            .collect();
        let led = self.n.text(ss, se);
        let led = STRETCH_WORDS
            .iter()
            .find_map(|w| led.strip_prefix(w))
            .unwrap_or(led);
        let verb_led = si == 0 && VERB_LEADS.iter().any(|v| led.starts_with(v));
        if st.item == Some(ci) || verb_led {
            let item = &mut self.items[ci];
            for f in figs {
                if let Some(old) = item
                    .figs
                    .iter_mut()
                    .find(|o| o.measure == f.measure && o.value.is_some())
                {
                    *old = f;
                } else {
                    item.figs.push(f);
                }
            }
            item.end = se;
        } else {
            self.items.push(Item {
                indicator,
                raw_name: raw,
                figs,
                start: ss,
                end: se,
            });
            self.current = Some(self.items.len() - 1);
            st.item = self.current;
        }
    }
}

/// The longest remark (按可比价格计算) that keeps the subject of a clause.
const REMARK_MAX: usize = 10;

/// Whether the one figure of a nameless segment is followed by a name of
/// what it counts (`65万以上贫困人口脱贫`): two or more Han chars after the
/// figure and its qualifier that are no predicate of it (左右, 的增长, 以内).
fn counts_what_follows(n: &Norm, seg: &Seg, se: usize) -> bool {
    let [(num, ..)] = seg.nums.as_slice() else {
        return false;
    };
    let c = &n.chars;
    let mut k = num.end;
    if let Some((_, e)) = crate::number::qual_after(c, k) {
        k = e;
    }
    let tail = n.text(k, se);
    let han = tail
        .chars()
        .take_while(|&ch| crate::norm::is_unified_han(ch))
        .count();
    let predicate = [
        "的", "左右", "以上", "以下", "以内", "和", "及", "与", "增长", "为", "目标", "大关",
        "规模", "台阶", "水平",
    ];
    han >= 2 && han == tail.chars().count() && !predicate.iter().any(|w| tail.starts_with(w))
}

/// Words a nameless clause opens with when it goes on with the figures of
/// the item before (…生产总值达到1200亿元，增长8%).
pub(super) const VERB_LEADS: &[&str] = &[
    "增长",
    "同比增长",
    "同口径增长",
    "可比价增长",
    "按可比价格计算",
    "比上年增长",
    "下降",
    "上涨",
    "回落",
    "增速",
    "达到",
    "突破",
    "总量达",
];

/// The end of an evidence text without a trailing 目标 after its figure
/// (围绕地区生产总值增长7%左右目标: the goal word names what the figure is).
fn without_goal_word(c: &[char], s: usize, e: usize) -> usize {
    // (the words that sum a list up, after any last item: …完成节能减排目标等主要预期目标)
    if let Some(w) = crate::clause::SUMMING_UP
        .iter()
        .find(|w| e > s + w.chars().count() && at(c, e - w.chars().count(), w))
    {
        return e - w.chars().count();
    }
    for w in ["的主要预期目标", "的预期目标", "的目标", "目标"] {
        let k = w.chars().count();
        if e > s + k && at(c, e - k, w) {
            let before = c[e - k - 1];
            if before.is_ascii_digit() || matches!(before, '%' | '‰' | '右' | '上' | '内' | '下')
            {
                return e - k;
            }
        }
    }
    e
}

fn segs_start_of(segs: &[(usize, usize)], pos: usize) -> usize {
    segs.iter()
        .find(|&&(s, e)| s <= pos && pos < e)
        .map_or(pos, |&(s, _)| s)
}

fn resolved_of(dict: &Dictionary, indicator: &str) -> crate::indicator::Resolved {
    if baogao_model::is_canonical(indicator) {
        crate::indicator::Resolved {
            id: Some(indicator.to_owned()),
            measure: dict.measure_of(indicator),
        }
    } else {
        crate::indicator::Resolved {
            id: None,
            measure: None,
        }
    }
}

/// The item of one name of a 分别 list and its figure, evidenced by `span`.
/// Where a target's evidence starts when its segment opens at `seg_start`
/// and its name at `name_start`: at the name when a word of assurance or
/// of an aim stands right before it (确保生产总值增长12%, 努力实现地区生产
/// 总值增长8%左右, 今年全市力争…: the shortest clause with the name, the
/// figure and its qualifier; stop 49 measured the aims' words on the
/// labelled texts; `aim` for a target with a figure), else at the segment
/// (完成国家下达的…, and a year or 今年, which the labelled texts keep as
/// often as not). A result keeps its verb (全市实现地区生产总值…).
fn evidence_start(n: &Norm, seg_start: usize, name_start: usize, aim: bool) -> usize {
    if seg_start >= name_start {
        return name_start;
    }
    let lead = n.text(seg_start, name_start);
    if ASSURANCE.contains(&lead)
        || aim && (AIM_WORDS.iter().any(|w| lead.ends_with(w)) || speakers_word(lead))
    {
        name_start
    } else {
        seg_start
    }
}

/// Whether `lead` only names the speaker by its own word (我市, 今年我省):
/// who sets the target, no scope (全市 stays with the name it covers). A
/// year alone stays (今年, 2007年: the labelled texts keep it as often as
/// not, and `real/unseen` lost two rows when it went, aggregate lines only).
fn speakers_word(lead: &str) -> bool {
    let rest = ["今年", "明年"]
        .iter()
        .find_map(|w| lead.strip_prefix(w))
        .unwrap_or(lead)
        .trim_start_matches(['，', ',']);
    ["我市", "我省", "我县", "我区", "我州", "我盟", "我旗"].contains(&rest)
}

/// Words of assurance a target's evidence leaves out when they alone stand
/// before its name.
const ASSURANCE: [&str; 2] = ["确保", "并确保"];

/// Words of an aim a target's evidence leaves out: when they end what
/// stands before its name (努力实现地区生产总值…, 今年全市力争…), or open a
/// 分别 list (确保城乡居民…分别增长, 努力使…); longest first.
const AIM_WORDS: [&str; 9] = [
    "努力实现",
    "努力使",
    "确保",
    "力争",
    "争取",
    "努力",
    "实现",
    "力求",
    "奋力",
];

fn one_figure_item(
    dict: &Dictionary,
    name: &str,
    raw_name: String,
    fig: Fig,
    (start, end): (usize, usize),
) -> Item {
    let (indicator, default) = indicator_of(&dict.resolve(name), name);
    Item {
        indicator,
        raw_name,
        figs: vec![finish_fig(fig, default, name)],
        start,
        end,
    }
}

fn indicator_of(r: &crate::indicator::Resolved, name: &str) -> (String, Option<Measure>) {
    match &r.id {
        Some(id) => (id.clone(), r.measure),
        None => (
            baogao_model::other_id(&crate::names::as_written(name)),
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn items(text: &str, mode: Mode) -> Vec<Item> {
        let dict = Dictionary::parse(crate::BUILTIN_DICTIONARY, Path::new("builtin")).unwrap();
        let n = Norm::new(text);
        read_sentence(&n, 0, n.len(), &dict, &Patterns::new(), mode)
    }

    #[test]
    fn nameless_segments_attach_to_the_item_before() {
        let it = items(
            "2025年全省地区生产总值60199.45亿元、增长5%，社会消费品零售总额增长4.4%。",
            Mode::Outcomes,
        );
        assert_eq!(it.len(), 2);
        assert_eq!(it[0].figs.len(), 2);
        let n = Norm::new("2025年全省地区生产总值60199.45亿元、增长5%，");
        assert_eq!(
            n.text(it[0].start, it[0].end),
            "2025年全省地区生产总值60199.45亿元、增长5%"
        );
    }

    #[test]
    fn a_subject_clause_lends_its_name() {
        let it = items(
            "全区一般公共预算收入交出了高分答卷，同比增长82.9%，总量完成31.65亿元，位列全市第3。",
            Mode::Outcomes,
        );
        assert_eq!(it.len(), 2);
        assert!(it.iter().all(|i| i.indicator == "general_budget_revenue"));
        assert_eq!(it[1].figs[0].measure, Measure::Level);
    }

    #[test]
    fn from_to_keeps_the_end_value() {
        let it = items("年末城镇调查失业率从上半年5.5%降到5.3%。", Mode::Outcomes);
        assert_eq!(it[0].figs.len(), 1);
        assert_eq!(it[0].figs[0].value, Some(5.3));
    }
}
