// PressLens extension settings, shared by the background, content script and
// options page. Stored with chrome.storage.sync; nothing leaves the browser
// but the browser's own settings sync.
export const DEFAULTS = Object.freeze({
  kinds: { quotes: true, parties: true, figures: true },
  alwaysOn: [], // origins, e.g. "https://www.example.com"
});

export async function load() {
  const stored = await chrome.storage.sync.get(['kinds', 'alwaysOn']);
  return {
    kinds: { ...DEFAULTS.kinds, ...(stored.kinds ?? {}) },
    alwaysOn: Array.isArray(stored.alwaysOn) ? stored.alwaysOn.filter((o) => typeof o === 'string') : [],
  };
}

export function save(settings) {
  return chrome.storage.sync.set({ kinds: settings.kinds, alwaysOn: settings.alwaysOn });
}

// The article root the reader chose in the panel on a site ("page", or a
// selector path of the picked block), by hostname, applied on the next
// visit. Kept in chrome.storage.local (per browser: a layout choice, and
// sync's quota is small), at most MAX_ROOTS sites, the oldest choice
// dropped first.
const MAX_ROOTS = 500;
const MAX_ROOT_LENGTH = 2000;

/** The root remembered for `host`, or null. */
export async function loadRoot(host) {
  const { roots } = await chrome.storage.local.get('roots');
  const root = roots && typeof roots === 'object' ? roots[host] : undefined;
  return typeof root === 'string' ? root : null;
}

/** Remembers `root` for `host` ("auto" forgets it). */
export async function saveRoot(host, root) {
  if (typeof host !== 'string' || !host || typeof root !== 'string' || root.length > MAX_ROOT_LENGTH) return;
  const { roots: stored } = await chrome.storage.local.get('roots');
  const roots = stored && typeof stored === 'object' ? { ...stored } : {};
  delete roots[host];
  if (root !== 'auto') roots[host] = root;
  const hosts = Object.keys(roots);
  for (const h of hosts.slice(0, Math.max(0, hosts.length - MAX_ROOTS))) delete roots[h];
  await chrome.storage.local.set({ roots });
}

/** Normalises what a user typed ("example.com/news", "https://x.org/") to an origin, or null. */
export function toOrigin(entry) {
  const s = String(entry).trim();
  if (!s) return null;
  try {
    const u = new URL(/^[a-z]+:\/\//i.test(s) ? s : `https://${s}`);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
