/**
 * Test support: a stand-in for the `express` package, so the Express starter's own `server.mjs`
 * runs unchanged in a test without Express installed (this repository does not depend on it, and
 * the starter's tests must not add it). It implements only what the starter uses, the way
 * Express 5 does it: `express()` with `use`, `get`, `post` and `listen`; `express.urlencoded()`;
 * `express.static(dir)` (index.html for a folder); `Router()` with `post`; and the response
 * helpers `status`, `set` and `json`. Handlers run in order, `next(error)` skips to a 500, a
 * rejected async handler counts as `next(error)`, and nothing matched is a 404.
 *
 * What it cannot prove is Express itself: the CI proof (issue 21) installs the real package.
 */

/** `node_modules/express/package.json`. */
export const EXPRESS_STAND_IN_PACKAGE = JSON.stringify({
  name: "express",
  version: "0.0.0-stand-in",
  type: "module",
  exports: "./index.js",
});

/** `node_modules/express/index.js`. */
export const EXPRESS_STAND_IN_SOURCE = String.raw`
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

function withHelpers(res) {
  res.status = (code) => { res.statusCode = code; return res; };
  res.set = (name, value) => { res.setHeader(name, value); return res; };
  res.json = (value) => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(value));
    return res;
  };
  return res;
}

/** Runs the layers in order; a layer with a method matches only that method and exact path. */
function makeStack() {
  const layers = [];
  function handle(req, res, done) {
    const pathname = new URL(req.url, 'http://stand-in').pathname;
    let i = 0;
    const next = (error) => {
      if (error) return done(error);
      const layer = layers[i++];
      if (!layer) return done();
      if (layer.method && (layer.method !== req.method || layer.path !== pathname)) return next();
      run(layer.handlers, req, res, next);
    };
    next();
  }
  return { layers, handle };
}

function run(handlers, req, res, next) {
  let j = 0;
  const step = (error) => {
    if (error) return next(error);
    const handler = handlers[j++];
    if (!handler) return next();
    try {
      const result = handler(req, res, step);
      if (result && typeof result.then === 'function') result.then(undefined, step);
    } catch (thrown) {
      step(thrown);
    }
  };
  step();
}

export function Router() {
  const stack = makeStack();
  const router = (req, res, next) => stack.handle(req, res, next);
  router.post = (path, ...handlers) => {
    stack.layers.push({ method: 'POST', path, handlers });
    return router;
  };
  return router;
}

function express() {
  const stack = makeStack();
  const app = (req, res) =>
    stack.handle(req, withHelpers(res), (error) => {
      if (error) {
        console.error(error);
        res.statusCode = 500;
        res.end('Internal Server Error');
      } else {
        res.statusCode = 404;
        res.end('Not Found');
      }
    });
  app.use = (...handlers) => { stack.layers.push({ handlers }); return app; };
  app.get = (path, ...handlers) => { stack.layers.push({ method: 'GET', path, handlers }); return app; };
  app.post = (path, ...handlers) => { stack.layers.push({ method: 'POST', path, handlers }); return app; };
  app.listen = (port, callback) => createServer(app).listen(port, '127.0.0.1', callback);
  return app;
}

express.urlencoded = () => (req, _res, next) => {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    return next();
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('error', next);
  req.on('end', () => {
    req.body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    next();
  });
};

express.static = (dir) => async (req, res, next) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return next();
  const root = resolve(dir);
  let pathname = decodeURIComponent(new URL(req.url, 'http://stand-in').pathname);
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = resolve(join(root, pathname));
  if (!file.startsWith(root + sep)) return next();
  try {
    const body = await readFile(file);
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    next();
  }
};

export default express;
`;
