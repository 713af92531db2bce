import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A draft kept in localStorage under a key per subject, so it survives a reload or a failed save;
 * `clear()` after a successful save. Storage failures (private mode, quota) just mean no draft.
 */
export function useDraft<T extends object>(key: string, empty: T): [T, (next: T) => void, () => void] {
  const storageKey = `skyline:draft:${key}`;
  const [value, setValue] = useState<T>(() => read(storageKey, empty));
  const emptyRef = useRef(empty);
  const keyRef = useRef(storageKey);

  useEffect(() => {
    if (keyRef.current !== storageKey) {
      keyRef.current = storageKey;
      setValue(read(storageKey, emptyRef.current));
    }
  }, [storageKey]);

  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        // Only typed text makes a draft worth keeping.
        const blank = Object.values(next).every((v) => typeof v !== 'string' || v.trim() === '');
        if (blank) localStorage.removeItem(storageKey);
        else localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        /* storage unavailable */
      }
    },
    [storageKey],
  );
  const clear = useCallback(() => {
    setValue(emptyRef.current);
    try {
      localStorage.removeItem(storageKey);
    } catch {
      /* storage unavailable */
    }
  }, [storageKey]);
  return [value, set, clear];
}

function read<T extends object>(key: string, empty: T): T {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return empty;
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return empty;
    const out = { ...empty };
    for (const k of Object.keys(empty) as (keyof T)[]) {
      const v = (parsed as Record<string, unknown>)[k as string];
      if (typeof v === typeof empty[k]) out[k] = v as T[keyof T];
    }
    return out;
  } catch {
    return empty;
  }
}
