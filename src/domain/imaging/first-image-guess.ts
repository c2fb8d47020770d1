import type { SopInstanceUid, StudyInstanceUid } from '../dicomweb/dicom-uid';
import { parseFrameNumber } from '../dicomweb/frame-number';
import { buildWadoRsImageId } from '../dicomweb/image-ids';
import type { StudyInstance, StudySeries } from '../fhir/study';

/**
 * The instance a stack most likely starts with, known before its metadata arrives: the lowest
 * InstanceNumber in the ImagingStudy's instance list. Scanners number slices along the table, so
 * this is nearly always the first slice in position order too; when it is not, the early fetch is
 * merely a prefetch of another slice.
 */
export function likelyFirstInstance<T extends { uid: string | null; number: number | null }>(
  instances: readonly T[],
): T | null {
  let best: T | null = null;
  for (const instance of instances) {
    if (!instance.uid) continue;
    if (best === null || (instance.number ?? Infinity) < (best.number ?? Infinity)) best = instance;
  }
  return best;
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
  return series.instances
    .filter((instance): instance is typeof instance & { uid: SopInstanceUid } => instance.uid !== null)
    .map((instance, index) => ({ instance, index }))
    .sort((a, b) => (a.instance.number ?? Infinity) - (b.instance.number ?? Infinity) || a.index - b.index)
    .map(({ instance }) => buildWadoRsImageId(wadoRs.address, study, uid, instance.uid, frame));
}
