// Trunk post_build hook: minify the JS glue and the CSS (and correct their
// integrity hashes in index.html), then write the service worker with the
// list of files to precache for offline use. The cache name carries a hash of every shipped
// file, so each build gets a fresh cache and the old one is deleted on
// activation (no stale app after a new build).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { join } from 'node:path';
import { csp, inlineScriptHashes } from './csp.mjs';
import { writeServiceWorker } from './sw.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post_build: TRUNK_STAGING_DIR is not set (run by Trunk)');
  process.exit(1);
}

// Minify: wasm-bindgen's glue and the stylesheet ship as written (65 KB and
// 26 KB raw). esbuild changes names and whitespace, not behaviour; the glue's
// imports object is keyed by strings, which minifiers never rename.
// Measured: glue 10.4 → 6.5 KB gzip, CSS 6.7 → 5.7 KB gzip (see README).
const minified = [];
for (const f of readdirSync(dir)) {
  const loader = f.endsWith('.js') && f !== 'sw.js' && f !== 'fallback.js' ? 'js' : f.endsWith('.css') ? 'css' : null;
  if (!loader) continue;
  const p = join(dir, f);
  const before = readFileSync(p, 'utf8');
  const { code } = transformSync(before, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' });
  writeFileSync(p, code);
  minified.push(`${f} ${(before.length / 1024).toFixed(1)} → ${(code.length / 1024).toFixed(1)} KiB`);
}
// Trunk wrote Subresource Integrity hashes of the files as built; the
// browser refuses a file whose hash differs, so they follow the minified text.
{
  const indexFile = join(dir, 'index.html');
  const page = readFileSync(indexFile, 'utf8').replace(/<link\b[^>]*>/g, (tag) => {
    const href = tag.match(/\bhref="\.\/([^"]+)"/)?.[1];
    if (!href || !/\bintegrity="sha384-/.test(tag)) return tag;
    const sri = createHash('sha384').update(readFileSync(join(dir, href))).digest('base64');
    return tag.replace(/\bintegrity="sha384-[^"]*"/, `integrity="sha384-${sri}"`);
  });
  writeFileSync(indexFile, page);
}
console.log(`post_build: minified ${minified.join(', ')}`);

const { precache, version } = writeServiceWorker(dir);

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const policy = csp(inlineScriptHashes(html));
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(indexPath, html);
// For hosts that honour a _headers file (Netlify, Cloudflare Pages): the same
// policy plus what a meta tag cannot carry (frame-ancestors: any page may
// embed a section), and the other hardening headers.
//
// The page itself also gets a Link header that preloads the wasm and its
// glue with the HTML's first bytes: on a phone the preload tags in the head
// are read only after ~190 ms of HTML (the pre-rendered page is 170 KB), and
// the wasm is 70 % of the time to working sliders (issue 27; README,
// Hosting). tools/serve.mjs sends the same header, and hosting/ has it for
// nginx and Caddy.
const link = preloadLinkHeader(html);
const pageBlock = link ? `\n/\n  Link: ${link}\n/index.html\n  Link: ${link}\n` : '';
writeFileSync(join(dir, '_headers'), `/*
  Content-Security-Policy: ${policy}; frame-ancestors *
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()
  Cross-Origin-Opener-Policy: same-origin
${pageBlock}`);
if (link) {
  mkdirSync(join(dir, 'hosting'), { recursive: true });
  writeFileSync(join(dir, 'hosting', 'nginx-link.conf'), `# include in the location that serves index.html (README, Hosting)\nadd_header Link '${link}';\n`);
  writeFileSync(join(dir, 'hosting', 'caddy-link.caddy'), `# import inside the site block (README, Hosting)\n@page path / /index.html\nheader @page Link "${link.replaceAll('"', '\\"')}"\n`);
}
console.log(`post_build: CSP with ${inlineScriptHashes(html).length} inline script hash(es), _headers written`);
console.log(`post_build: sw.js precaches ${precache.length} entries, cache selloff-${version}`);

/**
 * The HTTP Link header that preloads what the head's preload tags name (the
 * wasm, as fetch, and the glue, as a module), with the same crossorigin and
 * integrity, so the browser can reuse the preloaded bytes. Empty without them.
 */
function preloadLinkHeader(page) {
  const parts = [];
  for (const tag of page.match(/<link\b[^>]*>/g) || []) {
    const attr = (n) => tag.match(new RegExp(`\\b${n}="([^"]*)"`))?.[1];
    const rel = attr('rel');
    const href = attr('href');
    if (!href || !/\.(wasm|js)$/.test(href)) continue;
    const sri = attr('integrity') ? `; integrity="${attr('integrity')}"` : '';
    if (rel === 'preload' && href.endsWith('.wasm')) parts.push(`<${href}>; rel=preload; as=fetch; type="application/wasm"; crossorigin=anonymous${sri}`);
    if (rel === 'modulepreload') parts.push(`<${href}>; rel=modulepreload; crossorigin=anonymous${sri}`);
  }
  return parts.join(', ');
}
