//! The answer on the first screen: one sentence of the page's finding (how
//! much of each asset's move the causes explain, and how much nothing here
//! explains) and the bars of a compact figure, both from the synthesis's
//! decomposition at the current settings, so they follow the sliders.

use super::synthesis::{cause_label, horizon_short, NOT_EXPLAINED};
use crate::format::{pct_abs, pct_signed};
use crate::scenario::{Cause, Decomposition, Decompositions};

/// One bar of the compact figure: a part of the move, in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: &'static str,
    pub value_pct: f64,
    /// The part was put in (the S&P 500's own move passed on by β), not
    /// explained by the models.
    pub input: bool,
    /// The cause this bar belongs to (`None`: not explained).
    pub cause: Option<Cause>,
}

/// The bars of one asset: each modelled part, then what is not explained.
pub fn bars(dec: &Decomposition) -> Vec<Bar> {
    let mut out: Vec<Bar> = dec
        .parts
        .iter()
        .map(|p| Bar { label: cause_label(p.cause), value_pct: p.value, input: p.input, cause: Some(p.cause) })
        .collect();
    out.push(Bar { label: NOT_EXPLAINED, value_pct: dec.not_explained().0, input: false, cause: None });
    out
}

/// "fell 4.7%" / "rose 0.3%".
fn moved(v: f64) -> String {
    format!("{} {}", if v < 0.0 { "fell" } else { "rose" }, pct_abs(v, 2))
}

/// The finding in one sentence, e.g. "Over 20 Nov, Bitcoin fell 5.30% and
/// the S&P 500 fell 1.56%. Of Bitcoin's move, −3.19% is the stock market's
/// own fall passed on by β (an input, not explained here), the other causes'
/// models add −0.19%, and −1.92% is not explained. For the S&P 500 the
/// models give +0.08%, and −1.64% is not explained."
pub fn headline(d: &Decompositions) -> String {
    let (b, s) = (&d.btc, &d.spx);
    let input: f64 = b.parts.iter().filter(|p| p.input).map(|p| p.value).sum();
    let own: f64 = b.parts.iter().filter(|p| !p.input).map(|p| p.value).sum();
    let input_text = if b.parts.iter().any(|p| p.input) {
        format!(
            "{} is the stock market's own fall passed on by β (an input, not explained here), ",
            pct_signed(input, 2)
        )
    } else {
        String::new()
    };
    format!(
        "Over {}, Bitcoin {} and the S&P 500 {}. Of Bitcoin's move, {}the other causes' models add {}, and {} is \
         not explained. For the S&P 500 the models give {}, and {} is not explained.",
        horizon_short(b.horizon),
        moved(b.actual),
        moved(s.actual),
        input_text,
        pct_signed(own, 2),
        pct_signed(b.not_explained().0, 2),
        pct_signed(s.modelled().0, 2),
        pct_signed(s.not_explained().0, 2),
    )
}

/// The live result's two parts, Bitcoin's and the S&P 500's ("Bitcoin
/// −3.38% of −5.30%"), so a narrow bar can set them on two short lines.
pub fn live_parts(d: &Decompositions) -> [String; 2] {
    [
        format!("Bitcoin {} of {}", pct_signed(d.btc.modelled().0, 2), pct_signed(d.btc.actual, 2)),
        format!("S&P 500 {} of {}", pct_signed(d.spx.modelled().0, 2), pct_signed(d.spx.actual, 2)),
    ]
}

/// The live result beside the two global sliders: the modelled moves against
/// the actual ones ("Model: Bitcoin −2.90% of −4.71%; S&P 500 −0.21% of −1.56%").
pub fn live_result(d: &Decompositions) -> String {
    let [btc, spx] = live_parts(d);
    format!("Model: {btc}; {spx}")
}

/// The leverage slider's most intuitive consequence, in words.
pub fn leverage_consequence(lev_x: f64, maintenance: f64) -> String {
    let fall = -crate::model::leverage::long_liq_move_pct(lev_x, maintenance);
    format!("At {}×, a fall of {} wipes out a leveraged long.", crate::state::fmt_num(lev_x), pct_abs(-fall, 2))
}
