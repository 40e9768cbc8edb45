// The local HTTPS stand-in for x.com: builds the Draft.js page with esbuild,
// makes a throwaway self-signed certificate with openssl (never committed),
// and serves the page with a strict CSP like the real site's: no inline
// scripts, no eval, no 'wasm-unsafe-eval'.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const standinDir = path.join(here, '..', 'standin');
const draftCss = path.join(here, '..', 'node_modules', 'draft-js', 'dist', 'Draft.css');

export const STANDIN_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'self'",
  "form-action 'self'", "frame-ancestors 'none'", "worker-src 'self'",
].join('; ');

function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key,
    '-out', cert, '-days', '2', '-subj', '/CN=x.com',
    '-addext', 'subjectAltName=DNS:x.com,DNS:twitter.com,DNS:mobile.twitter.com'], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

async function bundle() {
  const out = await esbuild.build({
    entryPoints: [path.join(standinDir, 'app.jsx')], bundle: true, write: false,
    minify: true, format: 'iife', target: 'chrome120', logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  });
  return out.outputFiles[0].contents;
}

// Starts the server on a free port. `requests` records every request
// (host and path) so that tests can tell who asked for what.
export async function startStandin() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-standin-'));
  const tls = makeCertificate(tmp);
  const files = {
    '/app.js': { body: await bundle(), type: 'text/javascript' },
    '/draft.css': { body: fs.readFileSync(draftCss), type: 'text/css' },
    '/app.css': { body: fs.readFileSync(path.join(standinDir, 'app.css')), type: 'text/css' },
  };
  const index = fs.readFileSync(path.join(standinDir, 'index.html'));
  const requests = [];
  const server = https.createServer(tls, (req, res) => {
    requests.push({ host: req.headers.host, path: req.url, method: req.method });
    const url = new URL(req.url, 'https://x.com');
    const file = files[url.pathname];
    const headers = { 'content-security-policy': STANDIN_CSP, 'x-content-type-options': 'nosniff',
                      'cache-control': 'no-store' };
    if (url.pathname === '/favicon.ico') { res.writeHead(404, headers); res.end(); return; }
    res.writeHead(200, { ...headers, 'content-type': file ? file.type : 'text/html; charset=utf-8' });
    res.end(file ? file.body : index);  // every other path is the single-page app
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
