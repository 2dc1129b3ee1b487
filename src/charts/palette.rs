//! The page's one palette: the colour-blind-safe colours of Okabe & Ito
//! ("Color Universal Design", 2008) and the neutrals, each named once, then
//! every series or role the page draws, named by what it shows.

use plotters::style::RGBColor;

// Okabe–Ito.
const ORANGE: RGBColor = RGBColor(230, 159, 0);
const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
const BLUISH_GREEN: RGBColor = RGBColor(0, 158, 115);
const BLUE: RGBColor = RGBColor(0, 114, 178);
const VERMILLION: RGBColor = RGBColor(213, 94, 0);
const REDDISH_PURPLE: RGBColor = RGBColor(204, 121, 167);
/// Outside Okabe–Ito: a purple for the month-to-date totals and a dark grey
/// for the model's total.
const PLUM: RGBColor = RGBColor(120, 60, 140);
const CHARCOAL: RGBColor = RGBColor(60, 60, 60);

// Neutrals.
/// Text, rules and annotations.
pub const INK: RGBColor = RGBColor(34, 34, 34);
/// Axis labels and the zero or base line.
pub const MUTED: RGBColor = RGBColor(96, 96, 96);
pub const GRID: RGBColor = RGBColor(226, 226, 226);
pub const PAPER: RGBColor = RGBColor(255, 255, 255);

/// The neutrals of one theme, and the series colours tuned for its paper.
/// Charts receive it in their [`super::Frame`]; the series colours in the
/// chart inputs are the light ones, mapped by [`Palette::series`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub paper: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub dark: bool,
}

impl Palette {
    pub const LIGHT: Palette = Palette { paper: PAPER, ink: INK, muted: MUTED, grid: GRID, dark: false };
    /// The page's dark paper (#141414, `--paper` in style/main.css).
    pub const DARK: Palette = Palette {
        paper: RGBColor(20, 20, 20),
        ink: RGBColor(236, 236, 236),
        muted: RGBColor(176, 176, 176),
        grid: RGBColor(58, 58, 58),
        dark: true,
    };

    pub fn of(dark: bool) -> Palette {
        if dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    /// A series or annotation colour as drawn on this paper. On dark, the
    /// Okabe–Ito hues stay (so the series keep their names and their
    /// colour-blind-safe contrasts between each other); the ones under 3:1
    /// against the dark paper (WCAG 1.4.11, lines) are lightened: blue
    /// 3.5:1 → 4.8:1, plum 2.5:1 → 5.7:1, the charcoal total 1.7:1 → 11:1,
    /// and the light neutrals become the dark ones.
    pub fn series(&self, c: RGBColor) -> RGBColor {
        if !self.dark {
            return c;
        }
        match c {
            BLUE => RGBColor(30, 136, 210),
            PLUM => RGBColor(180, 120, 200),
            CHARCOAL => RGBColor(200, 200, 200),
            INK => self.ink,
            MUTED => self.muted,
            GRID => self.grid,
            PAPER => self.paper,
            other => other,
        }
    }
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn lum(c: RGBColor) -> f64 {
        let ch = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Every series colour the charts draw with.
pub const SERIES: [RGBColor; 8] = [ORANGE, SKY_BLUE, BLUISH_GREEN, BLUE, VERMILLION, REDDISH_PURPLE, PLUM, CHARCOAL];

// The three markets, the same on every chart.
pub const SP500: RGBColor = BLUE;
pub const BITCOIN: RGBColor = VERMILLION;
pub const NASDAQ: RGBColor = BLUISH_GREEN;

// Rates: the textbook lens's three profiles.
pub const VALUE: RGBColor = BLUE;
pub const BROAD: RGBColor = SKY_BLUE;
pub const GROWTH: RGBColor = REDDISH_PURPLE;

// Tariffs: the rolling correlation and its volatility-adjusted version.
pub const CORRELATION: RGBColor = BLUE;
pub const ADJUSTED: RGBColor = REDDISH_PURPLE;

// Liquidity: ETF flows and the impact of a day's selling.
pub const FLOW_IBIT: RGBColor = BLUE;
pub const FLOW_ALL_FUNDS: RGBColor = SKY_BLUE;
pub const FLOW_MTD: RGBColor = PLUM;
pub const SELLING: RGBColor = BLUE;
pub const SELLING_WITH_LTH: RGBColor = VERMILLION;

// Liquidations: notional liquidated.
pub const LIQUIDATION: RGBColor = BLUE;

// Synthesis: the causes, the model's total and what happened.
pub const CAUSE_RATES: RGBColor = BLUE;
/// What reaches Bitcoin through stocks (β × a part of the S&P 500's move).
pub const CAUSE_STOCKS: RGBColor = ORANGE;
/// The AI/tech reversal in the S&P 500.
pub const CAUSE_TECH: RGBColor = SKY_BLUE;
pub const CAUSE_LIQUIDITY: RGBColor = BLUISH_GREEN;
pub const CAUSE_CASCADE: RGBColor = REDDISH_PURPLE;
pub const MODEL_TOTAL: RGBColor = CHARCOAL;
pub const ACTUAL: RGBColor = VERMILLION;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_lines_have_wcag_contrast_on_their_paper() {
        for p in [Palette::LIGHT, Palette::DARK] {
            assert!(contrast(p.ink, p.paper) >= 4.5, "{p:?}: ink");
            assert!(contrast(p.muted, p.paper) >= 4.5, "{p:?}: muted text");
        }
        // Lines on dark: at least 3:1 (non-text contrast).
        for c in SERIES {
            let on_dark = Palette::DARK.series(c);
            assert!(contrast(on_dark, Palette::DARK.paper) >= 3.0, "{c:?} → {on_dark:?} on dark");
        }
    }
}
