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
