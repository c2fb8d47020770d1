import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SandboxInfo } from '../../sandbox/sandbox-info';
import { PROJECT_ROOT } from '../../sandbox/sandbox-options';

const READY_TIMEOUT_MS = 180_000;

export interface SandboxProcess {
  info: SandboxInfo;
  /** The READY line's JSON as printed, for handing on through an environment variable. */
  infoJson: string;
  stop(): Promise<void>;
}

/** A block of sandbox ports from `base`: app, FHIR, EHR, pacs-a, pacs-b, then the two Orthancs at +13/+14. */
export function sandboxPorts(base: number): Record<string, string> {
  return {
    APP_PORT: String(base),
    FHIR_PORT: String(base + 1),
    EHR_PORT: String(base + 2),
    PACS_A_PORT: String(base + 3),
    PACS_B_PORT: String(base + 4),
    ORTHANC_A_PORT: String(base + 13),
    ORTHANC_B_PORT: String(base + 14),
  };
}

/** The e2e run's nginx (the deployment recipe) sits just past the sandbox's block. */
export function nginxPort(base: number): number {
  return base + 15;
}

/**
 * Starts the real sandbox exactly as `npm run sandbox` does (a child process, so its Orthanc children go
 * with it) and resolves with its `SANDBOX READY` info. Used by the e2e setup and the benchmarks.
 */
export function startSandboxProcess(options: {
  portBase: number;
  sandboxDir: string;
  env?: Record<string, string>;
  onLine?: (line: string) => void;
}): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--experimental-websocket', '--import', 'tsx', 'sandbox/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ...sandboxPorts(options.portBase),
      SANDBOX_DIR: options.sandboxDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The sandbox did not print SANDBOX READY in time.')),
      READY_TIMEOUT_MS,
    );
    child.once('exit', (code) => reject(new Error(`The sandbox exited early (code ${code}).`)));
    if (!child.stdout) return reject(new Error('No sandbox stdout.'));
    // Keep reading after READY: a full pipe would stall the sandbox.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('SANDBOX READY ')) return options.onLine?.(line);
      clearTimeout(timer);
      const infoJson = line.slice('SANDBOX READY '.length);
      resolve({ info: JSON.parse(infoJson) as SandboxInfo, infoJson, stop: () => stop(child) });
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
