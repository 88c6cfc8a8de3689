//! `config/example.toml` says it lists every key of a pipeline with its
//! default. The keys and defaults here come from the config parser itself
//! (its serde structs, deserialised from nothing and serialised back), so a
//! key added to the parser and not to the example fails this test, and so
//! does a default changed in one place only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use baogao_pipeline::{Config, RawConfig};
use serde_json::{Value, json};

/// Keys whose example value shows what to write there rather than the default.
const ILLUSTRATIVE: &[&str] = &[
    "fetch.seeds",
    "fetch.follow",
    "fetch.deny",
    "fetch.user_agent",
];

/// The name `fetch.hosts` entries are keyed by, in the parser's key list.
const HOST: &str = "HOST";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config/example.toml")
}

/// `prefix.key` → value of every leaf of `v`; an empty table is a leaf.
fn leaves(prefix: &str, v: &Value, out: &mut BTreeMap<String, Value>) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                leaves(&key, v, out);
            }
        }
        _ => {
            out.insert(prefix.to_owned(), v.clone());
        }
    }
}

/// Every key the parser accepts, with its default (`null`: no default, the
/// key is optional); the keys of a `[fetch.hosts."…"]` table under `HOST`.
fn parser_keys() -> BTreeMap<String, Value> {
    let raw: RawConfig = serde_json::from_value(json!({ "fetch": { "hosts": { HOST: {} } } }))
        .expect("the config structs deserialise from defaults alone");
    let mut out = BTreeMap::new();
    leaves(
        "",
        &serde_json::to_value(&raw).expect("serialise"),
        &mut out,
    );
    out
}

/// `fetch.hosts.<name>.key` → `fetch.hosts.HOST.key`.
fn generic(key: &str) -> String {
    match key.strip_prefix("fetch.hosts.") {
        Some(rest) => {
            let field = rest.rsplit('.').next().unwrap_or(rest);
            format!("fetch.hosts.{HOST}.{field}")
        }
        None => key.to_owned(),
    }
}

/// The keys set in `text`, and the keys shown commented out
/// (`# max_pages = 10000`), each with its value.
fn example_keys(text: &str) -> (BTreeMap<String, Value>, BTreeMap<String, Value>) {
    let table: toml::Table = toml::from_str(text).expect("example.toml is TOML");
    let mut set = BTreeMap::new();
    leaves(
        "",
        &serde_json::to_value(&table).expect("serialise"),
        &mut set,
    );
    let set = set.into_iter().map(|(k, v)| (generic(&k), v)).collect();
    let mut commented = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines() {
        if let Some(header) = line.strip_prefix('[') {
            section = header.trim_end_matches(']').replace('"', "");
            continue;
        }
        let Some(rest) = line.strip_prefix('#') else {
            continue;
        };
        let Some((key, value)) = rest.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            continue;
        }
        let Ok(one) = toml::from_str::<toml::Table>(&format!("v = {}", value.trim())) else {
            continue;
        };
        let value = serde_json::to_value(&one["v"]).expect("serialise");
        commented.insert(generic(&format!("{section}.{key}")), value);
    }
    (set, commented)
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

#[test]
fn the_example_config_lists_every_key_of_the_parser_with_its_default() {
    let path = example();
    // the real parser, validation included
    Config::load(&path).unwrap_or_else(|e| panic!("config/example.toml: {e:#}"));
    let text = std::fs::read_to_string(&path).expect("read config/example.toml");
    let (set, commented) = example_keys(&text);
    let parser = parser_keys();
    assert!(
        parser.contains_key("clean.max_link_density") && parser.contains_key("fetch.timeout"),
        "the parser's keys are read from its structs: {parser:#?}"
    );

    let missing: Vec<&String> = parser
        .keys()
        .filter(|k| !set.contains_key(*k) && !commented.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "config/example.toml lacks keys the parser accepts: {missing:?}\n\
         hint: add each with its default and a comment (commented out when it has no default)"
    );
    let unknown: BTreeSet<&String> = set
        .keys()
        .chain(commented.keys())
        .filter(|k| !parser.contains_key(*k))
        .collect();
    assert!(
        unknown.is_empty(),
        "config/example.toml shows keys the parser does not know: {unknown:?}"
    );

    let mut wrong = Vec::new();
    for (key, default) in &parser {
        if ILLUSTRATIVE.contains(&key.as_str()) || key.starts_with("fetch.hosts.") {
            continue;
        }
        match (set.get(key), commented.get(key)) {
            // no default: shown commented out, as an example of a value
            (Some(v), _) if default.is_null() => {
                wrong.push(format!("`{key}` = {v} is set, but it has no default"));
            }
            (Some(v), _) | (None, Some(v)) if !default.is_null() && !same(v, default) => {
                wrong.push(format!("`{key}` = {v}, but its default is {default}"));
            }
            _ => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "config/example.toml disagrees with the parser's defaults:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn a_key_missing_from_the_example_is_noticed() {
    // the check above, against an example that lost a key and changed a default
    let text = std::fs::read_to_string(example()).expect("read config/example.toml");
    let trimmed: String = text
        .lines()
        .filter(|l| !l.starts_with("max_link_density"))
        .map(|l| {
            if l.starts_with("retries = ") {
                "retries = 5\n".to_owned()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let (set, commented) = example_keys(&trimmed);
    let parser = parser_keys();
    assert!(!set.contains_key("clean.max_link_density"));
    assert!(!commented.contains_key("clean.max_link_density"));
    assert!(parser.contains_key("clean.max_link_density"));
    assert!(!same(&set["fetch.retries"], &parser["fetch.retries"]));
    // the commented-out keys are read with their section
    let (_, commented) = example_keys(&text);
    assert!(commented.contains_key("fetch.max_pages"), "{commented:?}");
    assert!(
        commented.contains_key("pipeline.max_duration"),
        "{commented:?}"
    );
}
