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
            Section::Rates => tr!("The Fed's December cut started to look unlikely", "美联储12月降息预期降温"),
            Section::Tariffs => tr!("The trade war made everything move together", "贸易战让各类资产同涨同跌"),
            Section::Liquidity => tr!("AI valuations wobbled while liquidity thinned", "AI估值松动，流动性趋紧"),
            Section::Liquidations => tr!("Forced selling fed on itself", "强平抛售自我强化"),
            Section::Synthesis => {
                tr!("All at once: a late-cycle liquidity crisis", "多重冲击共振：周期尾声的流动性危机")
            }
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
    Figure {
        id: "fedwatch",
        section: Section::Rates,
        title: tr!("December cut odds as quoted, 13 Oct – 26 Nov", "媒体报道的12月降息概率（10月13日至11月26日）"),
    },
    Figure {
        id: "rates-textbook",
        section: Section::Rates,
        title: tr!("Rate-cut odds and prices: the textbook lens", "降息概率与资产价格：理论测算"),
    },
    Figure {
        id: "rates-empirical",
        section: Section::Rates,
        title: tr!("Rate-cut odds and prices: the empirical lens", "降息概率与资产价格：实证测算"),
    },
    Figure {
        id: "correlation",
        section: Section::Tariffs,
        title: tr!("Bitcoin and the S&P 500: rolling correlation", "比特币与标普500：滚动相关性"),
    },
    Figure {
        id: "flows",
        section: Section::Liquidity,
        title: tr!("Spot Bitcoin ETF flows and Bitcoin's price", "比特币现货ETF资金流向与比特币价格"),
    },
    Figure {
        id: "impact",
        section: Section::Liquidity,
        title: tr!("Price impact of the day's selling against depth", "当日抛售的价格冲击与市场深度"),
    },
    Figure {
        id: "cascade",
        section: Section::Liquidations,
        title: tr!("The liquidation cascade, round by round", "连锁强平：逐轮推演"),
    },
    Figure {
        id: "liqmap",
        section: Section::Liquidations,
        title: tr!("Where leveraged longs get liquidated", "杠杆多头的强平价位分布"),
    },
    Figure {
        id: "waterfall-btc",
        section: Section::Synthesis,
        title: tr!("Bitcoin on 20 Nov: what each cause contributes", "11月20日比特币涨跌：各因素的影响"),
    },
    Figure {
        id: "waterfall-spx",
        section: Section::Synthesis,
        title: tr!("The S&P 500 on 20 Nov: what each cause contributes", "11月20日标普500涨跌：各因素的影响"),
    },
];

impl Figure {
    /// The figure `id` of `section`, if there is one.
    pub fn find(section: Section, id: &str) -> Option<Figure> {
        FIGURES.into_iter().find(|f| f.section == section && f.id == id)
    }
}
