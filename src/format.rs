//! Number formatting for prose and tables. Never prints "NaN" or "inf": a
//! non-finite value becomes an en dash, so a model bug cannot leak onto the page.
//! [`zh`]: the same for the Simplified Chinese edition, with its terms.

/// Is this the Chinese build (issue 26; `tr!` in src/lib.rs)? For the few
/// places that branch on more than one expression: the document's `lang`,
/// the other edition's address.
pub const ZH: bool = cfg!(feature = "zh");

pub mod zh;

/// Shortest plain decimal form (links, control values): 40 not 40.0, 39.6 not 39.600000000000001.
pub fn fmt_num(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// [`fmt_num`] for prose (notices): a true minus sign, "−10" not "-10".
pub fn num_prose(v: f64) -> String {
    fmt_num(v).replacen('-', "\u{2212}", 1)
}

/// Thousands separators: 86100.4 → "86,100" (0 decimals).
pub fn grouped(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    let negative = v < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative {
        format!("−{out}")
    } else {
        out
    }
}

/// Signed percentage with a true minus sign: "−1.56%", "+0.40%".
pub fn pct_signed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let s = grouped(v, decimals);
    if s.starts_with('−') || s.chars().all(|c| c == '0' || c == '.' || c == ',') {
        format!("{s}%")
    } else {
        format!("+{s}%")
    }
}

/// Unsigned percentage: "39.6%".
pub fn pct(v: f64, decimals: usize) -> String {
    format!("{}%", grouped(v, decimals))
}

/// US dollars: "$86,100".
pub fn usd(v: f64, decimals: usize) -> String {
    let s = grouped(v, decimals);
    match s.strip_prefix('−') {
        Some(rest) => format!("−${rest}"),
        None => format!("${s}"),
    }
}

/// US$ millions as "$523M" or "$2.2B", keeping the sign.
pub fn usd_millions(m: f64) -> String {
    if !m.is_finite() {
        return "–".into();
    }
    let (sign, a) = if m < 0.0 { ("−", -m) } else { ("", m) };
    if a >= 1000.0 {
        format!("{sign}${}B", trim(a / 1000.0, 2))
    } else {
        format!("{sign}${}M", trim(a, 1))
    }
}

/// Rounded to two significant figures: for outputs of the synthetic
/// population of positions, whose third digit would be false precision.
pub fn sig2(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    let scale = 10f64.powi(v.abs().log10().floor() as i32 - 1);
    (v / scale).round() * scale
}

/// US$ millions to two significant figures: 4,364 → "$4.4B", 22,930 → "$23B", 914 → "$910M".
pub fn usd_millions_sig2(m: f64) -> String {
    usd_millions(sig2(m))
}

/// A magnitude without its sign, for prose that already says "fell" or
/// "lost" (no "fell −3.41%"): "3.41%".
pub fn pct_abs(v: f64, decimals: usize) -> String {
    pct(v.abs(), decimals)
}

/// "1 row", "12 rows" (in Chinese with no space: "12行").
pub fn count(n: usize, one: &str, many: &str) -> String {
    let word = if n == 1 { one } else { many };
    tr!(format!("{n} {word}"), format!("{n}{word}"))
}

