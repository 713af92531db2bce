import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: the BFF and sandbox in Node, the SPA in jsdom. The JSON report feeds .ci/count.mjs.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      {
        test: { name: 'server', environment: 'node', include: ['server/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 30_000 },
      },
      {
        plugins: [react()],
        // A form test types with userEvent; on a shared 2-core machine under load that can take seconds.
        test: { name: 'web', environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], setupFiles: ['src/test/setup.ts'], testTimeout: 15_000 },
      },
    ],
  },
});
