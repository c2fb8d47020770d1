import HttpError from 'fhirclient/lib/HttpError';
import { describe, expect, it } from 'vitest';
import { LaunchError, toLaunchError } from './launch-error';

const TOKEN_URL = 'https://ehr.example.org/auth/token';

/** fhirclient's own error for a refused token request, as its `request` builds it. */
async function fhirclientTokenError(status: number, body: unknown): Promise<HttpError> {
  const response = Response.json(body, { status, statusText: 'Bad Request' });
  Object.defineProperty(response, 'url', { value: TOKEN_URL });
  return new HttpError(response).parse();
}

describe('toLaunchError', () => {
  it('says a refused code exchange in words, without the token endpoint’s URL', async () => {
    const raw = await fhirclientTokenError(400, {
      error: 'invalid_grant',
      error_description: 'code already used',
    });
    expect(raw.message).toContain(TOKEN_URL);
    const error = toLaunchError(raw, 'token-failed');
    expect(error.kind).toBe('token-failed');
    expect(error.message).toMatch(/did not accept this sign-in/);
    expect(error.detail).toBe('HTTP 400, invalid_grant');
    expect(`${error.message} ${error.detail}`).not.toContain('ehr.example.org');
  });

  it('says an unknown client, and any other refusal, in words', async () => {
    expect(
      toLaunchError(await fhirclientTokenError(401, { error: 'invalid_client' }), 'token-failed').message,
    ).toMatch(/does not recognise this viewer/);
    const other = toLaunchError(await fhirclientTokenError(403, { message: 'nope' }), 'token-failed');
    expect(other.message).toBe('The EHR’s sign-in service refused the request.');
    expect(other.detail).toBe('HTTP 403');
    const broken = toLaunchError(await fhirclientTokenError(502, {}), 'token-failed');
    expect(broken.message).toBe('The EHR’s sign-in service had an error.');
  });

  it('says an unreachable EHR in words', () => {
    expect(toLaunchError(new TypeError('Failed to fetch'), 'token-failed').message).toBe(
      'The EHR could not be reached.',
    );
    const wellKnown = toLaunchError(
      new Error(`Failed to fetch the well-known json "${TOKEN_URL}/.well-known/smart-configuration". boom`),
      'token-failed',
    );
    expect(wellKnown.message).toBe('The EHR could not be reached.');
    expect(wellKnown.detail).toBe('Failed to fetch the well-known json "(address)". boom');
  });

  it('says a callback opened without a sign-in in progress in words', () => {
    const error = toLaunchError(
      new Error("No 'state' parameter found. Please (re)launch the app."),
      'token-failed',
    );
    expect(error.kind).toBe('no-session');
    expect(error.message).toMatch(/without a sign-in in progress/);
  });

  it('keeps anything else as a detail, its addresses removed', () => {
    const error = toLaunchError(new Error(`Unexpected token '<' reading ${TOKEN_URL}?x=1`), 'token-failed');
    expect(error.message).toBe('The sign-in could not be completed.');
    expect(error.detail).toBe("Unexpected token '<' reading (address)");
  });

  it('passes its own errors through', () => {
    const own = new LaunchError('no-patient', 'The EHR launched the viewer without a patient in context.');
    expect(toLaunchError(own, 'token-failed')).toBe(own);
  });
});
