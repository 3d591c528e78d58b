// The article-scope table of `make eval-scope`: per page folder and split,
// PressLens natively (`presslens eval-scope --json`), PressLens and
// Readability.js 0.6 in Chromium (tests/e2e/scope-eval.mjs), and the Python
// peers (scripts/eval-scope-peers.py), side by side, one scorer and one
// split; pages per second for the native detector and each peer (one core);
// then every validation page where PressLens is below 0.5 and a peer above
// 0.8. Reads the three runs' files; measures nothing itself.
//
//   node scripts/eval-scope-table.mjs NATIVE.jsonl CHROMIUM.json PEERS.json
import fs from 'node:fs';

const [nativeFile, chromiumFile, peersFile] = process.argv.slice(2);
if (!peersFile) {
  console.error('usage: node scripts/eval-scope-table.mjs NATIVE.jsonl CHROMIUM.json PEERS.json');
  process.exit(2);
}

/** Rows of a file that may be missing (a run that was skipped). */
function read(file, lines) {
  if (!fs.existsSync(file)) {
    console.error(`(no ${file}: that column is empty)`);
    return [];
  }
  const text = fs.readFileSync(file, 'utf8');
  return lines ? text.split('\n').filter(Boolean).map((l) => JSON.parse(l)) : JSON.parse(text);
}

const native = read(nativeFile, true);
const chromium = read(chromiumFile, false);
const peerRows = read(peersFile, false);
const peers = [...new Set(peerRows.map((r) => r.peer))];

/** One score per page and system: key "folder/name" → { system: f1 }. */
const pages = new Map();
const at = (r) => {
  const k = `${r.folder}/${r.name}`;
  if (!pages.has(k)) pages.set(k, { folder: r.folder, name: r.name, split: r.split, f1: {}, seconds: {} });
  return pages.get(k);
};
for (const r of native) Object.assign(at(r).f1, { native: r.f1 }), (at(r).seconds.native = r.seconds);
for (const r of chromium) Object.assign(at(r).f1, { chromium: r.error ? 0 : r.f1, 'Readability.js': r.rf1 });
for (const r of peerRows) Object.assign(at(r).f1, { [r.peer]: r.error ? 0 : r.f1 }), (at(r).seconds[r.peer] = r.cpu ?? r.wall);

const systems = ['native', 'chromium', 'Readability.js', ...peers];
const head = { native: 'PressLens native', chromium: 'PressLens Chromium', 'Readability.js': 'Readability.js 0.6' };
const mean = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
const cell = (rs, sys) => {
  const xs = rs.map((p) => p.f1[sys]).filter((x) => x !== undefined);
  return xs.length === rs.length ? mean(xs).toFixed(3) : xs.length ? `${mean(xs).toFixed(3)} (${xs.length})` : '-';
};
const speed = (rs, sys) => {
  const xs = rs.map((p) => p.seconds[sys]).filter((x) => x !== undefined);
  const total = xs.reduce((s, x) => s + x, 0);
  return xs.length && total > 0 ? String(Math.round(xs.length / total)) : '-';
};

const rated = ['native', ...peers];
const lines = [
  `| folder | split | pages | ${systems.map((s) => head[s] ?? s).join(' | ')} | ${rated.map((s) => `pages/s ${s === 'native' ? 'PressLens' : s}`).join(' | ')} |`,
  `|${'---|'.repeat(3 + systems.length + rated.length)}`,
];
const all = [...pages.values()];
for (const folder of [...new Set(all.map((p) => p.folder))]) {
  for (const split of ['train', 'val', 'all']) {
    const rs = all.filter((p) => p.folder === folder && (split === 'all' || p.split === split));
    if (!rs.length) continue;
    lines.push(`| ${folder} | ${split} | ${rs.length} | ${systems.map((s) => cell(rs, s)).join(' | ')} | ${rated.map((s) => speed(rs, s)).join(' | ')} |`);
  }
}
console.log(lines.join('\n'));

// Validation pages PressLens loses where a peer does not.
const others = ['Readability.js', ...peers];
const lost = all
  .filter((p) => p.split === 'val')
  .filter((p) => ['native', 'chromium'].some((s) => p.f1[s] !== undefined && p.f1[s] < 0.5))
  .filter((p) => others.some((s) => (p.f1[s] ?? 0) > 0.8));
console.log(`\nvalidation pages where PressLens is below 0.5 and a peer above 0.8: ${lost.length}`);
for (const p of lost) {
  console.log(`  ${p.folder}/${p.name}: ${systems.filter((s) => p.f1[s] !== undefined).map((s) => `${s} ${p.f1[s].toFixed(3)}`).join(', ')}`);
}
