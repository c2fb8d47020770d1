import { describe, expect, it } from 'vitest';
import { chunkFilesOf } from './vite-rendering-chunks';

describe('chunkFilesOf', () => {
  const bundle = {
    'assets/runtime-1.js': {
      type: 'chunk' as const,
      fileName: 'assets/runtime-1.js',
      facadeModuleId: '/repo/src/rendering/runtime.ts',
      imports: ['assets/cornerstone-2.js', 'assets/shared-3.js'],
    },
    'assets/cornerstone-2.js': {
      type: 'chunk' as const,
      fileName: 'assets/cornerstone-2.js',
      facadeModuleId: null,
      imports: ['assets/shared-3.js'],
    },
    'assets/shared-3.js': { type: 'chunk' as const, fileName: 'assets/shared-3.js', imports: [] },
    'assets/other-4.js': { type: 'chunk' as const, fileName: 'assets/other-4.js', imports: [] },
    'assets/logo.svg': { type: 'asset' as const, fileName: 'assets/logo.svg' },
  };

  it('lists the entry chunk after everything it imports, each once, nothing else', () => {
    expect(chunkFilesOf(bundle, '/src/rendering/runtime.ts')).toEqual([
      'assets/shared-3.js',
      'assets/cornerstone-2.js',
      'assets/runtime-1.js',
    ]);
  });

  it('is empty when no chunk has that entry', () => {
    expect(chunkFilesOf(bundle, '/src/nowhere.ts')).toEqual([]);
  });
});
