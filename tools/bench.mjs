// `make bench`: shipped size, start-up time, slider responsiveness and the
// cascade in the release wasm, each against its budget. Prints figures and
// verdicts; it measures, it does not fail the build.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './serve.mjs';

const DIST = 'dist';
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

// 1. Shipped size, gzip -9.
function walk(d) {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
}
const files = walk(DIST).filter((f) => !f.endsWith('_headers'));
const sizes = files.map((f) => ({ f: f.slice(DIST.length + 1), gz: gzipSync(readFileSync(f), { level: 9 }).length }));
const total = sizes.reduce((a, s) => a + s.gz, 0);
console.log('Shipped size (gzip -9):');
for (const s of sizes.sort((a, b) => b.gz - a.gz)) console.log(`  ${(s.gz / 1024).toFixed(1).padStart(7)} KB  ${s.f}`);
console.log(`  total ${(total / 1024).toFixed(1)} KB; budget 250 KB: ${verdict(total <= 250 * 1024)}`);
// Where the wasm's bytes go, by crate (twiggy on the release wasm before
// wasm-bindgen and wasm-opt, which still has function names; shares are
// close to the shipped file's). Our own code is split by module.
try {
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', 'target/wasm32-unknown-unknown/release/selloff.wasm'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const groups = new Map();
  for (const line of csv.split('\n').slice(1)) {
    const m = line.match(/^"?(.*?)"?,(\d+),/);
    if (!m) continue;
    const [name, bytes] = [m[1], Number(m[2])];
    if (/function names|wasm_bindgen_unstable|^export |^import |describe/.test(name)) continue;
    let key;
    if (/^data segment/.test(name)) key = 'static data (strings, tables)';
    else {
      const own = name.match(/^<?(?:&mut |&)?selloff::([a-z_]+)(?:::([a-z_]+))?/);
      if (own) key = `selloff::${own[1]}${own[2] && own[1] !== 'app' && own[1] !== 'main' ? '::' + own[2] : ''}`;
      else key = (name.match(/^<?(?:&mut |&)?(?:T as )?([a-z_0-9]+)/) || [, 'other'])[1];
    }
    groups.set(key, (groups.get(key) || 0) + bytes);
  }
  const all = [...groups.values()].reduce((a, b) => a + b, 0);
  console.log('Where the wasm goes (before wasm-opt, by crate / module, top 16):');
  for (const [k, v] of [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
    console.log(`  ${(v / 1024).toFixed(0).padStart(5)} KB  ${((100 * v) / all).toFixed(1).padStart(4)}%  ${k}`);
  }
} catch {
  console.log('  (install twiggy for a breakdown of the wasm: cargo install twiggy)');
}

// 2–4 in headless Chromium.
// A static server on a free port, in this process; ready once it answers.
const server = await startServer(DIST, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  // Start-up: navigation start to the first drawn timeline chart.
  await page.addInitScript(() => {
    window.__chartDrawMs = [];
    const check = () => {
      const c = document.querySelector('#timeline canvas');
      if (c && c.width > 0) {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < d.length; i += 4 * 97) {
          if (d[i] < 200) { window.__firstChart = performance.now(); return; }
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const starts = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(server.url);
    await page.waitForFunction(() => window.__firstChart !== undefined, null, { timeout: 20_000 });
    starts.push(await page.evaluate(() => window.__firstChart));
  }
  console.log(`Start-up, navigation to the first drawn chart (loopback, 5 loads): median ${pct(starts, 50).toFixed(0)} ms, max ${Math.max(...starts).toFixed(0)} ms`);

  // Slider responsiveness: script time from an input event until its effects
  // (every dependent number and chart) have run, ≥ 200 inputs per slider.
  // Each input is sent just after a frame has been rendered, as a dragged
  // slider's inputs arrive (one per frame), so the time measured is the
  // page's script work, not the browser's style/layout/paint of a frame that
  // happened to fall inside the measurement.
  await page.waitForFunction(() => !document.querySelector('.loading'));
  const sliders = ['ctl-cut', 'ctl-lev', 'ctl-gr', 'ctl-gg', 'ctl-nqb', 'ctl-shock', 'ctl-wbtc', 'ctl-pe', 'ctl-hz', 'ctl-q', 'ctl-depth', 'ctl-phi', 'ctl-oi'];
  console.log('Slider responsiveness (script time per input, ms; budget p95 ≤ 4 ms):');
  let worst = 0;
  for (const id of sliders) {
    const times = await page.evaluate(async (id) => {
      const el = document.getElementById(id);
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
      for (let i = 0; i <= 200; i++) {
        el.value = (min + idx * step).toFixed(decimals);
        if (idx + dir * stride > n || idx + dir * stride < 0) dir = -dir;
        idx += dir * stride;
        await frame();
        await yieldTask();
        const t0 = performance.now();
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await yieldTask();
        out.push(performance.now() - t0);
      }
      return out;
    }, id);
    const p95 = pct(times, 95);
    worst = Math.max(worst, p95);
    console.log(`  ${id.padEnd(10)} p50 ${pct(times, 50).toFixed(2).padStart(6)}  p95 ${p95.toFixed(2).padStart(6)}  ${verdict(p95 <= 4)}`);
  }
  console.log(`  worst p95 ${worst.toFixed(2)} ms: ${verdict(worst <= 4)}`);
  const draws = await page.evaluate(() => window.__chartDrawMs);
  const byChart = {};
  for (const [k, v] of draws) (byChart[k] ||= []).push(v);
  console.log('Chart draw time (ms per redraw, over the slider runs):');
  for (const [k, v] of Object.entries(byChart).sort()) {
    console.log(`  ${k.replace('-summary', '').padEnd(18)} mean ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(2).padStart(5)}  redraws ${v.length}`);
  }

  // The cascade in the release wasm, 100,000 positions.
  const ms = await page.evaluate(() => window.wasmBindings.bench_cascade(100000, 50));
  console.log(`Cascade in the browser (release wasm), 100,000 positions to a fixed point: ${ms.toFixed(3)} ms; budget 2 ms: ${verdict(ms <= 2)}`);
} finally {
  await browser.close();
  await server.close();
}
