// The Simplified Chinese edition (issue 26): /zh/ is a second first-class
// page, built from its own wasm (cargo feature zh) and pre-rendered like the
// English one. These tests read it as its readers would: Chinese from the
// first paint, no English left on the page, the two editions one click apart
// with every setting kept, embeds and the single file in Chinese, the phone
// budget and axe as on the English page.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { allBuilt, drawn, gotoApp, openDisclosures, watchErrors } from './helpers.mjs';

const SECTIONS = ['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis'];
const HAN = /[\u4e00-\u9fff]/;

// Latin-script words the Chinese page may show: tickers and instruments,
// ETF and AI, the names of sources and data vendors, file formats, and the
// symbols of the formulas behind "How is this computed?" (one letter, or a
// function's name). Anything else is English left untranslated.
const ALLOWED = new Set([
  // tickers, instruments, abbreviations the Chinese press keeps
  'NVDA', 'IBIT', 'SPY', 'QQQ', 'BTC', 'ETF', 'ETFs', 'AI', 'CME', 'FedWatch', 'S&P', 'USD', 'UTC', 'ET', 'VIX', 'GDP',
  // sources, data vendors and authors
  'CoinGlass', 'Coinglass', 'Farside', 'Bitstamp', 'FRED', 'Yahoo', 'Finance', 'Glassnode', 'Reuters', 'Bloomberg', 'CNBC',
  'Forbes', 'Rigobon', 'Fisher', 'Pearson', 'Kyle', 'Investors', 'Alternative', 'me', 'Fear', 'Greed', 'Index', 'CoinDesk',
  'CNN', 'MT', 'Newswires', 'WIRP', 'quantuminsightlab', 'ChartMill', 'GBTC', 'EZBC',
  'Bernanke', 'Kuttner', 'Tóth', 'Physical', 'Review', 'USDT', 'rocketnews',
  'Kaiko', 'CryptoQuant', 'SoSoValue', 'Nasdaq', 'Binance', 'Bybit', 'OKX', 'Deribit', 'Hyperliquid', 'Bitfinex', 'Coinbase',
  'Federal', 'Reserve', 'Bank', 'of', 'St', 'Louis', 'Wall', 'Street', 'Journal', 'Financial', 'Times', 'Investing', 'com',
  'The', 'Block', 'Decrypt', 'Cointelegraph', 'MarketWatch', 'Barron', 'Barron’s', 'Nvidia', 'NVIDIA', 'Apple', 'Microsoft',
  // formats and the web
  'CSV', 'PNG', 'SVG', 'HTML', 'URL', 'iframe', 'WebAssembly', 'JavaScript', 'MIT', 'GitHub', 'https', 'http', 'www', 'io', 'github',
  'json', 'csv', 'png', 'html', 'zh', 'v', 'cut', 'lev', 'embed', 'fig',
  // formula symbols and functions
  'ln', 'tanh', 'atanh', 'exp', 'SE', 'max', 'min', 'sd', 'calm', 'window', 'p', 'OI', 'PE', 'TBT', 'avg', 'end', 'start',
  'liq', 'entry', 'IT', 'rest', 'Greenwood', 'Landier', 'Thesmar', 'Journal', 'Group', 'CC', 'BY', 'lang', 'en',
  'English',
]);

