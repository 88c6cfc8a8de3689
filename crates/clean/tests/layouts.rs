//! Small layout variations written for the cleaner (no gold files: the
//! expected text is the paragraphs put in).

use baogao_clean::{CleanRules, clean_html};

const P: &str = "各位代表，过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，全年地区生产总值增长5.2%。";
const OUT: &str = "各位代表,过去一年,我们坚持稳中求进工作总基调,经济运行总体平稳、稳中有进,全年地区生产总值增长5.2%。";

fn clean(html: &str) -> baogao_model::Document {
    clean_html("u", html, &CleanRules::default())
}

fn paras(n: usize) -> String {
    format!("<p>{P}</p>").repeat(n)
}

#[test]
fn table_layout_without_class_names_and_a_news_column() {
    let news: String = (0..6)
        .map(|i| format!("<tr><td><a href=/n{i}>新闻标题{i}</a><br>这是第{i}条新闻的摘要，介绍了某项工作的进展情况。</td></tr>"))
        .collect::<Vec<_>>()
        .concat();
    let doc = clean(&format!(
        "<html><head><title>某县政府工作报告</title></head><body><table><tr><td width=200><table>{news}</table></td>\
         <td><h2>某县政府工作报告</h2>{}</td></tr></table></body></html>",
        paras(4)
    ));
    assert_eq!(doc.text, [OUT; 4].join("\n"));
    assert_eq!(doc.title.as_deref(), Some("某县政府工作报告"));
}

#[test]
fn br_text_with_a_data_table_and_an_end_mark() {
    let doc = clean(&format!(
        "<body><div id=artContent>　　{P}<br>　　{P}<br><table><tr><td>指标</td><td>目标</td></tr>\
         <tr><td>GDP</td><td>5%</td></tr></table>　　{P}<br>（完）</div><div class=footer>版权所有</div></body>"
    ));
    assert_eq!(
        doc.text,
        format!("{OUT}\n{OUT}\n指标\t目标\nGDP\t5%\n{OUT}")
    );
    assert_eq!(doc.flags, ["table_text"]);
}

#[test]
fn paragraphs_directly_under_body() {
    let doc = clean(&format!(
        "<body><div><a href=/>首页</a> | <a href=/a>新闻</a></div><h1>某市政府工作报告</h1><div>发布时间：2023-02-01</div>\
         {}<div>Copyright 2023 某市 版权所有</div></body>",
        paras(3)
    ));
    assert_eq!(doc.text, [OUT; 3].join("\n"));
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2023-02-01")
    );
}

#[test]
fn photo_caption_and_summary_box_go() {
    let doc = clean(&format!(
        "<body><div class=article><div class=summary>摘要：报告总结了过去一年的工作，部署了今年的任务。</div>\
         <div class=article-body><p style='text-align:center'><img src=a.jpg></p>\
         <p style='text-align:center'>图为会议现场。记者 王某 摄</p>{}</div></div></body>",
        paras(2)
    ));
    assert_eq!(doc.text, [OUT; 2].join("\n"));
}

#[test]
fn html5_article_with_header_sections_and_footer() {
    let doc = clean(&format!(
        "<body><header><a href=/>某市人民政府</a></header><article><header><h1>某市政府工作报告</h1><time datetime=2023-03-01>3月1日</time></header>\
         <section><h2>一、回顾</h2>{p}</section><section><h2>二、安排</h2>{p}</section><footer>责任编辑：某某</footer></article>\
         <aside>{p}</aside></body>",
        p = paras(3)
    ));
    assert_eq!(
        doc.text,
        format!("一、回顾\n{o}\n二、安排\n{o}", o = [OUT; 3].join("\n"))
    );
    assert_eq!(doc.title.as_deref(), Some("某市政府工作报告"));
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2023-03-01")
    );
}

#[test]
fn mobile_page_with_class_named_title() {
    let doc = clean(&format!(
        "<body><div class=m-header>某县人民政府</div><div class=m-article><div class=m-title>某县政府工作报告</div>\
         <div class=m-time>2023-01-05 10:00</div><div class=m-con>{}</div><div class=m-share>分享</div></div>\
         <div class=m-list><a href=1>推荐阅读一，精彩内容，不容错过</a><a href=2>推荐阅读二</a></div></body>",
        paras(3)
    ));
    assert_eq!(doc.text, [OUT; 3].join("\n"));
    assert_eq!(doc.title.as_deref(), Some("某县政府工作报告"));
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2023-01-05")
    );
}

#[test]
fn full_width_digits_and_em_spaces() {
    let doc = clean(
        "<body><div class=content><p><span>　　</span><span>２０２３</span><span>年全市地区生产总值增长</span>\
         <b>６．５</b><span>％</span><span>，</span><span>&emsp;</span><span>好于预期。</span></p></div></body>",
    );
    assert_eq!(doc.text, "2023年全市地区生产总值增长6.5%, 好于预期。");
}

#[test]
fn legitimate_mentions_of_macao_lottery_and_entertainment_stay() {
    let text = "深化粤港澳合作，推动与香港、澳门在金融、文化娱乐、体育等领域合作，福利彩票和体育彩票销售稳定增长。";
    let doc = clean(&format!(
        "<body><div class=content><p>{text}</p><p>【专栏1】2023年十大民生实事：新建学校10所，新增养老床位500张。</p></div></body>"
    ));
    assert!(!doc.spam_removed);
    assert_eq!(doc.text.lines().count(), 2);
    assert!(
        doc.text
            .starts_with("深化粤港澳合作,推动与香港、澳门在金融、文化娱乐、体育等领域合作")
    );
}

#[test]
fn headings_between_sibling_content_blocks_are_kept() {
    let doc = clean(&format!(
        "<body><div class=wrap><div class=meta-line>来源：某市政府办</div><h3>一、2022年工作回顾</h3><div>{p}</div>\
         <h3>二、2023年工作安排</h3><div>{p}</div><div class=share><a href=#>微信</a></div></div></body>",
        p = paras(3)
    ));
    let o = [OUT; 3].join("\n");
    assert_eq!(
        doc.text,
        format!("一、2022年工作回顾\n{o}\n二、2023年工作安排\n{o}")
    );
}

#[test]
fn unequal_sibling_blocks_keep_their_headings() {
    let doc = clean(&format!(
        "<body><div class=wrap><div class=meta-line>来源：某市政府办</div><h3>一、2022年工作回顾</h3><div>{}</div>\
         <h3>二、2023年工作安排</h3><div>{}</div><div class=share><a href=#>微信</a></div></div></body>",
        paras(5),
        paras(2)
    ));
    assert_eq!(
        doc.text,
        format!(
            "一、2022年工作回顾\n{}\n二、2023年工作安排\n{}",
            [OUT; 5].join("\n"),
            [OUT; 2].join("\n")
        )
    );
}
