//! CSV export of the bundled data, generated from the same JSON the page
//! reads, so a download always matches what is shown. One CSV per dataset
//! (a series, an OHLC series, or a group of facts), each row with its source.

use super::{DataFile, Source};

/// A downloadable table: file name, human title, CSV text and data-row count.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvTable {
    pub file_name: String,
    pub title: String,
    pub text: String,
    pub rows: usize,
}

/// RFC 4180 field quoting.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn num(v: f64) -> String {
    // Shortest representation that round-trips.
    format!("{v}")
}

fn src(s: &Source) -> [String; 4] {
    [field(&s.publisher), field(&s.title), field(&s.url), field(s.date.as_deref().unwrap_or(""))]
}

/// A dataset's human title: the file's own words (a series' name, a
/// group's labels), or in the Chinese edition the bundled datasets' titles
/// in Chinese, by id (one the table does not know keeps the file's words).
/// The CSV's columns and rows stay as in the file.
fn title(id: &str, file_words: &str) -> String {
    tr!(
        {
            let _ = id;
            file_words.to_string()
        },
        zh_title(id).unwrap_or(file_words).to_string()
    )
}

#[cfg(feature = "zh")]
fn zh_title(id: &str) -> Option<&'static str> {
    Some(match id {
        // series
        "sp500" => "标普500收盘价",
        "vix" => "VIX收盘价",
        "btc_usd_0000utc" => "比特币价格（美元，UTC时间0点，Bitstamp）",
        "btc_usdt_binance" => "比特币日线：开盘价、最高价、最低价、收盘价（Binance，BTC/USDT）",
        "cnn_fear_greed" => "CNN恐惧与贪婪指数（美股）",
        // markets
        "nasdaq_close" => "纳斯达克综合指数收盘价",
        "spy_ohlc" => "SPY开盘价、最高价、最低价、收盘价与成交量",
        "nvda_ohlc" => "NVDA开盘价、最高价、最低价、收盘价与成交量",
        "sp500_market_cap" => "标普500成分股总市值",
        "crypto_market_cap" => "加密货币总市值及其变动",
        "asia_change_pct" => "亚洲股指涨跌幅",
        "asia_level" => "亚洲股指点位",
        "sector_etf_day_pct" => "行业ETF当日涨跌幅",
        "sector_day_pct" => "行业板块当日涨跌幅",
        "sectors_down" => "下跌的行业板块数",
        "sector_early_pct" => "行业ETF早盘涨跌幅",
        "sector_week_pct" => "行业板块当周涨跌幅",
        "sector_weight_pct" => "各行业板块在标普500中的权重",
        "megacap_weight_pct" => "大型科技股在标普500中的权重",
        "megacap_day_pct" => "大型科技股当日涨跌幅",
        "megacap_close_usd" => "大型科技股收盘价",
        "megacap_cap_lost_usd_bn" => "大型科技股市值蒸发额",
        "spx_gap_open_pct" => "标普500开盘跳空幅度（较前一日收盘）",
        "spx_high_pct" => "标普500盘中最大涨幅（较前一日收盘）",
        "spx_high_to_close_pct" => "标普500从日内高点至收盘的跌幅",
        "spx_open_to_close_pct" => "标普500从开盘至收盘的涨跌幅",
        "spx_range_points" => "标普500日内高低点差（点）",
        "spx_low_points" => "标普500盘中低点",
        "spx_off_record_pct" => "标普500收盘较历史高点的回撤",
        "spx_turn_time_et" => "标普500开始下跌的时间（美东时间）",
        "spy_volume_m" => "SPY成交量",
        "us_volume_bn_shares" => "美国股票交易所总成交量",
        "ndx_day_pct" => "纳斯达克100指数当日涨跌幅",
        "ndx_high_to_close_pct" => "纳斯达克100指数从日内高点至收盘的跌幅",
        "ndx_high_pct" => "纳斯达克100指数盘中最大涨幅（较前一日收盘）",
        "nasdaq_high_to_close_pct" => "纳斯达克综合指数从日内高点至收盘的跌幅",
        "vix_high" => "VIX盘中高点",
        "vix_intraday_change_pct" => "VIX盘中涨跌幅（午后）",
        "vix_close_quoted" => "VIX收盘（引述）",
        "reversal_since_1957" => "1957年以来标普500高开逾1%后收跌的交易日",
        "reversal_rarity" => "标普500同等幅度反转的历史次数",
        "us_value_lost_usd_tn" => "美股市值蒸发额",
        "us_value_lost_claim_usd_tn" => "美股80分钟内市值蒸发额（原文说法）",
        "spx_advancers" => "标普500上涨成分股数",
        "us_decliners_pct" => "美股下跌个股占比（ChartMill股票池）",
        "btc_near_us_close" => "美股收盘前后的比特币价格",
        // rates
        "fedwatch_dec_cut" => "CME FedWatch：12月降息概率",
        "us10y_yield" => "美国10年期国债收益率",
        "nfp_sep" => "9月非农就业人数",
        "nfp_sep_expected" => "9月非农就业人数：预期",
        "unemployment_sep" => "9月失业率",
        "unemployment_sep_expected" => "9月失业率：预期",
        "nfp_aug_revised" => "8月非农就业人数（修正值）",
        "participation_sep" => "9月劳动参与率",
        "nfp_growth_yoy" => "非农就业同比增速",
        "claims_initial" => "首次申领失业救济人数",
        "claims_continuing" => "持续申领失业救济人数",
        // flows
        "etf_total_daily" => "比特币现货ETF单日资金净流量：全部基金",
        "etf_ibit_daily" => "比特币现货ETF单日资金净流量：IBIT",
        "etf_other_daily" => "比特币现货ETF单日资金净流量：其他基金",
        "etf_total_mtd" => "比特币现货ETF月内累计净流量：全部基金",
        "etf_ibit_mtd" => "比特币现货ETF月内累计净流量：IBIT",
        "etf_ibit_month" => "比特币现货ETF全月净流量：IBIT",
        "lth" => "比特币长期持有者：30日链上转出量峰值（CryptoQuant原始数据）与持仓量（Glassnode）",
        "lth_glassnode_change" => "7月以来比特币长期持有者持仓变化（Glassnode）",
        "lth_cryptoquant_internal" => "CryptoQuant长期持有者链上转出量中属于Coinbase内部转账的部分",
        "lth_cryptoquant_adjusted" => "剔除内部转账后的CryptoQuant长期持有者30日链上转出量",
        // liquidations
        "crypto_liquidations_24h" => "加密货币强平规模（过去24小时）",
        "crypto_liquidations_longs_24h" => "加密货币多头强平规模（过去24小时）",
        "crypto_liquidations_btc_24h" => "比特币强平规模（过去24小时）",
        // sentiment
        "crypto_fear_greed" => "加密货币恐惧与贪婪指数（Alternative.me）",
        // events
        "nvda_results" => "英伟达2026财年第三财季业绩",
        _ => return None,
    })
}

