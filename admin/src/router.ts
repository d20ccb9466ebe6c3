import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * A small history router under /admin: paths are the app's own (`/orders/…`), the browser shows
 * `/admin/orders/…`, and the gateway answers every /admin/* path with the app (deep links and
 * reloads work).
 */
export const BASE = '/admin';

export interface Location {
  /** Without the base, e.g. `/orders/123`. */
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

let cachedHref = '';
let cached: Location = { path: '/', query: new URLSearchParams() };

function current(): Location {
  if (window.location.href !== cachedHref) {
    cachedHref = window.location.href;
    const raw = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : window.location.pathname;
    cached = { path: raw.replace(/\/+$/, '') || '/', query: new URLSearchParams(window.location.search) };
  }
  return cached;
}

export function useLocation(): Location {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current,
  );
}

/** The app-relative path with its query, e.g. `/orders?status=ON_HOLD` (what sign-in returns to). */
export function currentTarget(): string {
  const { path, query } = current();
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const href = `${BASE}${to === '/' ? '/' : to}`;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  notify();
  window.scrollTo(0, 0);
}

export const href = (to: string) => `${BASE}${to === '/' ? '/' : to}`;

/** An in-app link: a real <a href> (open in a new tab works), handled without a reload. */
export function onLinkClick(to: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
}

/** `/orders/:id` against `/orders/abc` → `{ id: 'abc' }`, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}
