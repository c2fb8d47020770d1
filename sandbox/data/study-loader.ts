import type { Endpoint, Reference } from '@medplum/fhirtypes';
import type { DicomFile } from '../pacs/dicom-files.ts';
import { deriveImagingStudy } from '../pacs/dicom-to-imaging-study.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import { uploadInstance } from '../pacs/orthanc-process.ts';
import type { PacsKey, StudyInfo } from '../sandbox-info.ts';
import { endpointId } from './sandbox-resources.ts';

export interface PacsTarget {
  readonly key: PacsKey;
  /** Orthanc's REST root (uploads go straight to Orthanc, not through the gateway). */
  readonly restUrl: string;
}

export interface StudyPlan {
  readonly id: string;
  readonly patientId: string;
  readonly files: readonly DicomFile[];
  /** Which PACS stores a file; default: the study's PACS. */
  readonly pacsOf?: (file: DicomFile) => PacsKey;
  readonly studyPacs: PacsKey;
  readonly description?: string;
}

export type Warn = (message: string) => void;

const UPLOAD_CONCURRENCY = 4;

async function uploadAll(
  files: readonly DicomFile[],
  restUrlOf: (file: DicomFile) => string,
  warn: Warn,
): Promise<DicomFile[]> {
  const stored: DicomFile[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++];
      if (!file) return;
      const result = await uploadInstance(restUrlOf(file), file.bytes);
      if (result.ok) stored.push(file);
      else warn(`PACS rejected ${file.name}: ${result.reason} (left out of the FHIR data)`);
    }
  };
  await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
  return stored;
}

const reference = (pacs: PacsKey): Reference<Endpoint> => ({ reference: `Endpoint/${endpointId(pacs)}` });

/**
 * Stores a study's files in the PACS and then describes, in FHIR, exactly what was stored: a file the
 * PACS rejects is left out, so FHIR never promises images that are not there.
 */
export async function loadStudy(
  plan: StudyPlan,
  pacs: Readonly<Record<PacsKey, PacsTarget>>,
  store: FhirStore,
  warn: Warn,
): Promise<StudyInfo | undefined> {
  const pacsOf = plan.pacsOf ?? (() => plan.studyPacs);
  const stored = await uploadAll(plan.files, (file) => pacs[pacsOf(file)].restUrl, warn);
  if (stored.length === 0) {
    warn(`ImagingStudy/${plan.id}: no file was stored, study skipped`);
    return undefined;
  }
  const seriesPacs = new Map<string, PacsKey>(
    stored.map((file) => [file.summary.seriesInstanceUid, pacsOf(file)]),
  );
  const seriesEndpoints = new Map<string, Reference<Endpoint>>();
  for (const [uid, key] of seriesPacs) {
    if (key !== plan.studyPacs) seriesEndpoints.set(uid, reference(key));
  }
  const study = deriveImagingStudy(
    stored.map((file) => file.summary),
    {
      id: plan.id,
      subject: { reference: `Patient/${plan.patientId}` },
      endpoint: reference(plan.studyPacs),
      seriesEndpoints,
      ...(plan.description ? { description: plan.description } : {}),
    },
  );
  await store.put(study);
  return {
    id: plan.id,
    patient: plan.patientId,
    studyInstanceUid: stored[0]?.summary.studyInstanceUid ?? '',
    ...(study.description ? { description: study.description } : {}),
    pacs: plan.studyPacs,
    series: (study.series ?? []).map((series) => ({
      uid: series.uid,
      ...(series.number !== undefined ? { number: series.number } : {}),
      ...(series.description ? { description: series.description } : {}),
      modality: series.modality.code ?? 'OT',
      instances: series.numberOfInstances ?? 0,
      pacs: seriesPacs.get(series.uid) ?? plan.studyPacs,
    })),
  };
}
