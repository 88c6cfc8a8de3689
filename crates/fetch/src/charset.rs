//! Bytes → UTF-8 text, the way browsers decide, with a detector as the safety net.
//!
//! Order: a byte-order mark; else the HTTP `Content-Type` charset; else a `<meta charset>` /
//! `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 2 KiB; a declared
//! charset that does not decode the bytes cleanly (or no declaration at all) hands over to
//! `chardetng`. GB2312 and GBK are decoded as GB18030, their superset, so characters outside
//! GB2312 that real "gb2312" pages carry are not lost.
//!
//! ```
//! use baogao_fetch::charset::decode;
//! let (gbk, _, _) = encoding_rs::GBK.encode("政府工作报告");
//! let d = decode(&gbk, Some("text/html; charset=gb2312"));
//! assert_eq!(d.text, "政府工作报告");
//! assert_eq!(d.declared.as_deref(), Some("gb2312"));
//! assert_eq!(d.used, "gb18030");
//! ```

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

/// Bytes scanned for a `<meta>` charset.
const META_SCAN: usize = 2048;

/// The result of [`decode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// The charset label as declared (HTTP header first, else `<meta>`), lowercased.
    pub declared: Option<String>,
    /// The encoding actually used, as a lowercase WHATWG name (`utf-8`, `gb18030`, …).
    pub used: String,
}

