import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the browser UI into dist/web; the Fastify server serves it. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
