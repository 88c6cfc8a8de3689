//! A generator of report sites whose articles are short and come in two parts, the way the
//! news summaries and excerpts that carry most reports before 2015 look: 200–800 characters of
//! report text per page, in short paragraphs, wrapped in navigation, related-article lists,
//! hot lists, comment forms and planted spam.
//!
//! Four layouts, each on its own path prefix of one host:
//! - `/agg/`: an aggregator (`/agg/news/5955.html` + `5955_2.html`, page bar 上一页 1 2 下一页,
//!   listings `/agg/news/` and `index_2.html`);
//! - `/gov/`: a government portal on TRS (`t20130125_7950194.htm` + `_1.htm`, the page bar
//!   written by `createPageHTML`, `PubDate` meta, breadcrumb, listings `index.htm` +
//!   `index_1.htm`);
//! - `/old/`: an old table layout in GBK (`content_81929.htm` + `_2.htm`, `<meta charset=gb2312>`
//!   and no charset header, listings `node_12.htm` + `node_12_2.htm`);
//! - `/news/`: a news portal (`art_123_456.html` + `_2.html`) with keyword links in the text,
//!   hidden and visible spam, a comment form and comments, listings `/news/roll/` + `?page=2`.
//!
//! Every article has gold paragraphs: the report text of each part, as written.
//! Deterministic for a seed; no dependency beyond `encoding_rs`.

#![allow(dead_code, unreachable_pub)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Aggregator,
    Portal,
    GbkTable,
    NewsSpam,
}

impl Layout {
    pub const ALL: [Layout; 4] = [
        Layout::Aggregator,
        Layout::Portal,
        Layout::GbkTable,
        Layout::NewsSpam,
    ];

    /// The listing pages of the layout, first the one a crawl starts from.
    pub fn listings(self) -> [&'static str; 2] {
        match self {
            Layout::Aggregator => ["/agg/news/", "/agg/news/index_2.html"],
            Layout::Portal => ["/gov/zwgk/gzbg/", "/gov/zwgk/gzbg/index_1.htm"],
            Layout::GbkTable => ["/old/html/node_12.htm", "/old/html/node_12_2.htm"],
            Layout::NewsSpam => ["/news/roll/", "/news/roll/?page=2"],
        }
    }
}

/// One two-part article.
#[derive(Debug, Clone)]
pub struct Article {
    pub layout: Layout,
    pub title: String,
    pub region: String,
    /// Year, month, day of the report.
    pub date: (i32, u32, u32),
    /// Paths of the first and the second part.
    pub paths: [String; 2],
    /// The report paragraphs of each part (gold), as written.
    pub gold: [Vec<String>; 2],
}

/// A generated site: every page by path (with query), with its content type and bytes.
pub struct ShortSite {
    pub articles: Vec<Article>,
    pages: BTreeMap<String, (&'static str, Vec<u8>)>,
}

/// A small xorshift generator: the site depends on the seed only.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const REGIONS: &[&str] = &[
    "江陵县",
    "石首市",
    "监利县",
    "公安县",
    "松滋市",
    "洪湖市",
    "当阳市",
    "枝江市",
    "远安县",
    "兴山县",
    "秭归县",
    "长阳县",
    "五峰县",
    "宜都市",
    "夷陵区",
    "猇亭区",
    "点军区",
    "伍家岗区",
    "西陵区",
    "南漳县",
    "谷城县",
    "保康县",
    "老河口市",
    "枣阳市",
    "宜城市",
    "襄州区",
    "樊城区",
    "襄城区",
    "京山县",
    "沙洋县",
    "钟祥市",
    "东宝区",
    "掇刀区",
    "孝南区",
    "孝昌县",
    "大悟县",
    "云梦县",
    "应城市",
    "安陆市",
    "汉川市",
];

/// Sentences of the past year's review (part one).
const REVIEW: &[&str] = &[
    "过去一年，面对复杂严峻的宏观环境，全{kind}上下坚持稳中求进工作总基调，经济运行总体平稳。",
    "我们坚持把发展作为第一要务，扎实推进重大项目建设，全年完成固定资产投资{n}亿元。",
    "产业结构不断优化，规模以上工业增加值增长{g}%，农业生产再获丰收。",
    "城乡面貌持续改善，新建和改造农村公路{m}公里，城区道路、供水、污水处理设施逐步完善。",
    "民生保障持续加强，新增城镇就业{j}人，城乡居民医疗保险参保率稳定在95%以上。",
    "改革开放不断深化，行政审批事项精简三分之一，招商引资到位资金{n}亿元。",
    "生态环境明显好转，完成造林{m}万亩，主要污染物排放总量控制在省下达指标以内。",
    "社会事业全面进步，新建中小学校舍{m}所，公共文化服务体系建设加快推进。",
];

