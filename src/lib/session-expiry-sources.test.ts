/**
 * Every door that can find the session ended reports it to the one `SessionExpiry`: the FHIR GET and
 * the imaging door (through its authorization provider, which frames use too).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchImagingBytes } from './imaging-http';
import { SessionExpiredError } from './session-expired-error';
import { createTestSession, stubNetwork, TEST_FHIR_BASE, TEST_TOKEN_URI } from './testing/test-session';

const PACS = 'https://pacs.example.org';
const frameUrl = `${PACS}/dicom-web/studies/1/series/2/instances/3/frames/1`;

afterEach(() => vi.unstubAllGlobals());

describe('the session ends for the whole app, whoever finds out', () => {
  it('an image request whose renewal the EHR refuses', async () => {
    const seen = stubNetwork(
      [
        [(url) => url === TEST_TOKEN_URI, () => Response.json({ error: 'invalid_grant' }, { status: 400 })],
        [(url) => url.startsWith(PACS), () => new Response('', { status: 401 })],
      ],
      vi.stubGlobal,
    );
    const session = createTestSession({ imagingTokenOrigins: [PACS] });
    const ended = vi.fn();
    session.expiry.subscribe(ended);
    const frame = fetchImagingBytes(frameUrl, { accept: '*/*', authorizationFor: session.authorizationFor });
    await expect(frame).rejects.toBeInstanceOf(SessionExpiredError);
    expect(ended).toHaveBeenCalledTimes(1);

    // Nothing more leaves with the refused session, FHIR included.
    const sent = seen.length;
    await expect(session.fhirGet('Patient/p1')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(seen).toHaveLength(sent);
  });

  it('not an image server that refuses a renewed token: that server said no, not the EHR', async () => {
    stubNetwork(
      [
        [(url) => url === TEST_TOKEN_URI, () => Response.json({ access_token: 'token-2', expires_in: 300 })],
        [(url) => url.startsWith(PACS), () => new Response('', { status: 401 })],
      ],
      vi.stubGlobal,
    );
    const session = createTestSession({ imagingTokenOrigins: [PACS] });
    const frame = fetchImagingBytes(frameUrl, { accept: '*/*', authorizationFor: session.authorizationFor });
    await expect(frame).rejects.toThrow(`The image server at ${PACS} refused access (HTTP 401).`);
    expect(session.expiry.hasEnded()).toBe(false);
  });

  it('a FHIR GET whose renewed token is refused too', async () => {
    stubNetwork(
      [
        [(url) => url === TEST_TOKEN_URI, () => Response.json({ access_token: 'token-2', expires_in: 300 })],
        [(url) => url.startsWith(TEST_FHIR_BASE), () => new Response('', { status: 401 })],
      ],
      vi.stubGlobal,
    );
    const session = createTestSession();
    await expect(session.fhirGet('Patient/p1')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(session.expiry.hasEnded()).toBe(true);
  });
});
