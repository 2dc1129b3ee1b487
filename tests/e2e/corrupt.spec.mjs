import { test, expect } from '@playwright/test';

// Which section reads which file (the ones a reader would notice first).
const FILES = {
  markets: '#timeline',
  rates: '#rates',
  flows: '#liquidity',
  liquidations: '#liquidations',
  sentiment: '#claims',
  events: '#timeline',
};
const VARIANTS = {
  missing: { status: 404, body: 'not found', want: /Could not load \w+\.json: the server answered 404/ },
  empty: { status: 200, body: '', want: /is not in the expected format: the file is empty/ },
  truncated: { status: 200, body: '{"schema_version": 1, "id": "x", "series": [', want: /is not in the expected format: EOF/ },
  'wrong types': { status: 200, body: '{"schema_version": 1, "id": 5, "title": [], "as_of": true}', want: /is not in the expected format: invalid type/ },
  huge: { status: 200, body: `{"schema_version": 1, "pad": "${'x'.repeat(3 * 1024 * 1024)}"}`, want: /more than the 2 MB a data file may be/ },
};

test.describe.configure({ mode: 'serial' });
// Service workers would serve the real files from their cache: keep them out.
test.use({ serviceWorkers: 'block' });

for (const [file, where] of Object.entries(FILES)) {
  for (const [variant, v] of Object.entries(VARIANTS)) {
    test(`${file}.json ${variant}: its section says so, the rest works`, async ({ page }) => {
      const uncaught = [];
      page.on('pageerror', (e) => uncaught.push(e.message));
      await page.route(`**/data/${file}.json`, (route) => route.fulfill({ status: v.status, contentType: 'application/json', body: v.body }));
      await page.goto('./');
      await expect(page.locator(`${where} .data-error`).first()).toContainText(v.want);
      await expect(page.locator(`${where} .data-error`).first()).toContainText(`${file}.json`);
      // The sliders still work and a section that does not need the file still renders.
      await page.locator('#ctl-lev').fill('33');
      await expect(page.locator('#ctl-lev-num')).toHaveValue('33');
      const other = file === 'rates' ? '#tariffs' : '#rates';
      await expect(page.locator(`${other} h2`)).toBeVisible();
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/NaN|Infinity|panicked/);
      expect(uncaught).toEqual([]);
    });
  }
}
