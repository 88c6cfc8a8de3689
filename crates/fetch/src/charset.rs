//! Bytes → UTF-8 text, the way browsers decide, with a detector as the safety net.
//!
//! Order: a byte-order mark; else the HTTP `Content-Type` charset; else a `<meta charset>` /
//! `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 2 KiB (its tags read by
//! `baogao-html`'s tokenizer, so a commented-out `<meta>` does not count). A declared
//! charset that decodes the bytes cleanly is used. One that *almost* fits — a stray byte, a
//! character cut in half, as real portals serve them: at most one malformed sequence per
//! [`FIT_RATIO`] well-decoded non-ASCII characters — is used too, the malformed sequences
//! replaced with U+FFFD and counted in [`Decoded::errors`]; unless the bytes are valid UTF-8
//! (or as nearly valid and with fewer errors), which is then used instead (a UTF-8 page
//! whose template still says `gb2312`). Only a declaration that does not fit (or none) hands
//! over to `chardetng`. GB2312 and GBK are decoded as GB18030, their superset, so characters
//! outside GB2312 that real "gb2312" pages carry are not lost.
//!
//! ```
//! use baogao_fetch::charset::decode;
//! let (gbk, _, _) = encoding_rs::GBK.encode("政府工作报告");
//! let d = decode(&gbk, Some("text/html; charset=gb2312"));
//! assert_eq!(d.text, "政府工作报告");
//! assert_eq!(d.declared.as_deref(), Some("gb2312"));
//! assert_eq!((d.used.as_str(), d.errors), ("gb18030", 0));
//!
//! // one character cut in half: the declared UTF-8 stays, the bad bytes are counted
//! let mut bytes = "<meta charset=utf-8><p>地区生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业4万人以上".as_bytes().to_vec();
//! bytes.truncate(bytes.len() - 1);
//! let d = decode(&bytes, Some("text/html; charset=utf-8"));
//! assert_eq!((d.used.as_str(), d.errors), ("utf-8", 1));
//! assert!(d.text.ends_with("城镇新增就业4万人以\u{FFFD}"));
//! ```

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8};

/// Bytes scanned for a `<meta>` charset.
const META_SCAN: usize = 2048;

/// A declared charset fits bytes that it decodes with at most one malformed sequence per this
/// many well-decoded non-ASCII characters. GBK text read as UTF-8 has several malformed
/// sequences per good character, UTF-8 read as GB18030 one per 10 to 30 (which the UTF-8
/// check catches first); a page with a few bad bytes has one per hundreds or thousands.
pub const FIT_RATIO: usize = 20;

/// The result of [`decode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// The charset label as declared (HTTP header first, else `<meta>`), lowercased.
    pub declared: Option<String>,
    /// The encoding actually used, as a lowercase WHATWG name (`utf-8`, `gb18030`, …).
    pub used: String,
    /// Malformed byte sequences of `used` in the bytes, each replaced with U+FFFD in `text`.
    pub errors: usize,
}

/// The bytes decoded with one encoding.
struct Trial {
    enc: &'static Encoding,
    text: String,
    /// Malformed sequences (each became one U+FFFD).
    bad: usize,
    /// Non-ASCII characters decoded from well-formed sequences (counted only when `bad > 0`).
    good: usize,
}

impl Trial {
    fn new(enc: &'static Encoding, bytes: &[u8]) -> Trial {
        let (text, bad) = decode_counting(enc, bytes);
        // only needed to judge a decoding with errors
        let good = if bad == 0 {
            0
        } else {
            text.chars().filter(|c| !c.is_ascii()).count() - bad
        };
        Trial {
            enc,
            text,
            bad,
            good,
        }
    }

    /// Decoded cleanly, or with only a few malformed sequences ([`FIT_RATIO`]).
    fn fits(&self) -> bool {
        self.bad == 0 || self.bad.saturating_mul(FIT_RATIO) <= self.good
    }

    fn into_decoded(self, declared: Option<String>) -> Decoded {
        Decoded {
            text: self.text,
            declared,
            used: name(self.enc),
            errors: self.bad,
        }
    }
}

