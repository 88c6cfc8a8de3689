//! Benchmarks of baogao: a corpus generator and the helpers of the bench binary.
//!
//! In: a page count and a seed. Out: a report site in the layouts of
//! `fixtures/site` ([`corpus::generate`]) that the criterion benches
//! (`benches/stages.rs`) run the stages over in memory, and that the
//! `baogao-bench` binary writes to disk, serves on `127.0.0.1` and crawls
//! end to end, reporting pages/s, CPU seconds per page and peak RSS
//! ([`procstat`]); and it serves many small sites on as many loopback
//! addresses and crawls them at once at a polite rate ([`hosts`]: the
//! scheduler's benchmark). `scripts/bench/run` drives it all and compares with
//! Scrapy + trafilatura + pyarrow; `BENCHMARKS.md` has the figures.
//!
//! ```
//! let site = baogao_bench::corpus::generate(10, 1);
//! assert!(site.pages() >= 10);
//! let html = site.articles[1].joined_html(); // GBK article, three parts
//! assert!(html.contains(baogao_model::PAGE_BREAK));
//! ```

pub mod corpus;
pub mod hosts;
pub mod procstat;
