import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import browserslist from 'browserslist';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

const port = Number(process.env.APP_PORT ?? 4300);

/** browserslist's browser names, in the build target's words. */
const BUILD_TARGET_NAMES: Record<string, string> = {
  chrome: 'chrome',
  edge: 'edge',
  firefox: 'firefox',
  safari: 'safari',
  ios_saf: 'ios',
};

/**
 * The build's syntax target is package.json's browserslist, the same list eslint-plugin-compat checks
 * the code against: the oldest version of each browser named there (Safari 16 sets the floor).
 */
function buildTargetFromBrowserslist(): string[] {
  const oldest = new Map<string, number>();
  for (const entry of browserslist(null, { path: fileURLToPath(new URL('.', import.meta.url)) })) {
    const [browser = '', versions = ''] = entry.split(' ');
    const name = BUILD_TARGET_NAMES[browser];
    if (!name) throw new Error(`vite.config.ts: no build target for the browserslist entry "${entry}"`);
    const version = Number.parseFloat(versions.split('-')[0] ?? '');
    oldest.set(name, Math.min(version, oldest.get(name) ?? Infinity));
  }
  return [...oldest].map(([name, version]) => `${name}${version}`);
}

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  worker: { format: 'es' },
  optimizeDeps: {
    exclude: ['@cornerstonejs/dicom-image-loader'],
    include: [
      'dicom-parser',
      '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
      '@cornerstonejs/codec-charls/decodewasmjs',
      '@cornerstonejs/codec-openjpeg/decodewasmjs',
      '@cornerstonejs/codec-openjph/wasmjs',
    ],
  },
  build: { target: buildTargetFromBrowserslist(), chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The JSON report feeds the one-line summary that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-results/unit-results.json' }]],
  },
});
