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
