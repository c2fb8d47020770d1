import { sandboxOptionsFromEnv } from './sandbox-options.ts';
import { startSandbox } from './start-sandbox.ts';

/** `npm run sandbox`: start everything, print one READY line (tests parse it), stop cleanly on signals. */
async function main(): Promise<void> {
  const options = sandboxOptionsFromEnv(process.env);
  const sandbox = await startSandbox(options);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.error(`[sandbox] ${signal}: stopping`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[sandbox] stop failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  console.log(`SANDBOX READY ${JSON.stringify(sandbox.info)}`);
}

main().catch((error: unknown) => {
  console.error(`[sandbox] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
