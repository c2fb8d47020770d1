import { describe, expect, it } from 'vitest';
import { chunkFilesOf, nameChunksInMeta, type OutputChunkLike } from './preload-chunks';

const chunk = (
  fileName: string,
  moduleIds: string[],
  imports: string[] = [],
  facadeModuleId: string | null = null,
): OutputChunkLike => ({ type: 'chunk', fileName, moduleIds, imports, facadeModuleId });

const bundle: Record<string, OutputChunkLike> = {
  'assets/index-1.js': chunk(
    'assets/index-1.js',
    ['/p/src/main.tsx', '/p/src/app/boot.ts'],
    ['assets/zod-1.js'],
  ),
  'assets/zod-1.js': chunk('assets/zod-1.js', ['/p/node_modules/zod/index.js']),
  'assets/query-client-1.js': chunk(
    'assets/query-client-1.js',
    ['/p/src/lib/query-client.ts'],
    ['assets/query-1.js'],
  ),
  'assets/query-client-2.js': chunk(
    'assets/query-client-2.js',
    [],
    ['assets/query-client-1.js'],
    '/p/src/lib/query-client.ts',
  ),
  'assets/query-1.js': chunk(
    'assets/query-1.js',
    ['/p/node_modules/@tanstack/query-core/index.js'],
    ['assets/zod-1.js'],
  ),
  'assets/viewer-1.js': chunk('assets/viewer-1.js', ['/p/src/app/routes/viewer-route.tsx']),
  'assets/index-1.css': { type: 'asset', fileName: 'assets/index-1.css' },
};

describe('chunkFilesOf', () => {
  it('gives the chunk holding the module, its dynamic-import facade and what they import, in bundle order', () => {
    expect(chunkFilesOf(bundle, ['src/lib/query-client.ts'])).toEqual([
      'assets/zod-1.js',
      'assets/query-client-1.js',
      'assets/query-client-2.js',
      'assets/query-1.js',
    ]);
  });

  it('leaves out chunks no wanted module reaches', () => {
    const files = chunkFilesOf(bundle, ['src/lib/query-client.ts']);
    expect(files).not.toContain('assets/viewer-1.js');
    expect(files).not.toContain('assets/index-1.css');
  });

  it('matches Windows paths by their ending too', () => {
    const windows = { 'a.js': chunk('a.js', ['C:\\p\\src\\app\\boot.ts']) };
    expect(chunkFilesOf(windows, ['src/app/boot.ts'])).toEqual(['a.js']);
  });

  it('fails the build when a named module is in no chunk (renamed or moved)', () => {
    expect(() => chunkFilesOf(bundle, ['src/app/gone.ts'])).toThrow(
      /no chunk holds a module ending in src\/app\/gone.ts/,
    );
  });
});

describe('nameChunksInMeta', () => {
  it('names the module’s chunks, and only those, in one meta tag', () => {
    const plugin = nameChunksInMeta('rendering-chunks', 'src/lib/query-client.ts');
    const hook = plugin.transformIndexHtml;
    const handler = typeof hook === 'object' && hook !== null && 'handler' in hook ? hook.handler : null;
    if (!handler) throw new Error('no transformIndexHtml handler');
    const tags = (handler as (html: string, context: { bundle: typeof bundle }) => unknown)('', { bundle });
    expect(tags).toEqual([
      {
        tag: 'meta',
        attrs: {
          name: 'rendering-chunks',
          content: expect.stringContaining('/assets/query-client-1.js') as string,
        },
        injectTo: 'head',
      },
    ]);
    const content = (tags as { attrs: { content: string } }[])[0]?.attrs.content ?? '';
    expect(content.split(' ').sort()).toEqual(
      chunkFilesOf(bundle, ['src/lib/query-client.ts'])
        .map((file) => `/${file}`)
        .sort(),
    );
  });
});
