//! Whose targets a paragraph of a news item states: a round-up of several
//! places' reports (各地相继公布今年经济增长目标) gives each place a paragraph
//! of its own, opened by the place's full name (临汾市2020年主要预期目标：…;
//! 在4月11日召开的通辽市人大五届三次会议上，…).

use rustc_hash::FxHashMap as HashMap;

use baogao_regions::{Division, Divisions, Resolution};

use crate::norm::Norm;

/// How far (in chars) into a paragraph's first sentence the place it
/// speaks of is looked for.
const OWNER_REACH: usize = 40;

/// The longest heading (in chars) whose place the paragraph under it
/// speaks of.
const HEADING_MAX: usize = 24;

/// The chars a division's full name ends in.
const DIVISION_SUFFIXES: &str = "省市县区州盟旗";

/// The full name of another place than `own` (the reporting government)
/// that the sentence `t` opens with, when it names one: a place that is
/// neither `own`, nor above it (its province or city), nor below it.
/// `None` when the reporting government is unknown.
pub(super) fn another_place(t: &str, own: Option<&Division>) -> Option<String> {
    let own = own?;
    let divisions = Divisions::builtin();
    let (byte_start, _) = t.char_indices().nth(OWNER_REACH).unwrap_or((t.len(), ' '));
    for (i, _) in t[..byte_start].char_indices() {
        let Some(len) = divisions.name_at_start(&t[i..]) else {
            continue;
        };
        let surface = &t[i..i + len];
        if surface.chars().count() < 3 || !surface.ends_with(|c| DIVISION_SUFFIXES.contains(c)) {
            continue;
        }
        let Resolution::Found(d) = divisions.resolve(surface, None, None) else {
            continue;
        };
        return (!related(own, d)).then(|| d.name.clone());
    }
    None
}

/// The other place a paragraph speaks of, read from the paragraph alone:
/// the place its first sentence opens with ([`another_place`]), a round-up's
/// place named short before a colon (山东：山东今年的目标是…), or a province
/// named short at its start ([`another_province_short`]).
pub(super) fn paragraph_place(para: &str, own: Option<&Division>) -> Option<String> {
    let own = own?;
    another_place(para.split('。').next().unwrap_or(""), Some(own))
        .or_else(|| {
            short_place_before_colon(para)
                .filter(|d| !related(own, d))
                .map(|d| d.name.clone())
        })
        .or_else(|| another_province_short(para, own))
}

/// Another province than `own`'s, named short at the very start of a
/// paragraph that never names `own` (上海则继续淡化增长速度，…天津提出今年…,
/// after the lead place's paragraph: a round-up names provinces so).
fn another_province_short(para: &str, own: &Division) -> Option<String> {
    let divisions = Divisions::builtin();
    let len = divisions.name_at_start(para)?;
    let Resolution::Found(d) = divisions.resolve(&para[..len], None, None) else {
        return None;
    };
    // (own's name's first two chars: 北京 of 北京市, 内蒙 of 内蒙古自治区, 杭州 of 杭州市)
    let own_short: String = own.name.chars().take(2).collect();
    (d.level == baogao_regions::Level::Province && !related(own, d) && !para.contains(&own_short))
        .then(|| d.name.clone())
}

/// The place a round-up's heading names short before a colon (南阳：地区
/// 生产总值增长8.5%以上).
fn short_place_before_colon(t: &str) -> Option<&'static Division> {
    let (k, _) = t
        .char_indices()
        .take(4)
        .find(|&(_, c)| matches!(c, '：' | ':'))?;
    let head = &t[..k];
    let divisions = Divisions::builtin();
    if !(2..=3).contains(&head.chars().count()) || divisions.name_at_start(head) != Some(head.len())
    {
        return None;
    }
    match divisions.resolve(head, None, None) {
        Resolution::Found(d) => Some(d),
        _ => None,
    }
}

/// The place each paragraph of a news item opens with when it is another
/// than the reporting government ([`another_place`] of its first sentence),
/// read once a paragraph.
pub(super) struct Paragraphs<'a> {
    n: &'a Norm,
    paras: &'a [(usize, usize)],
    /// The reporting government (none in a full report, which speaks for
    /// itself, or when it is unknown: nothing is another's).
    own: Option<&'static Division>,
    read: HashMap<usize, Option<String>>,
}

impl<'a> Paragraphs<'a> {
    pub(super) fn new(
        n: &'a Norm,
        paras: &'a [(usize, usize)],
        own: Option<&'static Division>,
    ) -> Self {
        Paragraphs {
            n,
            paras,
            own,
            read: HashMap::default(),
        }
    }

    /// The other place paragraph `pi` speaks of, if it does: the place it
    /// opens with, or the one of the heading right above it (南阳：地区生产
    /// 总值增长8.5%以上 over 在1月20日开幕的市五届人大五次会议上，…).
    pub(super) fn another(&mut self, pi: usize) -> Option<String> {
        let own = self.own?;
        let (n, paras) = (self.n, self.paras);
        // (only a heading of a round-up's form: a headline that opens with
        // another place's full name heads the speaker's own story)
        let heading_place = |k: usize| {
            let (s, e) = paras[k];
            let heading = n.text(s, e);
            if heading.chars().nth(HEADING_MAX).is_some() || heading.contains('。') {
                return None;
            }
            short_place_before_colon(heading)
                .filter(|d| !related(own, d))
                .map(|d| d.name.clone())
        };
        self.read
            .entry(pi)
            .or_insert_with(|| {
                heading_place(pi)
                    .or_else(|| pi.checked_sub(1).and_then(heading_place))
                    .or_else(|| {
                        let (s, e) = paras[pi];
                        let para = n.text(s, e);
                        another_place(para.split('。').next().unwrap_or(""), Some(own))
                            .or_else(|| another_province_short(para, own))
                    })
            })
            .clone()
    }
}

/// Whether `a` and `b` are one place, or one lies within the other.
fn related(a: &Division, b: &Division) -> bool {
    let within = |x: &Division, y: &Division| {
        x.province == y.name || x.prefecture.as_deref() == Some(y.name.as_str())
    };
    a.code == b.code || within(a, b) || within(b, a)
}

#[cfg(test)]
mod tests {
    use baogao_regions::{Divisions, Resolution};

    use super::another_place;

    #[test]
    fn another_place_is_named_only_when_unrelated() {
        let Resolution::Found(hz) = Divisions::builtin().resolve("杭州市", None, None) else {
            panic!("杭州市 is in the gazetteer");
        };
        let hz = Some(hz);
        assert_eq!(
            another_place("临汾市2020年主要预期目标：全市地区生产总值增长6.1%左右", hz),
            Some("临汾市".to_owned())
        );
        assert_eq!(
            another_place("其中，在4月11日召开的通辽市人大五届三次会议上，市政府…", hz),
            Some("通辽市".to_owned())
        );
        // the province above, a district below, the place itself
        assert_eq!(another_place("浙江省今年的目标是…", hz), None);
        assert_eq!(another_place("西湖区今年的目标是…", hz), None);
        assert_eq!(another_place("杭州市今年的目标是…", hz), None);
        // no region read: nothing is another's
        assert_eq!(another_place("临汾市2020年主要预期目标", None), None);
    }
}
