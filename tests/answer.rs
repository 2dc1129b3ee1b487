//! The first-screen answer: computed from the synthesis's decomposition on
//! the real data, following the settings.

mod common;

use common::{defaults, Decomposed, Page};
use selloff::figures::answer::{bars, headline, leverage_consequence, live_result, THROUGH_STOCKS};
use selloff::figures::synthesis::{NOT_EXPLAINED, OVERSHOOT};
use selloff::model::leverage::MAINTENANCE;
use selloff::state::{parse_state, Horizon, Settings};

fn text(page: &Page, s: Settings) -> String {
    let cut = s.cut_pct;
    headline(page.model(s).dec(), page.basis.stocks_day.as_ref(), cut)
}

#[test]
fn the_answer_says_why_in_words_and_adds_up() {
    let page = Page::load();
    let m = page.model(defaults());
    let d = &m.dec();
    let t = text(&page, defaults());
    println!("{t}\n{}", live_result(d));
    assert_eq!(
        t,
        "Stocks fell on a good-news day: after Nvidia's strong results the S&P 500 opened 1.4% up, turned at about \
         10:30–10:45 ET and closed down 1.56%. Tech, a third of the index, fell 2.7% against −0.95% for the rest: \
         that gap, weighted, is the −0.60 AI/tech bar, and tech made up 0.93 of the 1.56 points: most of the fall. \
         Bitcoin moves about twice as much as stocks (β 2.05: for every 1% on stocks, about 2% on Bitcoin), so most \
         of its 5.30% fall came through them; ETF selling and liquidations add −0.41%, and −1.71% is not explained. \
         The Fed's cut odds rose that day (30% → 39.6%), lifting stocks a little (+0.10%) by the rate model: the rate \
         story is in the two weeks before."
    );
    for dec in [&d.btc, &d.spx] {
        let total: f64 = bars(dec).iter().map(|b| b.value_pct).sum();
        assert!((total - dec.actual).abs() < 1e-9, "the bars add up to the actual move");
        assert_eq!(bars(dec).last().map(|b| b.label), Some(NOT_EXPLAINED));
    }
    // Bitcoin: one bar for all that came through stocks, β × the S&P 500's move.
    let b = bars(&d.btc);
    assert_eq!(
        b.iter().map(|b| b.label).collect::<Vec<_>>(),
        [THROUGH_STOCKS, "ETF selling", "Liquidations", NOT_EXPLAINED]
    );
    assert!((b[0].value_pct - d.beta.stats.beta * d.spx.actual).abs() < 1e-9);
    let s = bars(&d.spx);
    assert_eq!(
        s.iter().map(|b| b.label).collect::<Vec<_>>(),
        ["AI/tech reversal", "Rates", "Contagion", NOT_EXPLAINED]
    );
}

#[test]
fn the_two_weeks_tell_the_rate_story() {
    let page = Page::load();
    let t = text(&page, Settings { span: Horizon::TwoWeeks, ..defaults() });
    assert!(
        t.starts_with("Over the two weeks before (6–20 Nov), the S&P 500 fell 2.70% and Bitcoin fell 14.47%."),
        "{t}"
    );
    assert!(
        t.contains("fell from 64.5% on 6 Nov to 39.6%, and the rate model gives −0.25% of the S&P 500's −2.70% move"),
        "{t}"
    );
    assert!(t.contains("the tech reversal is not separated here"), "{t}");
    // The try-action "Put the odds back at 64.5%" shows the two weeks, where the rate channel gives nothing.
    let tried = (selloff::guide::try_action("cut-ref").unwrap().apply)(&defaults());
    let m = page.model(tried.clone());
    assert_eq!(m.dec().spx.part(selloff::scenario::decomposition::Cause::Rates).unwrap().value, 0.0);
    assert!(text(&page, tried).contains("gives stocks nothing over the two weeks"));
}

#[test]
fn a_cut_probability_of_the_readers_own_is_named_as_theirs() {
    let page = Page::load();
    let t = text(&page, Settings { cut_pct: 90.0, ..defaults() });
    assert!(
        t.ends_with(
            "At your 90% December-cut odds (the day's reading was 39.6%, up from 30%), the rate model would have \
             lifted stocks by 0.60% on the day."
        ),
        "{t}"
    );
    let t = text(&page, Settings { cut_pct: 10.0, ..defaults() });
    assert!(t.ends_with("the rate model would have taken 0.20% off stocks on the day."), "{t}");
}

