//! The `baogao` binary as users call it: `extract --json` against the gold
//! files, `check` messages and exit codes, `clean` on a GBK file, `eval`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn baogao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("run baogao")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Numbers compared as f64 (gold writes 7, the extractor 7.0).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// Every field the gold row states, and only rows the gold states.
fn assert_rows_match(kind: &str, file: &str, gold: &[Value], got: &[Value]) {
    let mut left: Vec<&Value> = got.iter().collect();
    for g in gold {
        let obj = g.as_object().expect("gold row");
        let pos = left
            .iter()
            .position(|r| obj.iter().all(|(k, v)| same(v, &r[k])))
            .unwrap_or_else(|| panic!("{file}: gold {kind} not found: {g}\nfound: {got:#?}"));
        left.remove(pos);
    }
    assert!(left.is_empty(), "{file}: extra {kind}: {left:#?}");
}

#[test]
fn extract_json_gives_exactly_the_gold_targets_of_each_seed() {
    let gold_dir = repo().join("fixtures/gold");
    let mut seen = 0;
    for entry in std::fs::read_dir(&gold_dir).expect("gold dir") {
        let path = entry.expect("entry").path();
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("gold")).expect("json");
        let text = format!("fixtures/seeds/{stem}.txt");
        let out = baogao(&["extract", "--json", &text]);
        assert!(out.status.success(), "{}", stderr(&out));
        let got: Value = serde_json::from_str(stdout(&out).trim()).expect("one JSON object");
        assert_eq!(got["source"], text.as_str());
        assert_rows_match(
            "target",
            &stem,
            gold["targets"].as_array().expect("targets"),
            got["targets"].as_array().expect("targets"),
        );
        for key in ["province", "prefecture", "region", "level", "target_year"] {
            assert_eq!(got["report"][key], gold[key], "{stem}: report.{key}");
        }
        // Each target's clause sits at its offsets in the text.
        let chars: Vec<char> = std::fs::read_to_string(repo().join(&text))
            .expect("seed")
            .chars()
            .collect();
        for t in got["targets"].as_array().expect("targets") {
            let (s, e) = (
                t["char_start"].as_u64().expect("start") as usize,
                t["char_end"].as_u64().expect("end") as usize,
            );
            let span: String = chars[s..e].iter().collect();
            assert_eq!(span.as_str(), t["text"].as_str().expect("text"), "{stem}");
        }
        seen += 1;
    }
    assert_eq!(seen, 5, "five gold files");
}

