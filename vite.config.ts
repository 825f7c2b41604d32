import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Cross-origin isolation (COOP + COEP) on both servers: it gives the page SharedArrayBuffer,
 * which tfjs-backend-wasm needs for its threaded build. Everything is served same-origin.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation, port: 4173, strictPort: true },
  worker: { format: 'es' },
  // Plotly alone is ~4.8 MB minified (the main chunk); tfjs lives only in the worker chunk.
  build: { chunkSizeWarningLimit: 5000 },
});
