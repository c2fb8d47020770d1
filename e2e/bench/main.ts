import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import type { SandboxInfo } from '../sandbox/sandbox-info';
import { PROJECT_ROOT } from '../sandbox/sandbox-options';
import type { BenchContext, BenchRow, BenchSection } from './bench-section';

/**
 * `npm run bench [-- section…]`: builds the app, starts the real sandbox (as the e2e setup does, on
 * its own ports), runs every `*-bench.ts` section (or the ones named) in Debian's Chromium and prints
 * one table. Benchmarks measure, they do not pass or fail: targets are printed beside the figures.
 */
const BENCH_PORTS = {
  APP_PORT: '4600',
  FHIR_PORT: '4601',
  EHR_PORT: '4602',
  PACS_A_PORT: '4603',
  PACS_B_PORT: '4604',
  ORTHANC_A_PORT: '4613',
  ORTHANC_B_PORT: '4614',
};

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
  const { child, info } = await startSandbox();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const results: { section: string; rows: BenchRow[] }[] = [];
  try {
    const context: BenchContext = {
      sandbox: info,
      browser,
      projectRoot: PROJECT_ROOT,
      distDir: join(PROJECT_ROOT, 'dist'),
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
    await stop(child);
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

function startSandbox(): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  const child = spawn(
    process.execPath,
    ['--experimental-websocket', '--import', 'tsx', 'e2e/sandbox/main.ts'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...BENCH_PORTS, SANDBOX_DIR: '.sandbox/bench' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The sandbox did not print SANDBOX READY in time.')),
      180_000,
    );
    child.once('exit', (code) => reject(new Error(`The sandbox exited early (code ${code}).`)));
    if (!child.stdout) return reject(new Error('No sandbox stdout.'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('SANDBOX READY ')) return;
      clearTimeout(timer);
      resolve({ child, info: JSON.parse(line.slice('SANDBOX READY '.length)) as SandboxInfo });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
