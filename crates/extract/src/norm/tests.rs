//! Tests of the normaliser.

use super::*;

#[test]
fn a_forums_jammer_is_dropped_and_rows_of_figures_are_kept() {
    let n = Norm::new(
        "●力争全市地区生产总值增长14%以上7 M& T\" a+ {* Q3 b( I7\n4 o* d, v6 G: p ●财政总收入增长18%以上",
    );
    assert_eq!(
        n.joined,
        "●力争全市地区生产总值增长14%以上\n●财政总收入增长18%以上"
    );
    // offsets still point into the original
    let at = n.joined.chars().position(|c| c == '财').expect("char");
    assert_eq!(n.orig_text(at, at + 1), "财");
    // a row of figures, row numbers, a Latin name are text
    for kept in ["增长 8% 7% 6% 5%", "1 2 3 4 5", "A B C D", "CPI 3% GDP 5%"] {
        assert_eq!(
            Norm::new(kept)
                .joined
                .chars()
                .filter(char::is_ascii_graphic)
                .count(),
            kept.chars().filter(char::is_ascii_graphic).count(),
            "{kept}"
        );
    }
}

#[test]
fn list_markers_of_every_kind_and_what_is_none() {
    let len = |t: &str| {
        let c: Vec<char> = t.chars().collect();
        list_marker_len(&c, 0, c.len())
    };
    assert_eq!(len("●生产总值增长5%"), 1);
    assert_eq!(len("——城镇新增就业10万人"), 2);
    assert_eq!(len("①居民消费价格涨幅3%"), 1);
    assert_eq!(len("6.完成国家下达的目标"), 2);
    assert_eq!(len("12、粮食产量"), 3);
    assert_eq!(len("六是完成节能任务"), 2);
    assert_eq!(len("三、主要目标"), 2);
    // an opening quote the text does not close, a bullet before it
    assert_eq!(len("●“生产总值增长6%"), 2);
    assert_eq!(len("“十五五”规划"), 0);
    assert_eq!(len("【今年目标】经济增长5%左右"), 6);
    // a figure is no item number
    assert_eq!(len("6.5%左右"), 0);
    assert_eq!(len("生产总值增长5%"), 0);
    assert_eq!(len("十年"), 0);
}

#[test]
fn a_lost_nei_with_its_garbled_gloss() {
    let n = Norm::new("控制在4.5%以?xún)，");
    assert_eq!(n.text(0, n.len()), "控制在4.5%以内，");
    // a question mark elsewhere stays
    assert_eq!(Norm::new("以?").text(0, 2), "以？");
    // the original text keeps the remnant
    let n = Norm::new("以?xún)，");
    assert_eq!(n.orig_text(0, 2), "以?xún)");
}

#[test]
fn a_name_keeps_its_trailing_gloss() {
    let n = Norm::new("城鎮(zhèn)新增就業(yè)70萬(wàn)人");
    assert_eq!(n.text(0, 6), "城镇新增就业");
    assert_eq!(n.orig_text(0, 6), "城鎮(zhèn)新增就業(yè)");
    // at the very end of the text
    let n = Norm::new("就業(yè)");
    assert_eq!(n.orig_text(0, 2), "就業(yè)");
}

#[test]
fn offsets_survive_spaces_and_full_width() {
    let t = "增长 ６.５ ％左右，地區生產總值";
    let n = Norm::new(t);
    let s: String = n.chars.iter().collect();
    assert_eq!(s, "增长6.5%左右，地区生产总值");
    assert_eq!(n.orig_text(0, 6), "增长 ６.５ ％");
}

#[test]
fn pinyin_glosses_are_dropped_and_offsets_kept() {
    let t = "地區(qū)生產(chǎn)總值增長（zhǎng）8%，目标(a)";
    let n = Norm::new(t);
    let s: String = n.chars.iter().collect();
    assert_eq!(s, "地区生产总值增长8%，目标（a）");
    assert_eq!(n.orig_text(0, 6), "地區(qū)生產(chǎn)總值");
}

#[test]
fn target_glue_between_name_and_figure_is_read_through() {
    let t = "生產總值增長的預期目標為9%、生产总值目标为增长10%左右。主要预期目标为：";
    let s: String = Norm::new(t).chars.iter().collect();
    assert_eq!(s, "生产总值增长9%、生产总值增长10%左右。主要预期目标为：");
}

