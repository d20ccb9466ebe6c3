import { useSyncExternalStore } from 'react';

/**
 * The signed-in staff member. Kept in sessionStorage: it survives a reload of the tab but not the
 * tab itself, and is never shared with another tab or left behind on a shared workstation.
 */
export type StaffRole = 'ADMIN' | 'CUSTOMER_SERVICE' | 'WAREHOUSE' | 'CATALOG_MANAGER';
export const STAFF_ROLES: readonly StaffRole[] = ['ADMIN', 'CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER'];

export interface StaffSession {
  token: string;
  role: StaffRole;
  email: string;
  expiresAt: string;
}

const KEY = 'crittersupply.admin.session';
const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cached: StaffSession | null = null;
/** Why the last session ended, shown on the sign-in page (e.g. it expired). */
let endedBecause: string | null = null;

export function readSession(): StaffSession | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    try {
      cached = raw ? (JSON.parse(raw) as StaffSession) : null;
    } catch {
      cached = null;
    }
  }
  return cached;
}

export function isExpired(session: StaffSession, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}

export function startSession(session: StaffSession): void {
  endedBecause = null;
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function endSession(reason: string | null = null): void {
  endedBecause = reason;
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export const sessionEndReason = () => endedBecause;

export function useSession(): StaffSession | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, readSession);
}
