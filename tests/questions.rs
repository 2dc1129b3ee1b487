//! Questions for class: their answers come from the page's models at the
//! current settings, on the real data files.

mod common;

use common::{defaults, Page};
use selloff::figures::questions::{for_section, two_significant, Inputs, Question};
use selloff::format::{grouped, pct_signed, usd_millions};
use selloff::model::leverage::{long_liq_move_pct, MAINTENANCE};
use selloff::model::liquidity::implied_growth_pct;
use selloff::model::rates::outcome;
use selloff::state::{Section, Settings};

fn questions(page: &Page, s: &Settings, section: Section) -> Vec<Question> {
    let m = page.model(s.clone());
    for_section(section, &Inputs { basis: &page.basis, model: &m })
}

#[test]
fn every_cause_section_has_two_or_three_questions_with_answers() {
    let page = Page::load();
    for section in [Section::Rates, Section::Tariffs, Section::Liquidity, Section::Liquidations] {
        let qs = questions(&page, &defaults(), section);
        assert!((2..=3).contains(&qs.len()), "{section:?}: {}", qs.len());
        for q in &qs {
            assert!(q.question.ends_with('?'), "{}", q.question);
            assert!(!q.answer.is_empty() && !q.answer.contains("NaN") && !q.answer.contains("inf"), "{}", q.answer);
            assert!(!q.answer.contains("−−") && !q.answer.contains("--"), "{}", q.answer);
        }
    }
    assert!(questions(&page, &defaults(), Section::Synthesis).is_empty());
}

#[test]
fn rate_answers_match_the_model_and_follow_the_slider() {
    let page = Page::load();
    for cut in [10.0, 39.6, 90.0] {
        let s = Settings { cut_pct: cut, ..defaults() };
        let qs = questions(&page, &s, Section::Rates);
        let beta = page.model(s.clone()).drivers.inputs.beta();
        let o = outcome(cut / 100.0, 0.645, s.growth(), s.nasdaq_beta, beta);
        let bp = o.dr_pp * 100.0;
        assert!(qs[0].answer.starts_with(&format!(
            "{} bp {}",
            grouped(bp.abs(), 1),
            if bp >= 0.0 { "higher" } else { "lower" }
        )));
        assert!(qs[1].answer.contains(&pct_signed(o.spx_pct, 2)) && qs[1].answer.contains(&pct_signed(o.btc_pct, 2)));
    }
    // At the defaults the odds fell from 64.5 % to 39.6 %: the expected rate is 6.2 bp higher.
    let qs = questions(&page, &defaults(), Section::Rates);
    assert!(qs[0].answer.starts_with("6.2 bp higher"), "{}", qs[0].answer);
}

#[test]
fn leverage_answers_follow_the_leverage_slider() {
    let page = Page::load();
    let at = |lev: f64| questions(&page, &Settings { lev_x: lev, ..defaults() }, Section::Tariffs);
    for lev in [2.0, 10.0, 50.0] {
        assert!(at(lev)[0].answer.starts_with(&pct_signed(long_liq_move_pct(lev, MAINTENANCE), 2)));
    }
    assert_ne!(at(2.0)[0].answer, at(50.0)[0].answer);
    assert!(at(10.0)[1].answer.starts_with("About 18.6×"), "{}", at(10.0)[1].answer);
    // The beta transmission uses the drivers' crisis beta and the shock slider.
    let s = Settings { stock_shock_pct: -4.0, ..defaults() };
    let m = page.model(s.clone());
    assert!(questions(&page, &s, Section::Tariffs)[2].answer.starts_with(&pct_signed(m.drivers.tariff_btc, 2)));
}

#[test]
fn liquidity_and_cascade_answers_match_the_models() {
    let page = Page::load();
    let s = Settings { sell_usd_m: 2000.0, depth_cut_pct: 50.0, pe: 60.0, ..defaults() };
    let m = page.model(s.clone());
    let qs = questions(&page, &s, Section::Liquidity);
    assert!(qs[0].question.contains(&usd_millions(2000.0)), "{}", qs[0].question);
    assert!(qs[0].question.contains("depth cut by 50%"));
    assert!(qs[0].answer.starts_with(&pct_signed(m.drivers.liquidity_btc, 2)));
    assert!(qs[2].answer.starts_with(&format!("{}%", grouped(implied_growth_pct(60.0, s.growth_r_pct), 2))));

    let low = questions(&page, &Settings { lev_x: 3.0, ..defaults() }, Section::Liquidations);
    let high = questions(&page, &Settings { lev_x: 50.0, ..defaults() }, Section::Liquidations);
    assert_ne!(low[0].answer, high[0].answer);
    let m = page.model(Settings { lev_x: 50.0, ..defaults() });
    assert!(high[0].answer.contains(&usd_millions(two_significant(m.cascade.liquidated / 1e6))), "{}", high[0].answer);
    assert!(high[1].answer.starts_with(&format!("{}×", grouped(m.cascade.amplification, 2))));
}

/// The questions in Chinese (issue 26): as many per section as in English,
/// each a question (？), answered by the same models at the same settings.
#[test]
fn the_questions_in_chinese_match_the_english_answers() {
    use selloff::figures::questions::zh;
    use selloff::format::zh::usd_millions as zh_millions;
    let page = Page::load();
    let zh_questions = |s: &Settings, section: Section| {
        let m = page.model(s.clone());
        zh::for_section(section, &Inputs { basis: &page.basis, model: &m })
    };
    for s in [defaults(), Settings { cut_pct: 90.0, lev_x: 50.0, depth_cut_pct: 50.0, ..defaults() }] {
        for section in [Section::Rates, Section::Tariffs, Section::Liquidity, Section::Liquidations, Section::Synthesis]
        {
            let (en, zh) = (questions(&page, &s, section), zh_questions(&s, section));
            assert_eq!(en.len(), zh.len(), "{section:?}");
            for (e, z) in en.iter().zip(&zh) {
                assert!(z.question.ends_with('？'), "{}", z.question);
                assert!(!z.answer.contains("NaN") && !z.answer.contains("inf"), "{}", z.answer);
                // The answer's leading figure is the English answer's.
                let lead =
                    |t: &str| t.chars().take_while(|c| c.is_ascii_digit() || "−+.,%".contains(*c)).collect::<String>();
                if !lead(&e.answer).is_empty() && !lead(&z.answer).is_empty() {
                    assert_eq!(lead(&e.answer), lead(&z.answer), "{} / {}", e.answer, z.answer);
                }
            }
        }
    }
    let qs = zh_questions(&defaults(), Section::Rates);
    assert_eq!(
        qs[0].question,
        "12月降息概率从基准值（11月6日的64.5%）降至39.6%。12月政策利率预期上升还是下降？变动多少个基点？"
    );
    assert!(qs[0].answer.starts_with("上升6.2个基点"), "{}", qs[0].answer);
    let m = page.model(Settings { lev_x: 50.0, ..defaults() });
    let qs = zh_questions(&Settings { lev_x: 50.0, ..defaults() }, Section::Liquidations);
    assert!(qs[0].answer.contains(&zh_millions(two_significant(m.cascade.liquidated / 1e6))), "{}", qs[0].answer);
    assert!(qs[1].answer.starts_with(&format!("{}倍", grouped(m.cascade.amplification, 2))), "{}", qs[1].answer);
}
