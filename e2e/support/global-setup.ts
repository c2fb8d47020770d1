import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The ports the e2e sandbox uses: apart from `npm start`'s 43xx so both can run at once. */
const E2E_PORTS = {
  APP_PORT: '4400',
  FHIR_PORT: '4401',
  EHR_PORT: '4402',
  PACS_A_PORT: '4403',
  PACS_B_PORT: '4404',
  ORTHANC_A_PORT: '4413',
  ORTHANC_B_PORT: '4414',
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
        SANDBOX_DIR: '.sandbox/e2e',
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
