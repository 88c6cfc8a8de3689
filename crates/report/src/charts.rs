//! The report's charts, drawn by `plotters` into SVG strings.
//!
//! Text goes into the SVG as `<text>` elements in the [`FONT_STACK`]
//! families, so the browser draws Chinese labels with a CJK font of the
//! machine; plotters only estimates the text size, for layout.

use std::collections::BTreeMap;

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::ReportError;

/// Fonts with Chinese glyphs on Linux (Noto, Source Han, WenQuanYi), macOS
/// (PingFang) and Windows (Microsoft YaHei), then the default sans-serif.
pub const FONT_STACK: &str = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, \
     Noto Sans SC, WenQuanYi Micro Hei, sans-serif";

/// Width of every chart, in pixels.
const WIDTH: u32 = 960;

/// Series colours (Tableau 10).
pub(crate) const PALETTE: [RGBColor; 10] = [
    RGBColor(78, 121, 167),
    RGBColor(242, 142, 43),
    RGBColor(89, 161, 79),
    RGBColor(225, 87, 89),
    RGBColor(118, 183, 178),
    RGBColor(237, 201, 72),
    RGBColor(176, 122, 161),
    RGBColor(255, 157, 167),
    RGBColor(156, 117, 95),
    RGBColor(186, 176, 172),
];

/// The colour of an empty heat-map cell: a gap.
const GAP: RGBColor = RGBColor(244, 244, 244);

fn font(size: f64) -> TextStyle<'static> {
    FontDesc::new(FontFamily::Name(FONT_STACK), size, FontStyle::Normal).color(&BLACK)
}

fn chart_err<E: std::fmt::Debug>(chart: &'static str) -> impl Fn(E) -> ReportError {
    move |e| ReportError::Chart {
        chart,
        message: format!("{e:?}"),
    }
}

/// A segment's edges on a segmented axis of `n` segments: segment `i`
/// spans `edge(i)..edge(i + 1)`.
fn edge(i: usize, n: usize) -> SegmentValue<usize> {
    if i >= n {
        SegmentValue::Last
    } else {
        SegmentValue::Exact(i)
    }
}

