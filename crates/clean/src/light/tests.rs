//! The light parser held to html5ever: the same flattened walk, or the page handed over.

use super::{newlines, parse};
use crate::dom::{Flat, Tok, flatten, flatten_events};
use std::borrow::Cow;
use std::fmt::Write as _;

/// Everything of a flattened walk the cleaner reads, with adjacent
/// texts merged (html5ever makes one text node of what a comment
/// or an entity would split here).
fn signature(flat: &Flat<'_>, full: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut text = String::new();
    for tok in &flat.toks {
        match tok {
            Tok::Text(s) => text.push_str(s),
            Tok::Open(i) | Tok::Close(i) => {
                if !text.is_empty() {
                    out.push(format!("{text:?}"));
                    text.clear();
                }
                let e = &flat.els[*i as usize];
                let mut line = String::new();
                if matches!(tok, Tok::Open(_)) && !full {
                    let _ = write!(
                        line,
                        "<{i} {:?} parent={} rm={}>",
                        e.kind, e.parent, e.removed
                    );
                } else if matches!(tok, Tok::Open(_)) {
                    let _ = write!(
                        line,
                        "<{i} {:?} parent={} rm={} neg={} pos={} t={} inneg={} table={} pre={} own={}/{}/{} tot={}/{}>",
                        e.kind,
                        e.parent,
                        e.removed,
                        e.negative,
                        e.positive,
                        e.title_only,
                        e.in_negative,
                        e.table,
                        e.pre,
                        e.own_chars,
                        e.own_link,
                        e.own_punct,
                        e.tot_chars,
                        e.tot_link
                    );
                } else {
                    let _ = write!(line, "</{i}>");
                }
                out.push(line);
            }
        }
    }
    if !text.is_empty() {
        out.push(format!("{text:?}"));
    }
    let mut tables: Vec<_> = flat
        .tables
        .iter()
        .map(|(k, t)| format!("{k}:{t:?}"))
        .collect();
    tables.sort();
    out.push(format!(
        "title={:?} metas={:?} cands={:?} body={} tables={tables:?}",
        flat.title_tag, flat.metas, flat.title_candidates, flat.body
    ));
    out
}

/// Whether the light parser took `html`; panics when it did and its walk
/// differs from html5ever's.
fn agrees(name: &str, html: &str) -> bool {
    let html = newlines(html);
    let Some(events) = parse(&html) else {
        return false;
    };
    let doc = scraper::Html::parse_document(&html);
    let (theirs, ours) = (flatten(&doc, &[], &[]), flatten_events(&events));
    for full in [false, true] {
        let (theirs, ours) = (signature(&theirs, full), signature(&ours, full));
        differ(name, &theirs, &ours);
    }
    true
}

fn differ(name: &str, theirs: &[String], ours: &[String]) {
    if theirs != ours {
        let at = theirs
            .iter()
            .zip(ours)
            .position(|(a, b)| a != b)
            .unwrap_or(theirs.len().min(ours.len()));
        let from = at.saturating_sub(3);
        panic!(
            "{name}: the light walk differs from html5ever's at step {at}\nhtml5ever: {:#?}\nlight:     {:#?}",
            &theirs[from..(at + 3).min(theirs.len())],
            &ours[from..(at + 3).min(ours.len())]
        );
    }
}