/// `bytes` decoded with `enc` (no BOM sniffing), and the number of malformed sequences, each
/// replaced with U+FFFD.
fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3))
        .saturating_add(16);
    let mut text = String::with_capacity(cap);
    let mut rest = bytes;
    let mut bad = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return (text, bad),
            DecoderResult::Malformed(_, _) => {
                bad += 1;
                text.push('\u{FFFD}');
            }
            DecoderResult::OutputFull => text.reserve(rest.len().saturating_mul(3) + 16),
        }
    }
}

/// Decodes `bytes` of an HTML page served with `content_type` (see the module doc for the order).
#[must_use]
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let header = content_type.and_then(charset_param);
    let meta = meta_charset(&bytes[..bytes.len().min(META_SCAN)]);
    let declared = header.clone().or_else(|| meta.clone());

    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Trial::new(enc, &bytes[bom_len..]).into_decoded(declared);
    }

    // Declared candidates in order of authority, each mapped to the encoding we decode with.
    let mut candidates: Vec<&'static Encoding> = Vec::with_capacity(2);
    for enc in [header.as_deref(), meta.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(resolve)
    {
        if !candidates.contains(&enc) {
            candidates.push(enc);
        }
    }
    // The declared multi-byte charset that decodes with the fewest malformed sequences.
    let mut best: Option<Trial> = None;
    // A single-byte charset decodes any bytes "cleanly"; declared on non-ASCII bytes (Tomcat's
    // default `ISO-8859-1` on a GBK page) it is only believed if nothing multi-byte fits.
    let mut single_byte: Option<Trial> = None;
    for &enc in &candidates {
        if enc.is_single_byte() && !bytes.is_ascii() {
            if single_byte.is_none() {
                single_byte = Some(Trial::new(enc, bytes));
            }
            continue;
        }
        let trial = Trial::new(enc, bytes);
        if trial.bad == 0 {
            return trial.into_decoded(declared);
        }
        if best.as_ref().is_none_or(|b| trial.bad < b.bad) {
            best = Some(trial);
        }
    }

    if let Some(b) = best.take() {
        // Valid (or as nearly valid) UTF-8 is no accident: a page that says `gb2312` but is
        // UTF-8 decodes as GB18030 with a malformed sequence every few lines.
        if b.enc != UTF_8 {
            let utf8 = Trial::new(UTF_8, bytes);
            if utf8.fits() && utf8.bad < b.bad {
                tracing::debug!(declared = ?declared, "declared charset does not fit, the bytes are utf-8");
                return utf8.into_decoded(declared);
            }
        }
        if b.fits() {
            tracing::debug!(declared = ?declared, used = b.enc.name(), errors = b.bad, "declared charset kept despite a few malformed bytes");
            return b.into_decoded(declared);
        }
        best = Some(b);
    }

    // (non-ASCII bytes that are valid UTF-8 are what the detector would call
    // UTF-8, at a fraction of its work)
    let guessed = if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        Trial::new(UTF_8, bytes)
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        Trial::new(
            widen(detector.guess(None, chardetng::Utf8Detection::Allow)),
            bytes,
        )
    };
    if let Some(sb) = single_byte {
        if !guessed.enc.is_single_byte() && guessed.fits() {
            tracing::debug!(declared = ?declared, used = guessed.enc.name(), "declared single-byte charset does not fit the bytes; detected one used");
            return guessed.into_decoded(declared);
        }
        return sb.into_decoded(declared);
    }
    match best {
        Some(b) if b.bad <= guessed.bad => {
            tracing::debug!(declared = ?declared, used = b.enc.name(), "declared charset kept despite decoding errors");
            b.into_decoded(declared)
        }
        _ => {
            if declared.is_some() {
                tracing::debug!(declared = ?declared, used = guessed.enc.name(), "declared charset does not fit the bytes; detected one used");
            }
            guessed.into_decoded(declared)
        }
    }
}

