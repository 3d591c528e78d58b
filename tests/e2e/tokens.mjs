// Token F1 between a detected article text and a gold text: the one measure
// of article scope, shared by the Readability e2e test and the scope eval.

/** Word tokens, lower-cased (letters and digits of any script). */
export function tokens(s) {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token F1 of `got` against `want`, as multisets. */
export function tokenF1(got, want) {
  const g = tokens(got);
  const w = tokens(want);
  if (!g.length && !w.length) return 1;
  if (!g.length || !w.length) return 0;
  const counts = new Map();
  for (const t of w) counts.set(t, (counts.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of g) {
    const n = counts.get(t) ?? 0;
    if (n > 0) { hit += 1; counts.set(t, n - 1); }
  }
  const p = hit / g.length;
  const r = hit / w.length;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