/// Sentences of this year's targets and work (part two).
const TARGETS: &[&str] = &[
    "今年经济社会发展的主要预期目标是：地区生产总值增长{g}%左右，一般公共预算收入增长{h}%。",
    "全社会固定资产投资增长{i}%，社会消费品零售总额增长{h}%，城镇新增就业{j}人以上。",
    "城镇常住居民人均可支配收入增长{g}%，农村常住居民人均可支配收入增长{i}%，居民消费价格涨幅控制在3%左右。",
    "单位地区生产总值能耗下降3.5%，粮食产量稳定在{m}万吨以上。",
    "实现上述目标，我们将着力抓好以下几个方面的工作：一是坚持项目带动，增强发展后劲。",
    "二是加快转型升级，壮大实体经济，支持企业技术改造，培育新的经济增长点。",
    "三是统筹城乡发展，推进新型城镇化，加强农田水利建设，促进农民持续增收。",
    "四是保障和改善民生，办好十件民生实事，让改革发展成果更多更公平地惠及全体人民。",
];

fn fill(template: &str, rng: &mut Rng, kind: &str) -> String {
    let mut s = template.replace("{kind}", kind);
    for (key, lo, span) in [
        ("{g}", 6, 6),
        ("{h}", 8, 8),
        ("{i}", 12, 10),
        ("{j}", 2000, 8000),
        ("{m}", 20, 180),
        ("{n}", 30, 400),
    ] {
        while s.contains(key) {
            let v = lo + rng.below(span);
            s = s.replacen(key, &v.to_string(), 1);
        }
    }
    s
}

