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
