//! The reader's guide in Simplified Chinese (issue 26): every term's plain
//! definition and every try-action's words, for the same slugs and ids as
//! the English ([`super::TERMS`], [`super::TRIES`]); the terms are the
//! edition's glossary's (`format::zh::term`).

use super::Term;

/// Every defined term, in the English list's order.
pub const TERMS: &[Term] = &[
    Term { slug: "fedwatch", term: "FedWatch", definition: "芝商所（CME Group）的工具，根据联邦基金期货价格推算市场对美联储此后各次议息会议利率决定的预期概率。" },
    Term { slug: "basis-point", term: "基点", definition: "一个百分点的百分之一：25个基点即0.25个百分点，是美联储一次调息的常见幅度。" },
    Term { slug: "high-beta", term: "高β资产", definition: "β值高的资产涨跌幅大于大盘：β为2时，大盘涨跌1%，它往往涨跌2%。" },
    Term { slug: "gordon-growth", term: "戈登增长模型", definition: "教科书式的估值方法：价格等于下一年现金流除以（贴现率 − 增长率）；增长率越接近贴现率，分母越小，利率小幅上升对价格的打击就越大，高增长资产首当其冲。" },
    Term { slug: "bernanke-kuttner", term: "Bernanke–Kuttner", definition: "一项实证发现（Bernanke与Kuttner，2005）：美联储意外降息25个基点时，美股指数平均上涨约1%，意外加息时则下跌约1%。" },
    Term { slug: "correlation", term: "相关性", definition: "两种价格同步变动的程度，从−1（完全反向）经0（互不相关）到1（完全同向）；本页指日收益率的相关性。" },
    Term { slug: "fisher-band", term: "相关系数置信区间（Fisher z变换）", definition: "只用少数交易日估算相关性时，真实相关性在95%置信水平下可能所在的范围，用Fisher z变换计算。" },
    Term { slug: "forbes-rigobon", term: "Forbes–Rigobon调整", definition: "一种修正方法（Forbes与Rigobon，2002）：市场波动加剧本身会使相关性显得更高，该方法按关税威胁前的波动率重新估算抛售期的相关性。" },
    Term { slug: "volatility", term: "波动率", definition: "价格每日涨跌的典型幅度：日收益率的标准差，以百分比表示。" },
    Term { slug: "leverage", term: "杠杆", definition: "借钱交易：10倍杠杆下，交易者用自有的1,000美元持有1万美元的仓位，价格下跌10%（做多时）就会亏光本金。" },
    Term { slug: "etf-flow", term: "ETF资金流向", definition: "投资者申购或赎回ETF带来的资金进出，按日计为净流入或净流出；比特币现货ETF会相应买入或卖出比特币。" },
    Term { slug: "long-term-holder", term: "长期持有者", definition: "链上分析中，持有比特币超过约155天的地址（实体）；其抛售量根据链上转出的老币来估算。" },
    Term { slug: "liquidation", term: "强平", definition: "亏损使权益跌破维持保证金时，交易所强制平掉杠杆仓位，属于被动卖出。" },
    Term { slug: "open-interest", term: "未平仓合约", definition: "尚未了结的期货（含永续合约）总值，每份合约都有多空双方；本页用它粗略衡量可能被迫卖出的杠杆多头规模。" },
    Term { slug: "maintenance-margin", term: "维持保证金", definition: "杠杆仓位必须保留的最低权益；亏损使权益跌破这一水平时，交易所会强制平仓。" },
    Term { slug: "fixed-point", term: "不动点", definition: "连锁强平停下来的价格：最后一轮抛售造成的下跌已不足以触发新的强平。" },
    Term { slug: "stability-index", term: "λ·A·(L − 1)", definition: "Greenwood、Landier与Thesmar的甩卖放大系数：每卖出1美元资产造成的价格跌幅（λ）× 持有资产规模（A）×（杠杆倍数 − 1）。大于1时，每一轮强平抛售都可能引发更大的一轮。" },
    Term { slug: "phi", term: "φ", definition: "传导系数：每被迫卖出1美元加密资产，同一批投资者同时卖出多少美元科技股；正是这一环节把连锁强平从加密市场传导到股市。" },
];

/// The definition of `slug`.
pub fn term(slug: &str) -> Option<Term> {
    TERMS.iter().copied().find(|t| t.slug == slug)
}

/// Every try-action's words on its button, by the English list's ids.
pub const TRY_LABELS: &[(&str, &str)] = &[
    ("cut-90", "把12月降息概率设为90%"),
    ("cut-ref", "把12月降息概率恢复为基准值64.5%"),
    ("shock-oct10", "重演10月10日：标普500指数下跌2.7%"),
    ("vol-adjust", "剔除波动率影响（Forbes–Rigobon调整）"),
    ("depth-half", "把市场深度减半"),
    ("lth-on", "计入原文所称的长期持有者抛售"),
    ("lev-50", "把杠杆设为50倍"),
    ("lev-2", "把杠杆降到2倍"),
    ("no-contagion", "切断向股市的传导（φ = 0）"),
];

/// The words of the try-action `id`.
pub fn try_label(id: &str) -> Option<&'static str> {
    TRY_LABELS.iter().find(|(i, _)| *i == id).map(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::zh::term as t;

    #[test]
    fn every_term_and_try_has_its_chinese_words() {
        // The same slugs and ids, in the same order, as the English.
        let slugs = |ts: &[Term]| ts.iter().map(|x| x.slug).collect::<Vec<_>>();
        assert_eq!(slugs(TERMS), slugs(super::super::TERMS));
        assert_eq!(
            TRY_LABELS.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            super::super::TRIES.iter().map(|x| x.id).collect::<Vec<_>>()
        );
        for x in TERMS {
            // One or two sentences, short; Latin only in names, tickers and formulas.
            assert!(x.definition.matches('。').count() <= 2 && x.definition.chars().count() < 120, "{}", x.slug);
            let latin: Vec<&str> =
                x.definition.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
            for w in latin {
                assert!(
                    [
                        "CME",
                        "Group",
                        "ETF",
                        "Bernanke",
                        "Kuttner",
                        "Fisher",
                        "z",
                        "Forbes",
                        "Rigobon",
                        "Greenwood",
                        "Landier",
                        "Thesmar",
                        "A"
                    ]
                    .contains(&w),
                    "{}: {w}",
                    x.slug
                );
            }
        }
        // The glossary's words, never a spelling of their own.
        for (slug, word) in
            [("liquidation", t::LIQUIDATION), ("leverage", t::LEVERAGE), ("correlation", t::CORRELATION)]
        {
            assert_eq!(term(slug).map(|x| x.term), Some(word));
        }
        assert_eq!(try_label("lev-50"), Some("把杠杆设为50倍"));
        assert!(term("nope").is_none() && try_label("nope").is_none());
    }
}
