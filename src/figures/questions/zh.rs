//! Questions for class in Simplified Chinese (issue 26): the same questions,
//! answered by the same models at the current settings as the English
//! ([`super::for_section`]), with the edition's numbers and terms.

use super::{q, two_significant, Inputs, Question};
use crate::format::zh::{month_day, moved, price_usd, term, usd_millions};
use crate::format::{fmt_num, grouped, pct_signed};
use crate::model::cascade::Cascade;
use crate::model::leverage::{leverage_wiped_by, long_liq_move_pct, MAINTENANCE};
use crate::model::liquidity::implied_growth_pct;
use crate::model::rates;
use crate::state::Section;

/// The questions of `section` (none for the synthesis).
pub fn for_section(section: Section, i: &Inputs) -> Vec<Question> {
    super::by_section(section, i, [rates_questions, tariffs_questions, liquidity_questions, liquidations_questions])
}

fn rates_questions(i: &Inputs) -> Vec<Question> {
    let s = &i.model.settings;
    let reference = super::super::rates::reference(&i.basis.readings, &s.rate_ref.id());
    let ref_pct = reference.map_or(50.0, |r| r.pct);
    let ref_label = super::super::rates::zh::ref_label(reference);
    let beta = i.model.inputs().beta();
    let window = i.model.inputs().crisis.map_or(String::new(), |e| {
        format!("，根据{}至{}共{}个交易日估算", month_day(e.first), month_day(e.last), e.stats.n)
    });
    let o = rates::outcome(s.cut_pct / 100.0, ref_pct / 100.0, s.growth(), s.nasdaq_beta, beta);
    let bp = o.dr_pp * 100.0;
    vec![
        q(
            format!(
                "{}从基准值（{ref_label}）{}至{}%。12月政策利率预期上升还是下降？变动多少个基点？",
                term::CUT_ODDS,
                if s.cut_pct <= ref_pct { "降" } else { "升" },
                fmt_num(s.cut_pct)
            ),
            format!(
                "{}{}个基点：每次降息为25个基点，因此预期利率的变动等于25个基点 × 概率{}（{}%−{}%）。",
                if bp >= 0.0 { "上升" } else { "下降" },
                grouped(bp.abs(), 1),
                if s.cut_pct <= ref_pct { "降幅" } else { "升幅" },
                fmt_num(ref_pct.max(s.cut_pct)),
                fmt_num(ref_pct.min(s.cut_pct))
            ),
        ),
        q(
            format!(
                "{}为{}%时，按实证测算，这一变化对应{}和{}各涨跌多少？",
                term::CUT_ODDS,
                fmt_num(s.cut_pct),
                term::SPX_INDEX,
                term::BITCOIN
            ),
            format!(
                "{}{}，{}{}（{}：{}相对{}的{}为{}{window}）。",
                term::SPX_INDEX,
                moved(o.spx_pct),
                term::BITCOIN,
                moved(o.btc_pct),
                term::MODEL_OUTPUT,
                term::BITCOIN,
                term::SPX_INDEX,
                term::BETA,
                grouped(beta, 2)
            ),
        ),
        q(
            format!("{}为多少时，利率渠道对当天的涨跌没有任何解释力？", term::CUT_ODDS),
            format!(
                "等于基准值{}%：模型衡量的是概率偏离基准值带来的价格变动，概率不变，模型输出即为零。",
                fmt_num(ref_pct)
            ),
        ),
    ]
}

