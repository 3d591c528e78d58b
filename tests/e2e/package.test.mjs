// The npm package: `make package` produces a tarball that installs offline
// into a scratch project and annotates text in Node.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './browser.mjs';

test('the packed tarball installs offline and annotates text in node', () => {
  const dist = path.join(root, 'dist');
  const tarball = fs.readdirSync(dist).find((f) => /^presslens-.*\.tgz$/.test(f));
  assert.ok(tarball, 'dist/presslens-*.tgz exists (make package)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-scratch-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(dist, tarball)], { cwd: dir });
  fs.writeFileSync(path.join(dir, 'use.mjs'), `
    import { annotateText, toWebAnnotations, attach } from 'presslens';
    const text = '😀 “We will win this election by a mile,” said Jane Doe.';
    const report = annotateText(text);
    const q = report.quotes[0];
    let attachError = null;
    try { attach('article'); } catch (e) { attachError = e.message; }
    const ld = toWebAnnotations(report, text, 'urn:test');
    console.log(JSON.stringify({ slice: text.slice(q.start, q.end), speaker: q.speaker?.name, attachError,
      ldType: ld.type, items: ld.items.length }));
  `);
  const out = JSON.parse(execFileSync('node', ['use.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.ok(out.slice.startsWith('“We will win'), out.slice);
  assert.equal(out.speaker, 'Jane Doe');
  assert.match(out.attachError, /needs a DOM/);
  assert.equal(out.ldType, 'AnnotationCollection');
  assert.ok(out.items >= 1);
  // The package ships its types.
  assert.ok(fs.existsSync(path.join(dir, 'node_modules', 'presslens', 'index.d.ts')));
  fs.rmSync(dir, { recursive: true, force: true });
});
