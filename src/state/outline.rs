//! The page's outline: its sections, in order, and the figures an educator
//! can embed one by one.

/// The five sections of the explanation, in page order. Their ids are the
/// anchors (`#rates`), the `embed=` values and the test ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Rates,
    Tariffs,
    Liquidity,
    Liquidations,
    Synthesis,
}

impl Section {
    pub const ALL: [Section; 5] =
        [Section::Rates, Section::Tariffs, Section::Liquidity, Section::Liquidations, Section::Synthesis];

    pub fn id(self) -> &'static str {
        match self {
            Section::Rates => "rates",
            Section::Tariffs => "tariffs",
            Section::Liquidity => "liquidity",
            Section::Liquidations => "liquidations",
            Section::Synthesis => "synthesis",
        }
    }

    /// The number shown beside the heading (1–5).
    pub fn number(self) -> u8 {
        Section::ALL.iter().position(|s| *s == self).map_or(0, |i| i as u8 + 1)
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Rates => "The Fed's December cut started to look unlikely",
            Section::Tariffs => "The trade war made everything move together",
            Section::Liquidity => "AI valuations wobbled while liquidity thinned",
            Section::Liquidations => "Forced selling fed on itself",
            Section::Synthesis => "All at once: a late-cycle liquidity crisis",
        }
    }

    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// A figure a teacher can embed on its own (`?embed=<section>&fig=<id>`):
/// its element id on the page, the section it belongs to, and its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    pub id: &'static str,
    pub section: Section,
    pub title: &'static str,
}

/// Every embeddable figure, in page order.
pub const FIGURES: [Figure; 10] = [
    Figure { id: "fedwatch", section: Section::Rates, title: "December cut odds as quoted, 13 Oct – 26 Nov" },
    Figure { id: "rates-textbook", section: Section::Rates, title: "Rate-cut odds and prices: the textbook lens" },
    Figure { id: "rates-empirical", section: Section::Rates, title: "Rate-cut odds and prices: the empirical lens" },
    Figure { id: "correlation", section: Section::Tariffs, title: "Bitcoin and the S&P 500: rolling correlation" },
    Figure { id: "flows", section: Section::Liquidity, title: "Spot Bitcoin ETF flows and Bitcoin's price" },
    Figure { id: "impact", section: Section::Liquidity, title: "Price impact of the day's selling against depth" },
    Figure { id: "cascade", section: Section::Liquidations, title: "The liquidation cascade, round by round" },
    Figure { id: "liqmap", section: Section::Liquidations, title: "Where leveraged longs get liquidated" },
    Figure {
        id: "waterfall-btc",
        section: Section::Synthesis,
        title: "Bitcoin on 20 Nov: what each cause contributes",
    },
    Figure {
        id: "waterfall-spx",
        section: Section::Synthesis,
        title: "The S&P 500 on 20 Nov: what each cause contributes",
    },
];

impl Figure {
    /// The figure `id` of `section`, if there is one.
    pub fn find(section: Section, id: &str) -> Option<Figure> {
        FIGURES.into_iter().find(|f| f.section == section && f.id == id)
    }
}
