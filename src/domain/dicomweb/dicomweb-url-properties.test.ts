/**
 * Properties over arbitrary input: whatever strings a FHIR server sends, a URL that comes out of the
 * builders is well-formed, and the only way into a builder is through the checks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDicomWebBaseUrl, type DicomWebBaseUrl } from './dicomweb-base-url';
import {
  DICOM_UID_PATTERN,
  isDicomUid,
  parseSeriesInstanceUid,
  parseSopInstanceUid,
  parseStudyInstanceUid,
  type SeriesInstanceUid,
  type SopInstanceUid,
  type StudyInstanceUid,
} from './dicom-uid';
import { parseFrameNumber, type FrameNumber } from './frame-number';
import { buildIidStudyUrl } from './iid-urls';
import { buildQidoRsInstancesUrl, buildQidoRsSeriesUrl } from './qido-rs-urls';
import * as wadoRs from './wado-rs-urls';
import { buildWadoUriInstanceUrl } from './wado-uri-urls';

/** Mostly well-formed pieces, so that enough candidates pass the check for the properties to bite. */
function mostly(good: readonly string[], bad: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...bad) },
  );
}

const tricky = [
  '',
  '.',
  '..',
  '%2e',
  '%2E%2e',
  '?',
  '#',
  '@',
  ' ',
  '%',
  '\\',
  'é',
  '{}',
  'x?y=1',
  'a#b',
  'a..b',
];
const safeSegment = fc.stringMatching(/^[A-Za-z0-9\-._~!$&'()*+,;=:]{1,8}$/);
const segment = fc.oneof(
  { arbitrary: safeSegment, weight: 4 },
  { arbitrary: fc.constantFrom(...tricky), weight: 2 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
);
const baseCandidate = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        mostly(['http://', 'https://', 'HTTPS://'], ['ftp://', '', 'https:/', 'https:///']),
        mostly(['pacs.example', 'PACS.example:8042', '127.0.0.1', '[::1]', 'h%41'], ['', 'u:p@host', 'a b']),
        fc.array(segment, { maxLength: 5 }),
        mostly(['', '/', '//'], ['?q=1', '#f', '/?', '/.']),
      )
      .map(
        ([scheme, host, segments, tail]) => `${scheme}${host}${segments.map((s) => `/${s}`).join('')}${tail}`,
      ),
  },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
);
const uidComponents = fc.array(
  fc.oneof(fc.nat().map(String), fc.constantFrom('', '0', '00', 'x', '.', '/')),
  {
    minLength: 1,
    maxLength: 40,
  },
);
const uidCandidate = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }).map((parts) => parts.join('.')),
  },
  { weight: 2, arbitrary: uidComponents.map((parts) => parts.join('.')) },
  { weight: 1, arbitrary: uidComponents.map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
);

interface Checked {
  base: DicomWebBaseUrl;
  study: StudyInstanceUid;
  series: SeriesInstanceUid;
  instance: SopInstanceUid;
  frame: FrameNumber;
}

