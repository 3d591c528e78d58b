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
    import { annotateText, toWebAnnotations, annotate, mode } from 'presslens';
    const text = '😀 “We will win this election by a mile,” said Jane Doe.';
    const report = await annotateText(text);
    const q = report.quotes[0];
    let attachError = null;
    try { await annotate('article'); } catch (e) { attachError = e.message; }
    const ld = await toWebAnnotations(report, text, 'urn:test');
    console.log(JSON.stringify({ slice: text.slice(q.start, q.end), speaker: q.speaker?.name, attachError,
      ldType: ld.type, items: ld.items.length, mode: mode() }));
  `);
  const out = JSON.parse(execFileSync('node', ['use.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.ok(out.slice.startsWith('“We will win'), out.slice);
  assert.equal(out.speaker, 'Jane Doe');
  assert.match(out.attachError, /needs a DOM/);
  assert.equal(out.ldType, 'AnnotationCollection');
  assert.ok(out.items >= 1);
  assert.equal(out.mode, 'wasm');
  // The package ships its types, and they declare what a report holds.
  const dts = path.join(dir, 'node_modules', 'presslens', 'index.d.ts');
  assert.ok(fs.existsSync(dts));
  fs.writeFileSync(path.join(dir, 'seed.mjs'), `
    import { readFileSync } from 'node:fs';
    import { annotateText } from 'presslens';
    console.log(JSON.stringify(await annotateText(readFileSync(process.argv[2], 'utf8'))));
  `);
  const seed = path.join(root, 'tests', 'fixtures', 'article.txt');
  const report = JSON.parse(execFileSync('node', ['seed.mjs', seed], { cwd: dir, encoding: 'utf8' }));
  typesMatch(fs.readFileSync(dts, 'utf8'), report);
  fs.rmSync(dir, { recursive: true, force: true });
});

// The shipped types name exactly the keys the engine's reports carry: every
// interface of index.d.ts against a real report of the seed article (whose
// quotes have speakers and cues, whose parties have roles, whose figures
// have relations). A field added to the Rust report and not to the types,
// or the other way round, fails here.
function typesMatch(dts, report) {
  const interfaces = new Map();
  for (const m of dts.matchAll(/export interface (\w+)(?: extends (\w+))? \{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) {
    const body = m[3].replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\{[^}]*\}/g, 'inline');
    const own = [...body.matchAll(/(\w+)\??\s*:/g)].map((f) => f[1]);
    interfaces.set(m[1], { base: m[2], own });
  }
  const fields = (name) => {
    const i = interfaces.get(name);
    assert.ok(i, `interface ${name} in index.d.ts`);
    return [...(i.base ? fields(i.base) : []), ...i.own].sort();
  };
  const keys = (objs) => [...new Set(objs.flatMap((o) => Object.keys(o)))].sort();
  const quotes = report.quotes;
  const checks = [
    ['Report', [report]],
    ['Quote', quotes],
    ['Speaker', quotes.map((q) => q.speaker).filter(Boolean)],
    ['Span', quotes.map((q) => q.cue).filter(Boolean)],
    ['Party', report.parties],
    ['Span', report.parties.flatMap((p) => p.mentions)],
    ['Figure', report.figures],
  ];
  for (const [name, objs] of checks) {
    assert.ok(objs.length > 0, `the seed report has ${name} values`);
    assert.deepEqual(keys(objs), fields(name), `${name}: report keys == index.d.ts fields`);
  }
  const relations = report.figures.flatMap((f) => f.relations);
  assert.ok(relations.length > 0);
  assert.deepEqual(keys(relations), ['figure', 'kind']);
}

