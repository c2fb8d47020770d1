import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * The ports the e2e sandbox uses: 44xx by default, apart from `npm start`'s 43xx so both can run at
 * once; `E2E_PORT_BASE` moves the whole block (two checkouts testing side by side).
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4400);
const E2E_PORTS = {
  APP_PORT: String(base),
  FHIR_PORT: String(base + 1),
  EHR_PORT: String(base + 2),
  PACS_A_PORT: String(base + 3),
  PACS_B_PORT: String(base + 4),
  ORTHANC_A_PORT: String(base + 13),
  ORTHANC_B_PORT: String(base + 14),
};

const READY_TIMEOUT_MS = 180_000;

/**
 * Starts the real sandbox exactly as `npm run sandbox` does and hands its READY info to the tests
 * through SANDBOX_INFO. Returns the teardown that stops it (and its Orthanc processes).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(
    process.execPath,
    ['--experimental-websocket', '--import', 'tsx', 'e2e/sandbox/main.ts'],
    {
      env: {
        ...process.env,
        ...E2E_PORTS,
        SANDBOX_DIR: `.sandbox/e2e-${base}`,
        TOKEN_TTL_SECONDS: process.env.TOKEN_TTL_SECONDS ?? '20',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const info = await readyLine(child);
  process.env.SANDBOX_INFO = info;
  return () => stop(child);
}

function readyLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The sandbox did not print SANDBOX READY in time.')),
      READY_TIMEOUT_MS,
    );
    child.once('exit', (code) => reject(new Error(`The sandbox exited early (code ${code}).`)));
    if (!child.stdout) return reject(new Error('No sandbox stdout.'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('SANDBOX READY ')) {
        clearTimeout(timer);
        resolve(line.slice('SANDBOX READY '.length));
      } else if (process.env.SANDBOX_VERBOSE) {
        console.log(`[sandbox] ${line}`);
      }
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
