// make bench, browser side: the wasm engine against compromise (npm), on the
// same texts, in the same node process; then the payload size. Then the
// JavaScript build (wasm2js, the fallback where a page's CSP forbids wasm):
// its speed as a ratio to the wasm build in the same run, and its size beside
// the wasm build's. Numbers are printed as ratios against a peer, never
// asserted.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { initSync, annotateText } from '../www/pkg/presslens.js';
import * as jsBuild from '../www/pkg/js/presslens.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
initSync({ module: fs.readFileSync(path.join(root, 'www/pkg/presslens_bg.wasm')) });
// The first call parses the parties model and the word clusters (once, on
// first use): its time less a second call's is what loading them costs.
const firstText = 'Joe Biden met Benjamin Netanyahu in Jerusalem on Monday.';
let t0 = performance.now();
annotateText(firstText);
const firstCall = performance.now() - t0;
t0 = performance.now();
annotateText(firstText);
const loadMs = firstCall - (performance.now() - t0);

function texts() {
  const out = [fs.readFileSync(path.join(shared, 'seed/article.txt'), 'utf8')];
  for (const f of ['quotes-polnear-dev.jsonl', 'parties-gum-dev.jsonl']) {
    const p = path.join(shared, 'eval', f);
    if (!fs.existsSync(p)) continue;
    for (const line of fs.readFileSync(p, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line).text);
  }
  return out;
}

/** Runs `fn` over all texts until ~1 s has passed; returns bytes per second. */
function rate(docs, fn) {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  for (const d of docs.slice(0, 5)) fn(d); // warm-up
  let reps = 0;
  const t0 = performance.now();
  while (reps === 0 || performance.now() - t0 < 1000) {
    for (const d of docs) fn(d);
    reps += 1;
  }
  return (bytes * reps) / ((performance.now() - t0) / 1000);
}

const docs = texts();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// compromise doing comparable work: people, organisations, places, quotations, numbers.
const peer = rate(docs, (t) => {
  const d = nlp(t);
  d.people().out('array'); d.organizations().out('array'); d.places().out('array');
  d.quotations().out('array'); d.numbers().out('array');
});
const ours = rate(docs, (t) => annotateText(t));
console.log(`texts: ${docs.length} (${kb(docs.reduce((n, d) => n + Buffer.byteLength(d), 0))})`);
console.log(`compromise       ${(peer / 1024).toFixed(1).padStart(10)} KB/s`);
console.log(`presslens (wasm) ${(ours / 1024).toFixed(1).padStart(10)} KB/s   ${(ours / peer).toFixed(1)}x compromise (budget 12x, issue 30)`);

const js = rate(docs, (t) => jsBuild.annotateText(t));
console.log(`presslens (js)   ${(js / 1024).toFixed(1).padStart(10)} KB/s   ${(js / ours).toFixed(2)}x the wasm build (the fallback where a page forbids wasm)`);

const files = ['www/pkg/presslens_bg.wasm', 'www/pkg/presslens.js', 'www/presslens.js', 'www/presslens.css', 'www/demo.js'];
let raw = 0;
let gz = 0;
for (const f of files) {
  const p = path.join(root, f);
  if (!fs.existsSync(p)) continue;
  const b = fs.readFileSync(p);
  const g = zlib.gzipSync(b, { level: 9 }).length;
  raw += b.length;
  gz += g;
  console.log(`  ${f.padEnd(28)} ${kb(b.length).padStart(10)} ${kb(g).padStart(10)} gz`);
}
console.log(`payload (wasm + JS + CSS) ${kb(raw).padStart(10)} ${kb(gz).padStart(10)} gz   (budget 800 KB gz, issue 30)`);
// The parties tagger's model and word clusters, compiled into the wasm above.
for (const [what, f] of [['parties model', 'parties.model'], ['word clusters', 'word_clusters.txt']]) {
  const b = fs.readFileSync(path.join(root, 'data', f));
  console.log(`  ${(what + ' (in the wasm)').padEnd(28)} ${kb(b.length).padStart(10)} ${kb(zlib.gzipSync(b, { level: 9 }).length).padStart(10)} gz`);
}
console.log(`loading them (first call less the second, node) ${loadMs.toFixed(1)} ms   (budget 50 ms)`);

// The fallback replaces the wasm and its glue, nothing else.
const size = (fs_) => fs_.map((f) => fs.readFileSync(path.join(root, f))).reduce(([r, g], b) => [r + b.length, g + zlib.gzipSync(b, { level: 9 }).length], [0, 0]);
const [wasmRaw, wasmGz] = size(['www/pkg/presslens_bg.wasm', 'www/pkg/presslens.js']);
const [jsRaw, jsGz] = size(['www/pkg/js/presslens.js']);
console.log(`engine, wasm build (wasm + glue)  ${kb(wasmRaw).padStart(10)} ${kb(wasmGz).padStart(10)} gz`);
console.log(`engine, js build (wasm2js)        ${kb(jsRaw).padStart(10)} ${kb(jsGz).padStart(10)} gz   ${(jsGz / wasmGz).toFixed(2)}x the wasm build gzipped (loaded only where wasm is refused)`);
