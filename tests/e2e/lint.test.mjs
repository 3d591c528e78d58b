// The extension's manifest and sources validate for Firefox too: web-ext lint
// (Mozilla's addons-linter, offline) reports no errors and no warning but
// the one accepted below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { root } from './browser.mjs';

// The one warning we accept: the service_worker key is for Chromium; Firefox
// uses background.scripts. Nothing else: in particular no dynamic import
// (UNSAFE_VAR_ASSIGNMENT "Unsafe call to import"), since the content script
// imports nothing and the background injects the engine as classic scripts.
const ACCEPTED = new Set(['BACKGROUND_SERVICE_WORKER_IGNORED']);

test('web-ext lint finds no errors in the extension', () => {
  const bin = path.join(root, 'node_modules', '.bin', 'web-ext');
  let out;
  try {
    out = execFileSync(bin, ['lint', '--source-dir', path.join(root, 'dist', 'extension'), '--self-hosted', '--no-input', '--output', 'json'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    out = e.stdout; // web-ext exits non-zero when it finds errors; the JSON says which
  }
  const result = JSON.parse(out);
  assert.deepEqual(result.errors.map((e) => `${e.code}: ${e.message}`), []);
  const unexpected = result.warnings.filter((w) => !ACCEPTED.has(w.code)).map((w) => `${w.code}: ${w.message}`);
  assert.deepEqual(unexpected, []);
});
