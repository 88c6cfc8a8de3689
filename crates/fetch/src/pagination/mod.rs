//! Multi-page articles: how the crawler knows that a page is one part of several, finds the
//! other parts, and joins them into one row.
//!
//! An article split over several pages is emitted once: `url` = its first part, `page_urls` =
//! every part in order, `body` = the parts' HTML joined with
//! [`PAGE_BREAK`](baogao_model::PAGE_BREAK), `body_sha256` over all parts' raw bytes. Four
//! pieces, one file each:
//!
//! - **URL shapes** ([`shapes`], [`part_of`]): a URL named like a later part, read back to the
//!   first part's URL and the part's number (the first part is 0):
//!
//!   | scheme | first part | later parts |
//!   |---|---|---|
//!   | DedeCMS and most others | `5955.html` | `5955_2.html`, `5955_3.html` … |
//!   | PHPCMS pseudo-static | `show-12-345.html` | `show-12-345-2.html` … |
//!   | TRS/WCM (the second page is `_1`) | `t20230329_123.html` | `t20230329_123_1.html` … |
//!   | numbered listings | `index.html` (`/x/`) | `index_2.html` … |
//!   | a page parameter (`page`, `p`, `pn`, `pg`, `pageno`, `page_no`, `pagenum`, `curpage`) | `view.php?id=9` | `view.php?id=9&p=2` … (`=1` is the first part) |
//!
//!   The shape alone cannot tell a part from an id (`show-12-345.html` reads as part 345 of
//!   `show-12.html`), so a shape is believed only with a page bar behind it (below).
//! - **Script page bars** ([`script`], [`script_page_links`]): bars written at load time, read
//!   as links with the page number as their text. Known: TRS/WCM
//!   `createPageHTML(count, current, "name", "ext")` and its six-argument form
//!   `createPageHTML("div", count, current, "name", "ext", records)`, counts given as numbers
//!   or as variables set earlier in the script (`var countPage = 5`).
//! - **Page bars** ([`bar`]): the anchor texts of a bar ([`bar::is_page_bar_text`]: a number
//!   `2`, `[2]`, `【2】`, `第2页`; 上一页/首页/尾页/末页/最后一页, prev/first/last, `«` `‹` `<`; an
//!   empty text, an image button; and [`bar::is_next_text`]: 下一页/下页/后页, their
//!   traditional forms, next, `»` `›` `>`). "Next article" (下一篇) is never one. From them:
//!   [`bar::candidates`], the parts a page's bar links (named like a part of the same first
//!   part, the first part itself, or a "next page" link into the same directory with any name,
//!   which becomes the following part); [`multi_page`], the page has such a bar (a signal of
//!   the article rule in [`crate::html`]); [`bar::links_to_first_part`], a page named like a
//!   later part really is one.
//! - **Assembly** ([`assemble`](assemble::assemble)): the parts fetched one by one in the
//!   order of their numbers, each part's bar adding the parts it names; a part whose content
//!   repeats an earlier one (`?page=99` answering the last page) ends that chain, and at most
//!   [`MAX_PARTS`] are fetched. A part that fails gives its own `Error` row, and the article
//!   keeps the others.
//!
//! Outside this module, the crawl loop ([`crate::crawl`]) holds back a linked URL that
//! [`part_of`] reads as a part until every article that could claim it is done, so that a
//! part never becomes an article of its own.
//!
//! # Adding a scheme
//!
//! - Parts named another way: a case in [`part_of`] (the `PART_FILE` pattern for file names,
//!   [`PAGE_PARAMS`] for a query parameter), with its first-part URL in the unit test
//!   `parts_are_recognised_with_their_first_page`.
//! - A bar drawn by another script: a reader in [`script`] beside the `createPageHTML` one
//!   (today the body of [`script_page_links`]), its pages returned by `script_page_links` as
//!   [`Link`](crate::html::Link)s with the page number as text, and a unit test of the call
//!   as sites write it.
//! - Another word on a bar's links: `NEXT_TEXTS` ([`bar::is_next_text`]) for a word that
//!   means the next page, `BAR_TEXTS` ([`bar::is_page_bar_text`]) for any other.
//!
//! Then a synthetic site serving the parts in `crates/fetch/tests/pagination.rs`, asserting
//! the one row (`page_urls`, the joined body) and that no part became a row of its own.

mod assemble;
pub(crate) mod bar;
mod script;
mod shapes;

pub(crate) use assemble::assemble;
pub(crate) use bar::multi_page;
pub(crate) use script::script_page_links;
pub(crate) use shapes::{PAGE_PARAMS, part_of};

/// Parts fetched for one article at most.
pub(crate) const MAX_PARTS: usize = 200;
