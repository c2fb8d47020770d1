/**
 * Files grouped by their UIDs → the viewer's one study model (domain/fhir/study.ts), so a study from
 * disk is shown by the same viewer as one from a PACS: same series panel, tools, layouts, overlay,
 * identity check and lossy marker. A local series has no image server: its key
 * (`local-files:<opening>/<series UID>`) tells the viewer to take its stack from the files.
 */
import {
  parseSeriesInstanceUid,
  parseSopInstanceUid,
  parseStudyInstanceUid,
} from '@/domain/dicomweb/dicom-uid';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import { fhirDateTimeOf } from '@/domain/dicom-files/dicom-date-time';
import type { DicomFileSummary } from '@/domain/dicom-files/dicom-file-summary';
import type { DicomStudyGroup } from '@/domain/dicom-files/group-dicom-files';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study, StudySeries } from '@/domain/fhir/study';
import { LOCAL_SERIES_PREFIX } from '@/lib/local-series';
import { fhirDateOf } from '@/domain/dicom-files/dicom-date-time';

export function localSeriesKeyOf(opening: number, seriesUid: string): SeriesKey {
  return `${LOCAL_SERIES_PREFIX}${opening}/${seriesUid}` as SeriesKey;
}

export function localStudyOf(group: DicomStudyGroup, opening: number): Study {
  const first = group.series[0]?.instances[0];
  const studyUid = parseStudyInstanceUid(group.uid);
  const series = group.series.map((item) => localSeriesOf(item.uid, item.instances, opening));
  const modalities = [...new Set(series.flatMap((item) => (item.modality ? [item.modality] : [])))];
  return {
    key: `local:${opening}:${group.uid}`,
    id: null,
    studyInstanceUid: studyUid,
    started: first ? fhirDateTimeOf(first.studyDate, first.studyTime, first.timezoneOffset) : null,
    startedInvalid: first?.studyDate && !fhirDateOf(first.studyDate) ? first.studyDate : null,
    modalities,
    description: first?.studyDescription ?? null,
    procedure: null,
    accession: first?.accessionNumber ?? null,
    numberOfSeries: series.length,
    numberOfInstances: series.reduce((sum, item) => sum + item.instances.length, 0),
    status: 'available',
    availability: null,
    referrer: null,
    bodySites: [],
    encounterId: null,
    wadoRs: null,
    iid: null,
    errors: studyUid ? [] : [`The files' Study Instance UID "${group.uid}" is not a valid UID.`],
    series,
    unavailableReason: studyUid ? null : 'These files have no valid Study Instance UID.',
  };
}

function localSeriesOf(uid: string, instances: readonly DicomFileSummary[], opening: number): StudySeries {
  const first = instances[0];
  const seriesUid = parseSeriesInstanceUid(uid);
  return {
    uid: seriesUid,
    rawUid: uid,
    key: seriesUid ? localSeriesKeyOf(opening, seriesUid) : null,
    number: first?.seriesNumber ?? null,
    modality: first?.modality ?? null,
    description: first?.seriesDescription ?? null,
    wadoRs: null,
    wadoUri: null,
    availability: null,
    metadataUrl: null,
    errors: seriesUid ? [] : [`Series Instance UID "${uid}" is not a valid UID.`],
    instances: instances.map((instance) => ({
      uid: parseSopInstanceUid(instance.sopInstanceUid),
      rawUid: instance.sopInstanceUid,
      number: instance.instanceNumber,
      sopClassUid: instance.sopClassUid,
      wadoRsUrl: null,
      wadoUriUrl: null,
      errors: [],
    })),
  };
}

/**
 * Outside a session there is no chart: the patient the study's first file names is the one its other
 * files are checked against (the header says it comes from the files).
 */
export function patientOfFiles(file: DicomFileSummary | undefined): PatientIdentity {
  const [family = '', ...given] = (file?.patientName ?? '').split('^').map((part) => part.trim());
  const givens = given.slice(0, 2).filter(Boolean).join(' ');
  const name =
    family && givens ? `${family.toUpperCase()}, ${givens}` : family.toUpperCase() || givens || null;
  return {
    id: null,
    name,
    mrn: file?.patientId ?? null,
    birthDate: fhirDateOf(file?.patientBirthDate ?? null),
    gender: { M: 'male', F: 'female', O: 'other' }[file?.patientSex?.trim().toUpperCase() ?? ''] ?? null,
  };
}