#[test]
fn extract_json_holds_the_dev_reports_to_their_gold_targets() {
    let dir = repo().join("fixtures/dev/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("dev gold")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 10);
    for path in files {
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("gold")).expect("json");
        let out = baogao(&[
            "extract",
            "--json",
            &format!("fixtures/dev/reports/{stem}.txt"),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let got: Value = serde_json::from_str(stdout(&out).trim()).expect("json");
        assert_rows_match(
            "target",
            &stem,
            gold["targets"].as_array().expect("targets"),
            got["targets"].as_array().expect("targets"),
        );
    }
}

#[test]
fn eval_reports_perfect_targets_on_the_seeds() {
    let out = baogao(&["eval", "fixtures/gold", "fixtures/seeds", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).expect("json");
    let text = v.to_string();
    assert!(text.contains("f1"), "{text}");
    let f1 = v["targets_strict"]["f1"]
        .as_f64()
        .or_else(|| v["targets"]["strict"]["f1"].as_f64())
        .unwrap_or_else(|| panic!("no strict target F1 in {text}"));
    assert!((f1 - 1.0).abs() < 1e-9, "strict F1 {f1}");
}

#[test]
fn locator_compare_trains_and_scores_model_and_rules() {
    let out = baogao(&[
        "locator-compare",
        "--train",
        "fixtures/dev/gold:fixtures/dev/reports",
        "--test",
        "fixtures/gold:fixtures/seeds",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("trained on 10 texts"), "{text}");
    assert!(
        text.contains("model AUC") && text.contains("rules: precision"),
        "{text}"
    );
    // a set not written GOLD_DIR:TEXT_DIR is named
    let out = baogao(&[
        "locator-compare",
        "--train",
        "fixtures/dev/gold",
        "--test",
        "x:y",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("`fixtures/dev/gold` is not GOLD_DIR:TEXT_DIR"),
        "{}",
        stderr(&out)
    );
    // a missing folder is named
    let out = baogao(&[
        "locator-compare",
        "--train",
        "nowhere/gold:nowhere/texts",
        "--test",
        "x:y",
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("nowhere/gold"), "{}", stderr(&out));
}

#[test]
fn check_names_the_unknown_key_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[fetch]\nseeds = [\"http://127.0.0.1/\"]\nburts = 3\n",
    )
    .expect("write");
    let out = baogao(&["check", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("bad.toml"), "{err}");
    assert!(err.contains("line 3, column 1"), "{err}");
    assert!(err.contains("unknown field `burts`"), "{err}");
}

#[test]
fn check_collects_every_bad_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[fetch]\nseeds = [\"ftp://x/\"]\nper_host_rate = -1\ntimeout = \"soon\"\n",
    )
    .expect("write");
    let out = baogao(&["check", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for needle in [
        "bad.toml:2:10: `fetch.seeds`",
        "`fetch.per_host_rate`",
        "bad.toml:4:11: `fetch.timeout`: `soon` is not a duration",
        "hint:",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn empty_seeds_is_a_config_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("noseeds.toml");
    for text in [
        "[fetch]\nseeds = []\n",
        "[fetch]\nfollow = [\"/baogao/\"]\n",
        "[pipeline]\noutput = \"out\"\n",
    ] {
        std::fs::write(&path, text).expect("write");
        for args in [
            vec!["check", path.to_str().expect("path")],
            vec!["run", "--quiet", path.to_str().expect("path")],
        ] {
            let out = baogao(&args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?} {text:?}: {err}");
            assert!(
                err.contains("noseeds.toml: `fetch.seeds`: no start URLs"),
                "{args:?} {text:?}: {err}"
            );
            assert!(err.contains("hint:"), "{err}");
        }
    }
    assert!(
        !dir.path().join("out").exists(),
        "a refused run wrote nothing"
    );
    // a mis-named section is an unknown key, with its line
    std::fs::write(&path, "[fecth]\nseeds = [\"http://127.0.0.1/\"]\n").expect("write");
    let out = baogao(&["check", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown field `fecth`"), "{err}");
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn check_accepts_the_example_and_sample_configs() {
    for config in ["config/example.toml", "config/sample.toml"] {
        let out = baogao(&["check", config]);
        assert!(out.status.success(), "{config}: {}", stderr(&out));
        assert!(stdout(&out).contains("fetch.per_host_rate"), "{config}");
    }
}

#[test]
fn clean_prints_the_text_of_a_gbk_file() {
    let out = baogao(&["clean", "fixtures/site/baogao/hb/5955.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("长治市"), "{text}");
    assert!(!text.contains("当前位置"), "breadcrumb kept");
    assert!(!text.contains('\u{fffd}'), "bad decoding");
}

#[test]
fn clean_of_a_missing_file_names_it() {
    let out = baogao(&["clean", "no/such/page.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/page.html"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["eval", "fixtures/dev/gold", "fixtures/dev/reports"])
        .current_dir(repo())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // close the reading end before the first line is printed, as `| head -0` would
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn extract_explain_says_why_each_target_is_there() {
    let path = "fixtures/dev2/reports/308.txt";
    let out = baogao(&["extract", "--explain", "--json", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got: Value = serde_json::from_str(stdout(&out).trim()).expect("json");
    let plain: Value =
        serde_json::from_str(stdout(&baogao(&["extract", "--json", path])).trim()).expect("json");
    assert_eq!(
        got["extraction"]["targets"], plain["targets"],
        "explain changes nothing"
    );
    assert!(!got["year_source"].as_str().unwrap_or("").is_empty());
    let notes = got["notes"].as_array().expect("notes");
    let text = std::fs::read_to_string(repo().join(path)).expect("text");
    let chars: Vec<char> = text.chars().collect();
    // every target's clause lies in a sentence the locator took
    for t in plain["targets"].as_array().expect("targets") {
        let (s, e) = (
            t["char_start"].as_u64().unwrap(),
            t["char_end"].as_u64().unwrap(),
        );
        assert!(
            notes.iter().any(|n| n["taken"] == true
                && n["char_start"].as_u64().unwrap() <= s
                && e <= n["char_end"].as_u64().unwrap()),
            "no taken sentence holds {t}"
        );
    }
    for n in notes {
        let (s, e) = (
            n["char_start"].as_u64().unwrap() as usize,
            n["char_end"].as_u64().unwrap() as usize,
        );
        let span: String = chars[s..e].iter().collect();
        assert_eq!(
            span,
            n["text"].as_str().unwrap(),
            "note offsets point into the text"
        );
    }
    assert!(
        notes.iter().any(|n| n["taken"] == false),
        "the 2014 results are weighed and rejected"
    );
    let out = baogao(&["extract", "--explain", path]);
    let s = stdout(&out);
    assert!(s.contains("why:") && s.contains("target year from"), "{s}");
}

#[test]
fn binary_files_are_refused_by_clean_and_extract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("report.html");
    std::fs::write(&pdf, b"%PDF-1.7\n1 0 obj << >> endobj\n").expect("write");
    for cmd in ["clean", "extract"] {
        let out = baogao(&[cmd, pdf.to_str().expect("utf-8 path")]);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("is a binary file"),
            "{cmd}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("report.html"),
            "{cmd}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn one_corrupt_run_manifest_does_not_hide_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("out");
    let demo = baogao(&["demo", "--output", out_dir.to_str().expect("utf-8")]);
    assert!(
        demo.status.code().is_some_and(|c| c <= 1),
        "{}",
        stderr(&demo)
    );
    std::fs::write(out_dir.join("_runs/broken.json"), b"{ not json").expect("write");
    let out = baogao(&["runs", out_dir.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("broken.json"), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("stages"),
        "the good run is listed: {}",
        stdout(&out)
    );
}

#[test]
fn demo_runs_anywhere_with_its_built_in_site() {
    // an installed binary has no checkout: the sample site is inside it
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["demo", "--output", "demo-out"])
        .current_dir(dir.path())
        .output()
        .expect("run baogao");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("targets"), "{}", stdout(&out));
    let targets = dir.path().join("demo-out/targets");
    assert!(
        targets.is_dir(),
        "no targets table in {}",
        dir.path().display()
    );
    // and no option defaults to a path of the machine it was built on
    let help = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["demo", "--help"])
        .output()
        .expect("run baogao");
    let checkout = repo().canonicalize().expect("checkout");
    let help = stdout(&help);
    assert!(
        !help.contains(checkout.to_str().expect("utf-8"))
            && !help.contains(env!("CARGO_MANIFEST_DIR")),
        "{help}"
    );
}

/// A page whose markup makes the HTML parser warn (text straight inside a
/// `<table>`: "foster parenting not implemented").
const FOSTERED: &str = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body>\
    <div class=\"content\"><table>stray<tr><td>各位代表：现在，我代表市人民政府，向大会报告工作，\
    请予审议。今年的主要预期目标是地区生产总值增长6%左右。</td></tr></table></div></body></html>";

#[test]
fn the_html_parsers_warnings_show_with_v_and_never_with_quiet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("fostered.html");
    std::fs::write(&page, FOSTERED).expect("write");
    let page = page.to_str().expect("utf-8");
    let with = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_baogao"))
            .args(args)
            .env_remove("BAOGAO_LOG")
            .output()
            .expect("run baogao")
    };
    let verbose = with(&["-v", "clean", page]);
    assert!(verbose.status.success(), "{}", stderr(&verbose));
    assert!(
        stderr(&verbose).contains("foster parenting"),
        "the page makes html5ever warn: {}",
        stderr(&verbose)
    );
    for args in [
        vec!["clean", page],
        vec!["--quiet", "clean", page],
        vec!["clean", "-q", page],
    ] {
        let out = with(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
        assert!(stdout(&out).contains("各位代表"), "{args:?}");
    }
    // -q and -v contradict each other: a usage error
    assert_eq!(with(&["-q", "-v", "clean", page]).status.code(), Some(2));
}

#[test]
fn logs_into_a_file_carry_no_colour_codes() {
    // -vv with stderr into a pipe (a log file, cron): plain text
    let out = baogao(&["-vv", "extract", "fixtures/dev2/reports/308.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("DEBUG"), "-vv logs debug lines: {err}");
    assert!(!err.contains('\u{1b}'), "ANSI escapes in a log: {err:?}");
}

#[test]
fn docs_codebook_is_what_baogao_codebook_prints() {
    let o = baogao(&["codebook"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = stdout(&o);
    let doc = std::fs::read_to_string(repo().join("docs/codebook.md")).expect("docs/codebook.md");
    assert!(
        doc == printed,
        "docs/codebook.md differs from `baogao codebook` (the dictionary or a schema changed)\n\
         hint: just codebook (cargo run -p baogao-cli -- codebook > docs/codebook.md)"
    );
    // what an economist looks up in it
    for needed in [
        "`unemployment_rate:registered`",
        "`rural_income:net`",
        "| `>=` |",
        "`parent_value`",
        "`value_std`",
        "亿美元 is never converted",
        "`national`",
    ] {
        assert!(printed.contains(needed), "the codebook lacks {needed}");
    }
}
