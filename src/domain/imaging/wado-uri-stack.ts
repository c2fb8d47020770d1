import { buildWadoUriImageId } from '../dicomweb/image-ids';
import type { StudyInstance, StudySeries } from '../fhir/study';
import { DicomTag, type DicomJsonInstance } from './dicom-json';
import { describeLeftOutInstances } from './left-out-instances';
import type { StackOrderNote } from './stack-order';

/** One image of a WADO-URI stack: Cornerstone's image id and what FHIR says of its instance. */
export interface WadoUriImage {
  imageId: string;
  metadata: DicomJsonInstance;
}

const BY_INSTANCE_NUMBER: StackOrderNote = {
  brief: 'by instance number',
  sentence: 'By instance number; positions unknown until loaded.',
};
const AS_LISTED: StackOrderNote = {
  brief: 'in the record’s order',
  sentence: 'In the record’s order (no instance numbers); positions unknown until loaded.',
};

/**
 * A WADO-URI series' stack, built from the instances its ImagingStudy lists, since WADO-URI has no
 * metadata service to ask: one image per instance (its first frame), by Instance Number, then in the
 * record's order. The instance's own metadata (positions included) arrives with its file; until then
 * the viewer knows of each image what FHIR says (DICOM JSON made from it, for the overlay and the
 * SOP class).
 */
export function wadoUriStackOf(
  series: Pick<StudySeries, 'uid' | 'instances' | 'modality' | 'number' | 'description'>,
): {
  images: WadoUriImage[];
  leftOut: string | null;
  /** Null for a single image: there is no order to speak of. */
  order: StackOrderNote | null;
} {
  const usable = series.instances
    .map((instance, index) => ({ instance, index }))
    .filter(
      (entry): entry is { instance: StudyInstance & { uid: string; wadoUriUrl: string }; index: number } =>
        Boolean(entry.instance.uid && entry.instance.wadoUriUrl),
    );
  usable.sort(
    (a, b) =>
      (a.instance.number ?? Number.MAX_SAFE_INTEGER) - (b.instance.number ?? Number.MAX_SAFE_INTEGER) ||
      a.index - b.index,
  );
  const images = usable.map(({ instance }) => ({
    imageId: buildWadoUriImageId(instance.wadoUriUrl),
    metadata: dicomJsonOfListedInstance(series, instance),
  }));
  // No server describes anything here: the record's own instances without a UID are what is left out.
  const counts = { listed: series.instances.length, described: images.length, usable: images.length };
  const numbered = usable.some(({ instance }) => instance.number !== null);
  return {
    images,
    leftOut: describeLeftOutInstances(counts),
    order: images.length < 2 ? null : numbered ? BY_INSTANCE_NUMBER : AS_LISTED,
  };
}

/** What the ImagingStudy says of one instance, as the DICOM JSON the viewer reads. */
function dicomJsonOfListedInstance(
  series: Pick<StudySeries, 'uid' | 'modality' | 'number' | 'description'>,
  instance: StudyInstance & { uid: string },
): DicomJsonInstance {
  const json: Record<string, { vr: string; Value: (string | number)[] }> = {
    [DicomTag.SopInstanceUid]: { vr: 'UI', Value: [instance.uid] },
  };
  if (series.uid) json[DicomTag.SeriesInstanceUid] = { vr: 'UI', Value: [series.uid] };
  if (instance.sopClassUid) json[DicomTag.SopClassUid] = { vr: 'UI', Value: [instance.sopClassUid] };
  if (instance.number !== null) json[DicomTag.InstanceNumber] = { vr: 'IS', Value: [instance.number] };
  if (series.modality) json[DicomTag.Modality] = { vr: 'CS', Value: [series.modality] };
  if (series.number !== null) json[DicomTag.SeriesNumber] = { vr: 'IS', Value: [series.number] };
  if (series.description) json[DicomTag.SeriesDescription] = { vr: 'LO', Value: [series.description] };
  return json;
}