/// Paragraphs of one part: 200–800 characters of report text, one or two sentences each (so
/// that no paragraph alone is long).
fn part_text(rng: &mut Rng, pool: &[&str], kind: &str, lead: Option<String>) -> Vec<String> {
    let target = 200 + rng.below(500);
    let mut paras: Vec<String> = lead.into_iter().collect();
    let start = rng.below(pool.len());
    let mut k = 0;
    while paras.iter().map(|p| p.chars().count()).sum::<usize>() < target && k < 3 * pool.len() {
        let mut para = fill(pool[(start + k) % pool.len()], rng, kind);
        k += 1;
        if rng.below(3) == 0 {
            para.push_str(&fill(pool[(start + k) % pool.len()], rng, kind));
            k += 1;
        }
        paras.push(para);
    }
    paras
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

impl ShortSite {
    /// A site of `per_layout[k]` articles in layout `Layout::ALL[k]`.
    pub fn generate(seed: u64, per_layout: [usize; 4]) -> ShortSite {
        let mut rng = Rng(seed.max(1) ^ 0x9e37_79b9_7f4a_7c15);
        let mut articles = Vec::new();
        let mut serial = 0usize;
        for (layout, &n) in Layout::ALL.iter().zip(&per_layout) {
            for k in 0..n {
                serial += 1;
                let region = REGIONS[(serial * 7 + rng.below(3)) % REGIONS.len()].to_owned();
                let year = 2008 + (serial % 7) as i32;
                let date = (year, 1 + (k % 2) as u32, 5 + (serial % 20) as u32);
                let kind = if region.ends_with('市') {
                    "市"
                } else if region.ends_with('区') {
                    "区"
                } else {
                    "县"
                };
                let title = format!("{region}{year}年政府工作报告（摘要）");
                let lead = format!(
                    "各位代表：现在，我代表{region}人民政府，向大会报告工作，请予审议，并请{kind}政协委员和其他列席人员提出意见。"
                );
                let part1 = part_text(&mut rng, REVIEW, kind, Some(lead));
                let part2 = part_text(&mut rng, TARGETS, kind, None);
                let id = 5000 + serial * 13;
                let paths = match layout {
                    Layout::Aggregator => [
                        format!("/agg/news/{id}.html"),
                        format!("/agg/news/{id}_2.html"),
                    ],
                    Layout::Portal => {
                        let stem = format!("t{year}{:02}{:02}_{}", date.1, date.2, 7_950_000 + id);
                        let dir = format!("/gov/zwgk/gzbg/{year}{:02}", date.1);
                        [format!("{dir}/{stem}.htm"), format!("{dir}/{stem}_1.htm")]
                    }
                    Layout::GbkTable => [
                        format!("/old/html/{year}/content_{}.htm", 80_000 + id),
                        format!("/old/html/{year}/content_{}_2.htm", 80_000 + id),
                    ],
                    Layout::NewsSpam => {
                        let dir = format!("/news/c/{year}-{:02}-{:02}", date.1, date.2);
                        [
                            format!("{dir}/art_{}_{id}.html", 100 + serial % 5),
                            format!("{dir}/art_{}_{id}_2.html", 100 + serial % 5),
                        ]
                    }
                };
                articles.push(Article {
                    layout: *layout,
                    title,
                    region,
                    date,
                    paths,
                    gold: [part1, part2],
                });
            }
        }
        let mut site = ShortSite {
            articles,
            pages: BTreeMap::new(),
        };
        site.render(&mut rng);
        site
    }

    /// The page at `path` (path and query), with its content type.
    pub fn get(&self, path: &str) -> Option<(&'static str, &[u8])> {
        self.pages.get(path).map(|(ct, b)| (*ct, b.as_slice()))
    }

    /// Every page path.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.pages.keys().map(String::as_str)
    }

    /// The first listing page of each layout: where a crawl starts.
    pub fn seeds() -> Vec<&'static str> {
        Layout::ALL.iter().map(|l| l.listings()[0]).collect()
    }

    /// The `follow` patterns of a crawl of the site.
    pub const FOLLOW: [&'static str; 4] = ["/agg/", "/gov/", "/old/", "/news/"];

    fn of(&self, layout: Layout) -> Vec<&Article> {
        self.articles
            .iter()
            .filter(|a| a.layout == layout)
            .collect()
    }

    fn render(&mut self, rng: &mut Rng) {
        let mut pages = BTreeMap::new();
        for layout in Layout::ALL {
            let arts = self.of(layout);
            let half = arts.len().div_ceil(2);
            for (n, chunk) in [&arts[..half], &arts[half..]].iter().enumerate() {
                let path = layout.listings()[n];
                pages.insert(path.to_owned(), listing(layout, n, chunk, rng));
            }
            for (i, a) in arts.iter().enumerate() {
                let related: Vec<&Article> = (1..=6)
                    .map(|d| arts[(i + d) % arts.len()])
                    .filter(|r| r.paths[0] != a.paths[0])
                    .collect();
                for part in 0..2 {
                    pages.insert(a.paths[part].clone(), article(a, part, &related, rng));
                }
            }
        }
        self.pages = pages;
    }
}

fn ymd(d: (i32, u32, u32)) -> String {
    format!("{}-{:02}-{:02}", d.0, d.1, d.2)
}

fn utf8(html: String) -> (&'static str, Vec<u8>) {
    ("text/html; charset=utf-8", html.into_bytes())
}

/// GBK bytes served as `text/html` without a charset: the page's `<meta>` names it.
fn gbk(html: &str) -> (&'static str, Vec<u8>) {
    let (bytes, _, _) = encoding_rs::GBK.encode(html);
    ("text/html", bytes.into_owned())
}

/// Navigation: many short links to pages outside the crawl.
fn nav(prefix: &str, names: &[&str], repeat: usize) -> String {
    let mut s = String::new();
    for r in 0..repeat {
        for (i, n) in names.iter().enumerate() {
            let _ = write!(
                s,
                "<li><a href=\"/site/{prefix}-{r}-{i}.html\">{n}</a></li>"
            );
        }
    }
    s
}

const NAV: &[&str] = &[
    "首页",
    "新闻中心",
    "政务公开",
    "政府工作报告",
    "规划计划",
    "统计数据",
    "人事信息",
    "财政预决算",
    "招商引资",
    "便民服务",
    "互动交流",
    "专题专栏",
];

