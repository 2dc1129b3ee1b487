//! Every chart of the page at the default settings, built from the real data
//! files by the `figures` functions and drawn natively: compared with SVG
//! snapshots in tests/snapshots (`UPDATE_SNAPSHOTS=1` rewrites them), and
//! checked for y-axis tick labels that read the same.

mod common;

use common::{defaults, Decomposed, Page};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendTextStyle, DrawingErrorKind, FontTransform};
use selloff::charts::band::BandChart;
use selloff::charts::cascade::RoundsChart;
use selloff::charts::flows::FlowsChart;
use selloff::charts::lines::LineChart;
use selloff::charts::timeline::TimelineChart;
use selloff::charts::waterfall::Step;
use selloff::charts::{self, paper, Drawn, Frame, ReadPoint};
use selloff::figures::{intro, liquidations, liquidity, rates, synthesis, tariffs};
use selloff::model::date::Date;
use selloff::scenario::model::Model;
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

const W: u32 = 640;
const H: u32 = 360;
const FRAME: Frame = Frame::light(W as f64, H as f64, 1.0);

/// A chart's input, whichever chart it is.
enum Chart {
    Timeline(TimelineChart),
    Lines(LineChart),
    Band(BandChart),
    Flows(FlowsChart),
    Rounds(RoundsChart),
    Map(Vec<(f64, f64, f64)>),
    Waterfall(Vec<Step>),
}

impl Chart {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, f: Frame) -> Drawn {
        match self {
            Chart::Timeline(c) => charts::timeline::draw(root, f, c),
            Chart::Lines(c) => charts::lines::draw(root, f, c),
            Chart::Band(c) => charts::band::draw(root, f, c),
            Chart::Flows(c) => charts::flows::draw(root, f, c),
            Chart::Rounds(c) => charts::cascade::rounds(root, f, c),
            Chart::Map(bins) => charts::cascade::map(root, f, bins),
            Chart::Waterfall(steps) => charts::waterfall::draw(root, f, steps),
        }
    }
}

impl Chart {
    /// The read-out's points, as the page's ChartCanvas receives them.
    fn readout(&self) -> Vec<ReadPoint> {
        match self {
            Chart::Timeline(c) => c.readout(),
            Chart::Lines(c) => c.readout(),
            Chart::Band(c) => c.readout(),
            Chart::Flows(c) => c.readout(),
            Chart::Rounds(c) => c.readout(),
            Chart::Map(bins) => charts::cascade::map_readout(bins),
            Chart::Waterfall(steps) => charts::waterfall::readout(steps),
        }
    }
}

/// Every chart of the page at the model's settings, from the wiring
/// functions the sections call.
fn page_charts(page: &Page, model: &Model) -> Vec<(&'static str, Chart)> {
    let s = &model.settings;
    let lenses = rates::lenses(&page.basis, &page.markets, model);
    let c = &model.cascade;
    vec![
        ("timeline", Chart::Timeline(intro::chart(&page.markets, &page.events).unwrap())),
        ("rates_textbook", Chart::Lines(lenses.textbook())),
        ("rates_empirical", Chart::Lines(lenses.empirical())),
        (
            "correlation",
            Chart::Band(tariffs::correlation_chart(&page.basis, &page.events, s.corr_window, s.corr_adjusted)),
        ),
        ("flows", Chart::Flows(liquidity::flows_chart(&page.flows, &page.markets, &page.events))),
        ("impact", Chart::Lines(liquidity::impact_chart_at(model))),
        ("cascade_rounds", Chart::Rounds(liquidations::rounds_chart(c, c.rounds.len()))),
        ("liquidation_map", Chart::Map(liquidations::map_at(model))),
        ("waterfall_btc", Chart::Waterfall(synthesis::waterfall(&model.dec().btc))),
        ("waterfall_spx", Chart::Waterfall(synthesis::waterfall(&model.dec().spx))),
    ]
}

fn svg(chart: &Chart) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (W, H)).into_drawing_area();
        paper(&root, FRAME.pal).unwrap();
        chart.draw(&root, FRAME).unwrap();
    }
    out
}

#[test]
fn charts_match_their_svg_snapshots() {
    let page = Page::load();
    let model = page.model(defaults());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for (name, chart) in page_charts(&page, &model) {
        let got = svg(&chart);
        assert_eq!(got, svg(&chart), "{name}: drawing twice gives different SVG");
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("no snapshot {}: run with UPDATE_SNAPSHOTS=1", path.display()));
        if got != want {
            let (i, (a, b)) = got
                .lines()
                .chain(std::iter::repeat("<end of file>"))
                .zip(want.lines().chain(std::iter::repeat("<end of file>")))
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap();
            failures.push(format!("{name}.svg differs at line {}:\n  drawn:    {a}\n  snapshot: {b}", i + 1));
        }
    }
    assert!(failures.is_empty(), "{}\n(UPDATE_SNAPSHOTS=1 rewrites the snapshots)", failures.join("\n"));
}

/// A text drawn: its content, x position and anchor.
type DrawnText = (String, i32, HPos, VPos);

/// A backend that draws nothing and keeps every text with its anchor.
struct Texts {
    texts: Rc<RefCell<Vec<DrawnText>>>,
}

impl DrawingBackend for Texts {
    type ErrorType = std::io::Error;

    fn get_size(&self) -> (u32, u32) {
        (W, H)
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if matches!(style.transform(), FontTransform::None) {
            self.texts.borrow_mut().push((text.to_string(), pos.0, style.anchor().h_pos, style.anchor().v_pos));
        }
        Ok(())
    }
}

