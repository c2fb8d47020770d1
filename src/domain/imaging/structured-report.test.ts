import { describe, expect, it } from 'vitest';
import type { DicomJsonInstance } from './dicom-json';
import { readStructuredReport } from './structured-report';
import { code, sequence, text } from './testing/dicom-json-builders';

const item = (valueType: string, concept: DicomJsonInstance | null, extra: DicomJsonInstance = {}) => ({
  '0040A010': text('CS', 'CONTAINS'),
  '0040A040': text('CS', valueType),
  ...(concept ? { '0040A043': sequence(concept) } : {}),
  ...extra,
});

const report: DicomJsonInstance = {
  '00080016': text('UI', '1.2.840.10008.5.1.4.1.1.88.33'),
  '0040A040': text('CS', 'CONTAINER'),
  '0040A043': sequence(code('18748-4', 'LN', 'Diagnostic Imaging Report')),
  '0040A491': text('CS', 'COMPLETE'),
  '0040A493': text('CS', 'UNVERIFIED'),
  '0040A730': sequence(
    item('CONTAINER', code('121070', 'DCM', 'Findings'), {
      '0040A730': sequence(
        item('TEXT', code('121071', 'DCM', 'Finding'), { '0040A160': text('UT', 'No acute abnormality.') }),
        item('NUM', code('410668003', 'SCT', 'Length'), {
          '0040A300': sequence({
            '0040A30A': text('DS', '12.5'),
            '004008EA': sequence(code('mm', 'UCUM', 'millimeter')),
          }),
        }),
        item('NUM', code('1', 'X', 'Count'), {
          '0040A300': sequence({
            '0040A30A': text('DS', 3),
            '004008EA': sequence(code('1', 'UCUM', 'no units')),
          }),
        }),
        item('PNAME', code('121008', 'DCM', 'Person Observer Name'), {
          '0040A123': { vr: 'PN', Value: [{ Alphabetic: 'DOE^JANE' }] },
        }),
        item('IMAGE', null, {
          '00081199': sequence({ '00081155': text('UI', '1.2.3.4') }),
        }),
      ),
    }),
    item('CONTAINER', code('121076', 'DCM', 'Conclusions'), {
      '0040A730': sequence(
        item('CODE', code('121077', 'DCM', 'Conclusion'), {
          '0040A168': sequence(code('17621005', 'SCT', 'Normal')),
        }),
      ),
    }),
  ),
};

describe('readStructuredReport', () => {
  it('reads the title, the flags and the content tree in words', () => {
    const sr = readStructuredReport(report);
    expect(sr).toMatchObject({
      title: 'Diagnostic Imaging Report',
      completion: 'COMPLETE',
      verification: 'UNVERIFIED',
      truncated: false,
    });
    const [findings, conclusions] = sr.content;
    expect(findings?.concept).toBe('Findings');
    expect(findings?.children.map((child) => [child.valueType, child.concept, child.value])).toEqual([
      ['TEXT', 'Finding', 'No acute abnormality.'],
      ['NUM', 'Length', '12.5 mm'],
      ['NUM', 'Count', '3'],
      ['PNAME', 'Person Observer Name', 'DOE JANE'],
      ['IMAGE', null, 'Object 1.2.3.4'],
    ]);
    expect(conclusions?.children[0]).toMatchObject({ concept: 'Conclusion', value: 'Normal' });
  });

  it('bounds a hostile tree (deep nesting) and says it was cut', () => {
    let deep: DicomJsonInstance = item('TEXT', code('x', 'X', 'Leaf'), { '0040A160': text('UT', 'leaf') });
    for (let level = 0; level < 100; level += 1) {
      deep = item('CONTAINER', code('c', 'X', `Level ${level}`), { '0040A730': sequence(deep) });
    }
    const sr = readStructuredReport({ '0040A730': sequence(deep) });
    expect(sr.truncated).toBe(true);
    let depth = 0;
    for (let node = sr.content[0]; node; node = node.children[0]) depth += 1;
    expect(depth).toBeLessThanOrEqual(24);
  });

  it('gives nulls, not errors, for junk', () => {
    expect(readStructuredReport({ '0040A730': { vr: 'SQ', Value: ['junk', 3, null] } })).toEqual({
      title: null,
      completion: null,
      verification: null,
      content: [],
      truncated: false,
    });
  });
});
