import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SANDBOX_HOST } from '../http-helpers.ts';

export const ORTHANC_BINARY = '/usr/sbin/Orthanc';
export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';

export interface OrthancProcess {
  readonly name: string;
  /** Orthanc's own REST root, reachable from this machine only. */
  readonly restUrl: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Orthanc has no bind-address option: `RemoteAccessAllowed: false` is what keeps it to loopback. */
export function orthancConfig(name: string, storageDir: string, httpPort: number): Record<string, unknown> {
  return {
    Name: name,
    StorageDirectory: storageDir,
    IndexDirectory: storageDir,
    HttpPort: httpPort,
    DicomServerEnabled: false,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    // Our gateway streams bodies and passes Content-Length through; gzip would only get in the way.
    HttpCompressionEnabled: false,
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/' },
  };
}

async function waitForOrthanc(restUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Orthanc exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${restUrl}/system`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Orthanc did not answer on ${restUrl} within ${timeoutMs} ms`);
}

/**
 * Orthanc must not outlive the sandbox, even when Node is killed with SIGKILL (no exit handler runs):
 * a tiny detached shell polls our pid and kills Orthanc once we are gone.
 */
function spawnWatchdog(orthancPid: number): ChildProcess {
  const script = 'while kill -0 "$0" 2>/dev/null; do sleep 1; done; kill "$1" 2>/dev/null';
  const watchdog = spawn('sh', ['-c', script, String(process.pid), String(orthancPid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  return watchdog;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts one Orthanc with fresh storage under `dir` (wiped first, so every run starts identical). */
export async function startOrthanc(options: {
  name: string;
  dir: string;
  httpPort: number;
}): Promise<OrthancProcess> {
  if (!existsSync(ORTHANC_BINARY) || !existsSync(DICOMWEB_PLUGIN)) {
    throw new Error('Orthanc or its DICOMweb plugin is missing: run scripts/ensure-system-deps.sh');
  }
  await rm(options.dir, { recursive: true, force: true });
  const storageDir = join(options.dir, 'storage');
  await mkdir(storageDir, { recursive: true });
  const configPath = join(options.dir, 'orthanc.json');
  await writeFile(
    configPath,
    JSON.stringify(orthancConfig(options.name, storageDir, options.httpPort), null, 2),
  );

  const log = createWriteStream(join(options.dir, 'orthanc.log'));
  const child = spawn(ORTHANC_BINARY, [configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  const watchdog = child.pid === undefined ? undefined : spawnWatchdog(child.pid);

  const restUrl = `http://${SANDBOX_HOST}:${options.httpPort}`;
  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    watchdog?.kill('SIGKILL');
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 5000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 2000);
    }
    log.end();
  };
  try {
    await waitForOrthanc(restUrl, child, 20_000);
  } catch (error) {
    await stop();
    throw new Error(`${options.name}: ${String(error)} (log: ${join(options.dir, 'orthanc.log')})`);
  }
  return { name: options.name, restUrl, pid: child.pid, stop };
}

export type UploadResult = { ok: true } | { ok: false; reason: string };

/** `POST /instances`: Orthanc's native upload, simpler than STOW-RS multipart for one file. */
export async function uploadInstance(restUrl: string, dicom: Uint8Array): Promise<UploadResult> {
  try {
    const response = await fetch(`${restUrl}/instances`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/dicom' },
      // A copy typed on a plain ArrayBuffer, as fetch's BodyInit wants.
      body: new Uint8Array(dicom),
    });
    if (response.ok) return { ok: true };
    return { ok: false, reason: `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}` };
  } catch (error) {
    return { ok: false, reason: String(error) };
  }
}
