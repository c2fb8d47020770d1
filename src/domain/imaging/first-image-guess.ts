import type { SopInstanceUid, StudyInstanceUid } from '../dicomweb/dicom-uid';
import { parseFrameNumber } from '../dicomweb/frame-number';
import { buildWadoRsImageId } from '../dicomweb/image-ids';
import type { StudyInstance, StudySeries } from '../fhir/study';

/**
 * The listed instances with a UID in the order their stack most likely has, known before its metadata
 * arrives: by InstanceNumber, unnumbered ones last, ties as listed. Scanners number slices along the
 * table, so this is nearly always position order too; when it is not, an early fetch is merely a
 * prefetch of another slice.
 */
function likelyStackOrder<T extends { uid: string | null; number: number | null }>(
  instances: readonly T[],
): (T & { uid: string })[] {
  return instances
    .filter((instance): instance is T & { uid: string } => Boolean(instance.uid))
    .map((instance, index) => ({ instance, index }))
    .sort((a, b) => (a.instance.number ?? Infinity) - (b.instance.number ?? Infinity) || a.index - b.index)
    .map(({ instance }) => instance);
}

/** The instance a stack most likely starts with (likelyStackOrder's first): the lowest InstanceNumber. */
export function likelyFirstInstance<T extends { uid: string | null; number: number | null }>(
  instances: readonly T[],
): T | null {
  return likelyStackOrder(instances)[0] ?? null;
}

/**
 * The image id of the first frame of the instance a WADO-RS series most likely starts with (see
 * likelyFirstInstance), with that instance; null when the series has no WADO-RS address or no UIDs.
 */
export function likelyFirstFrameOf(
  study: StudyInstanceUid,
  series: Pick<StudySeries, 'uid' | 'wadoRs' | 'instances'>,
): { imageId: string; instance: SopInstanceUid } | null {
  const first = likelyFirstInstance(series.instances);
  const frame = parseFrameNumber(1);
  if (!series.wadoRs || !series.uid || !first?.uid || !frame) return null;
  return {
    imageId: buildWadoRsImageId(series.wadoRs.address, study, series.uid, first.uid, frame),
    instance: first.uid,
  };
}

/**
 * The image ids of a WADO-RS series' instances, first frame each, in InstanceNumber order, from the
 * ImagingStudy's instance list: what the stack most likely holds before its metadata says (a
 * 300-slice series' metadata can take a PACS a second to build), for fetching ahead. Empty when the
 * series has no WADO-RS address, or lists no instances.
 */
export function likelyStackFramesOf(
  study: StudyInstanceUid,
  series: Pick<StudySeries, 'uid' | 'wadoRs'> & {
    instances: readonly Pick<StudyInstance, 'uid' | 'number'>[];
  },
): string[] {
  const frame = parseFrameNumber(1);
  const { wadoRs, uid } = series;
  if (!wadoRs || !uid || !frame) return [];
  return likelyStackOrder(series.instances).map((instance) =>
    buildWadoRsImageId(wadoRs.address, study, uid, instance.uid, frame),
  );
}
