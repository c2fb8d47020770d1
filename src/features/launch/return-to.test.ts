import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './return-to';

const ORIGIN = 'https://viewer.example.org';

describe('sameOriginPath', () => {
  it.each([
    ['/viewer?StudyInstanceUIDs=1.2.3', '/viewer?StudyInstanceUIDs=1.2.3'],
    ['/', '/'],
    [
      '/viewer?StudyInstanceUIDs=1.2.3&SeriesInstanceUID=4.5#x',
      '/viewer?StudyInstanceUIDs=1.2.3&SeriesInstanceUID=4.5#x',
    ],
    ['/viewer?q=a%20b', '/viewer?q=a%20b'],
    ['/studies/a%20b', '/studies/a%20b'],
  ])('keeps the same-origin path %j', (path, kept) => {
    expect(sameOriginPath(path, ORIGIN)).toBe(kept);
  });

  it.each([
    ['a backslash authority', '/\\evil.example/x'],
    ['two backslashes', '\\\\evil.example/x'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a protocol-relative URL with three slashes', '///evil.example/x'],
    ['a percent-encoded backslash', '/%5Cevil.example/x'],
    ['a percent-encoded lower-case backslash', '/%5cevil.example'],
    ['a percent-encoded slash', '/%2F/evil.example'],
    ['a tab inside the slashes', '/\t/evil.example'],
    ['a newline inside the slashes', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a leading space', ' //evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['JavaScript: in capitals', 'JAVASCRIPT:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['another origin, absolute', 'https://evil.example/viewer'],
    ['this host on another port', 'https://viewer.example.org:8443/viewer'],
    ['this host over http', 'http://viewer.example.org/viewer'],
    ['a relative path', 'viewer?StudyInstanceUIDs=1'],
    ['user info', '//user@evil.example'],
    ['an empty string', ''],
    ['a broken escape', '/%E0%A4%A'],
  ])('refuses %s', (_, path) => {
    expect(sameOriginPath(path, ORIGIN)).toBeNull();
  });
});
