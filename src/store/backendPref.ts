/**
 * The backend preference is a setting of the page, not of the experiment: it lives in the
 * query string (`?backend=wasm`, visible and part of a copied link) and in localStorage (so it
 * survives a visit without the query), never in the experiment's hash. Loading a preset, a
 * config file or a link therefore keeps it; only an explicit choice (the selector, a query
 * typed by the user, or an old link whose hash still says `backend=`) changes it.
 */

const storageKey = 'pinn-playground.backend';

/** Comma-separated backend ids, '' = automatic (the fastest measured; see src/worker/choose.ts). */
export type BackendPref = string;

function stored(): string {
  try {
    return window.localStorage.getItem(storageKey) ?? '';
  } catch {
    return ''; // storage may be disabled (private mode, sandboxed frame)
  }
}

/**
 * A hash as the user may have typed it, split into the experiment's part and a query that was
 * appended after it by mistake (`#…&batch=1024?backend=wasm` → `#…&batch=1024` and
 * `backend=wasm`), so that the query does not end up inside the last value.
 */
export function splitHashQuery(hash: string): { hash: string; query: URLSearchParams } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = text.indexOf('?');
  if (q < 0) return { hash: text, query: new URLSearchParams() };
  return { hash: text.slice(0, q), query: new URLSearchParams(text.slice(q + 1)) };
}

/**
 * The preference the page opens with: `?backend=` in the query (also one typed after the
 * hash), else a legacy `backend=` key in the hash, else the one saved in this browser.
 */
export function initialBackendPref(search: string, hash: string): BackendPref {
  const q = new URLSearchParams(search).get('backend') ?? splitHashQuery(hash).query.get('backend');
  if (q !== null) return q;
  const legacy = /(?:^#?|&)backend=([^&?]*)/.exec(splitHashQuery(hash).hash)?.[1];
  if (legacy !== undefined) return decodeURIComponent(legacy);
  return stored();
}

/**
 * The address with the preference in its query (`''` removes it) and a query typed after the
 * hash moved before it; the hash itself is left as it is (the store writes it).
 */
export function addressWith(pref: BackendPref, loc: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const { hash, query: stray } = splitHashQuery(loc.hash);
  const query = new URLSearchParams(loc.search);
  stray.forEach((v, k) => {
    if (!query.has(k)) query.set(k, v);
  });
  if (pref) query.set('backend', pref);
  else query.delete('backend');
  const q = query.toString().replace(/%2C/gi, ',');
  return `${loc.pathname}${q ? `?${q}` : ''}${hash ? `#${hash}` : ''}`;
}

/** Remember `pref` in this browser and show it in the address (no history entry, no reload). */
export function saveBackendPref(pref: BackendPref): void {
  try {
    if (pref) window.localStorage.setItem(storageKey, pref);
    else window.localStorage.removeItem(storageKey);
  } catch {
    // not persisted; the query string still carries it
  }
  const next = addressWith(pref, window.location);
  const now = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (next !== now) window.history.replaceState(window.history.state, '', next);
}

/** The worker's `init` list for a preference (undefined = its automatic order). */
export function backendList(pref: BackendPref): string[] | undefined {
  return pref
    ? pref
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean)
    : undefined;
}
