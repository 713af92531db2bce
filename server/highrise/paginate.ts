/**
 * Walk an offset-paged Highrise list (n=0, 500, 1000…). Highrise ignores unknown paging params and
 * may hand back the same page again (REAL-WORLD #20), so: stop on a short page, dedupe by id, and
 * stop when a page brings nothing new — never loop for ever.
 */
export async function iterateOffsets<T extends { id: number | null }>(
  fetchPage: (offset: number) => Promise<T[]>,
  pageSize: number,
  onProgress?: (loaded: number) => void,
): Promise<T[]> {
  const seen = new Set<number>();
  const out: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(offset);
    let fresh = 0;
    for (const item of page) {
      if (item.id === null || seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
      fresh++;
    }
    onProgress?.(out.length);
    if (page.length < pageSize || fresh === 0) return out;
  }
}

/**
 * Highrise's page sizes: plain lists (people, companies, deals, cases, tags…) come 500 at a time;
 * search results, a subject's notes and emails, and /recordings.xml come 25 at a time.
 */
export const PAGE_SIZE = { list: 500, search: 25, notes: 25, emails: 25, recordings: 25 } as const;