fn center_label(names: &[String], v: &SegmentValue<usize>) -> String {
    match v {
        SegmentValue::CenterOf(i) => names.get(*i).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// Heat-map colour of `count` out of `max`: light to dark blue, gaps grey.
fn heat(count: u64, max: u64) -> RGBColor {
    if count == 0 || max == 0 {
        return GAP;
    }
    let t = (count as f64 / max as f64).sqrt();
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    RGBColor(mix(198, 8), mix(219, 48), mix(239, 107))
}

/// A heat map: `rows` (top to bottom) × `cols` (left to right), the count of
/// each cell written in it; empty cells are grey.
pub(crate) fn heatmap(
    rows: &[String],
    cols: &[String],
    count: impl Fn(usize, usize) -> u64,
) -> Result<String, ReportError> {
    const NAME: &str = "coverage";
    let (nr, nc) = (rows.len(), cols.len());
    let height = (nr as u32 * 22 + 80).max(160);
    let max = (0..nr)
        .flat_map(|r| (0..nc).map(move |c| (r, c)))
        .map(|(r, c)| count(r, c))
        .max()
        .unwrap_or(0);
    // rows from the top: the first row is drawn at the highest y segment
    let ylabels: Vec<String> = rows.iter().rev().cloned().collect();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        area.fill(&WHITE).map_err(chart_err(NAME))?;
        let mut chart = ChartBuilder::on(&area)
            .margin(10)
            .x_label_area_size(30)
            .y_label_area_size(120)
            .build_cartesian_2d(
                (0..nc.saturating_sub(1)).into_segmented(),
                (0..nr.saturating_sub(1)).into_segmented(),
            )
            .map_err(chart_err(NAME))?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(nc)
            .y_labels(nr)
            .x_label_formatter(&|v| center_label(cols, v))
            .y_label_formatter(&|v| center_label(&ylabels, v))
            .label_style(font(13.0))
            .draw()
            .map_err(chart_err(NAME))?;
        let mut cells = Vec::new();
        let mut labels = Vec::new();
        for r in 0..nr {
            let y = nr - 1 - r;
            for c in 0..nc {
                let n = count(r, c);
                let color = heat(n, max);
                cells.push(Rectangle::new(
                    [
                        (edge(c, nc), edge(y, nr)),
                        (edge(c + 1, nc), edge(y + 1, nr)),
                    ],
                    ShapeStyle::from(&color).filled(),
                ));
                if n > 0 {
                    let ink: &'static RGBColor = if n * 2 > max { &WHITE } else { &BLACK };
                    labels.push(Text::new(
                        n.to_string(),
                        (SegmentValue::CenterOf(c), SegmentValue::CenterOf(y)),
                        font(14.0)
                            .color(ink)
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    ));
                }
            }
        }
        chart.draw_series(cells).map_err(chart_err(NAME))?;
        chart.draw_series(labels).map_err(chart_err(NAME))?;
        area.present().map_err(chart_err(NAME))?;
    }
    Ok(svg)
}

/// Stacked bars: one bar per category, one stacked part per series
/// (`series[s].1[c]` is the part of series `s` in category `c`).
/// `horizontal` bars run left to right, the first category on top.
pub(crate) fn stacked_bars(
    name: &'static str,
    categories: &[String],
    series: &[(String, Vec<f64>)],
    horizontal: bool,
    value_desc: &str,
) -> Result<String, ReportError> {
    let n = categories.len();
    let totals: Vec<f64> = (0..n)
        .map(|c| {
            series
                .iter()
                .map(|(_, v)| v.get(c).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().fold(0.0, f64::max).max(1.0) * 1.08;
    let height = if horizontal {
        (n as u32 * 20 + 90).max(160)
    } else {
        320
    };
    let legend = series.len() > 1;
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        area.fill(&WHITE).map_err(chart_err(name))?;
        let seg = (0..n.saturating_sub(1)).into_segmented();
        let names: Vec<String> = if horizontal {
            categories.iter().rev().cloned().collect()
        } else {
            categories.to_vec()
        };
        // category c is drawn in segment `slot(c)`
        let slot = |c: usize| if horizontal { n - 1 - c } else { c };
        macro_rules! bars {
            ($chart:ident, $rect:expr) => {{
                for (s, (label, values)) in series.iter().enumerate() {
                    let color = PALETTE[s % PALETTE.len()];
                    let mut parts = Vec::new();
                    for c in 0..n {
                        let v = values.get(c).copied().unwrap_or(0.0);
                        if v <= 0.0 {
                            continue;
                        }
                        let below: f64 = series[..s]
                            .iter()
                            .map(|(_, v)| v.get(c).copied().unwrap_or(0.0))
                            .sum();
                        let rect: fn(usize, usize, f64, f64) -> _ = $rect;
                        parts.push(Rectangle::new(
                            rect(slot(c), n, below, below + v),
                            ShapeStyle::from(&color).filled(),
                        ));
                    }
                    let drawn = $chart.draw_series(parts).map_err(chart_err(name))?;
                    if legend {
                        drawn.label(label.as_str()).legend(move |(x, y)| {
                            Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled())
                        });
                    }
                }
                if legend {
                    $chart
                        .configure_series_labels()
                        .position(SeriesLabelPosition::UpperRight)
                        .background_style(WHITE.mix(0.85))
                        .border_style(RGBColor(200, 200, 200))
                        .label_font(font(12.0))
                        .draw()
                        .map_err(chart_err(name))?;
                }
            }};
        }
        if horizontal {
            let mut chart = ChartBuilder::on(&area)
                .margin(10)
                .x_label_area_size(40)
                .y_label_area_size(220)
                .build_cartesian_2d(0.0..max, seg)
                .map_err(chart_err(name))?;
            chart
                .configure_mesh()
                .disable_y_mesh()
                .y_labels(n)
                .y_label_formatter(&|v| center_label(&names, v))
                .x_desc(value_desc)
                .light_line_style(TRANSPARENT)
                .bold_line_style(RGBColor(225, 225, 225))
                .label_style(font(12.0))
                .axis_desc_style(font(13.0))
                .draw()
                .map_err(chart_err(name))?;
            bars!(chart, |i, n, a, b| [(a, edge(i, n)), (b, edge(i + 1, n))]);
        } else {
            let mut chart = ChartBuilder::on(&area)
                .margin(10)
                .x_label_area_size(40)
                .y_label_area_size(60)
                .build_cartesian_2d(seg, 0.0..max)
                .map_err(chart_err(name))?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_labels(n)
                .x_label_formatter(&|v| center_label(&names, v))
                .y_desc(value_desc)
                .light_line_style(TRANSPARENT)
                .bold_line_style(RGBColor(225, 225, 225))
                .label_style(font(12.0))
                .axis_desc_style(font(13.0))
                .draw()
                .map_err(chart_err(name))?;
            bars!(chart, |i, n, a, b| [(edge(i, n), a), (edge(i + 1, n), b)]);
        }
        area.present().map_err(chart_err(name))?;
    }
    Ok(svg)
}

/// One point per `(x, value)` (x already spread around its year), and the
/// `medians` by year as a line (and a short bar at each year).
pub(crate) fn points_and_median(
    points: &[(f64, f64)],
    medians: &BTreeMap<i32, f64>,
    value_desc: &str,
) -> Result<String, ReportError> {
    const NAME: &str = "gdp";
    let years: Vec<i32> = medians.keys().copied().collect();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Ok(String::new());
    };
    let lo = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let pad = ((hi - lo) * 0.1).max(0.5);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, 360)).into_drawing_area();
        area.fill(&WHITE).map_err(chart_err(NAME))?;
        let mut chart = ChartBuilder::on(&area)
            .margin(10)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(
                f64::from(first) - 0.6..f64::from(last) + 0.6,
                lo - pad..hi + pad,
            )
            .map_err(chart_err(NAME))?;
        let year_label = |v: &f64| {
            if (v - v.round()).abs() < 1e-6 {
                format!("{v:.0}")
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(years.len() + 2)
            .x_label_formatter(&year_label)
            .y_desc(value_desc)
            .light_line_style(TRANSPARENT)
            .bold_line_style(RGBColor(225, 225, 225))
            .label_style(font(12.0))
            .axis_desc_style(font(13.0))
            .draw()
            .map_err(chart_err(NAME))?;
        let dot = PALETTE[0].mix(0.7).filled();
        chart
            .draw_series(points.iter().map(|&(x, y)| Circle::new((x, y), 4, dot)))
            .map_err(chart_err(NAME))?;
        let line = ShapeStyle::from(&PALETTE[3]).stroke_width(2);
        chart
            .draw_series(LineSeries::new(
                medians.iter().map(|(&y, &m)| (f64::from(y), m)),
                line,
            ))
            .map_err(chart_err(NAME))?;
        chart
            .draw_series(medians.iter().map(|(&y, &m)| {
                PathElement::new(
                    vec![(f64::from(y) - 0.35, m), (f64::from(y) + 0.35, m)],
                    line.stroke_width(3),
                )
            }))
            .map_err(chart_err(NAME))?;
        area.present().map_err(chart_err(NAME))?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heat_map_draws_a_cell_per_region_year_with_its_count() {
        let rows = vec!["山西省".to_owned(), "四川省".to_owned()];
        let cols = vec!["2023".to_owned(), "2024".to_owned(), "2025".to_owned()];
        let svg = heatmap(&rows, &cols, |r, c| [[3, 0, 1], [0, 0, 7]][r][c])
            .unwrap()
            .replace('\n', "");
        assert!(svg.contains(">山西省</text>"), "{svg}");
        assert!(svg.contains(FONT_STACK));
        // counts 3, 1, 7 written in their cells; empty cells grey
        for n in ["3", "1", "7"] {
            assert!(svg.contains(&format!(">{n}</text>")), "{n}");
        }
        assert_eq!(svg.matches("fill=\"#F4F4F4\"").count(), 3, "{svg}");
    }

    #[test]
    fn stacked_bars_draw_one_rect_per_non_zero_part() {
        let cats = vec!["gdp".to_owned(), "cpi".to_owned()];
        let series = vec![
            (">=".to_owned(), vec![2.0, 0.0]),
            ("~".to_owned(), vec![1.0, 4.0]),
        ];
        let svg = stacked_bars("t", &cats, &series, true, "reports").unwrap();
        let blue = format!(
            "fill=\"#{:02X}{:02X}{:02X}\"",
            PALETTE[0].0, PALETTE[0].1, PALETTE[0].2
        );
        // one bar part and one legend swatch
        assert_eq!(svg.matches(&blue).count(), 2, "{svg}");
    }
}
