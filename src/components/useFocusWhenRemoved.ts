import { useEffect, useRef, type RefObject } from 'react';

/**
 * When a row of a list leaves (deleted, or found gone) while it had focus, focus would fall to the
 * page's body: put it on `target` instead (a heading with tabIndex -1, say). `ids` are the rows' keys.
 */
export function useFocusWhenRemoved(ids: readonly (string | number)[], target: RefObject<HTMLElement | null>) {
  const key = ids.join(',');
  const previous = useRef(key);
  useEffect(() => {
    const before = previous.current.split(',');
    previous.current = key;
    const now = key.split(',');
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && before.some((id) => id && !now.includes(id))) target.current?.focus();
  }, [key, target]);
}
