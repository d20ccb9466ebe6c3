import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { describeError, ApiError } from '../graphql/errors';
import { Notice } from './forms';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads on mount and whenever `deps` change; `reload` fetches again (after a mutation). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Renders what was loaded, or the loading state, or the error as a message (FORBIDDEN included). */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.error) {
    const forbidden = loaded.error instanceof ApiError && loaded.error.forbidden;
    return <Notice kind="error">{forbidden ? `Your role may not see this: ${(loaded.error as ApiError).message}` : describeError(loaded.error)}</Notice>;
  }
  if (loaded.data === undefined) return <p className="muted" aria-busy="true">Loading…</p>;
  return <>{children(loaded.data)}</>;
}
