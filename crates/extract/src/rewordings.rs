//! The full reports of `fixtures/dev` rewritten the ways other reports
//! introduce and lay out the year's targets: each must still read to the
//! same targets. A rule that holds only for the introduction these ten
//! reports happen to use fails here.

use std::path::Path;

use baogao_model::Document;

use crate::eval::read_gold_set;
use crate::variations::{ex, value_keys};

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

/// How reports introduce the year's targets, written for this test (`全省`
/// is the reporting government's own word in a provincial report). `今年，`
/// opens the list's own sentence, so it stays one sentence.
const LEADS: &[&str] = &[
    "今年经济社会发展的主要目标是：",
    "新的一年，我们要努力实现以下目标：",
    "今年，",
    "今年经济社会发展的总体目标是：",
    "今年全省经济社会发展的目标任务是：",
    "综合考虑各方面因素，今年主要预期目标建议如下：",
    "主要预期目标：",
    "今年要力争实现以下目标：",
    "今年主要预期目标——",
    "对于今年的发展目标，报告提出：",
];

/// How the list after the introduction is laid out: as written, one item a
/// line after a dash, numbered lines, or clauses joined by commas.
#[derive(Clone, Copy, Debug)]
enum Layout {
    AsWritten,
    Dashes,
    Numbered,
    Commas,
}

/// `text` with the introduction of the targets paragraph (the paragraph of
/// the first gold clause, up to its last colon, from the sentence that holds
/// it) replaced by `lead` and the list up to its first 。 laid out as
/// `layout`; `None` if the paragraph has no such introduction.
fn rewrite(text: &str, clauses: &[String], lead: &str, layout: Layout) -> Option<String> {
    let first = clauses.iter().filter_map(|c| text.find(c.as_str())).min()?;
    let ps = text[..first].rfind('\n').map_or(0, |k| k + 1);
    let pe = text[first..].find('\n').map_or(text.len(), |k| first + k);
    let head = &text[ps..first];
    let colon = head.rfind('：')?;
    if !head[..colon].contains("目标") {
        return None;
    }
    let from = head[..colon].rfind('。').map_or(0, |k| k + '。'.len_utf8());
    let body = &text[ps + colon + '：'.len_utf8()..pe];
    let (list, rest) = body.split_at(body.find('。').unwrap_or(body.len()));
    let items: Vec<&str> = list.split('；').filter(|s| !s.is_empty()).collect();
    let last = items.len().saturating_sub(1);
    let lines = |mark: &dyn Fn(usize) -> String| -> String {
        let mut out = String::new();
        for (i, it) in items.iter().enumerate() {
            out.push('\n');
            out.push_str(&mark(i));
            out.push_str(it);
            out.push(if i == last { '。' } else { '；' });
        }
        let rest = rest.trim_start_matches('。');
        if !rest.is_empty() {
            out.push('\n');
            out.push_str(rest);
        }
        out
    };
    let body = match layout {
        Layout::AsWritten => body.to_owned(),
        Layout::Dashes => lines(&|_| "——".to_owned()),
        Layout::Numbered => lines(&|i| format!("{}.", i + 1)),
        Layout::Commas => format!("{}{rest}", items.join("，")),
    };
    Some(format!("{}{lead}{body}{}", &text[..ps + from], &text[pe..]))
}