fn fixture_pages() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
    let mut out = Vec::new();
    let mut dirs = vec![
        std::path::PathBuf::from(root).join("site"),
        std::path::PathBuf::from(root).join("pages"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let bytes = std::fs::read(&path).unwrap();
                let text = match String::from_utf8(bytes.clone()) {
                    Ok(s) => s,
                    Err(_) => encoding_rs::GBK.decode(&bytes).0.into_owned(),
                };
                out.push((path.display().to_string(), text));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn fixture_pages_take_the_light_path_and_walk_as_html5ever_does() {
    let pages = fixture_pages();
    assert!(pages.len() >= 20, "{} fixture pages", pages.len());
    let mut left = Vec::new();
    for (name, html) in &pages {
        if !agrees(name, html) {
            left.push(name.clone());
        }
    }
    // Every layout of the sample site and the cleaner's fixtures is simple
    // enough; a page left to html5ever here is a rule gone missing.
    assert!(left.is_empty(), "left to html5ever: {left:?}");
}

#[test]
fn awkward_markup_walks_as_html5ever_does_or_is_left_to_it() {
    let cases: &[(&str, &str, bool)] = &[
        ("implied everything", "text only", true),
        ("empty", "", true),
        ("bom", "\u{feff}<p>x", true),
        (
            "head text",
            "<html><head><title>T&amp;U</title>  <meta name=a content=b> x<p>y",
            true,
        ),
        (
            "after head ws",
            "<html><head></head>\n<body><p>a</p></body></html>\n",
            true,
        ),
        (
            "after body",
            "<body><div>a</div></body>\n<p>after</p></html> tail",
            true,
        ),
        (
            "unclosed p",
            "<p>one<p>two<div>three</div><p>four<ul><li>a<li>b</ul>",
            true,
        ),
        ("stray p end", "<div>a</p>b</div>", true),
        ("headings", "<h1>a<h2>b</h1>c<p>d<h3>e</h3>", true),
        (
            "lists",
            "<ul><li>a<div>x</div><li>b<ol><li>c</ol></ul><dl><dt>t<dd>d<dt>u</dl>",
            true,
        ),
        (
            "list stops at special",
            "<li>a<section><li>b</section>",
            true,
        ),
        (
            "pre newline",
            "<pre>\nline1\nline2</pre><listing>\n\nx</listing>",
            true,
        ),
        ("pre entity newline", "<pre>&#10;a</pre>", true),
        ("tables", "<table><tr><td>a<td>b<tr><th>c</table><p>d", true),
        (
            "table sections",
            "<table><thead><tr><td>h</thead><tbody><tr><td>x</td></tr></tbody></table>",
            true,
        ),
        (
            "cell closes",
            "<table><tr><td><div><p>a</td><td><span>b</tr></table>",
            true,
        ),
        (
            "nested table",
            "<table><tr><td><table><tr><td>in</table>out</td></tr></table>",
            true,
        ),
        (
            "table ws",
            "<table>\n <tr>\n  <td>a</td>\n </tr>\n</table>",
            true,
        ),
        (
            "table script",
            "<table><script>x</script><tr><td>a</td></tr></table>",
            true,
        ),
        (
            "table form",
            "<table><form><tr><td><input name=q></td></tr></form></table>",
            true,
        ),
        (
            "table hidden input",
            "<table><input type=Hidden name=x><tr><td>a</table>",
            true,
        ),
        (
            "stray end tags in table",
            "<table><tr><td>a</td></font></span></div></tr></table>",
            true,
        ),
        ("stray cells", "<div><td>x</td><tr>y</tr></div>", true),
        (
            "formatting nested well",
            "<p><b><i>a</i></b><font color=red>c</font></p>",
            true,
        ),
        ("formatting end stray", "<p>a</b>b</font></p>", true),
        (
            "formatting closed by block end",
            "<div><font>a</div>b",
            true,
        ),
        ("formatting misnested", "<b><i>a</b>b</i>", true),
        ("formatting over p", "<p><b>a</p><p>b</b></p>", true),
        ("a in a", "<a href=1>a<a href=2>b</a>", false),
        (
            "reconstructed with attributes",
            "<p><font color=red size=3>a</p><p>b<p><i>c</i></font>d",
            true,
        ),
        (
            "noah's ark",
            "<p><b>1<b>2<b>3<b>4</p><p>x<b class=a>5<b class='a'>6</p>y",
            true,
        ),
        ("furthest block", "<b>a<div>b</b>c</div>", false),
        ("foster text", "<table>text<tr><td>a</table>", false),
        ("foster element", "<table><div>x</div></table>", false),
        ("table in p", "<p>a<table><tr><td>b</table>", false),
        ("select", "<p>a<select><option>a<option>b</select>c", true),
        (
            "select groups",
            "<select><optgroup><option>a<optgroup>b<option>c</option></optgroup><hr><p>x</p></select>y",
            true,
        ),
        ("select nested", "<select><option>a<select>b<option>c", true),
        (
            "select input",
            "<select><option>a<input name=q>b<textarea>t</textarea>",
            true,
        ),
        (
            "select in table",
            "<table><tr><td><select><option>a<td>b<select><option>c</table>d",
            true,
        ),
        (
            "select end tags in table",
            "<table><tr><td><select><option>a</th></tr></table>b",
            true,
        ),
        (
            "select script",
            "<select><script>x</script><option>a</option><b>z</b></select>",
            true,
        ),
        (
            "option outside select",
            "<div><option>a<option>b<optgroup>c</div>",
            true,
        ),
        (
            "entities",
            "<p>a&nbsp;b&lt;c&#19979;&#x4e00;&ldquo;d&rdquo; & e &#38;</p>",
            true,
        ),
        ("unknown entity", "<p>&notin; &copy</p>", false),
        ("entity in class", "<div class='a&amp;b'>x</div>", false),
        ("entity in href", "<a href='?a=1&amp;b=2'>x</a>", true),
        ("comments", "<p>a<!-- x -->b<!---->c<!-->d<!--->e</p>", true),
        ("bad comment end", "<p>a<!-- x --!> b</p>", false),
        (
            "bogus comments",
            "<p><![if !supportLists]>1.<![endif]>a<?xml x?>b</ p>c</p>",
            true,
        ),
        (
            "doctype",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"><P>a",
            true,
        ),
        (
            "attributes",
            "<div class=\"a>b\" id='x' data-x= y hidden=>t</div><p/class=c>u",
            true,
        ),
        (
            "attr no space",
            "<div class=\"a\"id=b style=display:none>t</div>",
            true,
        ),
        ("dup attr", "<div class=nav class=content>t</div>", true),
        (
            "uppercase",
            "<DIV CLASS=Content><P>One<BR>two</P></DIV>",
            true,
        ),
        (
            "unknown tags",
            "<o:p>a</o:p><custom-el>b</custom-el><X>c</x>",
            true,
        ),
        (
            "raw text",
            "<script>if(a<b)document.write('</div>')</script><style>p{}</style><p>t",
            true,
        ),
        ("script comment", "<script><!-- x --></script><p>a", true),
        (
            "script double escaped",
            "<script><!-- document.write('<script>x</script>') --></script><p>a",
            false,
        ),
        ("textarea", "<textarea>\n<p>not a tag</textarea>x", true),
        ("title in body", "<body><title>A &amp; B</title><p>x", true),
        (
            "noscript",
            "<body><noscript><p>js off</p></noscript><p>x",
            true,
        ),
        ("iframe", "<iframe><p>no</p></iframe>x", true),
        ("xmp", "<p>a<xmp><b>raw</b></xmp>", true),
        (
            "forms",
            "<form><form><p>x</form></form><form>y</div></form>",
            true,
        ),
        (
            "form closed by div",
            "<div><form>x</div>y</form>z<form>w</form>",
            true,
        ),
        ("hr br", "<p>a<hr>b</br>c<img src=x><wbr>", true),
        ("second body", "<body><div>a</div><body><p>b", true),
        ("second body attrs", "<body><body class=x>", false),
        ("button", "<button>a<button>b", false),
        ("lt text", "a < b <3 and <", true),
        ("end tag attrs", "<div>a</div class='>'>b", true),
        ("empty end tag", "<p>a</>b", true),
        ("eof in tag", "<p>a<div class='x", false),
        ("eof in end tag", "<p>a</p", false),
        ("eof in raw end tag", "<p>a<script>x</script y='", false),
        ("eof after end tag open", "<p>a</", true),
        ("eof in doctype", "<!DOCTYPE html", false),
        (
            "quoted gt in a raw end tag",
            "<title>t</title x='>'>a<p>b",
            true,
        ),
        (
            "header nav footer",
            "<header>h</header><nav><a href=/>n</a></nav><main><p>m</p></main><footer>f</footer>",
            true,
        ),
        (
            "time meta",
            "<time datetime=2024-01-02>x</time><meta property=og:title content=T>",
            true,
        ),
        (
            "after head meta",
            "<html><head></head><meta name=a content=b><body>x",
            false,
        ),
        ("frameset", "<frameset><frame src=a></frameset>", false),
        ("nul", "<p>a\0b</p>", false),
        (
            "newer blocks",
            "<p>a<search>b</search><p>c<dialog>d</dialog><p>e<menuitem>f",
            true,
        ),
        (
            "main details",
            "<p>a<main>b<details><summary>s</summary>c</details></main>",
            true,
        ),
    ];
    for (name, html, light) in cases {
        assert_eq!(agrees(name, html), *light, "{name}: light path taken?");
    }
}

#[test]
fn newlines_are_normalised() {
    assert_eq!(newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    assert!(matches!(newlines("a\nb"), Cow::Borrowed(_)));
}

/// Pieces of markup that meet in every order: implied ends, scopes,
/// tables, formatting elements, head and body.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<div class=content>",
    "<table>",
    "</table>",
    "<tbody>",
    "</tbody>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "<b>",
    "</b>",
    "<font color=red>",
    "</font>",
    "<a href=x>",
    "</a>",
    "<a name=y>",
    "<ul>",
    "</ul>",
    "<li>",
    "</li>",
    "<dl>",
    "<dt>",
    "<dd>",
    "</dl>",
    "<br>",
    "</br>",
    "<span>",
    "</span>",
    "<h2>",
    "</h2>",
    "<h3>",
    "<pre>",
    "</pre>",
    "<form>",
    "</form>",
    "<hr>",
    "<i>",
    "</i>",
    "<center>",
    "</center>",
    "<section>",
    "</section>",
    "<o:p>",
    "</o:p>",
    "<script>x<y</script>",
    "<style>p{}</style>",
    "<title>t</title>",
    "<meta name=a content=b>",
    "<head>",
    "</head>",
    "<body>",
    "</body>",
    "<html>",
    "</html>",
    "<!-- c -->",
    "<img src=i>",
    "<nav>",
    "</nav>",
    "<input type=hidden>",
    "<em>",
    "</em>",
    "<strong>",
    "</strong>",
    "<thead>",
    "<tfoot>",
    "<caption>",
    "<select>",
    "<option>",
    "<b class=a>",
    "<font size=2 color=red>",
    "</select>",
    "<optgroup>",
    "</option>",
    "<button>",
    "<textarea>a</textarea>",
    "文字，",
    "text",
    " ",
    "\n",
    "&nbsp;",
    "&amp;",
    "&foo;",
    "<",
    "a < b",
    "</x>",
    "<x>",
];

#[test]
fn any_mix_of_common_markup_walks_as_html5ever_does_or_is_left_to_it() {
    // xorshift: the same 20,000 documents every run
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let (mut light, total) = (0usize, 20_000usize);
    for _ in 0..total {
        let len = (next() % 40) as usize;
        let html: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        light += usize::from(agrees(&html, &html));
    }
    // Enough of them take the light path for the comparison to mean something.
    assert!(light * 5 > total, "{light} of {total} took the light path");
}

#[test]
fn pages_deeper_than_the_depth_cap_are_handed_over() {
    let max = crate::depth::MAX_DEPTH as usize;
    let nested = |n: usize| {
        format!(
            "<body>{}<p>deep text</p>{}<p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    };
    // within the cap: the light path, as html5ever walks it
    assert!(agrees("nested within the cap", &nested(max - 10)));
    // past it: left to html5ever, which gets the page capped
    assert!(parse(&nested(max + 50)).is_none());
    // formatting elements left open are reopened in every paragraph, onto
    // the stack: the cap bounds them too (distinct attributes defeat Noah's
    // ark)
    let fonts = |n: usize| {
        let mut s = String::from("<body>");
        for i in 0..n {
            write!(s, "<p><font size={i}>{i}</p>").unwrap();
        }
        s + "<p>a<p>b"
    };
    let many = fonts(max + 50);
    assert!(parse(&many).is_none());
    assert!(agrees("fonts within the cap", &fonts(40)));
}