/// Decodes `bytes` of an HTML page served with `content_type` (see the module doc for the order).
#[must_use]
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let header = content_type.and_then(charset_param);
    let meta = meta_charset(&bytes[..bytes.len().min(META_SCAN)]);
    let declared = header.clone().or_else(|| meta.clone());

    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            declared,
            used: name(enc),
        };
    }

    // Declared candidates in order of authority, each mapped to the encoding we decode with.
    let candidates: Vec<&'static Encoding> = [header.as_deref(), meta.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(resolve)
        .collect();
    let mut best: Option<(&'static Encoding, String, usize)> = None;
    // A single-byte charset decodes any bytes "cleanly"; declared on non-ASCII bytes (Tomcat's
    // default `ISO-8859-1` on a GBK page) it is only believed if nothing multi-byte fits.
    let mut single_byte: Option<(&'static Encoding, String)> = None;
    for enc in &candidates {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors && enc.is_single_byte() && !bytes.is_ascii() {
            if single_byte.is_none() {
                single_byte = Some((enc, text.into_owned()));
            }
            continue;
        }
        if !had_errors {
            return Decoded {
                text: text.into_owned(),
                declared,
                used: name(enc),
            };
        }
        let bad = replacement_count(&text);
        if best.as_ref().is_none_or(|(_, _, b)| bad < *b) {
            best = Some((enc, text.into_owned(), bad));
        }
    }

    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guessed = widen(detector.guess(None, chardetng::Utf8Detection::Allow));
    let (text, had_errors) = guessed.decode_without_bom_handling(bytes);
    let bad = if had_errors {
        replacement_count(&text)
    } else {
        0
    };
    if let Some((enc, sb_text)) = single_byte {
        if !had_errors && !guessed.is_single_byte() {
            tracing::debug!(declared = ?declared, used = guessed.name(), "declared single-byte charset does not fit the bytes; detected one used");
            return Decoded {
                text: text.into_owned(),
                declared,
                used: name(guessed),
            };
        }
        return Decoded {
            text: sb_text,
            declared,
            used: name(enc),
        };
    }
    match best {
        Some((enc, best_text, best_bad)) if best_bad <= bad => {
            tracing::debug!(declared = ?declared, used = enc.name(), "declared charset kept despite decoding errors");
            Decoded {
                text: best_text,
                declared,
                used: name(enc),
            }
        }
        _ => {
            if declared.is_some() {
                tracing::debug!(declared = ?declared, used = guessed.name(), "declared charset does not fit the bytes; detected one used");
            }
            Decoded {
                text: text.into_owned(),
                declared,
                used: name(guessed),
            }
        }
    }
}

fn name(enc: &'static Encoding) -> String {
    enc.name().to_ascii_lowercase()
}

fn replacement_count(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// GBK (and so GB2312, which WHATWG maps to GBK) widened to GB18030.
fn widen(enc: &'static Encoding) -> &'static Encoding {
    if enc == GBK { GB18030 } else { enc }
}

/// The encoding a label stands for: WHATWG label rules, GB2312/GBK widened to GB18030, and
/// UTF-16 in a `<meta>` read as UTF-8 (a page that could be read to find it is not UTF-16).
fn resolve(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    if enc == encoding_rs::REPLACEMENT {
        return None;
    }
    Some(widen(enc))
}

/// `charset` parameter of a `Content-Type` value.
pub(crate) fn charset_param(content_type: &str) -> Option<String> {
    content_type
        .split(';')
        .skip(1)
        .find_map(|param| {
            let (k, v) = param.split_once('=')?;
            k.trim().eq_ignore_ascii_case("charset").then(|| {
                v.trim()
                    .trim_matches(|c| c == '"' || c == '\'')
                    .trim()
                    .to_ascii_lowercase()
            })
        })
        .filter(|v| !v.is_empty())
}

/// Charset named by a `<meta charset>` or `<meta http-equiv … content="…charset=…">` in `head`.
fn meta_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            rest = trim_start(rest);
            if let Some(after_eq) = rest.strip_prefix(b"=") {
                let value = trim_start(after_eq);
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let label: String = value
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
                    .map(|&b| b as char)
                    .collect();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }

    #[test]
    fn header_charset_is_parsed() {
        assert_eq!(
            charset_param("text/html; charset=GBK").as_deref(),
            Some("gbk")
        );
        assert_eq!(
            charset_param("text/html;charset=\"utf-8\"").as_deref(),
            Some("utf-8")
        );
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(charset_param("text/html; charset="), None);
    }

    #[test]
    fn meta_charset_both_forms() {
        assert_eq!(
            meta_charset(b"<html><head><META CHARSET='GB2312'>").as_deref(),
            Some("gb2312")
        );
        let h = br#"<meta http-equiv="Content-Type" content="text/html; charset=gbk" />"#;
        assert_eq!(meta_charset(h).as_deref(), Some("gbk"));
        assert_eq!(
            meta_charset(b"<meta name=\"keywords\" content=\"x\">"),
            None
        );
    }

    #[test]
    fn gbk_page_without_charset_header() {
        let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>".to_vec();
        bytes.extend(gbk("主要预期目标是：地区生产总值增长6%左右"));
        let d = decode(&bytes, Some("text/html"));
        assert!(d.text.contains("主要预期目标是：地区生产总值增长6%左右"));
        assert_eq!(d.declared.as_deref(), Some("gb2312"));
        assert_eq!(d.used, "gb18030");
    }

    #[test]
    fn gb18030_only_characters_survive_a_gb2312_declaration() {
        // 㐀 (CJK Ext. A) and 𠀀 (Ext. B) exist only in GB18030 (four-byte sequences).
        let mut bytes = b"<meta charset=gb2312>".to_vec();
        bytes.extend(GB18030.encode("工作报告㐀𠀀镕").0.iter());
        let d = decode(&bytes, None);
        assert!(d.text.ends_with("工作报告㐀𠀀镕"), "{}", d.text);
        assert_eq!(d.used, "gb18030");
    }

    #[test]
    fn wrong_declared_charset_falls_back_to_detection() {
        let mut bytes = b"<meta charset=\"utf-8\"><p>".to_vec();
        for _ in 0..5 {
            bytes.extend(gbk(
                "今年经济社会发展的主要预期目标是：全市地区生产总值增长百分之六左右。",
            ));
        }
        let d = decode(&bytes, None);
        assert_eq!(d.declared.as_deref(), Some("utf-8"));
        assert_eq!(d.used, "gb18030");
        assert!(d.text.contains("主要预期目标是"));
        assert!(!d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn undeclared_bytes_are_detected() {
        let mut bytes = b"<html><p>".to_vec();
        for _ in 0..5 {
            bytes.extend(gbk("城镇居民人均可支配收入增速与经济增长同步，农村居民人均可支配收入增速高于经济增长水平。"));
        }
        let d = decode(&bytes, None);
        assert_eq!(d.declared, None);
        assert_eq!(d.used, "gb18030");
        assert!(d.text.contains("人均可支配收入"));
        let d = decode("纯 UTF-8 文本".as_bytes(), None);
        assert_eq!(
            (d.text.as_str(), d.used.as_str()),
            ("纯 UTF-8 文本", "utf-8")
        );
    }

    #[test]
    fn bom_wins_over_declarations() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend("<meta charset=gbk>报告".as_bytes());
        let d = decode(&bytes, Some("text/html; charset=gbk"));
        assert_eq!(d.used, "utf-8");
        assert!(d.text.ends_with("报告"));
        assert_eq!(d.declared.as_deref(), Some("gbk"));
    }

    #[test]
    fn latin1_header_on_gbk_page() {
        // Tomcat and some IIS setups send `charset=ISO-8859-1` whatever the page is
        let mut bytes = b"<html><head><meta charset=gb2312></head><p>".to_vec();
        bytes.extend(gbk(
            "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
        ));
        let d = decode(&bytes, Some("text/html; charset=ISO-8859-1"));
        assert_eq!(d.declared.as_deref(), Some("iso-8859-1"));
        assert_eq!(d.used, "gb18030");
        assert!(d.text.contains("主要预期目标"));
        // without a meta, detection finds it
        let mut bytes = b"<html><p>".to_vec();
        for _ in 0..3 {
            bytes.extend(gbk(
                "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
            ));
        }
        let d = decode(&bytes, Some("text/html; charset=iso-8859-1"));
        assert_eq!(d.used, "gb18030");
        assert!(d.text.contains("主要预期目标"));
        // a real Latin-1 page stays Latin-1
        let d = decode(
            b"<p>Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9 d\xe9j\xe0 vu</p>",
            Some("text/html; charset=iso-8859-1"),
        );
        assert_eq!(d.used, "windows-1252");
        assert!(d.text.contains("Café crème"));
    }

    #[test]
    fn utf8_header_on_gbk_bytes_uses_the_meta() {
        let mut bytes =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><p>".to_vec();
        bytes.extend(gbk("城镇新增就业4万人以上"));
        let d = decode(&bytes, Some("text/html; charset=utf-8"));
        assert_eq!(d.declared.as_deref(), Some("utf-8"));
        assert_eq!(d.used, "gb18030");
        assert!(d.text.contains("城镇新增就业4万人以上"));
    }

    #[test]
    fn header_wins_over_meta_when_it_fits() {
        let bytes = "<meta charset=gbk>报告".as_bytes();
        let d = decode(bytes, Some("text/html; charset=utf-8"));
        assert_eq!(
            (d.used.as_str(), d.declared.as_deref()),
            ("utf-8", Some("utf-8"))
        );
        assert!(d.text.ends_with("报告"));
    }
}
