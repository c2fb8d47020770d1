import { describe, expect, it } from 'vitest';
import { firstMultipartPart, toInlineBinary } from './multipart-related';

const firstMultipartBody = (body: Uint8Array, contentType: string) =>
  firstMultipartPart(body, contentType).body;

const encode = (text: string) => new TextEncoder().encode(text);

describe('firstMultipartPart', () => {
  it('extracts the first part, binary included', () => {
    const body = new Uint8Array([
      ...encode('--abc\r\nContent-Type: application/octet-stream\r\n\r\n'),
      0,
      1,
      255,
      13,
      10,
      ...encode('\r\n--abc--\r\n'),
    ]);
    const part = firstMultipartBody(body, 'multipart/related; type="application/octet-stream"; boundary=abc');
    expect([...part]).toEqual([0, 1, 255, 13, 10]);
  });
  it('ends the part at the first whole delimiter, past bytes that only start like one', () => {
    // Pixels holding CR, "\r\n--ab" and an overlapping "\r\r\n--ab…" are not the delimiter.
    const pixels = [13, 13, 13, 10, 45, 45, 97, 98, 120, 13, 10, 45, 45, 97, 98, 13, 10, 45, 13];
    const body = new Uint8Array([
      ...encode('--abc\r\n\r\n'),
      ...pixels,
      ...encode('\r\n--abc\r\n\r\nsecond\r\n--abc--\r\n'),
    ]);
    expect([...firstMultipartBody(body, 'multipart/related; boundary=abc')]).toEqual(pixels);
    // A delimiter cut short by the end of the body is no delimiter: the part runs to the end.
    const truncated = new Uint8Array([...encode('--abc\r\n\r\n'), 1, 2, ...encode('\r\n--ab')]);
    expect([...firstMultipartBody(truncated, 'multipart/related; boundary=abc')]).toEqual([
      1, 2, 13, 10, 45, 45, 97, 98,
    ]);
  });
  it('accepts a quoted boundary and returns non-multipart bodies whole', () => {
    const body = encode('--b-1\r\n\r\nxy\r\n--b-1--');
    expect(new TextDecoder().decode(firstMultipartBody(body, 'multipart/related; boundary="b-1"'))).toBe(
      'xy',
    );
    expect(firstMultipartBody(encode('raw'), 'application/octet-stream')).toEqual(encode('raw'));
  });
});

describe('firstMultipartPart: the Content-Type of the part', () => {
  it('is read from the part headers, else that of the response is kept', () => {
    const body = encode(
      '--q\r\nContent-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.50\r\n\r\nxy\r\n--q--',
    );
    expect(firstMultipartPart(body, 'multipart/related; boundary=q').contentType).toBe(
      'application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.50',
    );
    expect(
      firstMultipartPart(encode('--q\r\n\r\nxy\r\n--q--'), 'multipart/related; boundary=q').contentType,
    ).toBe('multipart/related; boundary=q');
  });
});

describe('toInlineBinary', () => {
  it('is base64', () => {
    expect(toInlineBinary(new Uint8Array([0, 255, 16]))).toBe(Buffer.from([0, 255, 16]).toString('base64'));
  });
});
