#!/usr/bin/env python3
"""Build the app's bundled data files (public/data/*.json) from the reference CSVs.

Usage: python3 tools/build_data.py [SHARED_DATA_DIR]   (default: ../shared/data)

Every figure keeps its source. Nothing is interpolated or estimated: a day that is
not in a CSV is not in the JSON. Run it again only when the reference CSVs change;
the JSON files it writes are committed, so the app and CI never need the CSVs.
"""
import csv
import io
import json
import os
import re
import sys

SCHEMA_VERSION = 1
# The date the reference data set was compiled (shared/TOOLCHAIN.md and data README).
COMPILED = "2026-11-25"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "public", "data")


def read_csv(path):
    """Return (header comment lines as dict, rows as list of dicts)."""
    meta = {}
    body = []
    with open(path, newline="", encoding="utf-8") as f:
        for line in f:
            if line.startswith("# "):
                key, _, val = line[2:].partition(":")
                meta[key.strip()] = val.strip()
            else:
                body.append(line)
    rows = list(csv.DictReader(io.StringIO("".join(body))))
    return meta, rows


URL_RE = re.compile(r"https?://[^\s;,'\")]+")


def publisher_of(url):
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    return host


def source_from_cell(cell, title):
    """A per-row source cell holds a URL, sometimes with a comment around it."""
    urls = URL_RE.findall(cell)
    if urls:
        url = urls[0]
        rest = cell.replace(url, "").strip(" ;()")
        return {
            "publisher": publisher_of(url),
            "title": title if not rest else f"{title} ({rest})",
            "url": url,
        }
    # A textual citation (e.g. Wells Fargo Opening Comment) with no URL in the row.
    return {"publisher": cell.split(":")[0].split("(")[0].strip(), "title": cell, "url": ""}


def num(text):
    """Parse a number written in a CSV; '~3.99' and '65000 (+/-2%)' keep their qualifier."""
    t = text.strip()
    m = re.match(r"^~?\s*(-?[0-9][0-9,]*\.?[0-9]*)", t)
    if not m:
        raise ValueError(f"not a number: {text!r}")
    value = float(m.group(1).replace(",", ""))
    qualifier = t.replace(m.group(0), "").strip()
    if t.startswith("~"):
        qualifier = ("approx. " + qualifier).strip()
    return value, qualifier


def repo_source(meta, publisher, title):
    return {"publisher": publisher, "title": title, "url": meta["source"]}


def series(sid, name, unit, source, note, rows, date_key, value_key, shift_days=0):
    pts = []
    for r in rows:
        pts.append([r[date_key], float(r[value_key])])
    return {
        "id": sid,
        "name": name,
        "unit": unit,
        "as_of": pts[-1][0],
        "note": note,
        "source": source,
        "points": pts,
    }


def fact(group, date, label, value, unit, source, note=""):
    return {
        "group": group,
        "date": date,
        "label": label,
        "value": value,
        "unit": unit,
        "note": note,
        "source": source,
    }


