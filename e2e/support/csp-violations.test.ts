import { describe, expect, it } from 'vitest';
import { isPolicyRefusingOffMachineServer, parseConsoleReport } from './csp-violations';

const CONNECT =
  "Connecting to 'https://pacs.hospital.org/wado-rs/studies/1/metadata' violates the following Content Security Policy directive: \"connect-src 'self' http://127.0.0.1:5201\". The action has been blocked.";
const FETCH =
  "Fetch API cannot load http://127.0.0.1:9999/x. Refused to connect because it violates the document's Content Security Policy.";
const EVAL =
  "Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive: \"script-src 'self' 'wasm-unsafe-eval'\".";

describe('CSP violation reports', () => {
  it("reads the directive and the blocked URL from Chromium's console sentences", () => {
    expect(parseConsoleReport(CONNECT)).toEqual({
      directive: 'connect-src',
      blocked: 'https://pacs.hospital.org/wado-rs/studies/1/metadata',
    });
    expect(parseConsoleReport(FETCH)).toEqual({
      directive: 'connect-src',
      blocked: 'http://127.0.0.1:9999/x',
    });
    expect(parseConsoleReport(EVAL)).toEqual({ directive: 'script-src', blocked: null });
  });

  it('expects only refused connections to servers off this machine', () => {
    const violation = (text: string) => ({
      where: 'http://127.0.0.1:5200/',
      what: text,
      ...parseConsoleReport(text),
    });
    expect(isPolicyRefusingOffMachineServer(violation(CONNECT))).toBe(true);
    expect(isPolicyRefusingOffMachineServer(violation(FETCH))).toBe(false);
    expect(isPolicyRefusingOffMachineServer(violation(EVAL))).toBe(false);
    expect(
      isPolicyRefusingOffMachineServer({
        where: '',
        what: '',
        directive: 'script-src',
        blocked: 'https://cdn.example/x.js',
      }),
    ).toBe(false);
    expect(
      isPolicyRefusingOffMachineServer({ where: '', what: '', directive: 'connect-src', blocked: 'inline' }),
    ).toBe(false);
  });
});
