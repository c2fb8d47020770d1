import { z } from 'zod';

/**
 * zod for the app, jitless. zod v4 compiles object parsers with `new Function` and, to know whether it
 * may, probes with one: under the deployment's Content-Security-Policy (no `unsafe-eval`) that probe is
 * reported as a violation even though zod catches it. The setting is read when a schema is built, so it
 * must run before any module defines one: every schema imports `z` from here (lint enforces it), and
 * this module's body runs before theirs.
 */
z.config({ jitless: true });

export { z };
