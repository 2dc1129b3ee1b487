//! Questions for class: two or three per cause section, each answered by the
//! page's own models at the current settings, so a teacher who moves a slider
//! gets answers that match what the class sees. Pure: tested natively.

use crate::format::fmt_num;
use crate::format::{grouped, pct_signed, usd, usd_millions};
use crate::model::cascade::Cascade;
use crate::model::leverage::{leverage_wiped_by, long_liq_move_pct, MAINTENANCE};
use crate::model::liquidity::implied_growth_pct;
use crate::model::rates;
use crate::scenario::model::Model;
use crate::scenario::Basis;
use crate::state::Section;

pub mod zh;

/// One question and its answer, both in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub question: String,
    pub answer: String,
}

fn q(question: String, answer: String) -> Question {
    Question { question, answer }
}

/// What the questions are computed from: the data read once, and the one
/// model at the current settings.
pub struct Inputs<'a> {
    pub basis: &'a Basis,
    pub model: &'a Model,
}

/// The questions of `section` (none for the synthesis).
pub fn for_section(section: Section, i: &Inputs) -> Vec<Question> {
    by_section(section, i, [rates_questions, tariffs_questions, liquidity_questions, liquidations_questions])
}

/// One language's questions of each cause section, in the sections' order.
type Askers = [fn(&Inputs) -> Vec<Question>; 4];

fn by_section(section: Section, i: &Inputs, [rates, tariffs, liquidity, liquidations]: Askers) -> Vec<Question> {
    match section {
        Section::Rates => rates(i),
        Section::Tariffs => tariffs(i),
        Section::Liquidity => liquidity(i),
        Section::Liquidations => liquidations(i),
        Section::Synthesis => Vec::new(),
    }
}

fn rates_questions(i: &Inputs) -> Vec<Question> {
    let s = &i.model.settings;
    let reference = super::rates::reference(&i.basis.readings, &s.rate_ref.id());
    let (ref_pct, ref_label) = (reference.map_or(50.0, |r| r.pct), super::rates::ref_label(reference));
    // Bitcoin's β from the one market-inputs table (the chosen window, ending 19 Nov).
    let beta = i.model.inputs().beta();
    let window = i.model.inputs().crisis.map_or(String::new(), |e| {
        format!(", estimated from the {} trading days {} – {}", e.stats.n, e.first.short(), e.last.short())
    });
    let o = rates::outcome(s.cut_pct / 100.0, ref_pct / 100.0, s.growth(), s.nasdaq_beta, beta);
    let bp = o.dr_pp * 100.0;
    let direction = if bp >= 0.0 { "higher" } else { "lower" };
    vec![
        q(
            format!(
                "The odds of a December cut moved from the reference reading ({ref_label}) to {}%. By how many basis \
                 points did the expected December rate change?",
                fmt_num(s.cut_pct)
            ),
            format!(
                "{} bp {direction}: a cut is 25 bp, so the expected rate moves by 25 bp × the change in the odds \
                 ({} − {} percentage points).",
                grouped(bp.abs(), 1),
                fmt_num(ref_pct),
                fmt_num(s.cut_pct)
            ),
        ),
        q(
            format!(
                "At {}% odds, what does the empirical lens predict for the S&P 500 and for Bitcoin over the change?",
                fmt_num(s.cut_pct)
            ),
            format!(
                "S&P 500 {}, Bitcoin {} (model output: Bitcoin's beta to the S&P 500 is {}{window}).",
                pct_signed(o.spx_pct, 2),
                pct_signed(o.btc_pct, 2),
                grouped(beta, 2)
            ),
        ),
        q(
            "At what cut probability does the rate channel explain none of the day's moves?".into(),
            format!(
                "At the reference reading itself, {}%: the model measures price changes from the odds before the \
                 change, so equal odds mean no change.",
                fmt_num(ref_pct)
            ),
        ),
    ]
}

