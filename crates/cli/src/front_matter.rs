//! The front matter `baogao clean` writes before a page's text and
//! `baogao extract` reads back: the fields of the document the pipeline hands
//! the extractor besides the text (url, title, date, breadcrumb), so that a
//! page cleaned into a file and extracted from it gives the region, level and
//! year the pipeline gives for the page.
//!
//! ```text
//! ---
//! url: "http://www.example.gov.cn/zfgzbg/2024.html"
//! title: "长治市2024年政府工作报告"
//! date: 2024-02-01
//! breadcrumb: "首页 > 政务公开 > 政府工作报告"
//! ---
//! 各位代表：…
//! ```
//!
//! Strings are written as JSON strings, so a quote or a line break in a title
//! survives the trip (and the block reads as YAML in other tools). The text
//! follows the closing `---` as the document holds it, plus a line break.

use std::io::{self, Write};

use anyhow::{Context, Result, bail};
use baogao_model::{Document, doc_id};
use chrono::NaiveDate;

const FENCE: &str = "---";

/// Writes `doc` as front matter and text.
pub(crate) fn write(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "{FENCE}")?;
    writeln!(out, "url: {}", quoted(&doc.url))?;
    if let Some(title) = &doc.title {
        writeln!(out, "title: {}", quoted(title))?;
    }
    if let Some(date) = doc.published {
        writeln!(out, "date: {}", date.format("%Y-%m-%d"))?;
    }
    if let Some(breadcrumb) = &doc.breadcrumb {
        writeln!(out, "breadcrumb: {}", quoted(breadcrumb))?;
    }
    writeln!(out, "{FENCE}")?;
    writeln!(out, "{}", doc.text)
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// The document of a text file `source` (`text` its decoded content) that
/// opens with a front matter, or `None` when it does not (the text is then
/// the whole file). A block that is front matter but has a bad value is an
/// error naming the file and the line.
pub(crate) fn read(source: &str, text: &str) -> Result<Option<Document>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(trim_eol) != Some(FENCE) {
        return Ok(None);
    }
    let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut fields = Vec::new();
    let mut closed = false;
    for (n, line) in lines.enumerate() {
        offset += line.len();
        let line = trim_eol(line);
        if line == FENCE {
            closed = true;
            break;
        }
        // `key: value`, keys in lower case: anything else means the file
        // merely opens with a `---` rule
        let Some((key, value)) = line.split_once(':') else {
            return Ok(None);
        };
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Ok(None);
        }
        fields.push((n + 2, key, value.trim()));
    }
    if !closed {
        return Ok(None);
    }
    let mut body = &text[offset..];
    body = body
        .strip_suffix("\r\n")
        .or_else(|| body.strip_suffix('\n'))
        .unwrap_or(body);
    let mut doc = Document::from_text(source, body);
    for (line, key, value) in fields {
        let at = || format!("`{source}`, line {line}: front matter `{key}`");
        match key {
            "url" => {
                doc.url = string(value).with_context(at)?;
                doc.doc_id = doc_id(&doc.url);
            }
            "title" => doc.title = Some(string(value).with_context(at)?),
            "breadcrumb" => doc.breadcrumb = Some(string(value).with_context(at)?),
            "date" => {
                doc.published = Some(
                    NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .with_context(|| format!("`{value}` is not a date (YYYY-MM-DD)"))
                        .with_context(at)?,
                );
            }
            // written by a later version: not needed to read the text
            _ => {}
        }
    }
    Ok(Some(doc))
}

fn trim_eol(line: &str) -> &str {
    line.trim_end_matches('\n').trim_end_matches('\r')
}

/// A JSON string, or a bare value as it stands.
fn string(value: &str) -> Result<String> {
    if value.starts_with('"') {
        return serde_json::from_str(value).context("not a valid quoted string");
    }
    if value.is_empty() {
        bail!("no value");
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let mut d = Document::from_text("http://x.gov.cn/a.html", "第一段\n第二段：\"引号\"");
        d.title = Some("长治市2024年\"政府\"工作报告".into());
        d.published = NaiveDate::from_ymd_opt(2024, 2, 1);
        d.breadcrumb = Some("首页 > 政府工作报告".into());
        d
    }

    #[test]
    fn what_is_written_reads_back_as_the_same_document() {
        let mut out = Vec::new();
        write(&mut out, &doc()).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            text.starts_with("---\nurl: \"http://x.gov.cn/a.html\"\n"),
            "{text}"
        );
        let back = read("f.txt", &text).expect("read").expect("front matter");
        assert_eq!(back, doc());
        // Windows line ends, a byte-order mark
        let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let back = read("f.txt", &crlf).expect("read").expect("front matter");
        assert_eq!(back.title, doc().title);
        assert_eq!(back.published, doc().published);
    }

    #[test]
    fn a_text_that_merely_opens_with_a_rule_is_text() {
        for text in ["---\n各位代表：\n---\n正文", "---\nno end", "正文\n---\n"] {
            assert_eq!(read("f.txt", text).expect("read"), None, "{text:?}");
        }
    }

    #[test]
    fn a_bad_date_names_the_file_and_line() {
        let err =
            read("f.txt", "---\nurl: \"u\"\ndate: 2024-13-01\n---\n正文\n").expect_err("bad date");
        let msg = format!("{err:#}");
        assert!(msg.contains("`f.txt`, line 3"), "{msg}");
        assert!(msg.contains("2024-13-01"), "{msg}");
    }
}
