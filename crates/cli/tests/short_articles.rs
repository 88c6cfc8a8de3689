//! Short two-part articles wrapped in boilerplate (issue 22), end to end: `baogao run` crawls
//! a generated site of four layouts (aggregator, government portal, old GBK table layout, news
//! portal with spam and comment forms; `crates/fetch/tests/support/short_sites.rs`) over
//! loopback HTTP, and every article becomes exactly one document holding the report text of
//! both its parts, in order, with the page's own date, title and breadcrumb.

#[path = "../../fetch/tests/support/short_sites.rs"]
mod short_sites;
mod support;

use std::collections::BTreeMap;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

use baogao_model::Document;
use short_sites::{Layout, ShortSite};

/// 31 articles, as in the report of issue 22.
const PER_LAYOUT: [usize; 4] = [8, 8, 8, 7];

/// Serves `site` on 127.0.0.1; returns the base URL.
fn serve(site: Arc<ShortSite>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let site = site.clone();
            std::thread::spawn(move || {
                let _ = answer(stream, &site);
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

fn answer(mut stream: TcpStream, site: &ShortSite) -> std::io::Result<()> {
    let Some(path) = support::request_path(&mut stream)? else {
        return Ok(());
    };
    let (status, ct, body): (&str, &str, Vec<u8>) = match site.get(&path) {
        Some((ct, b)) => ("200 OK", ct, b.to_vec()),
        None => (
            "404 Not Found",
            "text/html",
            b"<html>not found</html>".to_vec(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)?;
    stream.flush()
}

/// What NFKC does to the generated text: full-width ASCII forms become ASCII.
fn nfkc_ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

#[test]
fn every_short_two_part_article_becomes_one_document_with_both_parts() {
    let site = Arc::new(ShortSite::generate(22, PER_LAYOUT));
    let base = serve(site.clone());
    let dir = tempfile::tempdir().expect("tempdir");
    let seeds: Vec<String> = ShortSite::seeds()
        .iter()
        .map(|p| format!("\"{base}{p}\""))
        .collect();
    let follow: Vec<String> = ShortSite::FOLLOW
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect();
    let config = dir.path().join("baogao.toml");
    std::fs::write(
        &config,
        format!(
            "[pipeline]\noutput = \"out\"\n\n[fetch]\nseeds = [{}]\nfollow = [{}]\nmax_depth = 4\n\
             per_host_rate = 500.0\nburst = 20\nconcurrency = 4\nrespect_robots = false\n\
             user_agent = \"baogao-test (+mailto:test@example.org)\"\n",
            seeds.join(", "),
            follow.join(", ")
        ),
    )
    .expect("write config");
    let out = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    assert!(
        out.status.success(),
        "baogao run failed ({}):\n{}{}",
        out.status,
        support::text(&out.stdout),
        support::text(&out.stderr)
    );
    let root = dir.path().join("out");

    let mut docs: Vec<Document> = Vec::new();
    baogao_write::scan::<Document>(&root, |rows| {
        docs.extend(rows);
        Ok(())
    })
    .expect("read documents");
    let mut by_url: BTreeMap<&str, Vec<&Document>> = BTreeMap::new();
    for d in &docs {
        by_url.entry(d.url.as_str()).or_default().push(d);
    }
    for a in &site.articles {
        let url = format!("{base}{}", a.paths[0]);
        let found = by_url.get(url.as_str()).map_or(0, Vec::len);
        assert_eq!(
            found,
            1,
            "{:?} `{url}`: {found} documents; documents: {:?}",
            a.layout,
            by_url.keys().collect::<Vec<_>>()
        );
        let doc = by_url[url.as_str()][0];
        // the report text of both parts, in order
        let mut from = 0;
        for (k, part) in a.gold.iter().enumerate() {
            for para in part {
                let want = nfkc_ascii(para);
                let at = doc.text[from..].find(&want).unwrap_or_else(|| {
                    panic!(
                        "{:?} `{url}`: part {} lacks {want:?}\ntext:\n{}",
                        a.layout,
                        k + 1,
                        doc.text
                    )
                });
                from += at + want.len();
            }
        }
        assert!(doc.flags.iter().any(|f| f == "multi_part"), "{url}");
        // the page's own metadata
        let (y, m, d) = a.date;
        assert_eq!(
            doc.published,
            chrono::NaiveDate::from_ymd_opt(y, m, d),
            "{:?} `{url}`: published",
            a.layout
        );
        let title = doc.title.as_deref().unwrap_or_default();
        assert!(
            title.contains(&a.region),
            "{:?} `{url}`: title {title:?}",
            a.layout
        );
        if matches!(a.layout, Layout::Portal | Layout::Aggregator) {
            let crumb = doc.breadcrumb.as_deref().unwrap_or_default();
            assert!(
                crumb.starts_with("首页 > ") && crumb.ends_with("政府工作报告"),
                "{:?} `{url}`: breadcrumb {crumb:?}",
                a.layout
            );
        }
    }
    assert_eq!(docs.len(), site.articles.len(), "one document per article");

    // The listing pages are listings (their links were followed: every article was found).
    let kinds: BTreeMap<String, String> = support::committed_pages(&root).into_iter().collect();
    for layout in Layout::ALL {
        for p in layout.listings() {
            let url = baogao_fetch::normalize_str(&format!("{base}{p}")).expect("url");
            assert_eq!(
                kinds.get(&url).map(String::as_str),
                Some("listing"),
                "{url}"
            );
        }
    }
}
