// Write a brotli (.br) and a gzip (.gz) copy next to every compressible file
// in dist/, at the highest levels (too slow for a server to do per request,
// once per build is fine). Hosts that serve precompressed files (nginx
// gzip_static/brotli_static, Caddy's `precompressed`, Apache with rewrite
// rules, tools/serve.mjs) send them to browsers that accept the encoding;
// others ignore them. See README, "Hosting".
// Usage: node tools/precompress.mjs dist   (after the prerender: it must see
// the final index.html)
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] || 'dist';
// Text and wasm compress well; images (png) and icons do not need it.
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|txt|csv|webmanifest)$/;
// Below this a compressed copy saves less than a packet's worth.
const MIN_BYTES = 512;

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Copies from an earlier run go first (their file may have changed or gone).
for (const file of walk(dist)) if (/\.(br|gz)$/.test(file)) rmSync(file);
let raw = 0, gz = 0, br = 0, n = 0;
for (const file of walk(dist)) {
  if (!COMPRESSIBLE.test(file)) continue;
  const body = readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  const g = gzipSync(body, { level: 9 });
  const b = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: file.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  // A copy no smaller than the original is not worth serving.
  if (g.length < body.length) writeFileSync(`${file}.gz`, g);
  if (b.length < body.length) writeFileSync(`${file}.br`, b);
  raw += body.length; gz += Math.min(g.length, body.length); br += Math.min(b.length, body.length); n += 1;
}
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
console.log(`precompress: ${n} files in ${relative(process.cwd(), dist) || dist}: ${kb(raw)} raw, ${kb(gz)} as .gz, ${kb(br)} as .br`);
