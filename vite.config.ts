import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the browser UI into dist/web; the Fastify server serves it. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      // Two entries: the staff application, and the public search page (/finden), which must not
      // load the staff application.
      input: {
        main: fileURLToPath(new URL('src/web/index.html', import.meta.url)),
        find: fileURLToPath(new URL('src/web/find.html', import.meta.url)),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
