import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/engine/test-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
