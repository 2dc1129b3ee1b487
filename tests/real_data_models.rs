//! The models on the real bundled data: the incremental rolling correlation
//! equals a direct two-pass computation, and the alignment is sane.

use selloff::data::ids::SeriesId;
use selloff::data::parse_data_file;
use selloff::model::correlation::rolling;
use selloff::model::returns::{align, stats};
use selloff::model::series::shift_days;
use std::fs;

fn pairs() -> Vec<selloff::model::returns::Pair> {
    let path = format!("{}/public/data/markets.json", env!("CARGO_MANIFEST_DIR"));
    let m = parse_data_file("markets.json", &fs::read_to_string(path).unwrap()).unwrap();
    let btc_close = shift_days(&m.obs(SeriesId::BtcUsd0000utc).unwrap(), -1);
    align(&m.obs(SeriesId::Sp500).unwrap(), &btc_close)
}

#[test]
fn one_pair_per_consecutive_trading_day() {
    let p = pairs();
    // 63 S&P closes, 2 Sep to 28 Nov 2025, all with a Bitcoin close.
    assert_eq!(p.len(), 62);
    assert_eq!(p[0].date.to_string(), "2025-09-03");
    assert!(p.iter().all(|x| x.spx.is_finite() && x.btc.is_finite()));
}

#[test]
fn rolling_equals_two_pass_on_the_real_data() {
    let p = pairs();
    for w in [14, 30, 60] {
        let r = rolling(&p, w);
        assert_eq!(r.len(), p.len() - w + 1);
        for (k, point) in r.iter().enumerate() {
            let direct = stats(&p[k..k + w]).unwrap();
            assert!((point.corr - direct.corr).abs() < 1e-9, "w {w} at {}", point.date);
            assert!(point.lo <= point.corr && point.corr <= point.hi);
        }
    }
    assert!(rolling(&p, 90).is_empty(), "90 trading days are more than the data holds");
}

#[test]
fn bitcoin_beta_is_positive_before_the_sell_off() {
    let p: Vec<_> = pairs().into_iter().filter(|x| x.date.to_string().as_str() <= "2025-11-19").collect();
    let s = stats(&p).unwrap();
    assert!(s.beta > 0.5 && s.beta < 5.0, "{s:?}");
    assert!(s.corr > 0.0 && s.corr < 1.0);
}
