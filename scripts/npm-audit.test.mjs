// Tests of scripts/npm-audit.mjs: the classifier on npm's recorded outputs
// (npm-audit-fixtures/, see its README), then the whole script with the real
// npm against a fake advisories service on loopback, so a finding is shown to
// fail it and an unreachable service shown not to.
// Run: node --test scripts/npm-audit.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import zlib from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from './npm-audit.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name) => readFileSync(join(here, 'npm-audit-fixtures', name), 'utf8');

// [fixture, npm's exit code when it was recorded, expected kind, a line must contain]
const CASES = [
  ['clean.json', 0, 'clean', 'no advisories in 24 production packages'],
  ['findings-direct.json', 1, 'findings', '1 vulnerable production package(s): 1 high'],
  ['findings-transitive.json', 1, 'findings', 'through @kurkle/color'],
  ['http-405.json', 1, 'unreachable', 'HTTP 405'],
  ['enotfound.json', 1, 'unreachable', 'ENOTFOUND'],
  ['econnrefused.json', 1, 'unreachable', 'ECONNREFUSED'],
  ['enolock.json', 1, 'error', 'ENOLOCK'],
];

for (const [name, exitCode, kind, says] of CASES) {
  test(`a recorded ${name} is classified ${kind}`, () => {
    const got = classify(exitCode, fixture(name));
    assert.equal(got.kind, kind, got.lines.join('\n'));
    assert.ok(got.lines.some((l) => l.includes(says)), `no line contains "${says}":\n${got.lines.join('\n')}`);
  });
}

test('output that is not JSON is an error, not a pass', () => {
  assert.equal(classify(1, 'npm ERR! something\n').kind, 'error');
  // A registry that answers 401/403/404 is set up wrong: an error, never a skip.
  const http405 = JSON.parse(fixture('http-405.json'));
  for (const status of [401, 403, 404]) {
    const out = JSON.stringify({ ...http405, statusCode: status, message: `${status} - POST ${http405.uri}` });
    assert.equal(classify(1, out).kind, 'error', `HTTP ${status}`);
  }
  assert.equal(classify(1, JSON.stringify({ ...http405, statusCode: 503 })).kind, 'unreachable');
  assert.equal(classify(0, '').kind, 'error');
});

test('an empty report with a non-zero exit is an error, not clean', () => {
  assert.equal(classify(1, fixture('clean.json')).kind, 'error');
});

test('an error message without a network code or HTTP status is an error', () => {
  const out = JSON.stringify({ message: 'something else broke', error: { summary: '', detail: '' } });
  assert.equal(classify(1, out).kind, 'error');
});

// A fake of the registry's bulk advisories endpoint. `mode` says how it answers:
// 'findings' flags the first package npm asks about, 'clean' flags none,
// 'down' answers 503. npm also GETs the flagged package's metadata to work out a fix.
function fakeRegistry(mode) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const json = (body) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET') {
        const name = decodeURIComponent(req.url.slice(1));
        return json({ name, 'dist-tags': {}, versions: {} });
      }
      if (mode === 'down') {
        res.writeHead(503);
        return res.end();
      }
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
      const [first] = Object.keys(JSON.parse(body.toString('utf8')));
      if (mode === 'clean' || !first) return json({});
      return json({
        [first]: [{
          id: 1, url: 'https://advisories.invalid/GHSA-test', title: 'Test advisory',
          severity: 'critical', vulnerable_versions: '*', cwe: [], cvss: { score: 9.8, vectorString: null },
        }],
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function runScript(registry) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'npm-audit.mjs'), '--registry', registry], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => { child.kill(); reject(new Error(`npm audit timed out:\n${out}`)); }, 60_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out }); });
  });
}

// [service mode, expected exit, expected headline]
const LIVE = [
  ['findings', 1, 'FAILED: advisories'],
  ['clean', 0, 'ok'],
  ['down', 0, 'SKIPPED'],
];

for (const [mode, exit, headline] of LIVE) {
  test(`real npm against a ${mode} advisories service exits ${exit}`, async () => {
    const server = await fakeRegistry(mode);
    try {
      const { code, out } = await runScript(`http://127.0.0.1:${server.address().port}/`);
      assert.equal(code, exit, out);
      assert.match(out, new RegExp(`\\(ui/\\): ${headline}`), out);
    } finally {
      server.close();
    }
  });
}

test('real npm with nothing listening exits 0 and says the service cannot be reached', async () => {
  // Bind a port, then free it, so nothing listens there.
  const server = await fakeRegistry('clean');
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  const { code, out } = await runScript(`http://127.0.0.1:${port}/`);
  assert.equal(code, 0, out);
  assert.match(out, /SKIPPED[\s\S]*ECONNREFUSED/, out);
});
