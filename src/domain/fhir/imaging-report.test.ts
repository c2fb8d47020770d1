import { describe, expect, it } from 'vitest';
import { readImagingReports } from './imaging-report';
import { linkReports } from './report-links';
import { presentReportStatus } from './report-status';
import { readStudyList } from './read-imaging-study';
import { createResourcePool } from './resource-pool';

const ACSN = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] };

const report = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'DiagnosticReport',
  id,
  status: 'final',
  subject: { reference: 'Patient/p1' },
  ...extra,
});
const study = (id: string, accession: string) => ({
  resourceType: 'ImagingStudy',
  id,
  identifier: [
    { system: 'urn:dicom:uid', value: `urn:oid:1.2.${id.length}` },
    { type: ACSN, value: accession },
  ],
  status: 'available',
  subject: { reference: 'Patient/p1' },
});

describe('readImagingReports', () => {
  it('reads R4 and R5 references, conclusions, performers and forms', () => {
    const pool = createResourcePool([
      report('r4', {
        imagingStudy: [{ reference: 'ImagingStudy/s1' }],
        issued: '2026-11-01T10:00:00Z',
        performer: [{ display: 'Dr Ray' }],
        conclusion: 'No acute findings.',
        conclusionCode: [{ coding: [{ code: '17621005', display: 'Normal' }] }, { text: 'Stable' }],
        presentedForm: [{ contentType: 'text/plain', data: 'SGVsbG8=', title: 'Report' }],
      }),
      report('r5', { study: [{ reference: 'https://fhir.example/ImagingStudy/s2/_history/3' }] }),
    ]);
    const [r4, r5] = readImagingReports(pool);
    expect(r4).toMatchObject({
      studyIds: ['s1'],
      issued: '2026-11-01T10:00:00Z',
      performers: ['Dr Ray'],
      conclusion: 'No acute findings.',
      conclusionCodes: ['Normal', 'Stable'],
      presentedForms: [{ contentType: 'text/plain', data: 'SGVsbG8=', title: 'Report', url: null }],
      subjectPatientId: 'p1',
    });
    expect(r5?.studyIds).toEqual(['s2']);
  });

  it('takes accession numbers from the report and from the ServiceRequest it is based on', () => {
    const pool = createResourcePool([
      report('r', {
        identifier: [{ type: ACSN, value: 'A1' }],
        basedOn: [{ reference: 'ServiceRequest/o' }],
      }),
      { resourceType: 'ServiceRequest', id: 'o', identifier: [{ type: ACSN, value: 'A2' }, { value: 'x' }] },
    ]);
    expect(readImagingReports(pool)[0]?.accessions).toEqual(['A1', 'A2']);
  });
});

describe('linkReports', () => {
  const studies = readStudyList([study('s1', 'A1'), study('s2', 'A2')]);
  const link = (...reports: Record<string, unknown>[]) =>
    linkReports(readImagingReports(createResourcePool(reports)), studies, 'p1');

  it('links by reference first, else by accession, newest first', () => {
    const linked = link(
      report('old', { imagingStudy: [{ reference: 'ImagingStudy/s1' }], issued: '2026-01-01' }),
      report('new', { imagingStudy: [{ reference: 'ImagingStudy/s1' }], issued: '2026-06-01' }),
      report('by-accession', { identifier: [{ type: ACSN, value: 'A2' }] }),
      // A reference wins over an accession that names another study.
      report('both', {
        imagingStudy: [{ reference: 'ImagingStudy/s2' }],
        identifier: [{ type: ACSN, value: 'A1' }],
      }),
    );
    expect(linked.byStudy.get('s1')?.map((item) => item.id)).toEqual(['new', 'old']);
    expect(linked.byStudy.get('s2')?.map((item) => item.id)).toEqual(['by-accession', 'both']);
    expect(linked.errors).toEqual([]);
  });

  it('drops entered-in-error quietly, and reports about another patient or none loudly', () => {
    const linked = link(
      report('error', { status: 'entered-in-error', imagingStudy: [{ reference: 'ImagingStudy/s1' }] }),
      report('other', {
        subject: { reference: 'Patient/p2' },
        imagingStudy: [{ reference: 'ImagingStudy/s1' }],
      }),
      report('nobody', { subject: undefined, imagingStudy: [{ reference: 'ImagingStudy/s1' }] }),
    );
    expect(linked.byStudy.size).toBe(0);
    expect(linked.errors).toEqual([
      'Report other is not shown: it is about another patient.',
      'Report nobody is not shown: it names no patient.',
    ]);
  });
});

describe('presentReportStatus', () => {
  it('makes preliminary unmistakable and says when a report changed', () => {
    expect(presentReportStatus('preliminary')).toMatchObject({ label: 'PRELIMINARY', tone: 'preliminary' });
    expect(presentReportStatus('amended').warning).toBe('This report was amended after it was first issued.');
    expect(presentReportStatus('final')).toEqual({ label: 'Final', tone: 'final', warning: null });
    expect(presentReportStatus('bogus').tone).toBe('other');
  });
});
