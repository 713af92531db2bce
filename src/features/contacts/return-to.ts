/**
 * The contact list the person was last on (path and query: filters, sort, page), so deleting a person
 * or company goes back to that list rather than to a fixed page. The layout records every visit.
 */
const LISTS = ['/people', '/companies', '/contacts'];
let last: string | null = null;

export function noteListVisit(pathname: string, search: string): void {
  if (LISTS.includes(pathname)) last = `${pathname}${search}`;
}

/** Where to go after deleting a contact of this kind. */
export function listToReturnTo(kind: 'person' | 'company'): string {
  return last ?? (kind === 'person' ? '/people' : '/companies');
}
