import { useCallback, useEffect, useRef, type RefObject } from 'react';

/**
 * For a form or panel that opens in place: call the returned `remember()` as it opens (from the
 * button that opens it). When it closes and focus fell to the page's body with it (Escape, Cancel,
 * a save), focus goes back to that button — or to `fallback` if that button is gone or the panel was
 * opened by a link.
 */
export function useReturnFocus(open: boolean, fallback: RefObject<HTMLElement | null>): () => void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) {
      const active = document.activeElement;
      if (!active || active === document.body) (opener.current?.isConnected ? opener.current : fallback.current)?.focus();
      opener.current = null;
    }
    wasOpen.current = open;
  }, [open, fallback]);
  return useCallback(() => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, []);
}
