# The everyday commands. CI (.ci/run) runs lint, test and demo.

# List the recipes.
default:
    @just --list

# Unit, end-to-end and reader tests (makes .venv with duckdb/pyarrow/pandas).
test *ARGS:
    scripts/test {{ARGS}}

# Only the end-to-end tests against the loopback sample site.
e2e:
    scripts/test -p baogao-e2e

# Formatting and clippy, as CI runs them.
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --locked -- -D warnings

# Crawl the bundled sample site on loopback into demo-out/, then query it.
# (The sample links to missing pages on purpose: a partial run, exit code 1.)
demo:
    cargo run --locked -q -p baogao-cli -- demo --output demo-out || [ $? -eq 1 ]
    .venv/bin/python -c "import duckdb; print(duckdb.sql(\"select r.region, t.indicator, t.value, t.unit, t.qualifier from read_parquet('demo-out/targets/**/*.parquet', hive_partitioning = true) t join read_parquet('demo-out/reports/**/*.parquet', hive_partitioning = true) r using (doc_id) order by r.region, t.indicator\"))"

# Regenerate docs/codebook.md from the dictionary and the schemas (a test
# fails while the two disagree).
codebook:
    cargo run --locked -q -p baogao-cli -- codebook > docs/codebook.md

# Extraction scores on the bundled gold files
# (the real texts: dev2 and real/dev are the parts rules are written against,
# real/unseen is only scored; fixtures/real/README.md)
eval:
    cargo run --locked -q -p baogao-cli -- eval fixtures/gold fixtures/seeds
    cargo run --locked -q -p baogao-cli -- eval fixtures/dev/gold fixtures/dev/reports
    cargo run --locked -q -p baogao-cli -- eval fixtures/dev2/gold fixtures/dev2/reports
    cargo run --locked -q -p baogao-cli -- eval fixtures/real/dev/gold fixtures/real/dev/reports
    cargo run --locked -q -p baogao-cli -- eval fixtures/real/unseen/gold fixtures/real/unseen/reports

# Benchmarks (BENCHMARKS.md): per-stage criterion, end to end at N = 1,000 and
# 20,000 pages against Scrapy + trafilatura + pyarrow, cleaner vs trafilatura.
# ~30 min; loopback only; venv in /tmp/baogao-bench-venv.
bench *ARGS:
    scripts/bench/run {{ARGS}}

# The same, small N and short criterion runs (~3 min).
bench-quick *ARGS:
    scripts/bench/run --quick {{ARGS}}

# Instructions the extractor spends per text (callgrind; needs valgrind):
# deterministic where timings are noisy. `just bench-instructions BINARY SET`.
bench-instructions *ARGS:
    scripts/bench/instructions {{ARGS}}

# How the extractor reads a labelled set rewritten the ways other pages and
# reports write it (docs/robustness.md): `just robustness BINARY SET KIND...`.
robustness *ARGS:
    scripts/robustness/run {{ARGS}}

# CI, locally.
ci:
    bash .ci/run

# The learned sentence locator against the rules (docs/locating.md): trained
# on the development sets, scored sentence by sentence on every set.
locator-compare:
    cargo run --locked -q -p baogao-cli -- locator-compare \
        --train fixtures/real/dev/gold:fixtures/real/dev/reports \
        --train fixtures/dev/gold:fixtures/dev/reports \
        --train fixtures/gold:fixtures/seeds \
        --test fixtures/real/dev/gold:fixtures/real/dev/reports \
        --test fixtures/real/unseen/gold:fixtures/real/unseen/reports \
        --test fixtures/dev2/gold:fixtures/dev2/reports