fn tariffs_questions(i: &Inputs) -> Vec<Question> {
    let s = &i.model.settings;
    let wipe_pct = long_liq_move_pct(s.lev_x, MAINTENANCE);
    let mut out = vec![
        q(
            format!("At {}× leverage, how far must Bitcoin fall to wipe out a long?", fmt_num(s.lev_x)),
            format!(
                "{}: the margin is 1/{} of the position, and the long is liquidated when what is left of it falls to the {}% \
                 maintenance margin.",
                pct_signed(wipe_pct, 2),
                fmt_num(s.lev_x),
                fmt_num(MAINTENANCE * 100.0)
            ),
        ),
        q(
            "At what leverage does a 5% fall wipe out a long?".into(),
            format!(
                "About {}×: above it, a 5% fall leaves less than the {}% maintenance margin.",
                grouped(leverage_wiped_by(5.0, MAINTENANCE), 1),
                fmt_num(MAINTENANCE * 100.0)
            ),
        ),
    ];
    {
        let d = &i.model.drivers;
        out.push(q(
            format!(
                "If US stocks fall {}%, what does Bitcoin's beta in the crisis window pass on to Bitcoin?",
                fmt_num(-s.stock_shock_pct)
            ),
            format!(
                "{}: beta {} × {} (model output; beta from the trading days to 19 Nov in the chosen window).",
                pct_signed(d.tariff_btc, 2),
                grouped(d.inputs.beta(), 2),
                pct_signed(s.stock_shock_pct, 1)
            ),
        ));
    }
    out
}

fn liquidity_questions(i: &Inputs) -> Vec<Question> {
    let s = &i.model.settings;
    let mut out = Vec::new();
    {
        let d = &i.model.drivers;
        let depth = if s.depth_cut_pct > 0.0 {
            format!(" with market depth cut by {}%", fmt_num(s.depth_cut_pct))
        } else {
            String::new()
        };
        let lth = if s.with_lth { ", plus the long-term holders' claimed selling," } else { "" };
        out.push(q(
            format!("How far does {} of net selling{lth} move Bitcoin in a day{depth}?", usd_millions(s.sell_usd_m)),
            format!(
                "{} (model output: the square-root law with Bitcoin's daily volatility and the day's Binance \
                 spot volume).",
                pct_signed(d.liquidity_btc, 2)
            ),
        ));
    }
    out.push(q(
        "If the market's depth halves, how much further does the same selling move the price?".into(),
        "About 41% further: the move grows with the square root of selling over volume, and √2 ≈ 1.41.".into(),
    ));
    out.push(q(
        format!(
            "What long-run growth does a price of {} times earnings imply at a {}% discount rate?",
            fmt_num(s.pe),
            fmt_num(s.growth_r_pct)
        ),
        format!(
            "{}% a year, for ever (Gordon growth: g = r − 1/(P/E); an assumption about any company, not data).",
            grouped(implied_growth_pct(s.pe, s.growth_r_pct), 2)
        ),
    ));
    out
}

fn liquidations_questions(i: &Inputs) -> Vec<Question> {
    let s = &i.model.settings;
    let c: &Cascade = &i.model.cascade;
    vec![
        q(
            format!(
                "With leverage centred on {}× and ${} billion of open interest, how much is liquidated and how \
                 far does Bitcoin fall?",
                fmt_num(s.lev_x),
                fmt_num(s.oi_bn)
            ),
            format!(
                "About {} is liquidated and Bitcoin ends {} from {} (model output; the synthetic population is \
                 rounded to two significant figures).",
                usd_millions(two_significant(c.liquidated / 1e6)),
                pct_signed(c.final_pct, 2),
                usd(c.p0, 0)
            ),
        ),
        q(
            "By how much does the cascade amplify its initial shock?".into(),
            format!(
                "{}×: an initial {} becomes {} once forced selling has run its course.",
                grouped(c.amplification, 2),
                pct_signed(c.shock_pct, 2),
                pct_signed(c.final_pct, 2)
            ),
        ),
    ]
}

/// `v` rounded to two significant figures (2,293 → 2,300).
pub fn two_significant(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::two_significant;

    #[test]
    fn two_significant_figures() {
        assert_eq!(two_significant(2293.0), 2300.0);
        assert_eq!(two_significant(22.93), 23.0);
        assert_eq!(two_significant(-0.456), -0.46);
        assert_eq!(two_significant(0.0), 0.0);
    }
}
