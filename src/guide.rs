//! The reader's guide: plain definitions of the page's terms (each opened from
//! a `data-term` button at its first use, and printed as a glossary), and the
//! "try this" scenarios written into the prose (`data-try`), each a change of
//! the settings with what to look for. Pure: tested natively.

use crate::state::{CascadeShock, Horizon, Settings};

pub mod zh;

/// A term and its plain definition, one or two sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// The `data-term` slug.
    pub slug: &'static str,
    pub term: &'static str,
    pub definition: &'static str,
}

/// Every defined term, in the order a reader meets them.
pub const TERMS: &[Term] = &[
    Term { slug: "fedwatch", term: "FedWatch", definition: "CME Group's tool that turns the prices of Fed funds futures into the market's odds of each rate decision at the next Fed meetings." },
    Term { slug: "basis-point", term: "basis point", definition: "A hundredth of a percentage point: 25 basis points (bp) is 0.25 percentage points, the usual size of one Fed rate move." },
    Term { slug: "high-beta", term: "high-beta", definition: "An asset with a high beta moves more than the market: with a beta of 2 it tends to rise or fall 2% when the market moves 1%." },
    Term { slug: "gordon-growth", term: "Gordon growth", definition: "A textbook valuation: a price is next year's cash flow divided by (discount rate − growth rate), so a small rise in rates hits prices that rest on distant growth hardest." },
    Term { slug: "bernanke-kuttner", term: "Bernanke–Kuttner", definition: "An empirical finding (Bernanke and Kuttner, 2005): a surprise quarter-point Fed cut has moved US stock indexes up by about 1%, a rise down by about 1%." },
    Term { slug: "correlation", term: "correlation", definition: "How closely two prices move together, from −1 (always opposite) through 0 (unrelated) to 1 (always together); here, of daily returns." },
    Term { slug: "fisher-band", term: "Fisher band", definition: "The range within which a correlation measured from few days could lie by chance (95% of the time), drawn with Fisher's z transformation." },
    Term { slug: "forbes-rigobon", term: "Forbes–Rigobon", definition: "A correction (Forbes and Rigobon, 2002) for correlations looking higher just because markets are more volatile: it restates the crisis correlation at calm-time volatility." },
    Term { slug: "volatility", term: "volatility", definition: "How much a price typically moves in a day: the standard deviation of its daily returns, in percent." },
    Term { slug: "leverage", term: "leverage", definition: "Trading with borrowed money: at 10× leverage, $1,000 of the trader's own money holds a $10,000 position, so a 10% fall wipes it out." },
    Term { slug: "etf-flow", term: "ETF flow", definition: "Money moving into (inflow) or out of (outflow) exchange-traded funds; a spot Bitcoin ETF buys or sells Bitcoin to match." },
    Term { slug: "long-term-holder", term: "long-term holder", definition: "In on-chain analytics, a wallet that has held its Bitcoin for more than about 155 days; their selling is estimated from coins that move." },
    Term { slug: "liquidation", term: "liquidation", definition: "The forced closing of a leveraged position by the exchange once its losses eat the margin: a sale the trader did not choose." },
    Term { slug: "open-interest", term: "open interest", definition: "The value of futures positions still open; here, the leveraged bets on a rising Bitcoin that could be forced to sell." },
    Term { slug: "maintenance-margin", term: "maintenance margin", definition: "The least equity a leveraged position must keep; when losses take it below, the exchange liquidates the position." },
    Term { slug: "fixed-point", term: "fixed point", definition: "Where the cascade stops: one more round of forced selling no longer pushes the price low enough to liquidate anyone new." },
    Term { slug: "stability-index", term: "λ·A·(L − 1)", definition: "Greenwood, Landier and Thesmar's fire-sale measure: price impact per dollar sold (λ) × assets held (A) × (leverage − 1). Above 1, each round of forced selling can set off a larger one." },
    Term { slug: "phi", term: "φ", definition: "The share of forced crypto selling matched by selling of tech stocks by the same investors: the link that carries the cascade from crypto to stocks." },
];

/// The definition of `slug`.
pub fn term(slug: &str) -> Option<Term> {
    TERMS.iter().copied().find(|t| t.slug == slug)
}

/// A "try this" action: the settings it sets and what to look for.
#[derive(Clone, Copy, Debug)]
pub struct Try {
    /// The `data-try` id.
    pub id: &'static str,
    /// The words on the button.
    pub label: &'static str,
    /// The settings after the action, from the settings before it.
    pub apply: fn(&Settings) -> Settings,
}

/// Every try-action of the page, by section, in reading order.
pub const TRIES: &[Try] = &[
    Try { id: "cut-90", label: "Set the odds to 90%", apply: |s| Settings { cut_pct: 90.0, ..s.clone() } },
    // The reference reading is 6 Nov's, so the answer shows the two weeks
    // from it: there, and only there, the rate channel then gives nothing.
    Try {
        id: "cut-ref",
        label: "Put the odds back at 64.5%",
        apply: |s| Settings { cut_pct: 64.5, span: Horizon::TwoWeeks, ..s.clone() },
    },
    Try {
        id: "shock-oct10",
        label: "Replay 10 Oct: stocks −2.7%",
        apply: |s| Settings { stock_shock_pct: -2.7, ..s.clone() },
    },
    Try { id: "vol-adjust", label: "Adjust for volatility", apply: |s| Settings { corr_adjusted: true, ..s.clone() } },
    Try { id: "depth-half", label: "Halve the depth", apply: |s| Settings { depth_cut_pct: 50.0, ..s.clone() } },
    Try { id: "lth-on", label: "Add the claimed holder selling", apply: |s| Settings { with_lth: true, ..s.clone() } },
    Try { id: "lev-50", label: "Set leverage to 50×", apply: |s| Settings { lev_x: 50.0, ..s.clone() } },
    Try { id: "lev-2", label: "Cut leverage to 2×", apply: |s| Settings { lev_x: 2.0, ..s.clone() } },
    Try {
        id: "no-contagion",
        label: "Switch off the loop to stocks (φ = 0)",
        apply: |s| Settings { phi_pct: 0.0, cascade_shock: CascadeShock::Auto, ..s.clone() },
    },
];

/// The try-action `id`.
pub fn try_action(id: &str) -> Option<Try> {
    TRIES.iter().copied().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{parse_state, serialise_state};

    #[test]
    fn terms_have_distinct_slugs_and_short_plain_definitions() {
        let mut slugs: Vec<&str> = TERMS.iter().map(|t| t.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), TERMS.len());
        for t in TERMS {
            assert!(t.slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", t.slug);
            let sentences = t.definition.matches(". ").count() + 1;
            assert!(sentences <= 2 && t.definition.len() < 260, "{}: {}", t.slug, t.definition);
        }
        assert_eq!(term("open-interest").map(|t| t.term), Some("open interest"));
        assert!(term("nope").is_none());
    }

    #[test]
    fn every_try_changes_the_settings_and_survives_a_link() {
        let d = Settings::default();
        for t in TRIES {
            let s = (t.apply)(&d);
            assert_ne!(s, d, "{} changes nothing at the defaults", t.id);
            // What a try sets is a valid, canonical state: it round-trips through a link.
            assert_eq!(parse_state(&serialise_state(&s)).0, s, "{}", t.id);
        }
        assert!(try_action("lev-50").is_some_and(|t| (t.apply)(&d).lev_x == 50.0));
    }
}