#[test]
fn an_overshoot_is_called_one() {
    let page = Page::load();
    let s = parse_state("lev=100&oi=100&q=10000").0;
    let m = page.model(s.clone());
    let d = m.dec();
    assert!(d.btc.overshoots(), "{:?}", d.btc.not_explained());
    assert_eq!(bars(&d.btc).last().map(|b| b.label), Some(OVERSHOOT));
    let t = text(&page, s);
    assert!(t.contains("and the models overshoot by 0.28 points."), "{t}");
    assert!(!t.contains("is not explained"), "{t}");
}

#[test]
fn the_answer_follows_the_sliders() {
    let page = Page::load();
    let base = text(&page, defaults());
    assert_ne!(text(&page, Settings { lev_x: 50.0, ..defaults() }), base);
    assert_ne!(text(&page, Settings { cut_pct: 90.0, ..defaults() }), base);
    assert_ne!(
        live_result(page.model(Settings { lev_x: 50.0, ..defaults() }).dec()),
        live_result(page.model(defaults()).dec())
    );
    assert!(live_result(page.model(defaults()).dec()).starts_with("Model: Bitcoin "));
}

#[test]
fn leverage_in_words() {
    assert_eq!(leverage_consequence(10.0, MAINTENANCE), "At 10×, a fall of 9.64% wipes out a leveraged long.");
    assert_eq!(leverage_consequence(1.0, MAINTENANCE), "At 1×, a fall of 100.00% wipes out a leveraged long.");
}

// The Chinese edition's answer (issue 26): the same findings at the same
// settings as the English tests above, as Chinese sentences.
mod zh {
    use super::common::{defaults, Decomposed, Page};
    use selloff::figures::answer::zh::{bars, headline, leverage_consequence, live_result};
    use selloff::format::zh::term;
    use selloff::model::leverage::MAINTENANCE;
    use selloff::state::{parse_state, Horizon, Settings};

    fn text(page: &Page, s: Settings) -> String {
        let cut = s.cut_pct;
        headline(page.model(s).dec(), page.basis.stocks_day.as_ref(), cut)
    }