fn tariffs_questions(i: &Inputs) -> Vec<Question> {
    let s = &i.model.settings;
    let wipe_pct = long_liq_move_pct(s.lev_x, MAINTENANCE);
    let d = &i.model.drivers;
    vec![
        q(
            format!(
                "在{}倍{}下，比特币涨跌幅达到多少时，多头仓位会被{}？",
                fmt_num(s.lev_x),
                term::LEVERAGE,
                term::LIQUIDATION
            ),
            format!(
                "{}：初始保证金为仓位价值的1/{}；剩余保证金跌至仓位价值的{}%（维持保证金率）时即被强平。",
                pct_signed(wipe_pct, 2),
                fmt_num(s.lev_x),
                fmt_num(MAINTENANCE * 100.0)
            ),
        ),
        q(
            format!("{}达到多少倍时，5%的下跌就会使多头仓位被{}？", term::LEVERAGE, term::LIQUIDATION),
            format!(
                "约{}倍：超过这一倍数，5%的下跌就会使剩余保证金跌破维持保证金要求（维持保证金率为{}%）。",
                grouped(leverage_wiped_by(5.0, MAINTENANCE), 1),
                fmt_num(MAINTENANCE * 100.0)
            ),
        ),
        q(
            format!(
                "若{}下跌{}%，按抛售期估算的{}，{}的涨跌幅是多少？",
                term::SPX_INDEX,
                fmt_num(-s.stock_shock_pct),
                term::BETA,
                term::BITCOIN
            ),
            format!(
                "{}：{}{}×({})（{}；{}根据抛售期（截至11月19日）的交易日数据估算）。",
                pct_signed(d.tariff_btc, 2),
                term::BETA,
                grouped(d.inputs.beta(), 2),
                pct_signed(s.stock_shock_pct, 1),
                term::MODEL_OUTPUT,
                term::BETA,
            ),
        ),
    ]
}

fn liquidity_questions(i: &Inputs) -> Vec<Question> {
    let s = &i.model.settings;
    let d = &i.model.drivers;
    let depth = if s.depth_cut_pct > 0.0 {
        format!("在{}下降{}%时，", term::DEPTH, fmt_num(s.depth_cut_pct))
    } else {
        String::new()
    };
    let lth = if s.with_lth { "（另加原文所称的长期持有者抛售）" } else { "" };
    vec![
        q(
            format!("{depth}{}的净抛售{lth}在一天内会使{}涨跌多少？", usd_millions(s.sell_usd_m), term::BITCOIN),
            format!(
                "{}（{}：平方根法则，使用{}的日波动率和当天Binance现货成交量）。",
                pct_signed(d.liquidity_btc, 2),
                term::MODEL_OUTPUT,
                term::BITCOIN
            ),
        ),
        q(
            format!("如果{}减半，同样的抛售造成的价格冲击会比原来大多少？", term::DEPTH),
            "约大41%：价格冲击与抛售量/成交量之比的平方根成正比；深度减半，该比值翻倍，而√2≈1.41。".into(),
        ),
        q(
            format!("在{}%的贴现率下，{}倍的市盈率隐含多高的长期增长率？", fmt_num(s.growth_r_pct), fmt_num(s.pe)),
            format!(
                "每年{}%，并须永续保持（戈登增长模型：g = r − 1/(P/E)；这是针对一家假想公司的演算，并非实际数据）。",
                grouped(implied_growth_pct(s.pe, s.growth_r_pct), 2)
            ),
        ),
    ]
}

fn liquidations_questions(i: &Inputs) -> Vec<Question> {
    let s = &i.model.settings;
    let c: &Cascade = &i.model.cascade;
    vec![
        q(
            format!(
                "若{}倍数集中在{}倍左右、未平仓合约为{}，会有多少仓位被{}，比特币会跌多少？",
                term::LEVERAGE,
                fmt_num(s.lev_x),
                usd_millions(s.oi_bn * 1000.0),
                term::LIQUIDATION
            ),
            format!(
                "约{}仓位被{}，比特币自{}起累计{}（{}；仓位分布为模拟，强平规模取两位有效数字）。",
                usd_millions(two_significant(c.liquidated / 1e6)),
                term::LIQUIDATION,
                price_usd(c.p0, 0),
                moved(c.final_pct),
                term::MODEL_OUTPUT
            ),
        ),
        q(
            "连锁强平把初始冲击放大到原来的多少倍？".into(),
            format!(
                "{}倍：{}的初始冲击经连锁强平扩大至{}。",
                grouped(c.amplification, 2),
                pct_signed(c.shock_pct, 2),
                pct_signed(c.final_pct, 2)
            ),
        ),
    ]
}
