import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import browserslist from 'browserslist';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { nameChunksInMeta, preloadChunks, RENDERING_CHUNKS_META } from './scripts/preload-chunks';
import { fileURLToPath, URL } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import { configDefaults, defineConfig } from 'vitest/config';

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
  plugins: [
    react(),
    tailwindcss(),
    // What src/main.tsx imports dynamically so that the launch page need not evaluate it, fetched from
    // index.html all the same: the callback and a reload need it as soon as the token is there.
    preloadChunks(['src/app/session-modules.ts']),
    // Cornerstone's chunks, named for a page about to show a study to fetch without evaluating them.
    nameChunksInMeta(RENDERING_CHUNKS_META, 'src/rendering/runtime.ts'),
    // A .gz and a .br beside every text asset (and the wasm codecs): the build pays once, and nginx
    // (gzip_static, brotli_static) and the sandbox serve them without compressing per request.
    // app-config.json is left out: a deployment edits it, and a stale .gz would win over the edit.
    // Brotli at quality 10, not 11: measured on this build's 8.4 MB of assets, 11 costs 22 s of CPU for
    // 1,965 KB, 10 costs 12 s for 2,014 KB (+2.5 %), 9 costs 2 s for 2,181 KB (+11 %, and +9 % on the
    // Cornerstone chunk every clinician downloads). 10 halves the build's compression time for bytes
    // that do not show; gzip stays at 9 (0.4 s).
    compression({
      algorithms: [
        defineAlgorithm('gzip', { level: zlibConstants.Z_BEST_COMPRESSION }),
        defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 10 } }),
      ],
      include: /\.(html|css|js|mjs|json|svg|wasm|txt|map)$/,
      exclude: /(^|\/)app-config\.json$/,
      logLevel: 'silent',
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Only vtk.js's VTK-XML readers and writers use it; the viewer has none (see the shim).
      xmlbuilder2: fileURLToPath(new URL('./src/rendering/shims/xmlbuilder2.ts', import.meta.url)),
    },
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
    environment: 'node',
    // Reporters are global to a run; each npm script names its JSON report (--outputFile.json=…), and the
    // reports feed the one-line summary that .ci/run prints (scripts/print-test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-results.json' },
    projects: [
      {
        extends: true,
        test: {
          // Fast: no servers, no Orthanc, no big files. `npm run test:unit`.
          name: 'unit',
          include: [
            'src/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
            'e2e/**/*.test.ts',
            'sandbox/**/*.test.ts',
            'deploy/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, '**/*.integration.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The sandbox's servers for real: HTTP on loopback ports, Orthanc, the whole sandbox, the 300-slice CT
          // written to disk. `npm run test:sandbox`.
          name: 'sandbox-integration',
          include: ['sandbox/**/*.integration.test.ts'],
        },
      },
    ],
  },
});