fn listing(layout: Layout, n: usize, arts: &[&Article], rng: &mut Rng) -> (&'static str, Vec<u8>) {
    let [first, second] = layout.listings();
    let page_bar = |s: &mut String, other: &str, cur: usize| {
        let _ = write!(
            s,
            "<div class=\"pages\">共2页 <a href=\"{f}\">首页</a> <a href=\"{other}\">{o}</a> <a href=\"{other}\">下一页</a> <a href=\"{sec}\">尾页</a></div>",
            f = first,
            sec = second,
            o = 2 - cur,
        );
    };
    let other = if n == 0 { second } else { first };
    let mut items = String::new();
    match layout {
        Layout::Aggregator => {
            for a in arts {
                let _ = write!(
                    items,
                    "<li><a href=\"{}\" target=\"_blank\">{}</a><span class=\"date\">{}</span></li>",
                    a.paths[0],
                    esc(&a.title),
                    ymd(a.date)
                );
            }
            let mut s = format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府工作报告_报告大全网</title></head><body>\
                 <div class=\"top\"><ul>{}</ul></div><div class=\"list\"><h2>政府工作报告</h2><ul>{items}</ul>",
                nav("agg", NAV, 3)
            );
            page_bar(&mut s, other, n);
            let _ = write!(
                s,
                "</div><div class=\"side\"><h3>热门排行</h3><ul>{}</ul></div><div class=\"footer\">Copyright 报告大全网 版权所有</div></body></html>",
                nav(
                    "agghot",
                    &[
                        "2014年政府工作报告全文",
                        "2013年政府工作报告解读",
                        "历年政府工作报告汇编"
                    ],
                    3
                )
            );
            utf8(s)
        }
        Layout::Portal => {
            for a in arts {
                let rel = a.paths[0].trim_start_matches("/gov/zwgk/gzbg/");
                let _ = write!(
                    items,
                    "<li><span>{}</span><a href=\"./{rel}\" title=\"{t}\">{t}</a></li>",
                    ymd(a.date),
                    t = esc(&a.title)
                );
            }
            let bar = if n == 0 {
                "createPageHTML(2, 0, \"index\", \"htm\");"
            } else {
                "createPageHTML(2, 1, \"index\", \"htm\");"
            };
            utf8(format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府工作报告-某某市人民政府</title>\
                 <meta name=\"ColumnName\" content=\"政府工作报告\"></head><body>\
                 <div class=\"header\"><ul class=\"menu\">{}</ul></div>\
                 <div class=\"position\">当前位置：<a href=\"/site/home.html\">首页</a> &gt; <a href=\"/site/zwgk.html\">政务公开</a> &gt; 政府工作报告</div>\
                 <div class=\"left\"><ul>{}</ul></div><div class=\"right\"><ul class=\"list\">{items}</ul>\
                 <div class=\"page\"><script>{bar}</script></div></div>\
                 <div class=\"footer\">主办：某某市人民政府办公室 网站标识码：4201000001</div></body></html>",
                nav("gov", NAV, 5),
                nav(
                    "govleft",
                    &["政府领导", "机构设置", "政策文件", "政策解读"],
                    2
                ),
            ))
        }
        Layout::GbkTable => {
            for a in arts {
                let _ = write!(
                    items,
                    "<tr><td width=\"5%\">·</td><td><a href=\"{}\">{}</a></td><td width=\"20%\">{}</td></tr>",
                    a.paths[0],
                    esc(&a.title),
                    ymd(a.date)
                );
            }
            let _ = rng.next();
            let mut s = format!(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>政府工作报告</title></head>\
                 <body><table width=\"980\"><tr><td colspan=\"2\">{}</td></tr><tr><td width=\"200\" valign=\"top\">{}</td>\
                 <td valign=\"top\"><table width=\"100%\">{items}</table>",
                nav("oldtop", NAV, 2)
                    .replace("<li>", " ")
                    .replace("</li>", " |"),
                nav("oldleft", &["本站简介", "领导之窗", "县情概况"], 3)
                    .replace("<li>", "<br>")
                    .replace("</li>", ""),
            );
            page_bar(&mut s, other, n);
            s.push_str("</td></tr><tr><td colspan=\"2\">版权所有 某某县人民政府 技术支持：某某网络</td></tr></table></body></html>");
            gbk(&s)
        }
        Layout::NewsSpam => {
            for a in arts {
                let _ = write!(
                    items,
                    "<li><a href=\"{}\">{}</a> <em>{}</em></li>",
                    a.paths[0],
                    esc(&a.title),
                    ymd(a.date)
                );
            }
            let mut s = format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>滚动新闻_某某新闻网</title></head><body>\
                 <div class=\"nav\"><ul>{}</ul></div><div class=\"roll\"><ul>{items}</ul>",
                nav("newsnav", NAV, 3)
            );
            page_bar(&mut s, other, n);
            s.push_str("</div><div style=\"display:none\"><a href=\"http://spam.example/\">博彩娱乐 代开发票</a></div></body></html>");
            utf8(s)
        }
    }
}