/** The Latin-script words in the page's visible text, and in its labels and titles. */
async function latinWords(page) {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    // Addresses and code (embed snippets, CSV column names) are not prose; nor
    // are citations, which keep a source's own publisher and title, as Chinese
    // writing cites a foreign source.
    clone.querySelectorAll('textarea, code, pre, kbd, samp, script, style, .sources li, .event-source, .source-names').forEach((e) => e.remove());
    // Words of neighbouring elements stay apart (a detached copy has no layout).
    clone.querySelectorAll('*').forEach((e) => { e.before(' '); e.after(' '); });
    const labels = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
      .flatMap((e) => ['aria-label', 'title', 'alt', 'placeholder'].map((a) => e.getAttribute(a) || ''));
    return `${clone.textContent}\n${labels.join('\n')}\n${document.title}`;
  });
  // Web addresses, host and file names (coinpost.ai, markets.json) too.
  const withoutUrls = text.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/[\w-]+(?:\.[\w-]+)+/g, ' ');
  const words = withoutUrls.match(/\p{Script=Latin}(?:[\p{Script=Latin}’'&.-]*\p{Script=Latin})?/gu) || [];
  return [...new Set(words.map((w) => w.replace(/[.’'-]+$/, '')))].filter((w) => w.length > 1 && !ALLOWED.has(w));
}

test('/zh/ reads in Chinese before the wasm runs, then the app takes over in place', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.route('**/*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  await page.goto('./zh/', { waitUntil: 'commit' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#static-page')).toHaveCount(1);
  await expect(page.locator('.lede')).toBeVisible();
  await expect(page.locator('.lede')).toContainText(HAN);
  await expect(page.locator('h1')).toContainText(HAN);
  await expect(page.locator('[data-testid=answer], .answer').first()).toContainText(HAN);
  for (const id of SECTIONS) await expect(page.locator(`#${id} h2`)).toContainText(HAN);
  expect(await page.title()).toMatch(HAN);
  const tops = () => page.evaluate((ids) => ids.map((id) => Math.round(document.querySelector(`#${id} h2`).getBoundingClientRect().top + scrollY)), SECTIONS);
  const before = await tops();
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('#static-page')).toHaveCount(0);
  const after = await tops();
  after.forEach((top, i) => expect(Math.abs(top - before[i]), SECTIONS[i]).toBeLessThanOrEqual(2));
  expect(await page.evaluate(() => window.__cls)).toBeLessThanOrEqual(0.05);
  // The sliders work, and the live result is a Chinese sentence.
  const live = page.getByTestId('live-result');
  const was = await live.textContent();
  await page.locator('#ctl-cut').fill('90');
  await expect(live).not.toHaveText(was);
  await expect(live).toContainText(HAN);
  expect(errors).toEqual([]);
});

test('a fresh load of /zh/#liquidations lands on it and stays there', async ({ page }) => {
  await page.goto('./zh/#liquidations');
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
  await page.waitForTimeout(500);
  const top = await page.locator('#liquidations').evaluate((e) => e.getBoundingClientRect().top);
  expect(Math.abs(top)).toBeLessThanOrEqual(120);
  await expect(page.locator('#liquidations h2')).toContainText(HAN);
});

test('no English is left on /zh/: Latin script only for tickers, sources, formats and formula symbols', async ({ page }) => {
  test.setTimeout(120_000);
  await gotoApp(page, './zh/', { built: true });
  await openDisclosures(page);
  for (const b of await page.locator('button.show-table').all()) if (await b.isVisible()) await b.click();
  for (const d of await page.locator('details').all()) await d.evaluate((el) => { el.open = true; });
  // Every chart drawn, so that its read-out and labels are there too.
  for (const c of await page.locator('main canvas').all()) await c.scrollIntoViewIfNeeded();
  expect(await latinWords(page)).toEqual([]);
  // The embed dialog and "How to cite" too.
  await page.locator('#rates').getByRole('button', { name: '嵌入本节' }).first().click();
  const dialog = page.locator('#rates dialog[open]');
  await expect(dialog).toBeVisible();
  expect(await latinWords(page)).toEqual([]);
});

test('?lang=zh opens /zh/ and ?lang=en the English page, every other setting kept', async ({ page }) => {
  await page.goto('./?cut=90&lev=50&lang=zh#tariffs');
  await expect(page).toHaveURL(/\/zh\/\?cut=90&lev=50(&|#)/);
  expect(new URL(page.url()).hash).toBe('#tariffs');
  expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('#ctl-cut-num')).toHaveValue('90');
  await page.goto('./zh/?lev=30&lang=en');
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/\?lev=30/);
  expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('#ctl-lev-num')).toHaveValue('30');
});

test('a language value the page does not have gets a notice, and the page stays as it is', async ({ page }) => {
  await gotoApp(page, './zh/?lang=fr&cut=20');
  await expect(page.locator('.notices, [role=status]').filter({ hasText: 'lang' }).first()).toContainText(HAN);
  await expect(page.locator('#ctl-cut-num')).toHaveValue('20');
});

test('the masthead switch (中文 / English) keeps every setting, including one just changed', async ({ page }) => {
  await gotoApp(page, './?lev=40');
  const toZh = page.locator('header.masthead a[hreflang="zh-Hans"]');
  await expect(toZh).toHaveText('中文');
  await page.locator('#ctl-cut').fill('20');
  // As a reader comes to it (pointer, touch or keyboard), it has the link of the moment.
  await toZh.hover();
  await expect(toZh).toHaveAttribute('href', /cut=20/);
  await expect(toZh).toHaveAttribute('href', /lev=40/);
  await toZh.click();
  await expect(page).toHaveURL(/\/zh\/\?/);
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('#ctl-cut-num')).toHaveValue('20');
  await expect(page.locator('#ctl-lev-num')).toHaveValue('40');
  const toEn = page.locator('header.masthead a[hreflang="en"]');
  await expect(toEn).toHaveText('English');
  await toEn.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('#ctl-cut-num')).toHaveValue('20');
  await expect(page.locator('#ctl-lev-num')).toHaveValue('40');
});

test('before the app runs, the static page\'s switch already carries the link\'s own settings', async ({ page }) => {
  await page.route('**/*.wasm', () => new Promise(() => {}));
  await page.goto('./?cut=90&lev=50#tariffs');
  const toZh = page.locator('#static-page header.masthead a[hreflang="zh-Hans"]');
  await expect(toZh).toHaveAttribute('href', 'zh/?cut=90&lev=50#tariffs');
});

test('both pages name each other as hreflang alternates', async ({ page }) => {
  for (const url of ['./', './zh/']) {
    await page.goto(url);
    await expect(page.locator('head link[rel=alternate][hreflang="en"]')).toHaveCount(1);
    await expect(page.locator('head link[rel=alternate][hreflang="zh-Hans"]')).toHaveAttribute('href', /\/zh\/$/);
  }
});

test('a Chinese embed: the section in Chinese, and its embed code points at /zh/', async ({ page }) => {
  const errors = watchErrors(page);
  await gotoApp(page, './zh/?embed=tariffs');
  await expect(page.locator('main > section')).toHaveCount(1);
  await expect(page.locator('#tariffs h2')).toContainText(HAN);
  await drawn(page.locator('#correlation canvas'));
  await gotoApp(page, './zh/?cut=10');
  await page.locator('#tariffs').getByRole('button', { name: '嵌入本节' }).first().click();
  const dialog = page.locator('#tariffs dialog[open]');
  const fixed = await dialog.locator('textarea').first().inputValue();
  expect(fixed).toMatch(/src="https:\/\/selloff-explainer\.github\.io\/zh\/\?v=1&amp;cut=10&amp;/);
  expect(fixed).toMatch(/title="[^"]*[\u4e00-\u9fff]/);
  expect(errors).toEqual([]);
});

test('phone height budget in Chinese: top to the end of #synthesis ≤ 9,750 px at 375×812', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('./zh/');
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.locator('#synthesis canvas').first()).toBeVisible();
  expect(await page.locator('main details[open]').count()).toBe(0);
  const bottom = await page.locator('#synthesis').evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
  expect(bottom).toBeLessThanOrEqual(9750);
});

