import { FrameLengthError } from '@/domain/imaging/native-frame';
import { describe, expect, it } from 'vitest';
import { ImagingHttpError } from '@/lib/imaging-http';
import { describeLoadError, httpStatusOfLoadError, loadFailureAsError } from './load-error';

/** What an XMLHttpRequest looks like to this code: `status` is a getter on its prototype. */
class FakeXhr {
  constructor(private readonly code: number) {}
  get status(): number {
    return this.code;
  }
}

describe('httpStatusOfLoadError', () => {
  it.each([
    ['an XMLHttpRequest', new FakeXhr(404), 404],
    ['{ request }', { request: new FakeXhr(500) }, 500],
    ['{ xhr }', { xhr: new FakeXhr(415) }, 415],
    ['a plain object with a status', { status: 406 }, 406],
    ['an Error carrying a status', Object.assign(new Error('no'), { status: 400 }), 400],
    ["a wrapper's own status before its request's", { status: 503, request: new FakeXhr(500) }, 503],
    ['a wrapper of a wrapper', { request: { xhr: new FakeXhr(401) } }, 401],
  ])('finds the status of %s', (_, cause, status) => {
    expect(httpStatusOfLoadError(cause)).toBe(status);
  });

  it.each([
    ['status 0 (network failure, abort)', new FakeXhr(0)],
    ['a wrapper of status 0', { request: new FakeXhr(0) }],
    ['an Error', new Error('decode failed')],
    ['a string', 'failed'],
    ['undefined', undefined],
    ['null', null],
    ['a non-numeric status', { status: '500' }],
  ])('finds none in %s', (_, cause) => {
    expect(httpStatusOfLoadError(cause)).toBeNull();
  });

  it('looks past a request without a status to the xhr', () => {
    expect(httpStatusOfLoadError({ request: {}, xhr: new FakeXhr(502) })).toBe(502);
  });

  it('stops on an object that wraps itself', () => {
    const cyclic: { request?: unknown } = {};
    cyclic.request = { request: cyclic };
    expect(httpStatusOfLoadError(cyclic)).toBeNull();
  });
});

describe('describeLoadError', () => {
  it('names the HTTP status when the server answered', () => {
    expect(describeLoadError({ request: new FakeXhr(400) })).toBe(
      'The image server could not deliver this image (HTTP 400).',
    );
  });

  it('says loaded or decoded otherwise', () => {
    expect(describeLoadError(new Error('codec'))).toBe('This image could not be loaded or decoded.');
    expect(describeLoadError(new FakeXhr(0))).toBe('This image could not be loaded or decoded.');
  });

  it("gives the imaging door's words when the server never answered", () => {
    const timeout = new ImagingHttpError(
      'The image server at https://pacs.example.org did not answer within 30 s.',
      null,
    );
    expect(describeLoadError(timeout)).toBe(timeout.message);
    expect(describeLoadError(new ImagingHttpError('refused', 403))).toBe(
      'The image server could not deliver this image (HTTP 403).',
    );
  });
});

describe('describeLoadError for a frame of the wrong size', () => {
  it('says truncated, with the byte counts', () => {
    expect(describeLoadError(new FrameLengthError(100, 200))).toMatch(
      /truncated \(100 bytes where its size says 200\)/,
    );
  });
});

describe('loadFailureAsError', () => {
  it('keeps an Error as it is', () => {
    const error = new Error('metadata');
    expect(loadFailureAsError(error)).toBe(error);
  });

  it('puts a plain sentence on anything else', () => {
    expect(loadFailureAsError({ request: new FakeXhr(404) }).message).toBe(
      'The image could not be loaded from the image server.',
    );
  });
});