fn paragraphs(paras: &[String], keyword_links: bool) -> String {
    let mut s = String::new();
    for p in paras {
        let mut body = esc(p);
        if keyword_links {
            body = body.replacen(
                "政府工作报告",
                "<a href=\"/tag/zfgzbg.html\">政府工作报告</a>",
                1,
            );
            body = body.replacen(
                "地区生产总值",
                "<a href=\"/tag/gdp.html\">地区生产总值</a>",
                1,
            );
        }
        let _ = write!(s, "<p>{body}</p>");
    }
    s
}

fn article(
    a: &Article,
    part: usize,
    related: &[&Article],
    rng: &mut Rng,
) -> (&'static str, Vec<u8>) {
    let [p1, p2] = &a.paths;
    let file = |p: &str| p.rsplit('/').next().unwrap_or_default().to_owned();
    let (f1, f2) = (file(p1), file(p2));
    let body = paragraphs(&a.gold[part], a.layout == Layout::NewsSpam);
    let date = ymd(a.date);
    let title = esc(&a.title);
    let mut rel = String::new();
    for r in related {
        let _ = write!(
            rel,
            "<li><a href=\"{}\">{}</a><span>{}</span></li>",
            r.paths[0],
            esc(&r.title),
            ymd(r.date)
        );
    }
    match a.layout {
        Layout::Aggregator => {
            let bar = if part == 0 {
                format!(
                    "<a href=\"{f1}\">上一页</a> <b>1</b> <a href=\"{f2}\">2</a> <a href=\"{f2}\">下一页</a>"
                )
            } else {
                format!(
                    "<a href=\"{f1}\">上一页</a> <a href=\"{f1}\">1</a> <b>2</b> <a href=\"{f2}\">下一页</a>"
                )
            };
            utf8(format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}_报告大全网</title>\
                 <meta name=\"keywords\" content=\"政府工作报告\"></head><body>\
                 <div class=\"top\"><ul>{nav}</ul><form action=\"/search\"><input name=\"q\"><button>搜索</button></form></div>\
                 <div class=\"crumb\">当前位置：<a href=\"/site/home.html\">首页</a> &gt; <a href=\"/agg/news/\">政府工作报告</a> &gt; 正文</div>\
                 <div class=\"main\"><h1>{title}</h1><div class=\"info\">时间：{date} 来源：网络 作者：佚名</div>\
                 <div class=\"content\">{body}</div><div class=\"pages\">{bar}</div>\
                 <div class=\"related\"><h3>相关文章</h3><ul>{rel}</ul></div></div>\
                 <div class=\"side\"><h3>热门排行</h3><ul>{hot}</ul></div>\
                 <div class=\"footer\"><a href=\"/site/about.html\">关于我们</a> | <a href=\"/site/contact.html\">联系我们</a> Copyright 报告大全网</div></body></html>",
                nav = nav("agg", NAV, 3),
                hot = nav(
                    "agghot",
                    &[
                        "2014年政府工作报告全文",
                        "2013年政府工作报告解读",
                        "历年政府工作报告汇编"
                    ],
                    3
                ),
            ))
        }
        Layout::Portal => {
            let stem = f1.trim_end_matches(".htm");
            utf8(format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}-某某市人民政府</title>\
                 <meta name=\"ArticleTitle\" content=\"{title}\"><meta name=\"PubDate\" content=\"{date} 09:30\">\
                 <meta name=\"ColumnName\" content=\"政府工作报告\"></head><body>\
                 <div class=\"header\"><ul class=\"menu\">{nav}</ul></div>\
                 <div class=\"position\">您当前的位置：<a href=\"/site/home.html\">首页</a> &gt; <a href=\"/site/zwgk.html\">政务公开</a> &gt; <a href=\"/gov/zwgk/gzbg/\">政府工作报告</a></div>\
                 <div class=\"article\"><div class=\"title\">{title}</div>\
                 <div class=\"property\">发布时间：{date} 信息来源：市政府办公室 <a href=\"javascript:window.print()\">打印</a></div>\
                 <div class=\"TRS_Editor\">{body}</div><div id=\"page\"><script>createPageHTML(2, {part}, \"{stem}\", \"htm\");</script></div>\
                 <div class=\"xg\"><h4>相关链接</h4><ul>{rel}</ul></div></div>\
                 <div class=\"footer\">主办：某某市人民政府办公室 网站标识码：4201000001 <a href=\"/site/map.html\">网站地图</a></div></body></html>",
                nav = nav("gov", NAV, 5),
            ))
        }
        Layout::GbkTable => {
            let bar = if part == 0 {
                format!("共2页: [1] <a href=\"{f2}\">[2]</a> <a href=\"{f2}\">下一页</a>")
            } else {
                format!("共2页: <a href=\"{f1}\">上一页</a> <a href=\"{f1}\">[1]</a> [2]")
            };
            let _ = rng.next();
            gbk(&format!(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>{title}</title></head>\
                 <body><table width=\"980\"><tr><td colspan=\"2\">{top}</td></tr>\
                 <tr><td width=\"200\" valign=\"top\">{left}</td><td valign=\"top\">\
                 <table width=\"100%\"><tr><td align=\"center\"><font size=\"4\"><b>{title}</b></font></td></tr>\
                 <tr><td align=\"center\">发布日期：{date}　点击数：{hits}</td></tr>\
                 <tr><td class=\"font14\">{body}</td></tr><tr><td align=\"center\">{bar}</td></tr>\
                 <tr><td>相关文章：<br>{rel}</td></tr></table></td></tr>\
                 <tr><td colspan=\"2\">版权所有 某某县人民政府 技术支持：某某网络</td></tr></table></body></html>",
                top = nav("oldtop", NAV, 2)
                    .replace("<li>", " ")
                    .replace("</li>", " |"),
                left = nav("oldleft", &["本站简介", "领导之窗", "县情概况"], 3)
                    .replace("<li>", "<br>")
                    .replace("</li>", ""),
                hits = 100 + rng.below(900),
                rel = rel.replace("<li>", "·").replace("</li>", "<br>"),
            ))
        }
        Layout::NewsSpam => {
            let bar = if part == 0 {
                format!("<span>1</span><a href=\"{f2}\">2</a><a href=\"{f2}\">下一页</a>")
            } else {
                format!("<a href=\"{f1}\">上一页</a><a href=\"{f1}\">1</a><span>2</span>")
            };
            let mut comments = String::new();
            for k in 0..4 + rng.below(4) {
                let _ = write!(
                    comments,
                    "<li><a href=\"/site/user/{k}.html\">网友{k}</a>：{}<span>2小时前</span> <a href=\"#\">支持</a></li>",
                    [
                        "写得好，期待落实！",
                        "我们县什么时候也能这样？",
                        "沙发",
                        "顶一个"
                    ][k % 4]
                );
            }
            utf8(format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}_某某新闻网</title>\
                 <meta property=\"article:published_time\" content=\"{date}T08:00:00+08:00\"></head><body>\
                 <div class=\"nav\"><ul>{nav}</ul></div>\
                 <div style=\"display:none\"><a href=\"http://spam.example/a\">博彩娱乐网址大全</a><a href=\"http://spam.example/b\">代开发票联系电话</a></div>\
                 <div class=\"article\"><h1>{title}</h1><p class=\"meta\">{date} 08:00 来源：某某日报</p>\
                 <div class=\"text\">{body}<p>【免责声明】<a href=\"http://spam.example/c\">点击领取红包</a></p></div>\
                 <div class=\"page\">{bar}</div></div>\
                 <div class=\"comment\"><h3>网友评论</h3><form action=\"/site/comment\" method=\"post\">\
                 用户名：<input name=\"u\"> 密码：<input name=\"p\" type=\"password\"><textarea name=\"c\">请文明发言</textarea>\
                 <button>发表评论</button></form><ul>{comments}</ul></div>\
                 <div class=\"hot\"><h3>相关新闻</h3><ul>{rel}</ul></div>\
                 <div class=\"footer\">某某新闻网 版权所有 <a href=\"/site/jubao.html\">违法和不良信息举报</a></div></body></html>",
                nav = nav("newsnav", NAV, 3),
            ))
        }
    }
}
