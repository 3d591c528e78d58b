// The static server of the demo and the tests serves the repository and
// ../shared, and nothing beside them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';

const repo = path.basename(path.resolve(import.meta.dirname, '..', '..'));
let server;
let base;

before(async () => {
  ({ server, url: base } = await serve({ port: 0 }));
});

after(() => server?.close());

const status = async (p) => (await fetch(base + p.replace(/^\//, ''))).status;

test('paths outside the repository and ../shared are forbidden, siblings with a shared prefix too', async () => {
  assert.equal(await status('/index.html'), 200);
  assert.equal(await status('/shared/seed/article.txt'), 200);
  assert.equal(await status('/..%2f..%2fetc%2fpasswd'), 403);
  assert.equal(await status(`/..%2f${encodeURIComponent(repo)}-sibling%2fsecret.txt`), 403);
  assert.equal(await status('/shared/..%2fshared-sibling%2fsecret.txt'), 403);
  assert.equal(await status('/no-such-file.txt'), 404);
});
