//! A generated report site: N article pages in the layouts of `fixtures/site`.
//!
//! Every article is a copy of one of the five sample articles (two page
//! templates, GBK and UTF-8, one to three parts named `ID.html`, `ID_2.html`
//! …) under a new id, with its links pointing at other generated articles
//! instead of the sample's, and the last digit of half the numbers of its
//! text redrawn (not years, not single digits) so that no two articles are
//! byte-identical. Listing pages of 50 articles and a home page linking the
//! listings make the site crawlable from `/`; `robots.txt` is the sample's,
//! without its sitemap line.
//!
//! The same `(pages, seed)` always gives the same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use encoding_rs::{GBK, UTF_8};
use regex::Regex;

/// Articles per listing page.
pub const LISTING_SIZE: usize = 50;

/// First id of the generated articles.
const FIRST_ID: u64 = 100_000;

/// Share of numbers in the text whose last digit is redrawn, in 1/256.
const DIGIT_FLIP: u64 = 128;

/// One of the sample articles, as a template.
struct Template {
    id: &'static str,
    section: &'static str,
    title: &'static str,
    gbk: bool,
    parts: &'static [&'static [u8]],
}

macro_rules! site {
    ($p:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/site/",
            $p
        ))
    };
}

const TEMPLATES: [Template; 5] = [
    Template {
        id: "6731",
        section: "hb",
        title: "(山西省)晋中市太谷区人民政府工作报告(2023年4月10日)",
        gbk: false,
        parts: &[site!("baogao/hb/6731.html")],
    },
    Template {
        id: "5955",
        section: "hb",
        title: "(山西省)长治市人民政府工作报告(2023年3月29日)",
        gbk: true,
        parts: &[
            site!("baogao/hb/5955.html"),
            site!("baogao/hb/5955_2.html"),
            site!("baogao/hb/5955_3.html"),
        ],
    },
    Template {
        id: "7861",
        section: "hb",
        title: "(山西省)吕梁市离石区人民政府工作报告(2023年5月27日)",
        gbk: false,
        parts: &[site!("baogao/hb/7861.html"), site!("baogao/hb/7861_2.html")],
    },
    Template {
        id: "5905",
        section: "huadong",
        title: "2023年无锡市新吴区政府工作报告",
        gbk: false,
        parts: &[site!("baogao/huadong/5905.html")],
    },
    Template {
        id: "6000",
        section: "hb",
        title: "长治市潞州区2023年政府工作报告",
        gbk: false,
        parts: &[site!("baogao/hb/6000.html"), site!("baogao/hb/6000_2.html")],
    },
];

const ROBOTS: &str = "User-agent: *\nDisallow: /e/\nDisallow: /search/\n";

/// One generated file of the site.
#[derive(Debug, Clone)]
pub struct File {
    /// URL path, e.g. `/baogao/hb/100001_2.html`.
    pub path: String,
    /// The bytes served (GBK for the GBK template).
    pub bytes: Vec<u8>,
}

/// One generated article: its parts in order.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: u64,
    /// Index into the five templates (6731, 5955, 7861, 5905, 6000).
    pub template: usize,
    pub gbk: bool,
    pub parts: Vec<File>,
}

impl Article {
    /// The parts decoded to UTF-8 and joined the way the fetcher joins a
    /// multi-page article (`baogao_model::PAGE_BREAK`).
    #[must_use]
    pub fn joined_html(&self) -> String {
        let texts: Vec<String> = self.parts.iter().map(|p| self.decode(&p.bytes)).collect();
        texts.join(baogao_model::PAGE_BREAK)
    }

    /// The bytes of one part as text.
    #[must_use]
    pub fn decode(&self, bytes: &[u8]) -> String {
        let enc = if self.gbk { GBK } else { UTF_8 };
        enc.decode_without_bom_handling(bytes).0.into_owned()
    }

    /// Raw bytes of all parts.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.parts.iter().map(|p| p.bytes.len()).sum()
    }
}

/// A generated site.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Home, listings and `robots.txt`.
    pub other: Vec<File>,
}

/// splitmix64: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn article_url(id: u64, template: usize, part: usize) -> String {
    let sec = TEMPLATES[template].section;
    if part == 0 {
        format!("/baogao/{sec}/{id}.html")
    } else {
        format!("/baogao/{sec}/{id}_{}.html", part + 1)
    }
}

/// Template of the article with this index.
fn template_of(index: usize) -> usize {
    index % TEMPLATES.len()
}

