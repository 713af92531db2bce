import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev`: Vite serves the SPA on 5173 and proxies the BFF (and its sandbox) on 3000.
// changeOrigin stays false so the BFF sees the browser's Host and its same-origin checks hold.
const BFF = `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const proxied = ['/api', '/auth', '/sandbox', '/healthz'];

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: BFF, changeOrigin: false }])),
  },
  build: { outDir: 'dist', sourcemap: true },
});