fn name(enc: &'static Encoding) -> String {
    enc.name().to_ascii_lowercase()
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

/// Charset named by a `<meta charset>` or `<meta http-equiv … content="…charset=…">` in `head`:
/// the first `<meta>` whose attribute text holds `charset` then `=` and a label (any case). The
/// tags are read by [`baogao_html::Tokenizer`] as the standard's prescan reads them (comments
/// skipped, a `>` in quotes not ending a tag); a tag cut off at the end of `head` counts as far
/// as it goes. Bytes that are not UTF-8 (a GBK page) are read as `~`: no label or markup needs
/// them. The part before the first of them, where the `<meta>` usually is, is read first, without
/// a copy; what a tag there says is what it says in the whole `head`.
fn meta_charset(head: &[u8]) -> Option<String> {
    let valid = match std::str::from_utf8(head) {
        Ok(text) => return meta_charset_in(text),
        Err(e) => e.valid_up_to(),
    };
    let start = std::str::from_utf8(&head[..valid]).unwrap_or_default();
    meta_charset_in(start).or_else(|| {
        let ascii: Vec<u8> = head
            .iter()
            .map(|&b| if b.is_ascii() { b } else { b'~' })
            .collect();
        meta_charset_in(&String::from_utf8(ascii).unwrap_or_default())
    })
}

/// [`meta_charset`] in text.
fn meta_charset_in(text: &str) -> Option<String> {
    use baogao_html::{Token, Tokenizer};
    for token in Tokenizer::for_tree_builder(text) {
        let Token::Start(tag) = token else { continue };
        if !tag.name.eq_ignore_ascii_case("meta") {
            continue;
        }
        let attrs = tag.attrs.raw().to_ascii_lowercase();
        let Some(c) = attrs.find("charset") else {
            continue;
        };
        let space = |c: char| c.is_ascii_whitespace();
        let Some(value) = attrs[c + 7..].trim_start_matches(space).strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start_matches(space);
        let value = value.strip_prefix(['"', '\'']).unwrap_or(value);
        let label: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "-_.:".contains(*c))
            .collect();
        if !label.is_empty() {
            return Some(label);
        }
    }
    None
}

/// File signatures no web page starts with: PDF, ZIP (DOCX, XLSX), OLE (DOC,
/// XLS), Windows and Linux executables, PNG, JPEG, GIF, RAR, 7-Zip.
const SIGNATURES: &[&[u8]] = &[
    b"%PDF-",
    b"PK\x03\x04",
    b"\xD0\xCF\x11\xE0",
    b"MZ",
    b"\x7fELF",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"Rar!",
    b"7z\xBC\xAF",
];

/// How much of a body is looked at for control bytes.
const SNIFF_BYTES: usize = 4096;

