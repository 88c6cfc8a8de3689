//! Prints the report, targets and outcomes of text files, one line per record:
//! `cargo run -p baogao-extract --example dump -- FILE…`

use baogao_extract::Extractor;
use baogao_model::Document;

fn main() {
    let ex = Extractor::builtin();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable text file");
        let out = ex.extract(&Document::from_text(&path, &text));
        let r = &out.report;
        println!(
            "== {path}: {:?} {:?} {:?} {:?} {:?} date={:?} year={:?}",
            r.province, r.prefecture, r.region, r.level, r.title, r.report_date, r.target_year
        );
        for t in &out.targets {
            println!(
                "T {} | {} | {} {:?}..{:?} {:?} {} s={:?} {:?} | {}",
                t.indicator,
                t.raw_name,
                t.measure,
                t.value,
                t.value_max,
                t.unit,
                t.qualifier,
                t.stretch_value,
                t.constraint,
                t.text
            );
        }
        for o in &out.outcomes {
            println!(
                "O {} | {} | {} {:?} {:?} est={} | {}",
                o.indicator, o.raw_name, o.measure, o.value, o.unit, o.estimated, o.text
            );
        }
    }
}