/// Redraws the last digit of half the numbers outside tags, scripts and styles.
fn vary_digits(html: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut skip_until: Option<&str> = None;
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if let Some(end) = skip_until {
            if rest
                .as_bytes()
                .get(..end.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(end.as_bytes()))
            {
                skip_until = None;
            }
        } else if bytes[i] == b'<' {
            in_tag = true;
            let head = |tag: &str| {
                rest.as_bytes()
                    .get(..tag.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(tag.as_bytes()))
            };
            if head("<script") {
                skip_until = Some("</script");
            } else if head("<style") {
                skip_until = Some("</style");
            }
        } else if bytes[i] == b'>' {
            in_tag = false;
        } else if !in_tag && bytes[i].is_ascii_digit() {
            // A run of digits: redraw its last digit, except in single digits
            // (page numbers, list numbers) and years (20xx).
            let len = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let run = &rest[..len];
            out.push_str(&run[..len - 1]);
            let year = len == 4 && run.starts_with("20");
            if len >= 2 && !year && rng.below(256) < DIGIT_FLIP {
                out.push(char::from(b'0' + rng.below(10) as u8));
            } else {
                out.push_str(&run[len - 1..]);
            }
            i += len;
            continue;
        }
        let c = rest.chars().next().expect("in bounds");
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Generates a site with at least `pages` article pages (whole articles, so
/// up to two more).
#[must_use]
pub fn generate(pages: usize, seed: u64) -> Corpus {
    let mut n_articles = 0;
    let mut n_pages = 0;
    while n_pages < pages {
        n_pages += TEMPLATES[template_of(n_articles)].parts.len();
        n_articles += 1;
    }
    let decoded: Vec<Vec<String>> = TEMPLATES
        .iter()
        .map(|t| {
            let enc = if t.gbk { GBK } else { UTF_8 };
            t.parts
                .iter()
                .map(|b| enc.decode_without_bom_handling(b).0.into_owned())
                .collect()
        })
        .collect();
    let link =
        Regex::new(r"(/baogao/(?:hb|huadong)/)?\b(\d{4})((?:_(\d+))?\.html)").expect("regex");
    let aid = Regex::new(r#"(aid=|id=|value=")(\d{4})\b"#).expect("regex");
    let mut rng = Rng(seed ^ 0x6261_6f67_616f);
    let mut articles = Vec::with_capacity(n_articles);
    for index in 0..n_articles {
        let template = template_of(index);
        let t = &TEMPLATES[template];
        let id = FIRST_ID + index as u64;
        let mut parts = Vec::with_capacity(t.parts.len());
        for (k, html) in decoded[template].iter().enumerate() {
            let html = link.replace_all(html, |c: &regex::Captures<'_>| {
                let absolute = c.get(1).is_some();
                if &c[2] == t.id {
                    let part = c
                        .get(4)
                        .and_then(|m| m.as_str().parse::<usize>().ok())
                        .map_or(0, |p| p - 1);
                    let url = article_url(id, template, part);
                    if absolute {
                        url
                    } else {
                        url.rsplit('/').next().unwrap_or_default().to_owned()
                    }
                } else if absolute {
                    // Another report: point at another generated article.
                    let other = rng.below(n_articles as u64) as usize;
                    article_url(FIRST_ID + other as u64, template_of(other), 0)
                } else {
                    c[0].to_owned()
                }
            });
            let html = aid.replace_all(&html, |c: &regex::Captures<'_>| {
                if &c[2] == t.id {
                    format!("{}{id}", &c[1])
                } else {
                    c[0].to_owned()
                }
            });
            let html = vary_digits(&html, &mut rng);
            let bytes = if t.gbk {
                GBK.encode(&html).0.into_owned()
            } else {
                html.into_bytes()
            };
            parts.push(File {
                path: article_url(id, template, k),
                bytes,
            });
        }
        articles.push(Article {
            id,
            template,
            gbk: t.gbk,
            parts,
        });
    }
    let other = site_pages(&articles);
    Corpus { articles, other }
}

fn site_pages(articles: &[Article]) -> Vec<File> {
    let head = |title: &str| {
        format!(
            "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n\
             <title>{title}_博县网</title>\n</head>\n<body>\n<div class=\"header\"><div class=\"navtitle\">导航菜单</div>\
             <ul><li><a href=\"/\">首页</a></li><li><a href=\"/about/\">关于我们</a></li></ul></div>\n<div class=\"main\">\n<h1>{title}</h1>\n"
        )
    };
    let foot = "</div>\n<div class=\"footer\"><a href=\"/sitemap.html\">网站地图</a> | <a href=\"/about/\">关于我们</a><br />\
                Copyright &copy; 2012-2023 博县网 晋ICP备13005689号-1</div>\n</body>\n</html>\n";
    let mut out = Vec::new();
    let mut home = head("政府工作报告");
    home.push_str("<ul class=\"e2\">\n");
    for (k, chunk) in articles.chunks(LISTING_SIZE).enumerate() {
        let mut page = head(&format!("政府工作报告 第{}页", k + 1));
        page.push_str("<div class=\"place\">当前位置：<a href=\"/\">首页</a> &gt; 报告</div>\n<ul class=\"e2\">\n");
        for a in chunk {
            let t = &TEMPLATES[a.template];
            let _ = writeln!(
                page,
                "<li><a href=\"{}\" target=\"_blank\">{}</a><span class=\"date\">2023-01-01</span></li>",
                a.parts[0].path, t.title
            );
        }
        page.push_str("</ul>\n");
        page.push_str(foot);
        let path = format!("/baogao/lists/p{}.html", k + 1);
        let _ = writeln!(home, "<li><a href=\"{path}\">第{}页</a></li>", k + 1);
        out.push(File {
            path,
            bytes: page.into_bytes(),
        });
    }
    home.push_str("</ul>\n");
    home.push_str(foot);
    out.push(File {
        path: "/index.html".to_owned(),
        bytes: home.into_bytes(),
    });
    out.push(File {
        path: "/robots.txt".to_owned(),
        bytes: ROBOTS.as_bytes().to_vec(),
    });
    out
}

impl Corpus {
    /// Article pages (parts).
    #[must_use]
    pub fn pages(&self) -> usize {
        self.articles.iter().map(|a| a.parts.len()).sum()
    }

    /// Bytes of all article pages.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.articles.iter().map(Article::bytes).sum()
    }

    /// Writes the site under `dir` (URL path = file path) and a
    /// `corpus.json` beside it describing the articles.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        let files = self
            .articles
            .iter()
            .flat_map(|a| a.parts.iter())
            .chain(&self.other);
        for f in files {
            let path = dir.join(f.path.trim_start_matches('/'));
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, &f.bytes)?;
        }
        let manifest = serde_json::json!({
            "articles": self.articles.len(),
            "pages": self.pages(),
            "bytes": self.bytes(),
            "gbk_pages": self.articles.iter().filter(|a| a.gbk).map(|a| a.parts.len()).sum::<usize>(),
            "listing_pages": self.other.len() - 2,
            "article_paths": self.articles.iter().map(|a| a.parts.iter().map(|p| p.path.as_str()).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "gbk": self.articles.iter().map(|a| a.gbk).collect::<Vec<_>>(),
        });
        fs::write(
            dir.join("corpus.json"),
            serde_json::to_vec_pretty(&manifest).map_err(std::io::Error::other)?,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_articles_link_each_other_and_keep_their_encoding() {
        let c = generate(20, 1);
        assert!(c.pages() >= 20 && c.pages() <= 22);
        assert_eq!(c.articles.len(), 12);
        let gbk = &c.articles[1];
        assert!(gbk.gbk);
        assert_eq!(gbk.parts.len(), 3);
        assert_eq!(gbk.parts[1].path, "/baogao/hb/100001_2.html");
        let text = gbk.decode(&gbk.parts[1].bytes);
        assert!(text.contains("href='100001_3.html'"), "page bar rewritten");
        // (the analytics snippets' hashes may contain the digits; links may not)
        let left: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("5955.html") || l.contains("5955_"))
            .collect();
        assert!(left.is_empty(), "no sample id left in links: {left:?}");
        assert!(!text.contains("/8001.html"));
        assert!(
            std::str::from_utf8(&gbk.parts[0].bytes).is_err(),
            "GBK bytes"
        );
        // Deterministic, and different from the template.
        assert_eq!(
            generate(20, 1).articles[3].parts[0].bytes,
            c.articles[3].parts[0].bytes
        );
        assert_ne!(c.articles[0].parts[0].bytes, c.articles[5].parts[0].bytes);
    }

    #[test]
    fn digits_in_tags_and_scripts_are_kept() {
        let mut rng = Rng(3);
        let html = "<p style=\"width:100px\">2023年 第1页 11 12 13 14 15 16 17 18 19 20 21 22 23</p><script>var a=123456789;</script>";
        let out = vary_digits(html, &mut rng);
        assert!(out.starts_with("<p style=\"width:100px\">2023年 第1页 "));
        assert!(out.ends_with("<script>var a=123456789;</script>"));
        assert_ne!(out, html);
    }
}