/// Whether a body is a file rather than text, whatever its `Content-Type`
/// says: a file signature, or more than one control byte (NUL, …; not tab,
/// newline, form feed) in 20 of its first 4 KiB. UTF-16 text, which is full of
/// NULs, starts with its byte-order mark and is text.
#[must_use]
pub fn looks_binary(body: &[u8]) -> bool {
    if SIGNATURES.iter().any(|s| body.starts_with(s)) {
        return true;
    }
    if body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF") {
        return false;
    }
    let head = &body[..body.len().min(SNIFF_BYTES)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }

    /// The shortcut for undeclared valid UTF-8 answers what the detector does.
    #[test]
    fn undeclared_valid_utf8_is_what_the_detector_guesses() {
        for text in [
            "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
            "<p>政府工作报告</p> 2024 ok",
            "地區生產總值增長8%",
            "é",
        ] {
            let bytes = text.as_bytes();
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let guess = widen(detector.guess(None, chardetng::Utf8Detection::Allow));
            let d = decode(bytes, None);
            assert_eq!(
                (d.used.as_str(), d.text.as_str()),
                (guess.name().to_lowercase().as_str(), text)
            );
        }
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
    fn meta_charset_in_a_comment_or_cut_off() {
        let h = b"<!-- <meta charset=gbk> --><meta name=\"a>b\" charset=utf-8>";
        assert_eq!(meta_charset(h).as_deref(), Some("utf-8"));
        // the 2 KiB cut inside the tag, and a GBK byte before it
        assert_eq!(
            meta_charset(b"<title>\xb1\xa8</title><meta http-equiv=Content-Type content=\"text/html; charset=gb2312").as_deref(),
            Some("gb2312")
        );
        assert_eq!(meta_charset(b"<metadata charset=gbk>"), None);
        // a label ends at a character or byte that is not ASCII
        assert_eq!(
            meta_charset(b"<meta content=\"charset=gbk\xb1\xa8\">").as_deref(),
            Some("gbk")
        );
        assert_eq!(
            meta_charset("<meta content=\"charset=GBK报\">".as_bytes()).as_deref(),
            Some("gbk")
        );
        // a UTF-8 character cut off by the 2 KiB
        assert_eq!(
            meta_charset(&"<meta charset=utf-8>报".as_bytes()[..22]).as_deref(),
            Some("utf-8")
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

    const REPORT: &str = "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业4万人以上，城镇调查失业率控制在5.5%以内。";

    #[test]
    fn utf8_page_with_one_stray_byte_keeps_its_charset() {
        // declared twice (header and meta), one stray byte and one character cut in half
        let mut bytes = b"<html><head><meta charset=\"utf-8\"><title>".to_vec();
        bytes.extend("长治市政府工作报告".as_bytes());
        bytes.extend(b"</title></head><body><p>");
        for i in 0..5 {
            bytes.extend(REPORT.as_bytes());
            if i == 1 {
                bytes.push(0xFF);
            }
            if i == 3 {
                bytes.extend(&"报".as_bytes()[..2]);
            }
        }
        bytes.extend(b"</p></body></html>");
        let d = decode(&bytes, Some("text/html; charset=utf-8"));
        assert_eq!(
            (d.used.as_str(), d.declared.as_deref(), d.errors),
            ("utf-8", Some("utf-8"), 2)
        );
        assert!(
            d.text.contains("<title>长治市政府工作报告</title>"),
            "{}",
            d.text
        );
        assert_eq!(d.text.matches(REPORT).count(), 5);
        assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
        // the same with the meta only
        let d = decode(&bytes, Some("text/html"));
        assert_eq!((d.used.as_str(), d.errors), ("utf-8", 2));
    }

    #[test]
    fn gbk_page_with_a_few_bad_bytes_keeps_its_charset() {
        let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>".to_vec();
        bytes.extend(gbk("长治市政府工作报告"));
        bytes.extend(b"</title></head><body><p>");
        for i in 0..5 {
            bytes.extend(gbk(REPORT));
            if i == 1 {
                bytes.push(0xFF);
            }
            if i == 3 {
                // a lead byte whose trail byte was lost, before a line break
                bytes.push(gbk("报")[0]);
                bytes.push(b'\n');
            }
        }
        bytes.extend(b"</p></body></html>");
        for ct in ["text/html; charset=gbk", "text/html"] {
            let d = decode(&bytes, Some(ct));
            assert_eq!((d.used.as_str(), d.errors), ("gb18030", 2), "{ct}");
            assert!(d.text.contains("<title>长治市政府工作报告</title>"), "{ct}");
            assert_eq!(d.text.matches(REPORT).count(), 5, "{ct}");
        }
    }

    #[test]
    fn utf8_bytes_under_a_gb2312_declaration_are_read_as_utf8() {
        // a site moved to UTF-8 whose template still says gb2312, with one bad byte on top
        let mut bytes = b"<meta charset=gb2312><p>".to_vec();
        for _ in 0..5 {
            bytes.extend(REPORT.as_bytes());
        }
        let d = decode(&bytes, Some("text/html"));
        assert_eq!((d.used.as_str(), d.errors), ("utf-8", 0));
        bytes.push(0xFF);
        bytes.extend(REPORT.as_bytes());
        let d = decode(&bytes, Some("text/html"));
        assert_eq!((d.used.as_str(), d.errors), ("utf-8", 1));
        assert_eq!(d.text.matches(REPORT).count(), 6);
    }

    #[test]
    fn a_declaration_that_does_not_fit_still_gives_way() {
        // GBK bytes declared UTF-8 (with a bad byte of their own): most of the text is
        // malformed as UTF-8, the detector decides
        let mut bytes = b"<meta charset=utf-8><p>".to_vec();
        for _ in 0..5 {
            bytes.extend(gbk(REPORT));
        }
        bytes.push(0xFF);
        let d = decode(&bytes, Some("text/html; charset=utf-8"));
        assert_eq!(d.used, "gb18030");
        assert_eq!(d.text.matches(REPORT).count(), 5);
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
