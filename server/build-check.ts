import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time under the given files/directories (0 when none exist). */
function newestMtime(entries: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  entries.forEach(visit);
  return newest;
}

/**
 * `npm start` must serve the current SPA: build it when dist/ is missing or older than its sources.
 * Returns false when the build failed (the server still starts and says so on every page).
 */
export function ensureSpaBuilt(repoRoot: string): boolean {
  const built = path.join(repoRoot, 'dist', 'index.html');
  const sources = ['src', 'index.html', 'public', 'vite.config.ts'].map((p) => path.join(repoRoot, p));
  if (!existsSync(path.join(repoRoot, 'index.html'))) return false;
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(sources)) return true;
  console.log('Building the SPA (dist/ is missing or older than src/)…');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) console.error('vite build failed; the API still runs, pages will say the app is not built.');
  return result.status === 0;
}