#[test]
fn a_circle_zero_among_arabic_digits_is_a_zero() {
    let n = Norm::new("进出口总额增长2〇%，新增就业2〇〇〇人，二〇一〇年，〇八");
    let s: String = n.chars.iter().collect();
    assert_eq!(s, "进出口总额增长20%，新增就业2000人，2010年，〇八");
    assert_eq!(n.orig_text(7, 10), "2〇%");
}

#[test]
fn digit_full_stop_glyphs_read_as_a_decimal_point() {
    let n = Norm::new("控制在⒋2以内");
    let s: String = n.chars.iter().collect();
    assert_eq!(s, "控制在4.2以内");
    assert_eq!(n.orig_text(3, 6), "⒋2");
}

#[test]
fn traditional_chars_outside_the_fixture_table_are_converted() {
    let s: String = Norm::new("糧食總產量穩定在歷史高位，鞏固")
        .chars
        .iter()
        .collect();
    assert_eq!(s, "粮食总产量稳定在历史高位，巩固");
}

#[test]
fn thousands_comma_is_kept_and_clause_comma_widened() {
    let n = Norm::new("1,300万吨,增长5%");
    let s: String = n.chars.iter().collect();
    assert_eq!(s, "1,300万吨，增长5%");
}

/// A hard-wrapped page's breaks inside a paragraph are dropped; a
/// break before an item, after a sentence, or in a text whose lines are
/// items of all lengths stays.
#[test]
fn a_hard_wrapped_paragraph_reads_as_one_line() {
    let text = "今年全省经济社会发展的主要预期目标是：地区生产\n总值增长5%-5.5%，规模以上工业增加值增长\n7.3%以上，固定资产投资增长3.5%左右，社\n会消费品零售总额增长4.5%以上，城镇、农村居\n民人均可支配收入分别增长4.5%。\n一、扎实推进科技创新和产业创新融合发展工作\n";
    let n = Norm::new(text);
    let lines: Vec<&str> = n.joined.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("地区生产总值增长5%-5.5%"), "{}", lines[0]);
    assert!(lines[0].contains("增长7.3%以上"), "{}", lines[0]);
    // every char still maps back to the original
    let k = n
        .joined
        .find("总值")
        .map(|b| n.joined[..b].chars().count())
        .unwrap();
    assert_eq!(n.orig_text(k - 4, k + 2), "地区生产\n总值");
    // items one a line, of all lengths, are no wrap
    let items = "2020年成就:\n实现生产总值2.62万亿元,增长2.2%\n城乡居民人均可支配收入分别增长4.9%和8%\n固定资产投资增长4.1%\n规上工业增加值增长1%\n进出口总额增长7.3%\n城镇新增就业43.2万人\n减免税费650亿元以上\n";
    assert_eq!(
        Norm::new(items).joined.lines().count(),
        items.lines().count()
    );
    // nor is a list one item a line of like lengths, most ending on a figure
    let list = "今年全县主要预期目标\n地区生产总值增长8%左右\n一般公共预算收入增长7%\n固定资产投资增长12%\n社会消费品零售总额增长10%\n城镇新增就业5000人\n城镇登记失业率控制在4%以内\n";
    assert_eq!(Norm::new(list).joined.lines().count(), list.lines().count());
}

/// A page's footer of addresses, licence numbers and links (lines of
/// their own lengths, not ending a sentence) does not hide the wrap of
/// the prose above it.
#[test]
fn a_footer_does_not_hide_the_wrap() {
    let text = "上海市第十五届人民代表大会第三次会议今天上午开幕。上海市市长应勇作《政府\n工作报告》。\n应勇说,综合各方面因素,建议今年全市经济社会发展的主要预期目标是:全市生\n产总值增长6%左右,地方一般公共预算收入与上年基本持平,全社会研发经费支\n出相当于全市生产总值的比例保持在4%左右,城镇调查失业率、城镇登记失业率\n分别为4.8%左右和4.3%左右,居民人均可支配收入增长与经济增长基本同\n步,居民消费价格涨幅3%左右,环保投入相当于全市生产总值的比例保持在3%\n左右,单位生产总值能耗、主要污染物排放量继续下降。\n编辑:上海在线 shzx.com\n+版权所有 Copyright ©2003-2024 上海远方信息 上海\n在线 shzx.com All Rights Reserved. 网络作\n品传播权及著作权声明+ 媒体合作(发稿采访发布会等)电话:021-341\n21912 微信:yuanfangnet QQ:156988883\n沪公网安备 31011202002854号\n工信部ICP备案号:沪ICP备17046604号-10";
    let n = Norm::new(text);
    assert!(n.joined.contains("全市生产总值增长6%左右"), "{}", n.joined);
    assert!(n.joined.contains("研发经费支出相当于"), "{}", n.joined);
}

