import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.ts';

export interface Paged<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
}

/** A list loaded page by page ("older" button): `fetchPage(before)` gets the next page; `key` restarts it. */
export function usePaged<T, C>(fetchPage: (before: C | null) => Promise<Page<T, C>>, key: string): Paged<T> {
  // The items with the key they were loaded for: a list never shows another search's items while a new one loads.
  const [loaded, setLoaded] = useState<{ key: string; items: T[] }>({ key, items: [] });
  const [cursor, setCursor] = useState<C | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);

  const load = useCallback(async (forKey: string, before: C | null, append: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchRef.current(before);
      if (mine !== generation.current) return;
      setLoaded((old) => ({ key: forKey, items: append && old.key === forKey ? [...old.items, ...page.items] : page.items }));
      setCursor(page.nextBefore);
      setHasMore(page.nextBefore !== null && page.nextBefore !== undefined);
    } catch (failure) {
      if (mine === generation.current) setError(failure);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(key, null, false);
  }, [key, load]);

  const loadMore = useCallback(() => void load(key, cursor, true), [load, key, cursor]);
  const current = loaded.key === key;
  return { items: current ? loaded.items : [], loading: loading || (!current && !error), error, hasMore: current && hasMore, loadMore };
}