def envelope(fid, title, as_of, **parts):
    doc = {"schema_version": SCHEMA_VERSION, "id": fid, "title": title, "as_of": as_of}
    doc.update(parts)
    return doc


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
    p = lambda name: os.path.join(src, name)

    # ---------------------------------------------------------------- markets
    cnn = "CNN Fear & Greed graph data, saved in GitHub whit3rabbit/fear-greed-data json/cnn_output.json (commit c007d75, 2026-05-01)"
    m_sp, r_sp = read_csv(p("sp500_close.csv"))
    m_vix, r_vix = read_csv(p("vix_close.csv"))
    m_btc, r_btc = read_csv(p("btc_usd_0000utc_bitstamp.csv"))
    m_bn, r_bn = read_csv(p("btc_usdt_binance_daily_ohlc.csv"))
    m_nq, r_nq = read_csv(p("nasdaq_composite_close_points.csv"))
    m_ev, r_ev = read_csv(p("event_day_ohlc_points.csv"))

    cnn_src = lambda key: {
        "publisher": "CNN (via GitHub whit3rabbit/fear-greed-data)",
        "title": f"CNN Fear & Greed graph data, key '{key}'",
        "url": "https://github.com/whit3rabbit/fear-greed-data/blob/c007d75712bebe3b2e13bd4dd9e9860e4acef231/json/cnn_output.json",
        "date": "2026-05-01",
    }
    markets_series = [
        series("sp500", "S&P 500 close", "index points", cnn_src("market_momentum_sp500"),
               m_sp["note"], r_sp, "date", "value"),
        series("vix", "CBOE VIX close", "index points", cnn_src("market_volatility_vix"),
               m_vix["note"], r_vix, "date", "value"),
        series("btc_usd_0000utc", "Bitcoin, US$ at 00:00 UTC (Bitstamp)", "US$",
               {"publisher": "GitHub typedcypher/historical-bitcoin-prices (Bitstamp 1-minute bars via Kaggle mczielinski/bitcoin-historical-data)",
                "title": "data/daily_bitcoin_prices.csv, column BTC_USD",
                "url": "https://github.com/typedcypher/historical-bitcoin-prices/blob/9f156d8af7c5a0f3f2b6c80e12761b6e10123639/data/daily_bitcoin_prices.csv",
                "date": "2026-08-22"},
               m_btc["note"], r_btc, "date", "btc_usd_at_0000utc"),
    ]
    ohlc = [{
        "id": "btc_usdt_binance",
        "name": "Bitcoin/USDT daily OHLC (Binance)",
        "unit": "USDT; volume in BTC",
        "as_of": r_bn[-1]["date"],
        "note": m_bn["note"],
        "source": {"publisher": "Binance API data, copied in a public GitHub chart component (repository not recorded)",
                   "title": "DEMO_1D_DATA: 'Real BTC/USDT data from Binance API (fetched Jan 2026)'",
                   "url": "", "date": "2026-01"},
        "bars": [[r["date"], float(r["open"]), float(r["high"]), float(r["low"]), float(r["close"]), float(r["volume_btc"])] for r in r_bn],
    }]
    facts = []
    wf = "https://www.wellsfargoadvisors.com/research-analysis/commentary/stock-market-news.htm"
    for r in r_nq:
        s = source_from_cell(r["source"], "Nasdaq Composite close")
        if not s["url"]:
            s = {"publisher": "Wells Fargo Advisors", "title": f"Opening Comment: {r['source']}", "url": wf}
        facts.append(fact("nasdaq_close", r["date"], "Nasdaq Composite close", float(r["value"]), "index points", s,
                          "derived: later stated close minus the stated point change" if r["method"] == "derived" else "stated in the source"))
    for r in r_ev:
        s = source_from_cell(r["source"], f"{r['instrument']} daily prices {r['date']}")
        for k in ("open", "high", "low", "close"):
            facts.append(fact(f"{r['instrument'].lower()}_ohlc", r["date"], f"{r['instrument']} {k}", float(r[k]), "US$", s))
        if r["volume"]:
            facts.append(fact(f"{r['instrument'].lower()}_ohlc", r["date"], f"{r['instrument']} volume", float(r["volume"]), "shares", s))
    m_misc, r_misc = read_csv(p("misc_facts_points.csv"))
    for r in r_misc:
        if r["item"].startswith("S&P 500 total market cap"):
            v, q = num(r["value"])
            facts.append(fact("sp500_market_cap", r["date"], "S&P 500 total market capitalisation", v, "US$ trillion",
                              source_from_cell(r["source"], "S&P 500 sheds $3.1T in three weeks"), r["unit"].replace("US$ trillion", "").strip(" ()")))
    # Total crypto market capitalisation and its change, as quoted (checks
    # the "over $100 billion" claim).
    m_cap, r_cap = read_csv(p("crypto_market_cap_points.csv"))
    for r in r_cap:
        facts.append(fact("crypto_market_cap", r["date"], r["measure"], float(r["value_usd_bn"]), "US$ billions",
                          source_from_cell(r["source"], "Total crypto market capitalisation, as quoted"), r["as_quoted"]))
    # Asian indices on 20 and 21 Nov (checks "A-shares and Hong Kong
    # simultaneously declined"): a level and a change, each when quoted.
    m_asia, r_asia = read_csv(p("asia_indices_points.csv"))
    for r in r_asia:
        s = source_from_cell(r["source"], f"{r['index']} on {r['date']}")
        if r["change_pct"]:
            facts.append(fact("asia_change_pct", r["date"], f"{r['index']} ({r['kind']})", float(r["change_pct"]), "percent", s, r["kind"]))
        if r["value"]:
            facts.append(fact("asia_level", r["date"], f"{r['index']} ({r['kind']})", float(r["value"]), "index points", s, r["kind"]))
    # The day itself (20 Nov): sector moves and weights, the mega-caps, the
    # intraday path, and Bitcoin near the US close. Each row keeps its own
    # source; where two sources differ, both rows are kept.
    m_sec, r_sec = read_csv(p("sp500_sectors_points.csv"))
    sector_group = {"day return close to close": "sector_day_pct", "early session move": "sector_early_pct",
                    "week return 17-21 Nov": "sector_week_pct", "weight in S&P 500": "sector_weight_pct",
                    "sectors closing lower": "sectors_down"}
    for r in r_sec:
        g, note = sector_group[r["measure"]], r["note"]
        # The CSV's note: Wells Fargo quotes the S&P 500 sectors themselves,
        # The Daily Chart Report likely the sector ETFs. The decomposition of
        # the index uses the index's own sectors and shows the other as its range.
        if g == "sector_day_pct" and "thechartreport.com" in r["source"]:
            g, note = "sector_etf_day_pct", f"likely the sector ETF; {note}"
        elif g == "sector_day_pct":
            note = f"the S&P 500 sector; {note}"
        facts.append(fact(g, r["date"], r["sector"], float(r["value"]), r["unit"],
                          source_from_cell(r["source"], f"S&P 500 sectors: {r['measure']}"), note))
    m_mc, r_mc = read_csv(p("megacap_points.csv"))
    for r in r_mc:
        if not r["value"]:
            continue  # a move that was not found stays a gap (the CSV's note says which)
        item = r["item"]
        if item.startswith("weight in") or item.startswith("combined weight"):
            g = "megacap_weight_pct"
        elif item == "day return close to close":
            g = "megacap_day_pct"
        elif item == "close":
            g = "megacap_close_usd"
        else:
            g = "megacap_cap_lost_usd_bn"
        facts.append(fact(g, r["date"], r["ticker"], float(r["value"]), r["unit"],
                          source_from_cell(r["source"], f"{r['ticker']}: {item}"), f"{item}; {r['note']}".strip("; ")))
    m_in, r_in = read_csv(p("intraday_points.csv"))
    intraday_group = {
        ("S&P 500", "gap at the open vs prior close"): "spx_gap_open_pct",
        ("S&P 500", "largest intraday gain vs prior close"): "spx_high_pct",
        ("S&P 500", "drop from day high to close"): "spx_high_to_close_pct",
        ("S&P 500", "open to close"): "spx_open_to_close_pct",
        ("S&P 500", "high-to-low range"): "spx_range_points",
        ("S&P 500", "intraday low"): "spx_low_points",
        ("S&P 500", "off record high at close"): "spx_off_record_pct",
        ("S&P 500", "time the selling began"): "spx_turn_time_et",
        ("S&P 500 futures", "time the selling began"): "spx_turn_time_et",
        ("S&P 500", "sessions since 1957 opening >1% up and closing lower"): "reversal_since_1957",
        ("S&P 500", "prior sessions gapping up >1.4% and closing negative"): "reversal_rarity",
        ("S&P 500", "prior bearish reversals of this magnitude since 1957"): "reversal_rarity",
        ("SPY", "sessions in SPY history with this open-high to deep-negative close"): "reversal_rarity",
        ("SPY", "volume"): "spy_volume_m",
        ("SPY", "time of reversal"): "spx_turn_time_et",
        ("US equity exchanges", "total volume"): "us_volume_bn_shares",
        ("Nasdaq 100", "day return close to close"): "ndx_day_pct",
        ("Nasdaq 100", "high to close"): "ndx_high_to_close_pct",
        ("Nasdaq 100", "largest intraday gain vs prior close"): "ndx_high_pct",
        ("Nasdaq Composite", "high to close"): "nasdaq_high_to_close_pct",
        ("Nasdaq Composite", "peak to close"): "nasdaq_high_to_close_pct",
        ("VIX", "intraday high"): "vix_high",
        ("VIX", "intraday change (afternoon)"): "vix_intraday_change_pct",
        ("VIX", "close"): "vix_close_quoted",
        ("US stock market", "market cap wiped out"): "us_value_lost_usd_tn",
        ("US stock market", "market value lost within 80 minutes (the source text's claim)"): "us_value_lost_claim_usd_tn",
        ("S&P 500", "advancing members"): "spx_advancers",
        ("US stocks (ChartMill universe)", "share of stocks declining"): "us_decliners_pct",
    }
    for r in r_in:
        g = intraday_group.get((r["instrument"], r["item"]))
        if g is None:
            raise KeyError(f"intraday_points.csv: no group for {r['instrument']!r} / {r['item']!r}")
        if r["unit"] == "text":
            continue  # "late morning": kept in the CSV, no figure to carry
        if r["unit"] == "ET":
            # A clock time: hours after midnight ET (10:45 -> 10.75); the text stays in the note.
            hh, mm = r["value"].split(":")
            value, unit = int(hh) + int(mm) / 60, "hours after midnight ET"
            note = f"{r['value']} ET; {r['note']}"
        else:
            value, unit, note = num(r["value"])[0], r["unit"], r["note"]
        label = f"{r['instrument']}: {r['item']}"
        facts.append(fact(g, r["date"], label, value, unit, source_from_cell(r["source"], label), note))
    m_bc, r_bc = read_csv(p("btc_near_us_close_points.csv"))
    for r in r_bc:
        facts.append(fact("btc_near_us_close", r["date"], r["item"], float(r["value"]), r["unit"],
                          source_from_cell(r["source"], "Bitcoin in an end-of-day market wrap"), r["note"]))
    write("markets", envelope("markets", "Market prices: S&P 500, VIX, Bitcoin, Nasdaq points, event-day prices, crypto market cap and Asian indices (points)",
                              max(r_sp[-1]["date"], r_btc[-1]["date"]), series=markets_series, ohlc=ohlc, facts=facts))

    # ------------------------------------------------------------------ rates
    m_fw, r_fw = read_csv(p("fedwatch_dec2025_cut_probability_points.csv"))
    facts = []
    for r in r_fw:
        facts.append(fact("fedwatch_dec_cut", r["date"], "CME FedWatch: probability of a December 2025 cut", float(r["value_pct"]),
                          "percent", source_from_cell(r["source"], "CME FedWatch reading quoted"), r["as_reported"]))
    for r in r_misc:
        if "10-year" in r["item"]:
            v, q = num(r["value"])
            facts.append(fact("us10y_yield", r["date"], "US 10-year Treasury yield", v, "percent",
                              source_from_cell(r["source"], "US 10-year Treasury yield"), q))
    # The morning's data and the Fed's voices, 17-21 Nov: figures as facts,
    # words (minutes, speeches, results) as events of this file only (the
    # timelines read events.json).
    m_mn, r_mn = read_csv(p("macro_news_points.csv"))
    macro_group = {
        "September nonfarm payrolls": "nfp_sep", "September nonfarm payrolls (as quoted pre-open)": "nfp_sep",
        "September nonfarm payrolls: expected": "nfp_sep_expected", "September unemployment rate": "unemployment_sep",
        "September unemployment rate: expected": "unemployment_sep_expected", "August payrolls as revised": "nfp_aug_revised",
        "September labour force participation rate": "participation_sep", "payroll growth year on year": "nfp_growth_yoy",
        "initial jobless claims": "claims_initial", "continuing jobless claims": "claims_continuing",
    }
    news = []
    for r in r_mn:
        s = source_from_cell(r["source"], r["item"])
        if r["unit"] == "text":
            slug = re.sub(r"[^a-z0-9]+", "_", r["item"].split("(")[0].lower()).strip("_")
            when = f" at {r['time_et']} ET" if r["time_et"] else ""
            news.append({"id": f"{slug}_{r['date'][5:].replace('-', '')}", "date": r["date"], "title": f"{r['item']}: {r['value']}",
                         "note": f"{r['date']}{when}. {r['note']}", "source": s})
        else:
            facts.append(fact(macro_group[r["item"]], r["date"], r["item"], float(r["value"]), r["unit"], s, r["note"]))
    news.sort(key=lambda e: e["date"])
    write("rates", envelope("rates", "December 2025 rate-cut odds (CME FedWatch, as quoted), Treasury yields, the 20 Nov jobs data and the Fed's speakers",
                            max(f["date"] for f in facts), facts=facts, events=news))

    # ------------------------------------------------------------------ flows
    m_etf, r_etf = read_csv(p("btc_spot_etf_flows_points.csv"))
    facts = []
    group_of = {"TOTAL": "etf_total_daily", "IBIT": "etf_ibit_daily", "TOTAL_MTD": "etf_total_mtd",
                "IBIT_MTD": "etf_ibit_mtd", "IBIT_MONTH": "etf_ibit_month"}
    for r in r_etf:
        g = group_of.get(r["fund"], "etf_other_daily")
        facts.append(fact(g, r["date"], f"Spot Bitcoin ETF net flow: {r['fund']}", float(r["value_usd_m"]), "US$ millions",
                          source_from_cell(r["source"], "Spot Bitcoin ETF flows"), r["note"]))
    for r in r_misc:
        if "BTC " in r["item"]:
            v, q = num(r["value"])
            src_cell = source_from_cell(r["source"], r["item"])
            facts.append(fact("lth", r["date"], r["item"], v, "BTC", src_cell, r["unit"].replace("BTC", "").strip(" ()")))
            # Figures stated in the same source row's unit text, kept as their own facts.
            m = re.search(r"down (\d+) from (\d+) in July", r["unit"])
            if m:
                facts.append(fact("lth_glassnode_change", r["date"], "Change in BTC long-term-holder supply since July (Glassnode)",
                                  -float(m.group(1)), "BTC", src_cell, f"from {m.group(2)} in July to {int(v)} on {r['date']}"))
            m = re.search(r"~(\d+) were Coinbase internal transfers; adjusted ~(\d+)", r["unit"])
            if m:
                facts.append(fact("lth_cryptoquant_internal", r["date"], "Part of the CryptoQuant LTH spending that was Coinbase internal transfers",
                                  float(m.group(1)), "BTC", src_cell, "approx."))
                facts.append(fact("lth_cryptoquant_adjusted", r["date"], "CryptoQuant LTH 30-day spending without the internal transfers",
                                  float(m.group(2)), "BTC", src_cell, "approx."))
    write("flows", envelope("flows", "Spot Bitcoin ETF flows and long-term-holder supply", "2025-11-30", facts=facts))

    # -------------------------------------------------------------- sentiment
    m_fg, r_fg = read_csv(p("cnn_fear_greed.csv"))
    m_cfg, r_cfg = read_csv(p("crypto_fear_greed_alternative_me_points.csv"))
    facts = [fact("crypto_fear_greed", r["date"], "Crypto Fear & Greed (alternative.me)", float(r["value"]), "score 0-100",
                  source_from_cell(r["source"], "Crypto Fear & Greed Index"), r["classification"]) for r in r_cfg]
    write("sentiment", envelope("sentiment", "Fear & Greed indices: CNN (stocks) and alternative.me (crypto)", r_fg[-1]["date"],
                                series=[series("cnn_fear_greed", "CNN Fear & Greed (stocks)", "score 0-100", cnn_src("fear_and_greed_historical"),
                                               m_fg["note"], r_fg, "date", "value")], facts=facts))

    # ----------------------------------------------------------- liquidations
    m_lq, r_lq = read_csv(p("crypto_liquidations_points.csv"))
    facts = []
    for r in r_lq:
        s = source_from_cell(r["source"], "Crypto liquidations (CoinGlass, quoted)")
        facts.append(fact("crypto_liquidations_24h", r["date"], "Crypto liquidations, trailing 24 h", float(r["value_usd_m"]), "US$ millions", s, r["detail"]))
        if r["longs_usd_m"]:
            facts.append(fact("crypto_liquidations_longs_24h", r["date"], "Crypto long liquidations, trailing 24 h", float(r["longs_usd_m"]), "US$ millions", s, r["detail"]))
        # Bitcoin's own share, where the quote gives it ("BTC 960", "BTC >1,020 longs").
        btc = re.search(r"BTC\s*>?\s*([0-9][0-9,]*)", r["detail"])
        if btc:
            facts.append(fact("crypto_liquidations_btc_24h", r["date"], "Bitcoin liquidations, trailing 24 h", float(btc.group(1).replace(",", "")), "US$ millions", s, r["detail"]))
    write("liquidations", envelope("liquidations", "Crypto liquidations (CoinGlass figures as quoted)", "2025-11-21", facts=facts))

    # ----------------------------------------------------------------- events
    def row(rows, **kw):
        for r in rows:
            if all(r[k] == v for k, v in kw.items()):
                return r
        raise KeyError(kw)
    tariff = row(r_misc, date="2025-10-10")
    liq = row(r_lq, date="2025-10-11")
    ibit14 = row(r_etf, date="2025-11-14", fund="IBIT")
    ibit18 = row(r_etf, date="2025-11-18", fund="IBIT")
    nvda = [r for r in r_misc if r["item"].startswith("NVDA Q3 FY26 revenue")][0]
    nvda20 = row(r_ev, date="2025-11-20", instrument="NVDA")
    williams = row(r_fw, date="2025-11-21", value_pct="57")
    events = [
        {"id": "tariff", "date": "2025-10-10", "title": "100% tariff threat on China",
         "note": "The US announces a 100% tariff on Chinese imports, to start on 1 Nov.",
         "source": source_from_cell(tariff["source"], "US announces 100% tariff on Chinese imports")},
        {"id": "liquidation_record", "date": "2025-10-11", "title": "Record $19B crypto liquidation",
         "note": liq["detail"], "source": source_from_cell(liq["source"], "Crypto liquidations (CoinGlass, quoted)")},
        {"id": "ibit_record_14", "date": "2025-11-14", "title": "IBIT outflow record, $463M",
         "note": "BlackRock's spot Bitcoin ETF loses $463.1M in a day, its record at the time (Farside).",
         "source": source_from_cell(ibit14["source"], "Record $2.5 billion flees Bitcoin ETFs")},
        {"id": "ibit_record_18", "date": "2025-11-18", "title": "IBIT outflow record, $523M",
         "note": "IBIT's largest single-day outflow since launch: $523.2M (Farside via Reuters).",
         "source": source_from_cell(ibit18["source"], "BlackRock Bitcoin ETF posts record $523M outflow")},
        {"id": "nvidia", "date": "2025-11-19", "title": "Nvidia Q3 results",
         "note": "After the close Nvidia reports revenue of $57.0B, beating forecasts; the shares rise in after-hours trading.",
         "source": source_from_cell(nvda["source"], "NVIDIA Q3 FY26 press release")},
        {"id": "reversal", "date": "2025-11-20", "title": "The reversal",
         "note": f"A day after its results, Nvidia opens at ${nvda20['open']} and closes at ${nvda20['close']}, pulling US stocks from a higher open into a broad fall.",
         "source": source_from_cell(nvda20["source"], "Nvidia November 2025 flash crash")},
        {"id": "williams", "date": "2025-11-21", "title": "Fed's Williams revives cut odds",
         "note": "New York Fed President Williams says there is room for a near-term cut; December cut odds jump from about 39 % to 57-75 %.",
         "source": source_from_cell(williams["source"], "Reuters: rate-cut bets after Williams remarks")},
    ]
    write("events", envelope("events", "Events shared by every timeline", "2025-11-21", events=events,
                             facts=[fact("nvda_results", r["date"], r["item"], num(r["value"])[0], r["unit"],
                                         source_from_cell(r["source"], r["item"]), num(r["value"])[1])
                                    for r in r_misc if r["item"].startswith("NVDA")]))


def write(name, doc):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, f"{name}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path)}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