    /// Latin letters only where Chinese financial writing keeps them.
    fn latin_words(t: &str) -> Vec<String> {
        t.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty() && !["AI", "ETF"].contains(w))
            .map(String::from)
            .collect()
    }

    #[test]
    fn the_answer_in_chinese_says_why_and_adds_up() {
        let page = Page::load();
        let m = page.model(defaults());
        let t = text(&page, defaults());
        println!("{t}\n{}", live_result(m.dec()));
        assert_eq!(
            t,
            "利好当前，股市不涨反跌：英伟达公布强劲业绩后，标普500指数高开1.4%，美东时间10:30至10:45前后掉头向下，收盘下跌1.56%。\
             科技股约占指数权重三分之一，下跌2.7%，其余成分股同期下跌0.95%；两者之差按权重折算，使指数多跌0.60个百分点，\
             即“AI/科技股反转”一项。\
             指数1.56%的跌幅中，科技股拖累0.93个百分点，占了大头。\
             比特币涨跌幅约为股市的两倍（β系数为2.05，即股市每变动1%，比特币约同向变动2%），因此在其5.30%的跌幅中，\
             3.19个百分点经由股市传导而来，占了大头；ETF资金流出和强平又拖累0.41个百分点，另有1.71个百分点模型未解释。\
             当天市场预期的美联储12月降息概率由30%升至39.6%，利率模型显示，这对股市略有提振（+0.10个百分点）；\
             利率的影响主要集中在截至当天的两周内。"
        );
        assert_eq!(live_result(m.dec()), "模型：比特币 −3.60%（实际 −5.30%）；标普500 −0.53%（实际 −1.56%）");
        // The same bars as the English page's, named in Chinese, adding to the actual move.
        for (dec, en) in [
            (&m.dec().btc, selloff::figures::answer::bars(&m.dec().btc)),
            (&m.dec().spx, selloff::figures::answer::bars(&m.dec().spx)),
        ] {
            let zh = bars(dec);
            assert_eq!(
                zh.iter().map(|b| b.value_pct).collect::<Vec<_>>(),
                en.iter().map(|b| b.value_pct).collect::<Vec<_>>()
            );
            assert_eq!(zh.last().map(|b| b.label), Some(term::NOT_EXPLAINED));
        }
        assert_eq!(
            bars(&m.dec().btc).iter().map(|b| b.label).collect::<Vec<_>>(),
            [term::THROUGH_STOCKS, term::ETF_SELLING, term::LIQUIDATION, term::NOT_EXPLAINED]
        );
        assert!(latin_words(&t).is_empty(), "{:?}", latin_words(&t));
    }

    #[test]
    fn the_two_weeks_tell_the_rate_story_in_chinese() {
        let page = Page::load();
        let t = text(&page, Settings { span: Horizon::TwoWeeks, ..defaults() });
        assert!(
            t.starts_with("在截至11月20日的两周内（11月6日至20日），标普500指数下跌2.70%，比特币下跌14.47%。"),
            "{t}"
        );
        assert!(
            t.contains("从11月6日的64.5%降至39.6%；在标普500指数同期2.70%的跌幅中，利率模型测算的利率因素拖累0.25个百分点，仅占一小部分。"),
            "{t}"
        );
        assert!(t.contains("因此这里不单独拆分“AI/科技股反转”"), "{t}");
        // β in words and in the bracket beside them give one number.
        assert!(t.contains("约为股市的2.6倍（β系数为2.57，即股市每变动1%，比特币约同向变动2.6%）"), "{t}");
        let tried = (selloff::guide::try_action("cut-ref").unwrap().apply)(&defaults());
        assert!(text(&page, tried).contains("利率模型显示这两周对股市没有影响"));
        assert!(latin_words(&t).is_empty(), "{:?}", latin_words(&t));
    }

    #[test]
    fn a_cut_probability_of_the_readers_own_is_named_as_theirs_in_chinese() {
        let page = Page::load();
        let t = text(&page, Settings { cut_pct: 90.0, ..defaults() });
        assert!(
            t.ends_with(
                "若将12月降息概率设为90%（当天实际为39.6%，此前为30%），利率模型显示股市当天将因此上涨0.60个百分点。"
            ),
            "{t}"
        );
        let t = text(&page, Settings { cut_pct: 10.0, ..defaults() });
        assert!(t.ends_with("利率模型显示股市当天将因此下跌0.20个百分点。"), "{t}");
    }

    #[test]
    fn an_overshoot_is_called_one_in_chinese() {
        let page = Page::load();
        let s = parse_state("lev=100&oi=100&q=10000").0;
        let m = page.model(s.clone());
        assert_eq!(bars(&m.dec().btc).last().map(|b| b.label), Some(term::OVERSHOOT));
        let t = text(&page, s);
        assert!(t.contains("各项合计比实际跌幅多出0.28个百分点（模型高估）。"), "{t}");
        assert!(!t.contains(term::NOT_EXPLAINED), "{t}");
    }

    #[test]
    fn the_chinese_answer_follows_the_sliders() {
        let page = Page::load();
        let base = text(&page, defaults());
        assert_ne!(text(&page, Settings { lev_x: 50.0, ..defaults() }), base);
        assert_ne!(text(&page, Settings { cut_pct: 90.0, ..defaults() }), base);
        for s in
            [Settings { lev_x: 100.0, ..defaults() }, Settings { cut_pct: 0.0, span: Horizon::TwoWeeks, ..defaults() }]
        {
            let t = text(&page, s);
            assert!(!t.contains("NaN") && !t.contains("inf") && latin_words(&t).is_empty(), "{t}");
        }
    }

    #[test]
    fn leverage_in_chinese() {
        assert_eq!(leverage_consequence(10.0, MAINTENANCE), "在10倍杠杆下，下跌9.64%就会使杠杆多头被强平。");
        assert_eq!(leverage_consequence(1.0, MAINTENANCE), "在1倍杠杆下，下跌100.00%就会使杠杆多头被强平。");
    }
}
