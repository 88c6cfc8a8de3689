//! Tests of the config: parsing, validation and its messages.

use super::validate::key_position;
use super::*;
use baogao_clean::CleanRules;

fn load(src: &str) -> Result<Config, PipelineError> {
    Config::from_str(Path::new("/tmp/job.toml"), src)
}

#[test]
fn the_example_config_parses() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../config/example.toml");
    let c = Config::load(Path::new(path)).unwrap();
    assert!(!c.fetch.seeds.is_empty());
    // the file's values are read, not the defaults (the cli's tests check the file
    // key by key)
    let raw: RawConfig = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!((c.fetch.per_host_rate - raw.fetch.per_host_rate).abs() < f64::EPSILON);
}

#[test]
fn an_unknown_key_names_file_line_and_column() {
    let err = load("[fetch]\nseeds = []\nper_host_rat = 2.0\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("/tmp/job.toml"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("per_host_rat"), "{err}");
}

#[test]
fn bad_values_are_all_reported_with_their_position() {
    let err = load(
        "[fetch]\nseeds = [\"ftp://x/\"]\nfollow = [\"(\"]\ntimeout = \"soon\"\nper_host_rate = -1.0\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("/tmp/job.toml:2:10: `fetch.seeds`"), "{err}");
    assert!(
        err.contains("/tmp/job.toml:3:11: `fetch.follow`: bad regex"),
        "{err}"
    );
    assert!(err.contains("/tmp/job.toml:4:11: `fetch.timeout`"), "{err}");
    assert!(
        err.contains("/tmp/job.toml:5:1: `fetch.per_host_rate`"),
        "{err}"
    );
}

#[test]
fn numbers_out_of_range_and_bad_selectors_name_their_line() {
    let err = load(
        "[pipeline]
channel_capacity = 0
[fetch]
  concurrency = 0
[fetch.hosts.\"a.example.cn\"]
per_host_rate = 0.0
[clean]
drop_selectors = [\"div[[\"]\n",
    )
    .unwrap_err()
    .to_string();
    for want in [
        "/tmp/job.toml:2:1: `pipeline.channel_capacity`",
        "/tmp/job.toml:4:3: `fetch.concurrency`",
        "/tmp/job.toml:6:1: `fetch.hosts.\"a.example.cn\".per_host_rate`",
        "/tmp/job.toml:8:1: `clean.drop_selectors`: invalid CSS selector",
    ] {
        assert!(err.contains(want), "{want} in {err}");
    }
    // a default at fault has no line to name
    assert_eq!(
        key_position(
            "[fetch]
seeds = []
",
            "fetch.burst"
        ),
        None
    );
    assert_eq!(
        key_position(
            "fetch.burst = 0
",
            "fetch.burst"
        ),
        Some((1, 1))
    );
}

#[test]
fn sizes_and_durations_are_human_strings() {
    assert_eq!(parse_size("16MiB"), Some(16 * 1024 * 1024));
    assert_eq!(parse_size("1 GB"), Some(1_000_000_000));
    assert_eq!(parse_size("12 parsecs"), None);
    let c = load("[fetch]\ntimeout = \"1m 30s\"\nmax_body_size = \"1KiB\"\n").unwrap();
    assert_eq!(c.fetch.timeout, Duration::from_secs(90));
    assert_eq!(c.fetch.max_body_size, 1024);
}

#[test]
fn what_run_would_refuse_check_refuses_with_its_line() {
    let err = load("[fetch]\nmax_body_size = \"0B\"\ntimeout = \"0s\"\nuser_agent = \"a\\nb\"\n")
        .unwrap_err()
        .to_string();
    for want in [
        "/tmp/job.toml:2:17: `fetch.max_body_size`: `0B` is zero",
        "/tmp/job.toml:3:11: `fetch.timeout`: `0s` is zero",
        "/tmp/job.toml:4:14: `fetch.user_agent`",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    let err = load("[pipeline]\noutput = \"\"\n").unwrap_err().to_string();
    for want in ["/tmp/job.toml:2:10: `pipeline.output`: is empty", "hint: "] {
        assert!(err.contains(want), "{want}\n{err}");
    }
}

#[test]
fn empty_seeds_is_a_config_error() {
    for src in [
        "[fetch]\nseeds = []\n",
        "[fetch]\nfollow = [\"/baogao/\"]\n",
        "[pipeline]\noutput = \"data\"\n",
    ] {
        let c = load(src).unwrap();
        let err = c.check_for(Stage::Fetch).unwrap_err().to_string();
        assert!(
            err.contains("/tmp/job.toml: `fetch.seeds`: no start URLs"),
            "{err}"
        );
        assert!(err.contains("\nhint: "), "{err}");
        // stage re-runs read the dataset: no seeds needed
        c.check_for(Stage::Clean).unwrap();
        c.check_for(Stage::Extract).unwrap();
    }
    load("[fetch]\nseeds = [\"http://127.0.0.1/\"]\n")
        .unwrap()
        .check_for(Stage::Fetch)
        .unwrap();
    // a seed file with only comments gives no seeds either
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("seeds.txt"), "# none yet\n").unwrap();
    let c = Config::from_str(
        &dir.path().join("job.toml"),
        "[fetch]\nseed_files = [\"seeds.txt\"]\n",
    )
    .unwrap();
    assert!(c.check_for(Stage::Fetch).is_err());
    // a mis-named section is an unknown key
    let err = load("[fecth]\nseeds = [\"http://127.0.0.1/\"]\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `fecth`"), "{err}");
}

#[test]
fn check_prints_toml_that_parses_back_as_the_same_config() {
    let src = "[pipeline]\nmax_duration = \"1h\"\n[fetch]\nseeds = [\"http://127.0.0.1/a b\"]\n\
               follow = [\"/baogao/\\\\d+\"]\ntimeout = \"90s\"\n\
               [fetch.hosts.\"www.x.gov.cn\"]\nper_host_rate = 0.5\n\
               [clean]\ndrop_selectors = [\"div.share\"]\n";
    let c = load(src).unwrap();
    let text = describe(&c);
    assert!(text.contains("fetch.per_host_rate = 1.0"), "{text}");
    assert!(text.contains("# fetch.max_pages is not set"), "{text}");
    assert!(!text.contains("Some("), "{text}");
    let back = load(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(describe(&back), text);
}

#[test]
fn relative_output_is_relative_to_the_config_file() {
    let c = load("[pipeline]\noutput = \"data\"\n").unwrap();
    assert_eq!(c.output, PathBuf::from("/tmp/data"));
}

/// `[clean]` is read into the pipeline's own table and handed to the
/// cleaner as its typed rules: an empty table is the cleaner's defaults,
/// and every key the user wrote arrives.
#[test]
fn the_clean_table_becomes_the_cleaners_rules() {
    let c = load("[fetch]\nseeds = [\"http://127.0.0.1:1/\"]\n").unwrap();
    assert_eq!(c.clean.rules(), &CleanRules::default());
    let c = load(
        "[fetch]\nseeds = [\"http://127.0.0.1:1/\"]\n[clean]\ndrop_selectors = [\"div.share\"]\nmax_link_density = 0.3\njoin_split_paragraphs = false\n",
    )
    .unwrap();
    let r = c.clean.rules();
    assert_eq!(r.drop_selectors, ["div.share"]);
    assert!((r.max_link_density - 0.3).abs() < 1e-9);
    assert!(!r.join_split_paragraphs);
    assert_eq!(
        r.min_paragraph_chars,
        CleanRules::default().min_paragraph_chars
    );
    assert_eq!(CleanRules::from(RawClean::from(r)), *r);
}