#[test]
fn full_reports_read_the_same_under_other_introductions_and_layouts() {
    let dev = Path::new(FIX);
    let set = read_gold_set(&dev.join("dev/gold"), &dev.join("dev/reports")).unwrap();
    assert_eq!(set.len(), 10);
    let mut failures = Vec::new();
    for (doc, clauses) in &set {
        let want = value_keys(&ex().extract(doc).targets);
        for lead in LEADS {
            for layout in [
                Layout::AsWritten,
                Layout::Dashes,
                Layout::Numbered,
                Layout::Commas,
            ] {
                // (a lead that opens the list's sentence is not a heading
                // over lines)
                if lead.ends_with('，') && matches!(layout, Layout::Dashes | Layout::Numbered) {
                    continue;
                }
                let text = rewrite(&doc.text, clauses, lead, layout)
                    .unwrap_or_else(|| panic!("{}: no introduction to rewrite", doc.url));
                let rewritten = Document {
                    text,
                    ..doc.clone()
                };
                let got = value_keys(&ex().extract(&rewritten).targets);
                if got != want {
                    failures.push(format!(
                        "{} with «{lead}» {layout:?}: {} of {} targets read alike",
                        doc.url,
                        got.iter().filter(|k| want.contains(k)).count(),
                        want.len()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_rewrite_replaces_the_introduction_and_lays_out_the_list() {
    let text = "过去一年成绩显著。\n总体要求是稳中求进。今年的主要预期目标是：生产总值增长5%左右；城镇新增就业5万人。其他。\n下一段。";
    let clauses = vec!["生产总值增长5%左右".to_owned()];
    assert_eq!(
        rewrite(text, &clauses, "今年，", Layout::Dashes).unwrap(),
        "过去一年成绩显著。\n总体要求是稳中求进。今年，\n——生产总值增长5%左右；\n——城镇新增就业5万人。\n其他。\n下一段。"
    );
    assert_eq!(
        rewrite(text, &clauses, "", Layout::Commas).unwrap(),
        "过去一年成绩显著。\n总体要求是稳中求进。生产总值增长5%左右，城镇新增就业5万人。其他。\n下一段。"
    );
    assert!(rewrite("生产总值增长5%左右。", &clauses, "", Layout::AsWritten).is_none());
}

/// Look-alike paragraphs, written for this test, that full reports hold
/// beside their targets: last year's targets and results, the five-year
/// plan's goals, the nation's targets quoted, a work section's aims.
const LOOKALIKES: &[&str] = &[
    "去年年初确定的主要预期目标是：全省地区生产总值增长6.5%左右，城镇新增就业45万人，居民消费价格涨幅3%左右。",
    "2025年，全省经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长4%。",
    "“十五五”时期的主要目标是：到2030年，全省地区生产总值年均增长5.5%左右，城镇调查失业率控制在5.5%以内，研发经费投入强度达到3%。",
    "到2030年，全省地区生产总值突破8万亿元，人均地区生产总值达到12万元以上。",
    "初步核算，全年地区生产总值增长6.3%，城镇新增就业48.6万人，居民消费价格上涨0.4%。",
    "国家确定的今年经济增长预期目标为5%左右，城镇调查失业率5.5%左右。",
    "今年全省将实施省重点项目1500个以上，力争完成投资8000亿元，新增规模以上工业企业1000家。",
];

#[test]
fn full_reports_keep_their_targets_beside_look_alike_paragraphs() {
    let dev = Path::new(FIX);
    let set = read_gold_set(&dev.join("dev/gold"), &dev.join("dev/reports")).unwrap();
    let mut failures = Vec::new();
    for (doc, clauses) in &set {
        let want = value_keys(&ex().extract(doc).targets);
        let first = clauses
            .iter()
            .filter_map(|c| doc.text.find(c.as_str()))
            .min()
            .expect("the gold clauses are in the text");
        let targets_para = doc.text[..first].rfind('\n').map_or(0, |k| k + 1);
        let after_it = doc.text[first..]
            .find('\n')
            .map_or(doc.text.len(), |k| first + k + 1);
        let opening = doc
            .text
            .match_indices('\n')
            .nth(2)
            .map_or(0, |(k, _)| k + 1);
        for para in LOOKALIKES {
            for (place, at) in [
                ("in the opening", opening),
                ("before the targets", targets_para),
                ("after the targets", after_it),
            ] {
                let text = format!("{}{para}\n{}", &doc.text[..at], &doc.text[at..]);
                let inserted = Document {
                    text,
                    ..doc.clone()
                };
                let got = value_keys(&ex().extract(&inserted).targets);
                if got != want {
                    let extra: Vec<&String> = got.iter().filter(|k| !want.contains(k)).collect();
                    failures.push(format!("{} with «{para}» {place}: {extra:?}", doc.url));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
