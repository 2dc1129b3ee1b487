// `make bench`: what a reader gets, each figure against its budget.
//  1. Bytes a WebAssembly browser downloads on a first visit (the files it
//     requests, and what the service worker then precaches), gzip and brotli,
//     from the compressed copies in dist/ (tools/precompress.mjs).
//  2. Start-up on a throttled phone (375 × 812; 150 ms round trip,
//     1.6 Mbit/s down, 750 kbit/s up; CPU 4× slower), served gzip by
//     tools/serve.mjs: first contentful paint, largest contentful paint,
//     first chart drawn, sliders live, blocking time until then, layout
//     shift. The median of RUNS loads (environment BENCH_RUNS, default 5).
//  3. Slider responsiveness and the cascade in the release wasm (desktop,
//     unthrottled), as before.
//  4. Lighthouse, mobile preset, when `make bench` installed it into
//     .bench-tools/ (it is not needed by `make test`).
// It measures and prints; it never fails the build. Budgets: README,
// "Performance".
import { chromium } from '@playwright/test';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './serve.mjs';

const DIST = 'dist';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
/** One line: label, figure, budget, verdict. */
const line = (label, figure, budget, ok) => console.log(`  ${label.padEnd(34)} ${figure.padStart(10)}   budget ${budget.padEnd(9)} ${verdict(ok)}`);