for (const [name, url] of [['/zh/', './zh/'], ['/zh/ embed of liquidations, dark', './zh/?embed=liquidations&theme=dark']]) {
  test(`axe: no WCAG 2.2 AA violations on ${name}`, async ({ page }) => {
    await gotoApp(page, url);
    await allBuilt(page);
    for (const d of await page.locator('details').all()) await d.evaluate((el) => { el.open = true; });
    for (const b of await page.locator('button.show-table').all()) await b.click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0].target.join(' ')}`)).toEqual([]);
  });
}

test('offline: a reader who opened both pages has both kept, and an English visit precaches nothing Chinese', async ({ page, context }) => {
  const precached = async () => page.evaluate(async () => {
    const urls = [];
    for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  const controlled = () => expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
  await gotoApp(page, './');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await controlled();
  await expect.poll(async () => (await precached()).some((u) => u.endsWith('.wasm'))).toBe(true);
  expect((await precached()).filter((u) => u.startsWith('/zh/'))).toEqual([]);
  await gotoApp(page, './zh/');
  await controlled();
  await expect.poll(async () => (await precached()).some((u) => u.startsWith('/zh/') && u.endsWith('.wasm')), { timeout: 15_000 }).toBe(true);
  await context.setOffline(true);
  for (const [url, lang] of [['./zh/?lev=30', 'zh-CN'], ['./?lev=30', 'en']]) {
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(page.locator('#ctl-lev-num')).toHaveValue('30');
    await expect(page.locator('.data-error')).toHaveCount(0);
  }
  await context.setOffline(false);
});

test('the Chinese single file works from disk, and its switch opens the English file', async ({ page }) => {
  const file = resolve('dist-single/selloff-explainer.zh.html');
  test.skip(!existsSync(file), 'run `make single-file` first (make test does)');
  const errors = watchErrors(page);
  await page.goto(`file://${file}?lev=30`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('main > section')).toHaveCount(5);
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.locator('#ctl-lev-num')).toHaveValue('30');
  await expect(page.locator('#rates h2')).toContainText(HAN);
  await drawn(page.locator('#timeline canvas'));
  await expect(page.locator('header.masthead a[hreflang="en"]')).toHaveAttribute('href', /selloff-explainer\.html\?.*lev=30/);
  expect(errors).toEqual([]);
});
