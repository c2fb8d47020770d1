import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { PROJECT_ROOT } from '../../sandbox/sandbox-options';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium';
import { startSandboxProcess } from '../support/sandbox-process';
import {
  benchSitePorts,
  redirectUrisOf,
  type BenchContext,
  type BenchRow,
  type BenchSection,
} from './bench-section';

/**
 * `npm run bench [-- section…]`: builds the app, starts the real sandbox (as the e2e setup does, on
 * its own ports), runs every `*-bench.ts` section (or the ones named) in Debian's Chromium and prints
 * one table. Benchmarks measure, they do not pass or fail: targets are printed beside the figures.
 */
const BENCH_PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4600);

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const sections = await findSections(wanted);
  if (sections.length === 0) throw new Error(`no bench section matches ${wanted.join(', ')}`);
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    console.error('[bench] vite build…');
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  console.error('[bench] starting the sandbox…');
  const sandbox = await startSandboxProcess({
    portBase: BENCH_PORT_BASE,
    sandboxDir: '.sandbox/bench',
    // The sites the site-launch section puts in front of it (nginx, the deployment recipe).
    env: { SANDBOX_REDIRECT_URIS: benchSitePorts(BENCH_PORT_BASE).flatMap(redirectUrisOf).join(',') },
  });
  const { info } = sandbox;
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const results: { section: string; rows: BenchRow[] }[] = [];
  try {
    const context: BenchContext = {
      sandbox: info,
      browser,
      projectRoot: PROJECT_ROOT,
      distDir: join(PROJECT_ROOT, 'dist'),
      portBase: BENCH_PORT_BASE,
      log: (line) => console.error(`[bench] ${line}`),
    };
    for (const section of sections) {
      console.error(`[bench] ${section.name}…`);
      try {
        results.push({ section: section.name, rows: await section.run(context) });
      } catch (error) {
        results.push({
          section: section.name,
          rows: [
            {
              metric: 'FAILED',
              value: NaN,
              unit: '',
              note: error instanceof Error ? error.message : String(error),
            },
          ],
        });
      }
    }
  } finally {
    await browser.close();
    await sandbox.stop();
  }
  console.log(formatTable(results));
  if (results.some((result) => result.rows.some((row) => row.metric === 'FAILED'))) process.exitCode = 1;
}

async function findSections(wanted: readonly string[]): Promise<BenchSection[]> {
  const files = readdirSync(import.meta.dirname)
    .filter((name) => name.endsWith('-bench.ts'))
    .sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as {
      section?: BenchSection;
    };
    if (!module.section) throw new Error(`${file} exports no \`section\``);
    if (wanted.length === 0 || wanted.some((name) => module.section?.name.includes(name)))
      sections.push(module.section);
  }
  return sections;
}

export function formatTable(results: readonly { section: string; rows: readonly BenchRow[] }[]): string {
  const lines: string[][] = [['section', 'metric', 'value', 'unit', 'target', 'note']];
  for (const { section, rows } of results)
    for (const row of rows)
      lines.push([
        section,
        row.metric,
        Number.isFinite(row.value)
          ? Math.abs(row.value) >= 100
            ? row.value.toFixed(0)
            : row.value.toFixed(2)
          : '—',
        row.unit,
        row.target ?? '',
        row.note ?? '',
      ]);
  const widths =
    lines[0]?.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length))) ?? [];
  const render = (line: readonly string[]) =>
    line
      .map((cell, column) =>
        column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const [header, ...body] = lines;
  return [
    render(header ?? []),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...body.map(render),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
