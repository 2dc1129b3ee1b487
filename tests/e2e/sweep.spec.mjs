import { test, expect } from '@playwright/test';
import { gotoApp } from './helpers.mjs';

// Robustness sweep: random link states — random, extreme, garbage, very long
// and injected-markup values for every parameter — each read once every
// section is built (not the pre-rendered defaults standing in for them).
// `make test` reads 100 states; `make test-full` the 1,000 of the budget
// (SWEEP_STATES). What the sweep checked at scale moved to a native test:
// tests/decomposition.rs runs every sentence, bar and table builder over the
// whole controls table (no NaN, no "−0", the identities), and
// tests/properties.rs parses any link without panicking.
const KEYS = ['v', 'cut', 'lev', 'gr', 'gg', 'nqb', 'shock', 'wbtc', 'pe', 'hz', 'q', 'depth', 'phi', 'oi', 'ref', 'win', 'fr', 'lth', 'cshock', 'theme', 'embed'];
const NASTY = [
  '', 'NaN', 'nan', 'Infinity', '-Infinity', '1e999', '-1e999', '1e-999', '0x10', '١٢', '∞', '%', '%%', '%ZZ', '+', ' ', '\u0000',
  '<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', "javascript:window.__pwned=1",
  '<svg onload=window.__pwned=1>', '{{7*7}}', '${7*7}', '../../etc/passwd', 'x'.repeat(5000), '9'.repeat(400), '-0', '1,5', '50%', '12x',
  'rates', 'synthesis', 'dark', 'light', 'auto', 'auto ', '2025-11-06:64.5', '2025-13-45:50', 'true', '[]', '{}',
];

// Deterministic generator, so a failure can be replayed.
let seed = 20251120;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
function value() {
  const r = rnd();
  if (r < 0.35) return String(Math.round((rnd() * 2 - 1) * 10 ** Math.floor(rnd() * 8) * 100) / 100);
  if (r < 0.75) return pick(NASTY);
  return Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => String.fromCharCode(32 + Math.floor(rnd() * 0x2fff))).join('');
}
function query() {
  const parts = [];
  for (const k of KEYS) {
    if (k === 'embed' && rnd() < 0.8) continue;
    if (rnd() < 0.7) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(value())}`);
  }
  if (rnd() < 0.1) parts.push(`${encodeURIComponent(value())}=${encodeURIComponent(value())}`);
  return parts.join('&');
}

const STATES = Number(process.env.SWEEP_STATES || 100);
const BATCH = 50;

test.use({ serviceWorkers: 'block' });

for (let b = 0; b < STATES / BATCH; b++) {
  test(`robustness sweep, link states ${b * BATCH + 1}–${(b + 1) * BATCH}`, async ({ page }) => {
    test.setTimeout(240_000);
    const problems = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => { if (/panicked|RuntimeError|unreachable/i.test(m.text())) problems.push(`console: ${m.text()}`); });
    for (let i = 0; i < BATCH; i++) {
      const q = query();
      await gotoApp(page, `./?${q}`, { built: true });
      // The notice quotes the reader's own input back as text, so it is checked
      // for injected elements, and everything else for NaN/inf.
      const state = await page.evaluate(() => ({
        pwned: window.__pwned === 1,
        text: [document.querySelector('main')?.innerText || '', document.querySelector('.masthead')?.innerText || '',
          ...[...document.querySelectorAll('input')].map((i) => i.value)].join('\n'),
        injected: document.querySelectorAll('main script, .notice script, .notice img, .notice svg').length,
      }));
      if (state.pwned || state.injected > 0) problems.push(`markup executed or injected for ?${q}`);
      if (/\bNaN\b|\binf\b|Infinity/.test(state.text)) problems.push(`NaN/inf on screen for ?${q}`);
      if (problems.length) break;
    }
    expect(problems).toEqual([]);
  });
}
