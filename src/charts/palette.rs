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
pub const CAUSE_TARIFFS: RGBColor = ORANGE;
pub const CAUSE_LIQUIDITY: RGBColor = BLUISH_GREEN;
pub const CAUSE_CASCADE: RGBColor = REDDISH_PURPLE;
pub const MODEL_TOTAL: RGBColor = CHARCOAL;
pub const ACTUAL: RGBColor = VERMILLION;
