import { nginxPort, startSandboxProcess } from './sandbox-process';

/**
 * Starts the real sandbox and hands its READY info to the tests through SANDBOX_INFO; returns the
 * teardown. Ports 44xx by default, apart from `npm start`'s 43xx so both can run at once;
 * `E2E_PORT_BASE` moves the whole block (two checkouts testing side by side).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const base = Number(process.env.E2E_PORT_BASE ?? 4400);
  const sandbox = await startSandboxProcess({
    portBase: base,
    sandboxDir: `.sandbox/e2e-${base}`,
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
  process.env.SANDBOX_INFO = sandbox.infoJson;
  return () => sandbox.stop();
}
