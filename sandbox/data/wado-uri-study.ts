import { join, sep } from 'node:path';
import type { Endpoint, ImagingStudy } from '@medplum/fhirtypes';
import type { DicomFile } from '../pacs/dicom-files.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { endpointId, PHANTOM_PATIENT_ID } from './sandbox-resources.ts';
import type { PacsTarget, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';
import { reidentify } from './reidentify.ts';
import { asPatient, PHANTOM_DICOM_PATIENT } from './sample-studies.ts';

/**
 * A study the EHR says only WADO-URI serves: eight slices of the Philips phantom's axial series (new
 * UIDs, same pixels), in pacs-a, whose ImagingStudy names one Endpoint of type `dicom-wado-uri`
 * (pacs-a's gateway at `{dicom-web}/wado`, Orthanc's `/wado`) and no WADO-RS. The viewer can then
 * neither ask for metadata nor frames: it must fetch each instance whole. A second series holds one
 * multi-frame MR file (pydicom's emri_small, 10 frames, filed under the phantom's DICOM patient):
 * WADO-URI gives a viewer its first frame, and the viewport must say the others are not shown.
 */
export const WADO_URI_STUDY_ID = 'phantom-wado-uri';
export const WADO_URI_ENDPOINT_ID = 'pacs-a-wado-uri';
const SLICES = 8;

export function wadoUriEndpoint(address: string): Endpoint & { id: string } {
  return {
    resourceType: 'Endpoint',
    id: WADO_URI_ENDPOINT_ID,
    status: 'active',
    connectionType: {
      system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type',
      code: 'dicom-wado-uri',
    },
    name: 'Sandbox PACS A, WADO-URI (needs the access token)',
    payloadType: [{ text: 'DICOM' }],
    payloadMimeType: ['application/dicom'],
    address,
  };
}

export async function loadWadoUriStudy(
  dicomDir: string,
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  readFiles: (dir: string) => Promise<DicomFile[]>,
  warn: Warn,
): Promise<StudyInfo[]> {
  const pacsA = (await store.repo.readResource('Endpoint', endpointId('a'))) as Endpoint;
  await store.put(wadoUriEndpoint(`${pacsA.address}/wado`));
  const seed = `sandbox:${WADO_URI_STUDY_ID}`;
  const slices = (await readFiles(join(dicomDir, 'dcm_qa_ct-philips-S21570')))
    .filter((file) => file.name.split(sep)[0] === 'S2010')
    .slice(0, SLICES)
    .map((file) => reidentify(file, seed, `${seed}:axial`));
  const multiFrame = (await readFiles(join(dicomDir, 'pydicom-data-multiframe-color')))
    .filter((file) => file.name === 'emri_small.dcm')
    .map((file) => asPatient(reidentify(file, seed, `${seed}:multi-frame`), PHANTOM_DICOM_PATIENT, warn))
    .map((file) => ({
      ...file,
      summary: { ...file.summary, seriesDescription: 'Multi-frame MR (10 frames in one file)' },
    }));
  const study = await loadStudy(
    {
      id: WADO_URI_STUDY_ID,
      patientId: PHANTOM_PATIENT_ID,
      files: [...slices, ...multiFrame],
      studyPacs: 'a',
      description: 'CT Head, served by WADO-URI only',
    },
    pacs,
    store,
    warn,
  );
  if (!study) return [];
  const stored = (await store.repo.readResource('ImagingStudy', WADO_URI_STUDY_ID)) as ImagingStudy & {
    id: string;
  };
  await store.put({ ...stored, endpoint: [{ reference: `Endpoint/${WADO_URI_ENDPOINT_ID}` }] });
  return [study];
}
