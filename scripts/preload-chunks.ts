import type { Plugin } from 'vite';

/** The parts of a Rollup/Rolldown output chunk this plugin reads. */
export interface OutputChunkLike {
  readonly type: 'chunk' | 'asset';
  readonly fileName: string;
  readonly moduleIds?: readonly string[];
  readonly facadeModuleId?: string | null;
  readonly imports?: readonly string[];
}

/**
 * The chunks that hold these modules (source paths, matched by their ending) and every chunk they import
 * statically, in bundle order: what a dynamic `import()` of those modules fetches.
 */
export function chunkFilesOf(
  bundle: Readonly<Record<string, OutputChunkLike>>,
  moduleSuffixes: readonly string[],
): string[] {
  const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const wanted = new Set<string>();
  const add = (fileName: string): void => {
    if (wanted.has(fileName)) return;
    wanted.add(fileName);
    for (const imported of byFile.get(fileName)?.imports ?? []) add(imported);
  };
  const matches = (id: string | null | undefined, suffix: string): boolean =>
    typeof id === 'string' && id.replaceAll('\\', '/').endsWith(suffix);
  for (const suffix of moduleSuffixes) {
    // The chunk that holds the module, and the facade a dynamic import of it may get of its own.
    const holders = chunks.filter(
      (chunk) =>
        matches(chunk.facadeModuleId, suffix) || (chunk.moduleIds ?? []).some((id) => matches(id, suffix)),
    );
    if (holders.length === 0) throw new Error(`preload-chunks: no chunk holds a module ending in ${suffix}`);
    for (const holder of holders) add(holder.fileName);
  }
  return chunks.map((chunk) => chunk.fileName).filter((fileName) => wanted.has(fileName));
}

/**
 * `<link rel="modulepreload">` in index.html for modules the entry imports dynamically: the browser
 * fetches them beside the entry, as it would static imports, but the entry does not wait for them (nor
 * evaluate them) before it runs. The launch page thus sends its requests after evaluating only what it
 * needs, and the callback page finds the session's modules fetched when its token arrives.
 */
export function preloadChunks(moduleSuffixes: readonly string[]): Plugin {
  let base = '/';
  return {
    name: 'preload-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        return chunkFilesOf(context.bundle, moduleSuffixes)
          .filter((fileName) => !html.includes(`${base}${fileName}`))
          .map((fileName) => ({
            tag: 'link',
            attrs: {
              rel: 'modulepreload',
              crossorigin: true,

              href: `${base}${fileName}`,
            },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/** The `<meta>` that names the rendering chunks (read by src/rendering/load-rendering.ts). */
export const RENDERING_CHUNKS_META = 'rendering-chunks';

/**
 * Names a dynamically imported module's chunks in a `<meta>` of index.html, so that a page can have the
 * browser fetch and compile them (modulepreload) when it decides to, without evaluating them yet: the
 * rendering chunks (Cornerstone, vtk.js, dcmjs: hundreds of milliseconds of main thread to evaluate) are
 * then evaluated once a viewport's first paint no longer needs the thread. A `<meta>`, not a script, so
 * the CSP has nothing to allow; not links, so the study list does not fetch megabytes it may never use.
 */
export function nameChunksInMeta(name: string, moduleSuffix: string): Plugin {
  let base = '/';
  return {
    name: `name-chunks-in-meta:${name}`,
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle) return [];
        const files = chunkFilesOf(context.bundle, [moduleSuffix]);
        return [
          {
            tag: 'meta',
            attrs: { name, content: files.map((fileName) => `${base}${fileName}`).join(' ') },
            injectTo: 'head' as const,
          },
        ];
      },
    },
  };
}