/// Every text a chart draws (not rotated), with its anchor.
fn drawn_texts(chart: &Chart) -> Vec<DrawnText> {
    let texts = Rc::new(RefCell::new(Vec::new()));
    let root = Texts { texts: texts.clone() }.into_drawing_area();
    chart.draw(&root, FRAME).unwrap();
    drop(root);
    texts.take()
}

/// The y-axis tick labels a chart draws: (left axis, right axis).
fn y_ticks(chart: &Chart) -> (Vec<String>, Vec<String>) {
    let ticks = drawn_texts(chart).into_iter().filter(|t| matches!(t.3, VPos::Center));
    let (left, right): (Vec<_>, Vec<_>) = ticks.partition(|t| t.1 < W as i32 / 2);
    (left.into_iter().map(|t| t.0).collect(), right.into_iter().map(|t| t.0).collect())
}

#[test]
fn no_two_y_tick_labels_read_the_same() {
    let page = Page::load();
    let model = page.model(defaults());
    for (name, chart) in page_charts(&page, &model) {
        let (left, right) = y_ticks(&chart);
        println!("{name}: {left:?} | {right:?}");
        assert!(left.len() >= 3, "{name}: expected y tick labels, got {left:?}");
        for labels in [&left, &right] {
            let mut seen = labels.clone();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), labels.len(), "{name}: repeated tick labels {labels:?}");
            assert!(labels.iter().all(|l| !l.contains('-')), "{name}: ASCII hyphen as a minus in {labels:?}");
        }
    }
}

#[test]
fn every_chart_has_a_readout_inside_its_axis() {
    let page = Page::load();
    let model = page.model(defaults());
    for (name, chart) in page_charts(&page, &model) {
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, (W, H)).into_drawing_area();
        let axis = chart.draw(&root, FRAME).unwrap().expect("an x axis");
        drop(root);
        let points = chart.readout();
        assert!(points.len() >= 2, "{name}: {} read-out points", points.len());
        assert!(points.windows(2).all(|w| w[0].x < w[1].x), "{name}: read-out not sorted by x");
        for p in &points {
            assert!(axis.at(p.x).is_some(), "{name}: {} at x {} is off the axis", p.title, p.x);
            assert!(!p.rows.is_empty(), "{name}: {} has no values", p.title);
            let text = p.sentence();
            assert!(!text.contains("NaN") && !text.contains("inf") && !text.contains('-'), "{name}: {text}");
        }
    }
}

#[test]
fn readouts_show_the_values_drawn() {
    let page = Page::load();
    let model = page.model(defaults());
    let charts = page_charts(&page, &model);
    let find = |n: &str| &charts.iter().find(|c| c.0 == n).unwrap().1;
    // The timeline on 20 Nov: the same values as its table.
    let Chart::Timeline(t) = find("timeline") else { panic!() };
    let day = Date::parse("2025-11-20").unwrap();
    let p = t.readout().into_iter().find(|p| p.x == day.days() as f64).unwrap();
    let row = intro::table_rows(&t.timeline).into_iter().find(|r| r[0] == day.long()).unwrap();
    assert_eq!(p.rows[0].value, row[1], "S&P 500");
    assert_eq!(p.rows[1].value, row[2], "Bitcoin");
    // Thanksgiving and a weekend: the S&P 500's row says why it has no value.
    for (day, why) in [("2025-11-27", "no close (market holiday)"), ("2025-11-22", "no close (weekend)")] {
        let x = Date::parse(day).unwrap().days() as f64;
        let p = t.readout().into_iter().find(|p| p.x == x).unwrap();
        assert_eq!((p.rows[0].name.as_str(), p.rows[0].value.as_str()), ("S&P 500", why), "{day}");
    }
    // The S&P 500 waterfall: one point per bar, with the bar's value.
    let Chart::Waterfall(steps) = find("waterfall_spx") else { panic!() };
    let r = charts::waterfall::readout(steps);
    assert_eq!(r.len(), steps.len());
    for (p, s) in r.iter().zip(steps) {
        assert_eq!(p.title, s.label);
        let want = s.range.map_or_else(
            || selloff::format::pct_signed(s.value, 2),
            |(lo, hi)| selloff::format::pct_with_range(s.value, lo, hi),
        );
        assert_eq!(p.rows[0].value, want);
    }
}

#[test]
fn no_chart_text_uses_a_hyphen_for_minus() {
    let page = Page::load();
    let model = page.model(defaults());
    for (name, chart) in page_charts(&page, &model) {
        for (text, ..) in drawn_texts(&chart) {
            let hyphen_minus = text.as_bytes().windows(2).any(|w| w[0] == b'-' && w[1].is_ascii_digit());
            assert!(!hyphen_minus, "{name}: '{text}' has a hyphen for a minus");
        }
    }
}

#[test]
fn no_two_x_tick_labels_read_the_same() {
    let page = Page::load();
    let model = page.model(defaults());
    for (name, chart) in page_charts(&page, &model) {
        // x tick labels are centred under their tick, hanging from the axis.
        let labels: Vec<String> = drawn_texts(&chart)
            .into_iter()
            .filter(|t| matches!((t.2, t.3), (HPos::Center, VPos::Top)) && !t.0.is_empty())
            .map(|t| t.0)
            .collect();
        println!("{name}: {labels:?}");
        assert!(labels.len() >= 3, "{name}: expected x tick labels, got {labels:?}");
        let mut seen = labels.clone();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), labels.len(), "{name}: repeated x tick labels {labels:?}");
    }
}
