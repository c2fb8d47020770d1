import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from './compile-hints';

interface TestChunk {
  type: 'chunk';
  fileName: string;
  moduleIds: string[];
  imports: string[];
  facadeModuleId: string | null;
  code: string;
}

const chunk = (fileName: string, moduleIds: string[], imports: string[] = []): TestChunk => ({
  type: 'chunk',
  fileName,
  moduleIds,
  imports,
  facadeModuleId: null,
  code: `export const ${fileName.replace(/\W/g, '_')} = 1;`,
});

/** The entry imports React statically and Cornerstone only dynamically. */
function bundle() {
  return {
    'assets/index-1.js': chunk('assets/index-1.js', ['/p/src/main.tsx'], ['assets/react-1.js']),
    'assets/react-1.js': chunk('assets/react-1.js', ['/p/node_modules/react/index.js']),
    'assets/runtime-1.js': chunk('assets/runtime-1.js', ['/p/src/rendering/runtime.ts']),
    'assets/index-1.css': { type: 'asset' as const, fileName: 'assets/index-1.css', source: 'a{}' },
  };
}

function generate(output: ReturnType<typeof bundle>, moduleSuffixes: string[]) {
  const plugin = compileHints(moduleSuffixes);
  const hook = plugin.generateBundle;
  if (typeof hook !== 'function') throw new Error('compile-hints: generateBundle is not a function');
  // The hook reads only the bundle.
  (hook as (options: unknown, bundle: unknown) => void).call({}, {}, output);
  return output;
}

describe('compileHints', () => {
  it('hints the chunks the named modules import statically, at their first line, and nothing else', () => {
    const output = generate(bundle(), ['src/main.tsx']);
    expect(output['assets/index-1.js'].code.startsWith(COMPILE_HINT)).toBe(true);
    expect(output['assets/react-1.js'].code).toBe(`${COMPILE_HINT}export const assets_react_1_js = 1;`);
    expect(output['assets/runtime-1.js'].code).not.toContain('allFunctionsCalledOnLoad');
    expect(output['assets/index-1.css']).toEqual(bundle()['assets/index-1.css']);
  });

  it('stops a build whose named module has gone (a renamed file would silently lose the hint)', () => {
    expect(() => generate(bundle(), ['src/app/gone.ts'])).toThrow(/no chunk holds a module ending in/);
  });
});
