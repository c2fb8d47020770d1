import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { nginxPort, startSandboxProcess } from './sandbox-process';

/**
 * Starts the real sandbox and hands its READY info to the tests through a file named by SANDBOX_INFO_FILE
 * (not the variable itself: 2,000 series' worth of JSON is over the kernel's limit for one variable); returns the
 * teardown. Ports 44xx by default, apart from `npm start`'s 43xx so both can run at once;
 * `E2E_PORT_BASE` moves the whole block (two checkouts testing side by side).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const base = Number(process.env.E2E_PORT_BASE ?? 4400);
  const sandboxDir = `.sandbox/e2e-${base}`;
  const sandbox = await startSandboxProcess({
    portBase: base,
    sandboxDir,
    // Short-lived tokens, so the suite exercises refresh.
    env: {
      TOKEN_TTL_SECONDS: process.env.TOKEN_TTL_SECONDS ?? '20',
      // The app as the nginx recipe serves it (e2e/nginx-deployment.spec.ts) is a client of this EHR too.
      SANDBOX_REDIRECT_URIS: `http://127.0.0.1:${nginxPort(base)}/callback`,
    },
    onLine: (line) => {
      if (process.env.SANDBOX_VERBOSE) console.log(`[sandbox] ${line}`);
    },
  });
  const infoFile = resolve(join(sandboxDir, 'sandbox-info.json'));
  await writeFile(infoFile, sandbox.infoJson);
  process.env.SANDBOX_INFO_FILE = infoFile;
  return () => sandbox.stop();
}
