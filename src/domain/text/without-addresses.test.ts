import { describe, expect, it } from 'vitest';
import { withoutAddresses } from './without-addresses';

describe('withoutAddresses', () => {
  it('replaces every URL, quoted or not, and keeps the words around it', () => {
    expect(
      withoutAddresses('400 Bad Request\nURL: https://ehr.example.org/auth/token?x=1\ninvalid_grant'),
    ).toBe('400 Bad Request\nURL: (address)\ninvalid_grant');
    expect(withoutAddresses('fetch "http://127.0.0.1:4302/.well-known/smart-configuration". boom')).toBe(
      'fetch "(address)". boom',
    );
  });

  it('leaves text without addresses alone', () => {
    expect(withoutAddresses('Cannot read properties of undefined (reading "x")')).toBe(
      'Cannot read properties of undefined (reading "x")',
    );
  });
});
