import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Relative base: the Tauri custom protocol serves ui/dist from its own origin root.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  // Svelte 5 component tests need the browser build of svelte (platform note, pitfall 6).
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Everything ships inside the binary; no inline data: URLs (strict CSP).
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/test-setup.ts'],
    restoreMocks: true,
    // A ceiling for a loaded, shared machine (see test-setup.ts), not a timing.
    testTimeout: 60_000,
  },
});