function pathOnly(url: string): string {
  return url.replace(/^https?:\/\/[^/?#]*/i, '').split('?')[0] ?? '';
}

function pathUrls({ base, study, series, instance, frame }: Checked): string[] {
  return [
    wadoRs.buildWadoRsStudyUrl(base, study),
    wadoRs.buildWadoRsSeriesUrl(base, study, series),
    wadoRs.buildWadoRsSeriesMetadataUrl(base, study, series),
    wadoRs.buildWadoRsInstanceUrl(base, study, series, instance),
    wadoRs.buildWadoRsInstanceMetadataUrl(base, study, series, instance),
    wadoRs.buildWadoRsFrameUrl(base, study, series, instance, frame),
    wadoRs.buildWadoRsFramesUrl(base, study, series, instance, [frame, frame]),
    buildQidoRsSeriesUrl(base, study),
    buildQidoRsInstancesUrl(base, study, series),
  ];
}

function queryUrls({ base, study, series, instance }: Checked): string[] {
  return [buildWadoUriInstanceUrl(base, study, series, instance), buildIidStudyUrl(base, study)];
}

function expectWellFormed(url: string, base: DicomWebBaseUrl): void {
  expect(url.startsWith(base)).toBe(true);
  expect(url).not.toContain('..');
  expect(url.replace(/^https?:\/\//i, '')).not.toContain('//');
  expect(url).not.toContain('#');
  const path = pathOnly(url);
  expect(path).not.toMatch(/[?#]/);
  // The WHATWG parser must see the very same path: nothing in it gets normalised away or re-encoded.
  expect(new URL(url).pathname).toBe(path === '' ? '/' : path);
}

describe('built URLs, whatever the input strings', () => {
  const checkAll = (b: string, s: string, r: string, i: string, n: number): void => {
    const base = parseDicomWebBaseUrl(b);
    const study = parseStudyInstanceUid(s);
    const series = parseSeriesInstanceUid(r);
    const instance = parseSopInstanceUid(i);
    const frame = parseFrameNumber(n);
    if (!base.ok || study === null || series === null || instance === null || frame === null) return;
    const checked = { base: base.url, study, series, instance, frame };
    for (const url of pathUrls(checked)) {
      expectWellFormed(url, base.url);
      expect(url).not.toContain('?');
    }
    for (const url of queryUrls(checked)) {
      expectWellFormed(url, base.url);
      expect(url.split('?')).toHaveLength(2);
      expect(url.split('?')[0]).toBe(base.url);
    }
  };

  it('never contain "..", "//" after the scheme, "#", or "?" inside the path (hostile bases)', () => {
    const uid = fc.array(fc.nat(), { minLength: 1, maxLength: 10 }).map((parts) => parts.join('.'));
    fc.assert(fc.property(baseCandidate, uid, uid, uid, fc.integer({ min: 1 }), checkAll), { numRuns: 3000 });
  });

  it('never contain "..", "//" after the scheme, "#", or "?" inside the path (hostile everything)', () => {
    fc.assert(fc.property(baseCandidate, uidCandidate, uidCandidate, uidCandidate, fc.integer(), checkAll), {
      numRuns: 3000,
    });
  });

  it('exercise accepted bases and UIDs often enough to mean something', () => {
    const accepted = fc.sample(baseCandidate, 2000).filter((raw) => parseDicomWebBaseUrl(raw).ok);
    expect(accepted.length).toBeGreaterThan(200);
    const uids = fc.sample(uidCandidate, 2000).filter((raw) => isDicomUid(raw));
    expect(uids.length).toBeGreaterThan(500);
  });

  it('never end a base URL with a slash, or contain "?", "#" or "@"', () => {
    fc.assert(
      fc.property(baseCandidate, (raw) => {
        const parsed = parseDicomWebBaseUrl(raw);
        if (!parsed.ok) return;
        expect(parsed.url).not.toMatch(/\/$|[?#@]/);
        expect(raw.startsWith(parsed.url)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the UID check and the builders agree', () => {
  it('parse accepts ⇔ the regex and length rule ⇔ a builder can be called with it', () => {
    const base = parseDicomWebBaseUrl('https://pacs.example/dicom-web');
    if (!base.ok) throw new Error(base.reason);
    fc.assert(
      fc.property(uidCandidate, (raw) => {
        const byRule = raw.length >= 1 && raw.length <= 64 && DICOM_UID_PATTERN.test(raw);
        expect(isDicomUid(raw)).toBe(byRule);
        const study = parseStudyInstanceUid(raw);
        const series = parseSeriesInstanceUid(raw);
        const instance = parseSopInstanceUid(raw);
        expect(study !== null).toBe(byRule);
        expect(series !== null).toBe(byRule);
        expect(instance !== null).toBe(byRule);
        // A branded value is the only ticket into a builder; when there is one, the UID goes in verbatim.
        if (study !== null && series !== null && instance !== null) {
          expect(wadoRs.buildWadoRsInstanceUrl(base.url, study, series, instance)).toBe(
            `https://pacs.example/dicom-web/studies/${raw}/series/${raw}/instances/${raw}`,
          );
        }
      }),
      { numRuns: 5000 },
    );
  });
});
