// A dependency-free static server for dist/ (used by `make run`, the
// end-to-end tests, the prerender and the bench). Serves only files under the
// root; correct MIME types, including application/wasm, which
// WebAssembly.instantiateStreaming needs. When the build wrote compressed
// copies next to a file (tools/precompress.mjs: x.br, x.gz) and the request's
// Accept-Encoding allows one, that copy is sent with Content-Encoding (brotli
// first), as nginx's brotli_static/gzip_static or Caddy's precompressed do.
// A copy older than its file (say, index.html rewritten after the copy) is
// never sent.
//
// Command line: node tools/serve.mjs [root] [port]
//   root  the folder to serve (default dist)
//   port  an explicit argument wins, then the environment's PORT, then 8080;
//         0 means any free port. The actual address is printed once listening:
//         "serving <root> on http://127.0.0.1:NNNN/".
//   HOST  (environment) the address to listen on, default 127.0.0.1.
//
// As a module: startServer(root, port) starts one in this process and
// resolves to { url, port, server, close } once it answers HTTP requests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/**
 * The encodings a request accepts, from its Accept-Encoding header: a Set of
 * lower-case names with q > 0 ("*" stands for any not listed).
 */
export function acceptedEncodings(header) {
  const ok = new Set();
  const refused = new Set();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) refused.add(name);
    else ok.add(name);
  }
  if (ok.has('*')) for (const e of ['br', 'gzip']) if (!refused.has(e)) ok.add(e);
  for (const e of refused) ok.delete(e);
  return ok;
}

// Precompressed copies, best first: [file suffix, Content-Encoding].
const PRECOMPRESSED = [['.br', 'br'], ['.gz', 'gzip']];

/** An http.Server (not yet listening) serving the files under `root`. */
/**
 * The Link headers `_headers` (tools/post_build.mjs) gives the page itself,
 * by path ('/' and '/index.html'), as Netlify or Cloudflare would send them.
 * Only Link: the other headers there are for public hosts.
 */
export async function pageLinks(root) {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  const links = new Map();
  let path = null;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) path = line.trim();
    else if (path && /^\s+Link:/i.test(line)) links.set(path, line.replace(/^\s+Link:\s*/i, '').trim());
  }
  return links;
}

export function staticServer(root, { quiet = Boolean(process.env.QUIET_404), encodings = ['br', 'gzip'], link = !process.env.NO_LINK_HEADER } = {}) {
  root = resolve(root);
  return createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end('forbidden'); return; }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info) throw new Error('not found');
      const headers = {
        'content-type': types[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      // Read per request (two small paths), so a rebuild never leaves the
      // header naming the previous build's wasm.
      const pageLink = link && (path === '/' || path === '/index.html') ? (await pageLinks(root)).get(path) : null;
      if (pageLink) headers.link = pageLink;
      let send = file;
      const accepted = acceptedEncodings(req.headers['accept-encoding']);
      for (const [suffix, encoding] of PRECOMPRESSED) {
        const copy = await stat(file + suffix).catch(() => null);
        // Vary on every answer for a file that has copies, so caches keep
        // the encodings apart.
        if (copy) headers.vary = 'Accept-Encoding';
        if (copy && send === file && accepted.has(encoding) && encodings.includes(encoding) && copy.mtimeMs >= info.mtimeMs) {
          send = file + suffix;
          headers['content-encoding'] = encoding;
        }
      }
      const body = await readFile(send);
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!quiet) console.error(`404 ${req.url}`);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
}

/** Parse a port ("0".."65535"); throws with a readable message otherwise. */
export function parsePort(text, where) {
  const s = String(text).trim();
  const n = Number(s);
  if (!/^\d+$/.test(s) || n > 65535) throw new Error(`serve: invalid port ${JSON.stringify(String(text))} (from ${where}); use 0..65535, 0 for any free port`);
  return n;
}

/**
 * The port to use: an explicit argument first, then env PORT, then 8080.
 * An empty argument (e.g. `make run PORT=`) counts as absent.
 */
export function choosePort(arg, env = process.env) {
  if (arg !== undefined && String(arg).trim() !== '') return parsePort(arg, 'argument');
  if (env.PORT !== undefined && env.PORT.trim() !== '') return parsePort(env.PORT, 'environment PORT');
  return 8080;
}

/**
 * Resolve once `url` answers an HTTP request (any status), polling every
 * `interval` ms with a short per-request timeout; reject with a clear
 * message after `timeout` ms.
 */
export async function waitForHttp(url, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last = 'no answer';
  for (;;) {
    try {
      const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(1_000) });
      await res.body?.cancel();
      return res.status;
    } catch (e) {
      last = e.cause?.code || e.cause?.message || e.message;
    }
    if (Date.now() >= deadline) {
      throw new Error(`server at ${url} did not answer within ${timeout / 1000} s (last error: ${last})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Start a static server for `root` in this process on `port` (0: any free
 * port) and wait until it answers. Resolves to { url, port, server, close }.
 */
export async function startServer(root, port = 0, { host = '127.0.0.1', quiet = true, timeout = 10_000, encodings, link } = {}) {
  const server = staticServer(root, { quiet, encodings, link });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => { server.off('error', fail); ok(); });
  });
  const actual = server.address().port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actual}/`;
  const close = () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
  try {
    await waitForHttp(url, { timeout });
  } catch (e) {
    await close();
    throw e;
  }
  return { url, port: actual, server, close };
}

// Run as a program: node tools/serve.mjs [root] [port]
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(process.argv[2] || 'dist');
  const host = process.env.HOST || '127.0.0.1';
  let port;
  try {
    port = choosePort(process.argv[3]);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const server = staticServer(root);
  server.on('error', (e) => {
    console.error(`serve: cannot listen on ${host}:${port}: ${e.code || e.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const actual = server.address().port;
    console.log(`serving ${root} on http://${host.includes(':') ? `[${host}]` : host}:${actual}/`);
  });
}
