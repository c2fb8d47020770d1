import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAppConfig } from '@/config/app-config';
import { authorizeSmart } from '@/lib/smart-client';
import { startEhrLaunch, startStandaloneLaunch } from './start-launch';

// fhirclient's browser build does not load under node: its discovery fetch is stood in for by a plain one.
vi.mock('@/lib/smart-client', () => ({
  authorizeSmart: vi.fn(() => Promise.resolve()),
  fetchSmartConfigurationJson: (iss: string) =>
    fetch(`${iss.replace(/\/*$/, '/')}.well-known/smart-configuration`).then((response) => response.json()),
}));

const config = parseAppConfig({
  clientId: 'imaging-viewer',
  issuers: [
    {
      iss: 'https://launcher.example.org/v/r4/fhir',
      standaloneIss: 'https://launcher.example.org/v/r4/sim/eyJ9/fhir',
      name: 'SMART launcher',
    },
  ],
});
const [issuer] = config.issuers;

describe('the issuer a launch goes to', () => {
  const asked: string[] = [];
  afterEach(() => {
    asked.length = 0;
    vi.unstubAllGlobals();
    vi.mocked(authorizeSmart).mockClear();
  });

  function stubSmartConfiguration() {
    vi.stubGlobal('fetch', (url: string) => {
      asked.push(url);
      return Promise.resolve(Response.json({ capabilities: ['permission-v2'] }));
    });
    vi.stubGlobal('window', { location: { origin: 'https://viewer.example.org' } });
    vi.stubGlobal('sessionStorage', { setItem: vi.fn(), removeItem: vi.fn() });
  }

  it('is standaloneIss for a standalone launch (sign in again, the start page)', async () => {
    stubSmartConfiguration();
    if (!issuer) throw new Error('no issuer');
    await startStandaloneLaunch(config, issuer, null);
    expect(asked).toEqual([
      'https://launcher.example.org/v/r4/sim/eyJ9/fhir/.well-known/smart-configuration',
    ]);
    expect(vi.mocked(authorizeSmart).mock.calls[0]?.[0]).toMatchObject({
      iss: 'https://launcher.example.org/v/r4/sim/eyJ9/fhir',
      redirectUri: 'https://viewer.example.org/callback',
    });
  });

  it('stays the iss the EHR sent for an EHR launch', async () => {
    stubSmartConfiguration();
    await startEhrLaunch(config, '?iss=https://launcher.example.org/v/r4/fhir&launch=abc');
    expect(vi.mocked(authorizeSmart).mock.calls[0]?.[0]).toMatchObject({
      iss: 'https://launcher.example.org/v/r4/fhir',
      launch: 'abc',
    });
  });
});
