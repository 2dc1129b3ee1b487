//! The ids of the bundled data the code reads, as types. A typo is a compile
//! error, and a bundled file that lacks one of its ids fails to load (see
//! [`super::parse_data_file`]) instead of giving an empty list.
//!
//! Only the ids some code reads are listed; `tools/build_data.py` writes them.

use std::fmt;

/// The six bundled files, by their envelope `id` (`public/data/<id>.json`).
pub const FILES: [&str; 6] = ["markets", "rates", "flows", "liquidations", "sentiment", "events"];

/// One enum of ids: `Copy`, [`ALL`](SeriesId::ALL), `key()` (the id in the
/// JSON) and `file()` (the envelope id of the file that holds it).
macro_rules! ids {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal in $file:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The id as written in the data file.
            pub const fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// The envelope id of the file that holds it (one of [`FILES`]).
            pub const fn file(self) -> &'static str {
                match self {
                    $($name::$variant => $file,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

ids! {
    /// A daily series (`series[].id`).
    SeriesId {
        Sp500 = "sp500" in "markets",
        BtcUsd0000utc = "btc_usd_0000utc" in "markets",
        CnnFearGreed = "cnn_fear_greed" in "sentiment",
    }
}

ids! {
    /// Daily OHLC bars (`ohlc[].id`).
    OhlcId {
        BtcUsdtBinance = "btc_usdt_binance" in "markets",
    }
}

ids! {
    /// A group of quoted figures (`facts[].group`).
    Group {
        // markets
        NasdaqClose = "nasdaq_close" in "markets",
        AsiaChangePct = "asia_change_pct" in "markets",
        AsiaLevel = "asia_level" in "markets",
        CryptoMarketCap = "crypto_market_cap" in "markets",
        Sp500MarketCap = "sp500_market_cap" in "markets",
        SpyOhlc = "spy_ohlc" in "markets",
        UsVolumeBnShares = "us_volume_bn_shares" in "markets",
        NvdaOhlc = "nvda_ohlc" in "markets",
        SectorDayPct = "sector_day_pct" in "markets",
        SectorEtfDayPct = "sector_etf_day_pct" in "markets",
        SectorWeightPct = "sector_weight_pct" in "markets",
        SectorsDown = "sectors_down" in "markets",
        MegacapWeightPct = "megacap_weight_pct" in "markets",
        MegacapDayPct = "megacap_day_pct" in "markets",
        SpxGapOpenPct = "spx_gap_open_pct" in "markets",
        SpxHighPct = "spx_high_pct" in "markets",
        SpxOpenToClosePct = "spx_open_to_close_pct" in "markets",
        SpxTurnTimeEt = "spx_turn_time_et" in "markets",
        ReversalSince1957 = "reversal_since_1957" in "markets",
        BtcNearUsClose = "btc_near_us_close" in "markets",
        // rates
        FedwatchDecCut = "fedwatch_dec_cut" in "rates",
        NfpSep = "nfp_sep" in "rates",
        NfpSepExpected = "nfp_sep_expected" in "rates",
        UnemploymentSep = "unemployment_sep" in "rates",
        UnemploymentSepExpected = "unemployment_sep_expected" in "rates",
        // flows
        EtfIbitDaily = "etf_ibit_daily" in "flows",
        EtfIbitMtd = "etf_ibit_mtd" in "flows",
        EtfIbitMonth = "etf_ibit_month" in "flows",
        EtfTotalDaily = "etf_total_daily" in "flows",
        EtfTotalMtd = "etf_total_mtd" in "flows",
        Lth = "lth" in "flows",
        LthCryptoquantAdjusted = "lth_cryptoquant_adjusted" in "flows",
        LthCryptoquantInternal = "lth_cryptoquant_internal" in "flows",
        LthGlassnodeChange = "lth_glassnode_change" in "flows",
        // liquidations
        CryptoLiquidations24h = "crypto_liquidations_24h" in "liquidations",
        CryptoLiquidationsBtc24h = "crypto_liquidations_btc_24h" in "liquidations",
        CryptoLiquidationsLongs24h = "crypto_liquidations_longs_24h" in "liquidations",
        // sentiment
        CryptoFearGreed = "crypto_fear_greed" in "sentiment",
        // events
        NvdaResults = "nvda_results" in "events",
    }
}
