import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The module that brings Cornerstone in (see src/rendering/runtime.ts). */
const RENDERING_ENTRY = '/src/rendering/runtime.ts';
export const RENDERING_CHUNKS_META = 'rendering-chunks';

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  imports?: readonly string[];
}

/**
 * The files of the chunk whose entry module ends with `entry`, and of every chunk it imports
 * statically, in load order (the chunk itself last); empty when no chunk has that entry.
 */
export function chunkFilesOf(bundle: Readonly<Record<string, ChunkLike>>, entry: string): string[] {
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
  const root = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(entry));
  if (!root) return [];
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const files: string[] = [];
  const visit = (chunk: ChunkLike) => {
    if (files.includes(chunk.fileName)) return;
    for (const imported of chunk.imports ?? []) {
      const next = byFile.get(imported);
      if (next) visit(next);
    }
    files.push(chunk.fileName);
  };
  visit(root);
  return files;
}

/**
 * Names the rendering chunk and its imports in a `<meta>` of index.html, so that a page about to show
 * a study can have the browser fetch and compile them (modulepreload) without evaluating them yet:
 * evaluation (Cornerstone, vtk.js, dcmjs: hundreds of milliseconds of main thread) is then started
 * when the first paint no longer needs the thread (src/rendering/load-rendering.ts). A `<meta>`, not a
 * script, so the CSP has nothing to allow. Build only: in dev, modules are not chunks.
 */
export function renderingChunksPlugin(): Plugin {
  let base = '/';
  return {
    name: 'rendering-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context): HtmlTagDescriptor[] {
        const files = context.bundle ? chunkFilesOf(context.bundle, RENDERING_ENTRY) : [];
        if (files.length === 0) throw new Error(`the build has no chunk for ${RENDERING_ENTRY}`);
        return [
          {
            tag: 'meta',
            attrs: { name: RENDERING_CHUNKS_META, content: files.map((file) => base + file).join(' ') },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
