import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from './zod';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('zod for the app', () => {
  it('never compiles code with Function (no unsafe-eval under the CSP), building or parsing', () => {
    const compile = vi.spyOn(globalThis, 'Function');
    const schema = z.object({ clientId: z.string(), issuers: z.array(z.object({ iss: z.url() })) });
    const config = { clientId: 'viewer', issuers: [{ iss: 'https://ehr.example/fhir' }] };
    for (let i = 0; i < 3; i += 1) expect(schema.parse(config)).toEqual(config);
    expect(compile).not.toHaveBeenCalled();
  });
});