/// At most `decimals` decimals, trailing zeros dropped.
pub fn trim(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A percent move with its range, "−3.19% (−4.00% to −2.51%)" (in Chinese
/// "−3.19%（−4.00%至−2.51%）"); a range narrower than the last digit shown
/// is no range, so it reads "−3.19%".
pub fn pct_with_range(value: f64, lo: f64, hi: f64) -> String {
    if (hi - lo).abs() < 0.02 {
        pct_signed(value, 2)
    } else {
        let (v, lo, hi) = (pct_signed(value, 2), pct_signed(lo, 2), pct_signed(hi, 2));
        tr!(format!("{v} ({lo} to {hi})"), format!("{v}（{lo}至{hi}）"))
    }
}

/// "20 November 2025" for `2025-11-20` (in Chinese "2025年11月20日"); other
/// text is returned as it is.
pub fn long_date(text: &str) -> String {
    tr!(
        crate::model::date::Date::parse(text).map(crate::model::date::Date::long).unwrap_or_else(|| text.to_string()),
        zh::long_date(text)
    )
}

/// `text` read as a number, exactly as `str::parse::<f64>` reads it (an
/// optional sign; digits with an optional point and exponent, `.5` and `5.`
/// included; `inf`, `infinity`, `nan` in any case; too large → ±∞), but
/// through serde_json's number parser, which the data files need anyway: the
/// wasm then carries one f64 parser instead of two (core's costs ~12 KB gzip).
pub fn parse_f64(text: &str) -> Option<f64> {
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let signed = |v: f64| if neg { -v } else { v };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Some(signed(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    let exp_negative = match exp {
        None => false,
        Some(e) => {
            let unsigned = e.strip_prefix(['+', '-']).unwrap_or(e);
            if unsigned.is_empty() || !digits(unsigned) {
                return None;
            }
            e.starts_with('-')
        }
    };
    if int.bytes().chain(frac.bytes()).all(|b| b == b'0') {
        return Some(signed(0.0));
    }
    // The same number in JSON's grammar: no '+', no leading zeros, digits on
    // both sides of the point.
    let int = int.trim_start_matches('0');
    let mut json = String::with_capacity(text.len() + 2);
    json.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if let Some(e) = exp {
        json.push('e');
        json.push_str(e);
    }
    // serde_json refuses a magnitude beyond f64 ("number out of range"),
    // where str::parse gives ±∞ (or 0 for a tiny one).
    let v = serde_json::from_str::<f64>(&json).unwrap_or(if exp_negative { 0.0 } else { f64::INFINITY });
    Some(signed(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // Any number-like text: the same verdict as str::parse, and the same
        // value to within a unit in the last place (serde_json, without its
        // float_roundtrip feature, may round a 17+ digit mantissa the other way).
        #[test]
        fn parse_f64_agrees_with_str_parse(s in "[-+]?[0-9]{0,22}(\\.[0-9]{0,22})?([eE][-+]?[0-9]{0,4})?|[-+]?(inf|nan|infinity|[a-z.]{0,4})") {
            let want = s.parse::<f64>().ok();
            let got = parse_f64(&s);
            proptest::prop_assert_eq!(want.is_some(), got.is_some(), "{}", s);
            if let (Some(w), Some(g)) = (want, got) {
                proptest::prop_assert!(w == g || (w.is_nan() && g.is_nan()) || ((w - g) / w).abs() <= 2.0 * f64::EPSILON, "{}: {} vs {}", s, w, g);
            }
        }
    }

    #[test]
    fn parse_f64_reads_what_str_parse_reads() {
        let cases = [
            "0",
            "-0",
            "+0",
            "5",
            "+5",
            "-5",
            ".5",
            "5.",
            "-.5",
            "+5.",
            "05",
            "007.50",
            "37.5",
            "1e3",
            "1E3",
            "1e+3",
            "1e-3",
            "1.5e2",
            ".5e1",
            "5.e1",
            "1e999",
            "-1e999",
            "1e-999",
            "0e999",
            "0.000e-5",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "123456789012345678901234567890",
            "0.1",
            "0.30000000000000004",
            "2.2250738585072014e-308",
            "1.7976931348623157e308",
            "1.8e308",
            "inf",
            "-inf",
            "+inf",
            "Infinity",
            "-INFINITY",
            "INF",
            "nan",
            "NaN",
            "-nan",
            "+NaN",
            "",
            "-",
            "+",
            ".",
            "-.",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e-",
            "1.2.3",
            "1e5.5",
            "abc",
            " 5",
            "5 ",
            "5%",
            "0x10",
            "1_000",
            "--5",
            "+-5",
            "1ee5",
            "infinit",
            "nana",
            "∞",
            "5e+-3",
        ];
        for c in cases {
            let want = c.parse::<f64>().ok();
            let got = parse_f64(c);
            match (want, got) {
                (Some(w), Some(g)) if w.is_nan() => assert!(g.is_nan(), "{c}: {g}"),
                (Some(w), Some(g)) => {
                    assert!(w == g && w.is_sign_negative() == g.is_sign_negative(), "{c}: want {w}, got {g}")
                }
                (w, g) => assert_eq!(w, g, "{c}"),
            }
        }
    }

    #[test]
    fn formats() {
        assert_eq!(grouped(86100.4, 0), "86,100");
        assert_eq!(grouped(-1234567.891, 2), "−1,234,567.89");
        assert_eq!(grouped(-0.001, 1), "0.0");
        assert_eq!(pct_signed(-1.5567, 2), "−1.56%");
        assert_eq!(pct_signed(0.4, 2), "+0.40%");
        assert_eq!(pct_signed(0.0, 1), "0.0%");
        assert_eq!(usd(86100.0, 0), "$86,100");
        assert_eq!(usd(-5.0, 0), "−$5");
        assert_eq!(usd_millions(-523.2), "−$523.2M");
        assert_eq!(usd_millions(-2200.0), "−$2.2B");
        assert_eq!(usd_millions(19000.0), "$19B");
        assert_eq!(trim(39.60, 1), "39.6");
        assert_eq!(usd_millions_sig2(4364.0), "$4.4B");
        assert_eq!(usd_millions_sig2(22_930.0), "$23B");
        assert_eq!(usd_millions_sig2(914.0), "$910M");
        assert_eq!(usd_millions_sig2(0.0), "$0M");
        assert_eq!(pct_abs(-3.414, 2), "3.41%");
        assert_eq!(count(1, "row", "rows"), "1 row");
        assert_eq!(count(12, "row", "rows"), "12 rows");
    }

    #[test]
    fn never_prints_nan_or_inf() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for s in [grouped(v, 2), pct_signed(v, 1), pct(v, 1), usd(v, 0), usd_millions(v)] {
                assert!(!s.contains("NaN") && !s.contains("inf"), "{s}");
            }
        }
    }
}
