import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchSmartConfigurationJson } from '@/lib/smart-client';
import { carriedSmartConfiguration, getSmartConfiguration } from './get-smart-configuration';

vi.mock('@/lib/smart-client', () => ({ fetchSmartConfigurationJson: vi.fn() }));

const ISS = 'https://ehr.example.org/fhir';
const discovery = {
  token_endpoint: 'https://ehr.example.org/token',
  capabilities: ['permission-v2'],
  associated_endpoints: [{ url: 'https://pacs.example.org/dicomweb', capabilities: [] }],
};

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('the SMART configuration, read once per launch', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.mocked(fetchSmartConfigurationJson).mockReset();
  });

  it('is carried to the callback for the same server, whatever its trailing slash', async () => {
    vi.mocked(fetchSmartConfigurationJson).mockResolvedValue(discovery);
    await getSmartConfiguration(`${ISS}/`);
    expect(carriedSmartConfiguration(ISS)).toEqual(discovery);
    expect(carriedSmartConfiguration(`${ISS}/`)).toEqual(discovery);
  });

  it('is not used for another server', async () => {
    vi.mocked(fetchSmartConfigurationJson).mockResolvedValue(discovery);
    await getSmartConfiguration(ISS);
    expect(carriedSmartConfiguration('https://other.example.org/fhir')).toBeNull();
  });

  it('says which HTTP status the server answered with', async () => {
    vi.mocked(fetchSmartConfigurationJson).mockRejectedValue(
      Object.assign(new Error('404'), { status: 404 }),
    );
    await expect(getSmartConfiguration(ISS)).rejects.toThrow(
      "The FHIR server's SMART configuration could not be read (HTTP 404).",
    );
    expect(carriedSmartConfiguration(ISS)).toBeNull();
  });

  it('keeps a network failure as the fetch reported it (the launch puts it into words)', async () => {
    const failure = new TypeError('Failed to fetch');
    vi.mocked(fetchSmartConfigurationJson).mockRejectedValue(failure);
    await expect(getSmartConfiguration(ISS)).rejects.toBe(failure);
  });

  it('refuses a document that is not a SMART configuration, and carries nothing', async () => {
    vi.mocked(fetchSmartConfigurationJson).mockResolvedValue({ capabilities: 'all' });
    await expect(getSmartConfiguration(ISS)).rejects.toThrow('not valid');
    expect(carriedSmartConfiguration(ISS)).toBeNull();
  });
});
