import type { Binary, DiagnosticReport, ImagingStudy, ServiceRequest } from '@medplum/fhirtypes';
import type { FhirStore } from '../fhir/fhir-store.ts';
import { minimalPdf } from '../pacs/synthetic-objects.ts';
import { DOCUMENTS_PATIENT_ID, DOCUMENTS_STUDY_ID } from './documents-patient.ts';
import { R5_STUDY_ID } from './fhir-versions-patient.ts';
import { PHANTOM_PATIENT_ID } from './sandbox-resources.ts';
import { TWO_PACS_STUDY_ID } from './sample-studies.ts';

/**
 * Radiology reports for the sandbox's studies, one of each kind the viewer must handle (all text made
 * up for the sandbox):
 *
 * - `phantom-ct`: a final report (plain text, coded conclusion) and, newer, an amended one whose text
 *   is a Binary on the FHIR server (`presentedForm.url`); and one entered in error (never shown).
 * - `phantom-ge-head-ct`: a PRELIMINARY report whose HTML carries a script, an event handler, a style
 *   and a remote image (`https://evil.example/…`): none may run or load.
 * - `documents-ct`: a final report linked only by accession number, through the ServiceRequest it is
 *   based on, with a PDF.
 * - A report about the phantom patient that references another patient's study: never shown.
 */
export const GE_HEAD_STUDY_ID = 'phantom-ge-head-ct';
export const DOCUMENTS_ACCESSION = 'SANDBOX-ACC-7';
export const HOSTILE_REPORT_ID = 'report-ge-head-preliminary';
export const EVIL_IMAGE_URL = 'https://evil.example/tracker.png';

const RADIOLOGY = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD', display: 'Radiology' }],
};
const CODE = {
  coding: [{ system: 'http://loinc.org', code: '18748-4', display: 'Diagnostic imaging study' }],
};
const ACSN = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] };
const RADIOLOGIST = { display: 'Dr Sandbox Radiologist' };

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

const report = (
  id: string,
  patient: string,
  status: DiagnosticReport['status'],
  extra: Partial<DiagnosticReport>,
): DiagnosticReport & { id: string } => ({
  resourceType: 'DiagnosticReport',
  id,
  status,
  category: [RADIOLOGY],
  code: CODE,
  subject: { reference: `Patient/${patient}` },
  performer: [RADIOLOGIST],
  ...extra,
});

export const HOSTILE_REPORT_HTML = `<h2>Findings</h2>
<p onclick="window.__reportHtmlRan = true">Preliminary read: <b>no acute intracranial abnormality</b>.</p>
<script>window.__reportHtmlRan = true;</script>
<img src="${EVIL_IMAGE_URL}" onerror="window.__reportHtmlRan = true">
<p style="background:url(${EVIL_IMAGE_URL})">Final read to follow.</p>
<link rel="stylesheet" href="https://evil.example/style.css">`;

export async function loadImagingReports(store: FhirStore): Promise<void> {
  // The documents study's accession number, on the study and on the order its report is based on.
  const documents = (await store.repo.readResource('ImagingStudy', DOCUMENTS_STUDY_ID)) as ImagingStudy & {
    id: string;
  };
  await store.put({
    ...documents,
    identifier: [...(documents.identifier ?? []), { type: ACSN, value: DOCUMENTS_ACCESSION }],
  });
  const order: ServiceRequest & { id: string } = {
    resourceType: 'ServiceRequest',
    id: 'order-documents-ct',
    status: 'completed',
    intent: 'order',
    subject: { reference: `Patient/${DOCUMENTS_PATIENT_ID}` },
    identifier: [{ type: ACSN, value: DOCUMENTS_ACCESSION }],
    code: { text: 'CT Head' },
  };
  const addendum: Binary & { id: string } = {
    resourceType: 'Binary',
    id: 'report-phantom-ct-addendum',
    contentType: 'text/plain',
    // Read under the amended report's rules (the FHIR server checks the token against it).
    securityContext: { reference: 'DiagnosticReport/report-phantom-ct-amended' },
    data: base64(
      'ADDENDUM: the localizer series is stored on a second archive; no change to the conclusion.',
    ),
  };
  const studyRef = (id: string) => ({ reference: `ImagingStudy/${id}` });
  for (const resource of [
    order,
    addendum,
    report('report-phantom-ct-final', PHANTOM_PATIENT_ID, 'final', {
      imagingStudy: [studyRef(TWO_PACS_STUDY_ID)],
      issued: '2026-10-01T09:00:00Z',
      conclusion: 'Phantom within tolerance; no artefact.',
      conclusionCode: [
        { coding: [{ system: 'http://snomed.info/sct', code: '17621005', display: 'Normal' }] },
      ],
      presentedForm: [
        {
          contentType: 'text/plain',
          title: 'Report',
          data: base64('CT PHANTOM\n\nFindings: uniform attenuation.\nConclusion: within tolerance.'),
        },
      ],
    }),
    report('report-phantom-ct-amended', PHANTOM_PATIENT_ID, 'amended', {
      imagingStudy: [studyRef(TWO_PACS_STUDY_ID)],
      issued: '2026-10-03T15:30:00Z',
      conclusion: 'Phantom within tolerance; localizer stored on a second archive.',
      presentedForm: [{ contentType: 'text/plain', title: 'Addendum', url: `Binary/${addendum.id}` }],
    }),
    report('report-phantom-ct-error', PHANTOM_PATIENT_ID, 'entered-in-error', {
      imagingStudy: [studyRef(TWO_PACS_STUDY_ID)],
      issued: '2026-10-04T08:00:00Z',
      conclusion: 'WRONG PATIENT: this report must never be shown.',
    }),
    report(HOSTILE_REPORT_ID, PHANTOM_PATIENT_ID, 'preliminary', {
      imagingStudy: [studyRef(GE_HEAD_STUDY_ID)],
      issued: '2026-10-05T11:00:00Z',
      conclusion: 'Preliminary: no acute intracranial abnormality.',
      presentedForm: [
        { contentType: 'text/html', title: 'Preliminary report', data: base64(HOSTILE_REPORT_HTML) },
      ],
    }),
    report('report-documents-by-accession', DOCUMENTS_PATIENT_ID, 'final', {
      basedOn: [{ reference: `ServiceRequest/${order.id}` }],
      issued: '2026-10-06T10:00:00Z',
      conclusion: 'Key images attached; see the structured report.',
      presentedForm: [
        {
          contentType: 'application/pdf',
          title: 'Signed report (PDF)',
          data: base64(minimalPdf('Signed report: CT Head')),
        },
      ],
    }),
    report('report-other-patients-study', PHANTOM_PATIENT_ID, 'final', {
      imagingStudy: [studyRef(R5_STUDY_ID)],
      issued: '2026-10-07T10:00:00Z',
      conclusion: 'Refers to another patient’s study: must not be linked to any of this patient’s studies.',
    }),
  ]) {
    await store.put(resource);
  }
}
