//! Hostile input: arbitrary bytes, absurd nesting, unclosed tags. The cleaner
//! must not panic, must not overflow the stack and must finish quickly.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use baogao_clean::{CleanRules, clean_html};
use baogao_model::PAGE_BREAK;
use proptest::prelude::*;

fn timed(html: &str) -> (baogao_model::Document, Duration) {
    let t = Instant::now();
    let doc = clean_html("u", html, &CleanRules::default());
    (doc, t.elapsed())
}

/// Generous for unoptimised test builds on a slow machine; release builds are far faster.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn hundred_thousand_nested_divs() {
    let n = 100_000;
    let html = format!(
        "<html><body>{}各位代表，经济增长百分之五。{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let (doc, took) = timed(&html);
    assert!(took < LIMIT, "{took:?}");
    assert!(doc.text.contains("经济增长"), "{}", doc.text);
}

#[test]
fn hundred_thousand_unclosed_divs_and_spans() {
    let html = format!("<body>{}正文，内容。", "<div><span>".repeat(50_000));
    let (_, took) = timed(&html);
    assert!(took < LIMIT, "{took:?}");
}

#[test]
fn ten_thousand_unclosed_paragraphs() {
    let html = format!(
        "<body><div class=content>{}</div>",
        "<p>各位代表，这是一段没有闭合的段落。".repeat(10_000)
    );
    let (doc, took) = timed(&html);
    assert!(took < LIMIT, "{took:?}");
    assert_eq!(doc.text.lines().count(), 10_000);
}

#[test]
fn deeply_nested_inline_formatting() {
    let html = format!("<body><p>{}增长7%以上，</p>", "<font><b><i>".repeat(20_000));
    let (doc, took) = timed(&html);
    assert!(took < LIMIT, "{took:?}");
    assert_eq!(doc.text, "增长7%以上,");
}

#[test]
fn formatting_left_open_across_thousands_of_paragraphs() {
    // Every paragraph reopens the fonts the earlier ones left open (the
    // standard's reconstruction); the depth cap bounds how many there are.
    let mut html = String::new();
    for k in 0..5_000 {
        write!(html, "<p><font id=f{k} color=red>第{k}段，内容。").unwrap();
    }
    let (doc, took) = timed(&format!("<body><div class=content>{html}</div>"));
    assert!(took < LIMIT, "{took:?}");
    assert_eq!(doc.text.lines().count(), 5_000);
}

#[test]
fn nested_tables() {
    let html = format!(
        "<body>{}正文，内容，段落。",
        "<table><tr><td>".repeat(5_000)
    );
    let (_, took) = timed(&html);
    assert!(took < LIMIT, "{took:?}");
}

#[test]
fn many_page_breaks() {
    let part = "<html><body><div class=content><p>一段正文，没有结束</p></div></body></html>";
    let html = vec![part; 500].join(PAGE_BREAK);
    let (doc, took) = timed(&html);
    assert!(took < LIMIT, "{took:?}");
    assert_eq!(doc.text.lines().count(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let html = String::from_utf8_lossy(&bytes);
        let doc = clean_html("u", &html, &CleanRules::default());
        prop_assert!(doc.text.lines().all(|l| l == l.trim() && !l.is_empty()));
    }

    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("<div>"), Just("</div>"), Just("<p>"), Just("</p>"), Just("<table>"), Just("<tr>"), Just("<td>"),
        Just("</td>"), Just("<br>"), Just("<a href=x>"), Just("</a>"), Just("<span>"), Just("<script>"),
        Just("</script>"), Just("<style>"), Just("<div style='display:none'>"), Just("<!--"), Just("-->"),
        Just("各位代表，"), Just("增长7%以上。"), Just("【澳门葡京】"), Just("<!-- baogao:page-break -->"),
        Just("&nbsp;"), Just("　　"), Just("\n"), Just("<li>"), Just("<h1>"), Just("</h1>"), Just("<title>"),
    ], 0..400)) {
        let html: String = parts.concat();
        let doc = clean_html("u", &html, &CleanRules::default());
        prop_assert!(!doc.text.contains("葡京"));
        prop_assert!(doc.text.lines().all(|l| !l.is_empty()));
    }
}

/// A page larger than the cleaner reads (a dump served as HTML with
/// `max_body_size` raised): its start is cleaned, the document is flagged
/// `truncated`, and the text holds nothing from beyond the cap.
#[test]
fn a_huge_page_is_read_up_to_the_cap() {
    let para = "<p>今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%。</p>\n";
    let mut html = String::from("<html><body>");
    while html.len() < baogao_clean::MAX_PART_BYTES + 1024 {
        html.push_str(para);
    }
    html.push_str("<p>THE-END-BEYOND-THE-CAP。</p></body></html>");
    let doc = clean_html("u", &html, &CleanRules::default());
    assert!(
        doc.flags.iter().any(|f| f == "truncated"),
        "{:?}",
        doc.flags
    );
    assert!(doc.text.starts_with("今年全省经济社会发展的主要预期目标是"));
    assert!(!doc.text.contains("THE-END"));
    // a page within the cap is not flagged
    let small = clean_html(
        "u",
        &format!("<html><body>{para}</body></html>"),
        &CleanRules::default(),
    );
    assert!(!small.flags.iter().any(|f| f == "truncated"));
}