const server = await startServer(DIST, 0);
// The start-up budgets and Lighthouse are for gzip (issue 17's profile;
// GitHub Pages serves no brotli): a second server sends the .gz copies only.
const gzipOnly = await startServer(DIST, 0, { encodings: ['gzip'] });
// The same without the HTML's `Link: rel=preload` header (issue 27's A/B):
// what a host gets that sends the HTML without it.
const gzipNoLink = await startServer(DIST, 0, { encodings: ['gzip'], link: false });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const summary = [];
try {
  // 1. Bytes, for each edition (issue 26): the English page at / and the
  // Chinese one at /zh/, each with its own wasm. Which files: those a real
  // first visit requests (page, and the service worker's precache for that
  // edition), recorded in an unthrottled load.
  const editions = {};
  for (const [edition, path] of [['en', '/'], ['zh', '/zh/']]) {
    if (edition === 'zh' && !existsSync(join(DIST, 'zh', 'index.html'))) continue;
    const requested = new Set();
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    context.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === new URL(server.url).origin) requested.add(decodeURIComponent(u.pathname));
    });
    const page = await context.newPage();
    await page.goto(new URL(path, server.url).href);
    await page.waitForFunction(() => navigator.serviceWorker?.controller || document.readyState === 'complete', null, { timeout: 30_000 });
    // The service worker's precache for this edition: the list it was
    // written with, in case its own requests were not reported.
    try {
      const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
      for (const f of JSON.parse(sw.match(/const PRECACHE_BY_EDITION = (\{[^\n]*\});/)[1])[edition]) requested.add(`/${f.replace(/^\.\//, '')}`);
      requested.add('/sw.js');
    } catch { /* no service worker in this build */ }
    await context.close();
    const rows = [];
    for (const p of [...requested].sort()) {
      let file = join(DIST, p.endsWith('/') ? `${p}index.html` : p);
      if (!existsSync(file) || statSync(file).isDirectory()) continue;
      const raw = readFileSync(file);
      // The bytes a compressing host sends: the build's copy when there is
      // one, else the file compressed here the same way (small files).
      const copy = (ext, make) => (existsSync(`${file}.${ext}`) ? statSync(`${file}.${ext}`).size : Math.min(raw.length, make(raw).length));
      rows.push({
        path: p,
        raw: raw.length,
        gz: copy('gz', (b) => gzipSync(b, { level: 9 })),
        br: copy('br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
      });
    }
    const total = (k) => rows.reduce((a, r) => a + r[k], 0);
    editions[edition] = { gz: total('gz'), br: total('br'), zhBytes: rows.filter((r) => r.path.startsWith('/zh/')).reduce((a, r) => a + r.gz, 0) };
    console.log(`Bytes a WebAssembly browser downloads on a first visit to ${path} (${edition === 'en' ? 'English' : 'Chinese'}; ${rows.length} files, page and service-worker precache):`);
    console.log('        raw       gzip     brotli');
    for (const r of rows.sort((a, b) => b.gz - a.gz)) console.log(`  ${kb(r.raw).padStart(9)}  ${kb(r.gz).padStart(9)}  ${kb(r.br).padStart(9)}  ${r.path}`);
    console.log(`  ${kb(total('raw')).padStart(9)}  ${kb(total('gz')).padStart(9)}  ${kb(total('br')).padStart(9)}  total`);
  }
  summary.push(['shipped, gzip (English)', kb(editions.en.gz), '≤ 350 KB', editions.en.gz <= 350 * 1024]);
  summary.push(['shipped, brotli (English)', kb(editions.en.br), '≤ 280 KB', editions.en.br <= 280 * 1024]);
  // Issue 26: the Chinese edition adds at most 15 KB gzip to an English
  // reader's download; measured against the last English-only build (3 Dec
  // 2026: 554.7 KB gzip), and none of it may be a Chinese file.
  const BEFORE_EDITIONS_GZ = 554.7 * 1024;
  summary.push(['English growth from the zh edition', kb(editions.en.gz - BEFORE_EDITIONS_GZ), '≤ 15 KB', editions.en.gz - BEFORE_EDITIONS_GZ <= 15 * 1024 && editions.en.zhBytes === 0]);
  if (editions.zh) {
    summary.push(['shipped, gzip (Chinese, /zh/)', kb(editions.zh.gz), '≤ 350 KB', editions.zh.gz <= 350 * 1024]);
    summary.push(['shipped, brotli (Chinese, /zh/)', kb(editions.zh.br), '≤ 280 KB', editions.zh.br <= 280 * 1024]);
  }

  // Where the wasm's bytes go, by crate: twiggy on a copy of the shipped
  // wasm optimised as Trunk does (wasm-opt -Oz and index.html's flags) but
  // keeping its function names (-g). Our own code is split by module; then
  // the same bytes by family, the floor any change must work against.
  try {
    const named = join(tmpdir(), `selloff-named-${process.pid}.wasm`);
    const params = (readFileSync('index.html', 'utf8').match(/data-wasm-opt-params="([^"]*)"/) || [, ''])[1].split(/\s+/).filter(Boolean);
    let source = 'target/wasm32-unknown-unknown/release/selloff.wasm', when = 'before wasm-opt';
    try {
      execFileSync('wasm-opt', ['-Oz', '-g', ...params, '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
        'target/wasm-bindgen/release/selloff_bg.wasm', '-o', named], { stdio: 'ignore' });
      [source, when] = [named, 'as shipped, after wasm-opt'];
    } catch { /* no wasm-opt on PATH: the names of the wasm before it */ }
    const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', source], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (source === named) rmSync(named, { force: true });
    const groups = new Map();
    for (const row of csv.split('\n').slice(1)) {
      const m = row.match(/^"?(.*?)"?,(\d+),/);
      if (!m) continue;
      const [name, bytes] = [m[1], Number(m[2])];
      if (/function names|wasm_bindgen_unstable|^export |^import |describe/.test(name)) continue;
      let key;
      if (/^data segment|^data\[/.test(name)) key = 'static data (strings, tables)';
      else {
        const own = name.match(/^<?(?:&mut |&)?selloff::([a-z_]+)(?:::([a-z_]+))?/);
        if (own) key = `selloff::${own[1]}${own[2] && own[1] !== 'app' && own[1] !== 'main' ? '::' + own[2] : ''}`;
        else key = (name.match(/^<?(?:&mut |&)?(?:T as )?([a-z_0-9]+)/) || [, 'other'])[1];
      }
      groups.set(key, (groups.get(key) || 0) + bytes);
    }
    const all = [...groups.values()].reduce((a, b) => a + b, 0);
    console.log(`Where the wasm goes (${when}, by crate / module, top 16):`);
    for (const [k, v] of [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
      console.log(`  ${(v / 1024).toFixed(0).padStart(5)} KB  ${((100 * v) / all).toFixed(1).padStart(4)}%  ${k}`);
    }
    const family = (k) => (k.startsWith('selloff::') ? 'our code (sections, charts, models, data)'
      : /^(core|alloc|std|compiler_builtins|dlmalloc|hashbrown)$/.test(k) ? 'Rust core/alloc (much of it our closures and drop code)'
      : /^(reactive_graph|tachys|leptos|leptos_[a-z_]+|any_spawner|or_poisoned|throw_error|send_wrapper|guardian|slotmap|indexmap)$/.test(k) ? 'Leptos (reactive graph, renderer)'
      : /^(serde|serde_core|serde_json|ryu|itoa|memchr)$/.test(k) ? 'serde / serde_json'
      : /^(plotters|plotters_backend|plotters_canvas)$/.test(k) ? 'plotters'
      : /^(wasm_bindgen|js_sys|web_sys|js|wasm_bindgen_futures|gloo_net|gloo_utils)$/.test(k) ? 'wasm-bindgen, js-sys, web-sys, gloo'
      : k.startsWith('static data') ? k : 'other');
    const families = new Map();
    for (const [k, v] of groups) families.set(family(k), (families.get(family(k)) || 0) + v);
    console.log('  by family:');
    for (const [k, v] of [...families.entries()].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${(v / 1024).toFixed(0).padStart(5)} KB  ${((100 * v) / all).toFixed(1).padStart(4)}%  ${k}`);
    }
  } catch {
    console.log('  (install twiggy for a breakdown of the wasm: cargo install twiggy --version 0.8.0 --locked)');
  }

  // 2. Start-up on the throttled phone: served gzip (the budgets' profile),
  // served brotli, and gzip without the Link header.
  const series = async (url) => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await phoneRun(browser, url));
    return runs;
  };
  const phone = await series(gzipOnly.url);
  const phoneBr = await series(server.url);
  const phoneNoLink = await series(gzipNoLink.url);
  const fig = (runs, k) => runs.map((r) => r[k]).filter((v) => v !== null && v !== undefined);
  const med = (runs, k) => (fig(runs, k).length ? median(fig(runs, k)) : NaN);
  const ms = (k) => med(phone, k);
  const sources = [...new Set(phone.map((r) => r.how))].join('; ');
  const profile = `375×812, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower; median of ${RUNS} loads`;
  for (const [runs, how] of [[phone, 'served gzip'], [phoneBr, 'served brotli'], [phoneNoLink, 'served gzip, no Link header']]) {
    console.log(`Start-up on a throttled phone (${profile}, ${how}):`);
    for (const r of runs) {
      console.log(`  run: FCP ${r.fcp?.toFixed(0)} ms, LCP ${r.lcp?.toFixed(0)} ms, first chart ${r.chart?.toFixed(0)} ms, sliders ${r.live?.toFixed(0)} ms, blocking ${r.tbt.toFixed(0)} ms (${r.longTasks} long tasks), longest task ${r.longest.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}, ${kb(r.bytes)} on the wire`);
    }
  }
  console.log(`  (first chart and sliders from: ${sources})`);
  const secs = (v) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : 'never');
  // The Link header's gain: the same gzip host with and without it.
  const gain = med(phoneNoLink, 'live') - ms('live');
  console.log(`Link: rel=preload with the HTML (gzip): sliders respond at ${secs(ms('live'))} with it, ${secs(med(phoneNoLink, 'live'))} without: ${gain >= 0 ? 'earlier' : 'later'} by ${Math.abs(gain).toFixed(0)} ms (medians of ${RUNS}).`);
  // Every task over 50 ms in the start-up (until 3 s after the sliders
  // respond, which covers the idle building of the sections), over all the
  // gzip and brotli loads, by what the app had marked in it
  // (context::bench_mark; "wasm-start" is the task that compiled and
  // started the wasm); a task with no mark is the browser's own work
  // (parsing, style, layout, paint).
  const tasks = new Map();
  for (const r of [...phone, ...phoneBr]) {
    for (const t of r.tasks) (tasks.get(t.what) || tasks.set(t.what, []).get(t.what)).push(t);
  }
  console.log(`Tasks over 50 ms in the start-up (${2 * RUNS} loads, gzip and brotli; when: median ms from navigation):`);
  for (const [what, ts] of [...tasks.entries()].sort((x, y) => median(x[1].map((t) => t.at)) - median(y[1].map((t) => t.at)))) {
    const d = ts.map((t) => t.ms);
    console.log(`  ${String(ts.length).padStart(2)}×  at ${median(ts.map((t) => t.at)).toFixed(0).padStart(5)} ms  median ${median(d).toFixed(0).padStart(3)} ms, max ${Math.max(...d).toFixed(0).padStart(3)} ms  ${what}`);
  }
  summary.push(['first contentful paint', secs(ms('fcp')), '≤ 1.0 s', ms('fcp') <= 1000]);
  summary.push(['largest contentful paint', secs(ms('lcp')), '(none)', true]);
  summary.push(['first chart drawn', secs(ms('chart')), '≤ 3.0 s', ms('chart') <= 3000]);
  summary.push(['sliders respond, gzip', secs(ms('live')), '≤ 3.0 s', ms('live') <= 3000]);
  summary.push(['sliders respond, brotli', secs(med(phoneBr, 'live')), '≤ 3.0 s', med(phoneBr, 'live') <= 3000]);
  summary.push(['blocking time until then, gzip', `${ms('tbt').toFixed(0)} ms`, '≤ 300 ms', ms('tbt') <= 300]);
  summary.push(['longest task in the start-up', `${ms('longest').toFixed(0)} ms`, '≤ 50 ms', ms('longest') <= 50]);
  summary.push(['layout shift (CLS)', ms('cls').toFixed(3), '≤ 0.05', ms('cls') <= 0.05]);

  // 3. Slider responsiveness: script time from an input event until its
  // effects (every dependent number and chart) have run, ≥ 200 inputs per
  // slider. Each input is sent just after a frame has been rendered, as a
  // dragged slider's inputs arrive (one per frame), so the time measured is
  // the page's script work, not the browser's style/layout/paint of a frame
  // that happened to fall inside the measurement. Chart redraws wait for the
  // next frame; each input's figure adds the redraws it caused there.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => { window.__chartDrawMs = []; });
  await page.goto(server.url);
  const sliders = ['ctl-cut', 'ctl-lev', 'ctl-gr', 'ctl-gg', 'ctl-nqb', 'ctl-shock', 'ctl-wbtc', 'ctl-pe', 'ctl-hz', 'ctl-q', 'ctl-depth', 'ctl-phi', 'ctl-oi'];
  await page.waitForFunction(() => !document.querySelector('.loading') && document.getElementById('ctl-cut'), null, { timeout: 30_000 });
  // Sections may be built only as they near the viewport: visit each.
  for (const id of ['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis']) {
    await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), id);
    await page.waitForTimeout(300);
  }
  await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id)), sliders, { timeout: 10_000 }).catch(() => {});
  console.log('Slider responsiveness (script time per input plus the chart redraws it causes, ms; budget p95 ≤ 4 ms):');
  let worst = 0;
  for (const id of sliders) {
    const times = await page.evaluate(async (id) => {
      const el = document.getElementById(id);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const min = Number(el.min), max = Number(el.max);
      const yieldTask = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
      const out = [];
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      // 201 inputs, each a different value from the one before (a slider
      // with fewer than 200 steps is swept back and forth), so that every
      // input is a real change and none is skipped as "same value".
      const step = Number(el.step) > 0 ? Number(el.step) : (max - min) / 200;
      const n = Math.round((max - min) / step);
      const stride = Math.max(1, Math.floor(n / 200));
      const decimals = (String(step).split('.')[1] || '').length;
      let idx = 0, dir = 1;
      const drawn = () => window.__chartDrawMs || [];
      let script = null, from = 0;
      for (let i = 0; i <= 201; i++) {
        await frame();
        // The previous input's cost: its script time plus the chart redraws
        // it caused, which ran in the frame just rendered.
        if (script !== null) out.push(script + drawn().slice(from).reduce((a, [, ms]) => a + ms, 0));
        if (i === 201) break;
        el.value = (min + idx * step).toFixed(decimals);
        if (idx + dir * stride > n || idx + dir * stride < 0) dir = -dir;
        idx += dir * stride;
        await yieldTask();
        from = drawn().length;
        const t0 = performance.now();
        el.dispatchEvent(new Event('input', { bubbles: true }));
        // The effects the input sets off run as microtasks (Leptos's
        // executor): drain them, then read the clock, before any task, so a
        // frame the browser renders in between is not counted as the input's.
        for (let k = 0; k < 64; k++) await Promise.resolve();
        script = performance.now() - t0;
        await yieldTask();
      }
      return out;
    }, id);
    if (!times) {
      console.log(`  ${id.padEnd(10)} not on the page`);
      continue;
    }
    const p95 = pct(times, 95);
    worst = Math.max(worst, p95);
    console.log(`  ${id.padEnd(10)} p50 ${pct(times, 50).toFixed(2).padStart(6)}  p95 ${p95.toFixed(2).padStart(6)}  ${verdict(p95 <= 4)}`);
  }
  summary.push(['slider p95 (worst slider)', `${worst.toFixed(2)} ms`, '≤ 4 ms', worst <= 4]);
  const draws = await page.evaluate(() => window.__chartDrawMs);
  const byChart = {};
  for (const [k, v] of draws) (byChart[k] ||= []).push(v);
  console.log('Chart draw time (ms per redraw, over the slider runs; at most one per chart per frame):');
  for (const [k, v] of Object.entries(byChart).sort()) {
    console.log(`  ${k.replace('-summary', '').padEnd(18)} mean ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(2).padStart(5)}  redraws ${v.length}`);
  }

  // The cascade in the release wasm, 100,000 positions.
  const cascadeMs = await page.evaluate(() => window.wasmBindings.bench_cascade(100000, 50));
  console.log(`Cascade in the browser (release wasm), 100,000 positions to a fixed point: ${cascadeMs.toFixed(3)} ms`);
  summary.push(['cascade, 100,000 positions', `${cascadeMs.toFixed(2)} ms`, '≤ 2 ms', cascadeMs <= 2]);
  await context.close();

  // 4. Lighthouse (mobile preset, simulated throttling), when installed.
  const lh = '.bench-tools/node_modules/lighthouse/cli/index.js';
  if (existsSync(lh)) {
    try {
      const json = join(tmpdir(), `selloff-lighthouse-${process.pid}.json`);
      // Asynchronously: the page is served from this process, whose event
      // loop a synchronous child would block (Lighthouse then times out).
      await promisify(execFile)(process.execPath, [lh, gzipOnly.url, '--quiet', '--output=json', `--output-path=${json}`,
        '--only-categories=performance,accessibility,best-practices,seo', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 300_000 });
      const out = readFileSync(json, 'utf8');
      rmSync(json, { force: true });
      const report = JSON.parse(out);
      const score = (k) => Math.round(100 * (report.categories[k]?.score ?? 0));
      const a = report.audits;
      console.log(`Lighthouse ${report.lighthouseVersion} (mobile, simulated throttling): FCP ${a['first-contentful-paint']?.displayValue}, LCP ${a['largest-contentful-paint']?.displayValue}, TBT ${a['total-blocking-time']?.displayValue}, CLS ${a['cumulative-layout-shift']?.displayValue}`);
      summary.push(['Lighthouse performance', String(score('performance')), '≥ 95', score('performance') >= 95]);
      const tbt = a['total-blocking-time']?.numericValue ?? NaN;
      summary.push(['Lighthouse total blocking time', `${tbt.toFixed(0)} ms`, '≤ 200 ms', tbt <= 200]);
      for (const [k, name] of [['accessibility', 'accessibility'], ['best-practices', 'best practices'], ['seo', 'SEO']]) {
        summary.push([`Lighthouse ${name}`, String(score(k)), '100', score(k) >= 100]);
      }
    } catch (e) {
      console.log(`Lighthouse did not run: ${String(e.message).split('\n')[0]}`);
    }
  } else {
    console.log('Lighthouse: not installed (make bench installs it into .bench-tools/)');
  }
} finally {
  await browser.close();
  await server.close();
  await gzipOnly.close();
  await gzipNoLink.close();
}

console.log('\nBudgets (measured, not asserted):');
for (const [label, figure, budget, ok] of summary) line(label, figure, budget, ok);

/**
 * One cold load on the throttled phone profile. Returns milliseconds from
 * navigation start: fcp, lcp, chart (first chart drawn), live (sliders
 * respond), tbt (sum of long tasks' time beyond 50 ms until live), cls, and
 * the bytes received.
 */
async function phoneRun(browser, url) {
  // A new context is a cold cache; the service worker is left out (a first
  // visit has none yet, and its precache would compete for the link).
  const context = await browser.newContext({
    serviceWorkers: 'block', viewport: { width: 375, height: 812 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.addInitScript(() => {
    const m = (window.__bench = { fcp: null, lcp: null, chart: null, live: null, shifts: [], longTasks: [] });
    const observe = (type, fn) => { try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch { /* unsupported */ } };
    observe('paint', (e) => { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; });
    observe('largest-contentful-paint', (e) => { m.lcp = e.startTime; });
    observe('layout-shift', (e) => { if (!e.hadRecentInput) m.shifts.push([e.startTime, e.value]); });
    observe('longtask', (e) => { m.longTasks.push([e.startTime, e.duration]); });
    // The app marks "selloff:first-chart" and "selloff:interactive" (and
    // sets <html data-app="ready">). A build without the marks is measured
    // by the first chart draw it reports on window.__chartDrawMs, and by
    // polling for an enabled #ctl-cut.
    // The marks win over the fallbacks below: a chart may draw in the app
    // before the app is on screen (it renders off-screen until the take-over).
    m.marks = false;
    observe('mark', (e) => {
      if (e.name === 'selloff:first-chart') { m.chart = e.startTime; m.marks = true; m.how = 'performance marks'; }
      if (e.name === 'selloff:interactive') { m.live = e.startTime; m.marks = true; m.how = 'performance marks'; }
    });
    const draws = [];
    draws.push = function (...items) {
      if (m.chart === null) { m.chart = performance.now(); m.how = 'first draw, enabled #ctl-cut'; }
      return Array.prototype.push.apply(this, items);
    };
    window.__chartDrawMs = draws;
    const poll = () => {
      // (At document creation there is no <html> element yet.)
      const el = document.getElementById('ctl-cut');
      if (m.live === null && (document.documentElement?.dataset.app === 'ready' || (el && !el.disabled && !el.closest('[inert], [hidden]')))) {
        m.live = performance.now();
        m.how ||= 'first draw, enabled #ctl-cut';
      }
      if (m.live === null) setTimeout(poll, 25);
    };
    poll();
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.live !== null && window.__bench?.chart !== null
    && (!window.__bench.marks || performance.getEntriesByName('selloff:first-chart').length > 0), null, { timeout: 60_000, polling: 100 }).catch(() => {});
  // Let late shifts and paints land, and the idle building of the sections run.
  await page.waitForTimeout(3000);
  const m = await page.evaluate(() => window.__bench);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((e) => e.name.startsWith('selloff:')).map((e) => [e.startTime, e.name.slice(8)]));
  await context.close();
  const tasks = m.longTasks.filter(([s]) => s < (m.live ?? Infinity) + 3000).map(([at, d]) => {
    const inside = [...new Set(marks.filter(([t]) => t >= at - 0.5 && t <= at + d).map(([, n]) => n))];
    const what = inside.length ? inside.join(', ') : '(no app mark: the browser\'s own parse, style, layout or paint)';
    return { at, ms: d, what };
  });
  const until = m.live ?? Infinity;
  const tbt = m.longTasks.filter(([s]) => s < until).reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
  // CLS: the largest session window (shifts less than 1 s apart, at most 5 s long).
  let cls = 0, win = 0, first = -Infinity, last = -Infinity;
  for (const [t, v] of m.shifts.sort((a, b) => a[0] - b[0])) {
    if (t - last > 1000 || t - first > 5000) { win = 0; first = t; }
    win += v; last = t; cls = Math.max(cls, win);
  }
  const longest = Math.max(0, ...tasks.map((t) => t.ms));
  return { fcp: m.fcp, lcp: m.lcp, chart: m.chart, live: m.live, tbt, longTasks: m.longTasks.filter(([s]) => s < until).length, longest, tasks, cls, bytes, how: m.how || 'not reached' };
}
