//! baogao-html: the one HTML tokenizer of baogao, and its character references.
//!
//! In: a page's HTML as `&str`. Out: [`Token`]s (text, start and end
//! [`Tag`]s with their [`Attrs`], comments, doctypes, raw text) as slices of
//! the page, and [`decode`] / [`decode_exact`] for the character references
//! in them, with the one table of names ([`NAMED_ENTITIES`]). Called by
//! `baogao-fetch` (link discovery and text metrics in `html.rs`, the
//! `<meta>` charset in `charset.rs`) and by `baogao-clean` (its light
//! parser's tree builder and the depth cap before html5ever), so that both
//! read quotes, comments and raw text by the same rules; neither depends on
//! the other. No tree is built here (`tokenizer.rs` says what the tokenizer
//! follows of the HTML standard and where it leaves the call to its caller).
//!
//! ```
//! use baogao_html::{Token, Tokenizer, decode};
//! let html = r#"<A HREF="/a?x=1&amp;y=2" title='a>b'>下一页</A><script>'</div>'</script>"#;
//! let mut tokens = Tokenizer::new(html);
//! let Some(Token::Start(a)) = tokens.next() else { panic!() };
//! assert_eq!(a.name, "A");
//! assert_eq!(a.attrs.get("href").as_deref(), Some("/a?x=1&y=2"));
//! assert_eq!(tokens.next(), Some(Token::Text("下一页")));
//! assert!(matches!(tokens.next(), Some(Token::End(t)) if t.name == "A"));
//! let Some(Token::Raw(script, raw)) = tokens.next() else { panic!() };
//! assert_eq!((script.name, raw.content), ("script", "'</div>'"));
//! assert_eq!(tokens.next(), None);
//! assert_eq!(decode("&#19979;&#x4E00;页&nbsp;&gt"), "下一页\u{a0}>");
//! ```

mod entities;
mod tokenizer;

pub use entities::{NAMED_ENTITIES, decode, decode_exact};
pub use tokenizer::{
    Attrs, RAW_TEXT, RawEnd, RawText, Tag, Token, Tokenizer, is_raw_text, is_space,
};
