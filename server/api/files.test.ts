import { describe, expect, it } from 'vitest';
import { contentDisposition } from './files.js';

const parts = (header: string) => ({
  ascii: /filename="([^"]*)"/.exec(header)?.[1] ?? null,
  utf8: decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(header)?.[1] ?? ''),
});

describe('contentDisposition (every download)', () => {
  it('keeps a UTF-8 name and gives an ASCII fallback without accents', () => {
    const d = parts(contentDisposition('Devis (révisé).pdf'));
    expect(d).toEqual({ ascii: 'Devis (revise).pdf', utf8: 'Devis (révisé).pdf' });
  });

  it('replaces what no file system takes, and never leaves a header-breaking character', () => {
    const header = contentDisposition('a/b\\c:"d"*?<e>|\r\nf.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(parts(header).utf8).toBe('a_b_c__d____e____f.txt');
  });

  it('cuts a very long name to 200 bytes of UTF-8 by whole characters, keeping the extension', () => {
    for (const stem of ['x'.repeat(300), '佐'.repeat(150), '👩‍💻'.repeat(60)]) {
      const { utf8, ascii } = parts(contentDisposition(`${stem}.vcf`));
      expect(Buffer.byteLength(utf8, 'utf8')).toBeLessThanOrEqual(200);
      expect(utf8.endsWith('.vcf')).toBe(true);
      expect(utf8).not.toMatch(/\uFFFD/);
      expect(ascii).toMatch(/^[\x20-\x7e]+\.vcf$/);
    }
  });

  it('names a nameless download', () => {
    expect(parts(contentDisposition('  ')).utf8).toBe('file');
  });
});
