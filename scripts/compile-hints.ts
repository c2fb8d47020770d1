import type { Plugin } from 'vite';
import { chunkFilesOf } from './preload-chunks';

/** V8's explicit compile hint (Chrome 136+): compile every function of the file while it streams in. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts V8's compile hint at the top of the chunks that these modules import statically, that is the
 * code a first image runs through (the entry, the session's modules, React, the viewer's screen), not
 * what they import dynamically (Cornerstone: megabytes, evaluated after the first paint, most of it
 * never called). A cold launch otherwise compiles about 1,200 functions lazily on the main thread
 * between the token and the first paint, each the first time it is called (~120 ms in a Chromium
 * trace of this build); with the hint V8 compiles them on a background thread while the chunk streams
 * in, before the token has arrived. Other browsers read a comment.
 */
export function compileHints(moduleSuffixes: readonly string[]): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    // Before Vite's build-import-analysis, whose generateBundle the .gz and .br are made in
    // (vite-plugin-compression2), so every encoding has the hint.
    generateBundle(_options, bundle) {
      for (const fileName of chunkFilesOf(bundle, moduleSuffixes)) {
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code;
      }
    },
  };
}
