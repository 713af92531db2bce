/** Test helpers: where the shared Highrise reference lives, and its XML samples. Not imported by app code. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** server/highrise/models → repo root; CI clones the repo elsewhere with shared/ beside it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedApi = path.resolve(repoRoot, '../shared/highrise-api');

export function fixture(name: string): string {
  return readFileSync(path.join(sharedApi, 'fixtures', name), 'utf8');
}

export function fixtureNames(): string[] {
  return readdirSync(path.join(sharedApi, 'fixtures')).filter((f) => f.endsWith('.xml')).sort();
}

export interface Sample {
  /** e.g. `notes.md#2` (1-based index among that file's XML samples). */
  id: string;
  file: string;
  xml: string;
}

/**
 * Every XML sample in sections/*.md: ```xml / ``` xml fences, plus untagged fences whose body is
 * XML (tasks.md shows its recurring-task samples that way). JSON and shell fences are left out.
 */
export function sectionSamples(): Sample[] {
  const dir = path.join(sharedApi, 'sections');
  const out: Sample[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const md = readFileSync(path.join(dir, file), 'utf8');
    let n = 0;
    for (const m of md.matchAll(/^```[ \t]*(\w*)[ \t]*\r?\n([\s\S]*?)^```/gm)) {
      const lang = m[1].toLowerCase();
      const body = m[2];
      if (lang === 'xml' || (lang === '' && body.trimStart().startsWith('<'))) {
        n++;
        out.push({ id: `${file}#${n}`, file, xml: body });
      }
    }
  }
  return out;
}
