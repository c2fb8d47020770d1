import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAppConfig } from '@/config/app-config';
import { carryAppConfig, takeCarriedAppConfig } from './carried-app-config';

const config = parseAppConfig({
  clientId: 'imaging-viewer',
  issuers: [{ iss: 'https://ehr.example.org/fhir', name: 'EHR' }],
});

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('the configuration carried across the authorization redirect', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('is found once by the next page of the tab, then read from the server again', () => {
    carryAppConfig(config);
    expect(takeCarriedAppConfig()).toEqual(config);
    expect(takeCarriedAppConfig()).toBeNull();
  });

  it('is not there when the tab launched nothing', () => {
    expect(takeCarriedAppConfig()).toBeNull();
  });

  it('is ignored (and dropped) when what is stored is not a valid configuration', () => {
    sessionStorage.setItem('imaging-viewer:app-config', JSON.stringify({ clientId: '' }));
    expect(takeCarriedAppConfig()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