/// A space left as an entity is a space: it does not part a figure from
/// its qualifier.
#[test]
fn space_entities_are_spaces() {
    let text = "地区生产总值增长8%&nbsp;左右，收入增长6%&#160;以上";
    let n = Norm::new(text);
    assert_eq!(n.joined, "地区生产总值增长8%左右，收入增长6%以上");
    let k = n.joined.chars().position(|c| c == '左').unwrap();
    assert_eq!(n.orig_text(k - 2, k + 2), "8%&nbsp;左右");
}

#[test]
fn a_full_stop_between_digits_is_a_decimal_point_a_mirror_converted() {
    let n = Norm::new("城镇登记失业率4。6%以内。年均增长20。9%；2008。12月");
    assert_eq!(
        n.joined,
        "城镇登记失业率4.6%以内。年均增长20.9%；2008。12月"
    );
    // offsets still point into the original
    let at = n
        .joined
        .chars()
        .position(|c| c == '.')
        .expect("a decimal point");
    assert_eq!(n.orig_text(at, at + 1), "。");
}

/// The bullets' count and range the one-pass bullet reader relies on.
#[test]
fn bullets_lie_in_the_range_the_reader_scans() {
    use super::split::{BULLET_COUNT, BULLETS};
    assert_eq!(BULLETS.chars().count(), BULLET_COUNT);
    assert!(
        BULLETS
            .chars()
            .all(|b| ('\u{2022}'..='\u{2605}').contains(&b))
    );
}

#[test]
fn invisible_chars_are_dropped_and_offsets_kept() {
    let src = "地区生产总值增长7\u{200b}.5%左\u{200c}右，城镇新增就业\u{feff}15\u{2060}万人，失业率控制在5.5%以\u{200d}内";
    let n = Norm::new(src);
    assert_eq!(
        n.joined,
        "地区生产总值增长7.5%左右，城镇新增就业15万人，失业率控制在5.5%以内"
    );
    let at = n.joined.chars().position(|c| c == '万').expect("char");
    assert_eq!(n.orig_text(at, at + 1), "万");
    assert_eq!(n.orig_text(0, n.chars.len()), src);
}

#[test]
fn footnote_markers_are_dropped_and_list_numbers_kept() {
    for (src, joined) in [
        ("单位地区生产总值能耗①下降2%", "单位地区生产总值能耗下降2%"),
        ("地区生产总值*增长7.5%左右", "地区生产总值增长7.5%左右"),
        (
            "城镇居民人均可支配收入[注1]增长8%",
            "城镇居民人均可支配收入增长8%",
        ),
        (
            "能耗※下降3%，研发投入强度²达到2.5%",
            "能耗下降3%，研发投入强度达到2.5%",
        ),
    ] {
        let n = Norm::new(src);
        assert_eq!(n.joined, joined);
        assert_eq!(n.orig_text(0, n.chars.len()), src);
    }
    // a list's numbers are no footnotes
    let n = Norm::new("主要预期目标是①地区生产总值增长8%②财政收入增长9%");
    assert!(n.joined.contains('②'), "{}", n.joined);
    assert!(n.joined.contains('①'), "{}", n.joined);
}

#[test]
fn years_in_chinese_digits_read_as_numbers_and_map_back() {
    let text = "二〇二五年主要目标，二0一0年，一九九八年，二零二四年；十二五年，二〇二五";
    let n = Norm::new(text);
    assert_eq!(
        n.text(0, n.len()),
        "2025年主要目标，2010年，1998年，2024年；十二五年，二〇二五"
    );
    // each digit maps back to its char as written
    let (s, e) = n.orig_range(0, 5);
    assert_eq!((s, e), (0, 5));
    assert_eq!(n.orig_text(0, 5), "二〇二五年");
    // a name normalised for the dictionary is left as written
    assert_eq!(super::normalise("二〇二五年"), "二〇二五年");
}
