import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, never a downloaded one; the flags keep it from calling out on a closed network
 * (without them it stalls on refused background connections).
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
