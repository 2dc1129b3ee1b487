import { test, expect } from '@playwright/test';
import { gotoApp } from './helpers.mjs';

// Issue 27: the page's own response preloads the wasm (a Link header, as
// _headers gives Netlify and Cloudflare), and the preloaded bytes are used:
// the wasm is downloaded once.
test('the page is served with a Link header that preloads its wasm, which is fetched once', async ({ page }) => {
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  const resp = await page.goto('./');
  const link = resp.headers().link || '';
  const head = await page.locator('link[rel=preload][href$=".wasm"]').getAttribute('href');
  expect(link).toContain(`<${head}>; rel=preload; as=fetch`);
  await gotoApp(page, './');
  expect(new Set(wasm).size).toBe(1);
});