pub fn tables(doc: &DataFile) -> Vec<CsvTable> {
    let mut out = Vec::new();
    for s in &doc.series {
        let mut text = String::from("date,value,unit,source_publisher,source_title,source_url,source_date\n");
        let [p, t, u, d] = src(&s.source);
        for (date, v) in &s.points {
            text.push_str(&format!("{date},{},{},{p},{t},{u},{d}\n", num(*v), field(&s.unit)));
        }
        out.push(CsvTable {
            file_name: format!("{}.csv", s.id),
            title: title(&s.id, &s.name),
            text,
            rows: s.points.len(),
        });
    }
    for s in &doc.ohlc {
        let mut text =
            String::from("date,open,high,low,close,volume,unit,source_publisher,source_title,source_url,source_date\n");
        let [p, t, u, d] = src(&s.source);
        for (date, o, h, l, c, vol) in &s.bars {
            text.push_str(&format!(
                "{date},{},{},{},{},{},{},{p},{t},{u},{d}\n",
                num(*o),
                num(*h),
                num(*l),
                num(*c),
                num(*vol),
                field(&s.unit)
            ));
        }
        out.push(CsvTable {
            file_name: format!("{}.csv", s.id),
            title: title(&s.id, &s.name),
            text,
            rows: s.bars.len(),
        });
    }
    let mut groups: Vec<&str> = Vec::new();
    for f in &doc.facts {
        if !groups.contains(&f.group.as_str()) {
            groups.push(&f.group);
        }
    }
    for g in groups {
        let facts: Vec<&super::Fact> = doc.facts.iter().filter(|f| f.group == g).collect();
        let mut text =
            String::from("date,label,value,unit,note,source_publisher,source_title,source_url,source_date\n");
        for f in &facts {
            let [p, t, u, d] = src(&f.source);
            text.push_str(&format!(
                "{},{},{},{},{},{p},{t},{u},{d}\n",
                f.date,
                field(&f.label),
                num(f.value),
                field(&f.unit),
                field(&f.note)
            ));
        }
        // One label for the group, or the distinct labels when they differ (e.g. open, high, low, close).
        let mut labels: Vec<&str> = Vec::new();
        for f in &facts {
            if !labels.contains(&f.label.as_str()) {
                labels.push(&f.label);
            }
        }
        out.push(CsvTable {
            file_name: format!("{g}.csv"),
            title: title(g, &labels.join(", ")),
            text,
            rows: facts.len(),
        });
    }
    if !doc.events.is_empty() {
        let mut text = String::from("date,id,title,note,source_publisher,source_title,source_url,source_date\n");
        for e in &doc.events {
            let [p, t, u, d] = src(&e.source);
            text.push_str(&format!(
                "{},{},{},{},{p},{t},{u},{d}\n",
                e.date,
                field(&e.id),
                field(&e.title),
                field(&e.note)
            ));
        }
        out.push(CsvTable {
            file_name: "events.csv".into(),
            title: tr!("Events", "事件").into(),
            text,
            rows: doc.events.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fields_that_need_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn one_table_per_dataset_with_every_row() {
        let text = r#"{"schema_version":1,"id":"x","title":"t","as_of":"2025-11-30",
          "series":[{"id":"sp500","name":"S&P 500","unit":"index points","as_of":"2025-11-20","note":"",
            "source":{"publisher":"CNN","title":"graph, data","url":"https://e.org"},"points":[["2025-11-19",6642.16],["2025-11-20",6538.76]]}],
          "facts":[{"group":"g","date":"2025-11-20","label":"L","value":1.5,"unit":"u","note":"n","source":{"publisher":"P","title":"T","url":""}}]}"#;
        let doc = crate::data::parse_data_file("x.json", text).unwrap();
        let t = tables(&doc);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].file_name, "sp500.csv");
        assert_eq!(t[0].rows, 2);
        let lines: Vec<&str> = t[0].text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1], "2025-11-19,6642.16,index points,CNN,\"graph, data\",https://e.org,");
        assert_eq!(t[1].text.lines().nth(1).unwrap(), "2025-11-20,L,1.5,u,n,P,T,,");
    }
}
