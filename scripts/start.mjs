// `npm start`: one command from a fresh clone to a running sandbox with the built app.
// System packages → node_modules → build (when stale) → sandbox, forwarding signals so Ctrl-C stops it all.
import { spawn, spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const serveApp = process.env.SANDBOX_APP !== 'none';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Newest modification time under a file or folder (0 when it does not exist). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stats.mtimeMs,
  );
}

function buildIsStale() {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(root, p));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

run('sh', [join(root, 'scripts', 'ensure-system-deps.sh')]);
if (!existsSync(join(root, 'node_modules'))) run('npm', ['ci']);
if (serveApp && buildIsStale()) run('npm', ['run', 'build']);

const sandbox = spawn(
  process.execPath,
  ['--experimental-websocket', '--import', 'tsx', join('sandbox', 'main.ts')],
  { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] },
);
createInterface({ input: sandbox.stdout }).on('line', (line) => {
  console.log(line);
  if (!line.startsWith('SANDBOX READY ')) return;
  const info = JSON.parse(line.slice('SANDBOX READY '.length));
  console.log(
    `\nSandbox is up. Open ${info.launcher} and launch a patient${info.app ? '' : ' (app not served: SANDBOX_APP=none)'}.`,
  );
  console.log('Stop with Ctrl-C.');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => sandbox.kill(signal));
}
sandbox.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
