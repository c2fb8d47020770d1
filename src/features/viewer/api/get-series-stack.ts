import { queryOptions, useQuery } from '@tanstack/react-query';
import { parseSopInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { frameNumbersUpTo } from '@/domain/dicomweb/frame-number';
import { buildWadoRsImageId } from '@/domain/dicomweb/image-ids';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { ResolvedSeries } from '@/domain/fhir/resolved-study';
import {
  DicomTag,
  dicomNumber,
  dicomString,
  isDicomJsonInstance,
  type DicomJsonInstance,
} from '@/domain/imaging/dicom-json';
import { orderInstancesForStack } from '@/domain/imaging/stack-order';
import { fetchDicomJson } from '@/lib/imaging-http';
import { useSmartSession } from '@/lib/smart-session';

/** One image of a stack: a frame of an instance, with the instance's metadata. */
export interface StackEntry {
  imageId: string;
  metadata: DicomJsonInstance;
}

export interface SeriesStack {
  entries: StackEntry[];
  /** Instances in stack order (one per instance, even when multi-frame). */
  instances: DicomJsonInstance[];
}

/** The series' WADO-RS metadata turned into an ordered list of frame image ids. */
export async function getSeriesStack(
  study: StudyInstanceUid,
  series: ResolvedSeries,
  authorizationFor: (url: string) => Promise<string | null>,
  signal?: AbortSignal,
): Promise<SeriesStack> {
  if (!series.uid || !series.wadoRs || !series.metadataUrl) {
    throw new Error(series.errors[0] ?? 'This series has no usable image server.');
  }
  const json = await fetchDicomJson(series.metadataUrl, authorizationFor, { signal });
  const instances = orderInstancesForStack((Array.isArray(json) ? json : []).filter(isDicomJsonInstance));
  const entries: StackEntry[] = [];
  for (const metadata of instances) {
    const sop = parseSopInstanceUid(dicomString(metadata, DicomTag.SopInstanceUid));
    if (!sop) continue;
    for (const frame of frameNumbersUpTo(dicomNumber(metadata, DicomTag.NumberOfFrames) ?? 1)) {
      entries.push({
        imageId: buildWadoRsImageId(series.wadoRs.address, study, series.uid, sop, frame),
        metadata,
      });
    }
  }
  if (entries.length === 0) throw new Error('The image server returned no images for this series.');
  return { entries, instances };
}

export function seriesStackQueryOptions(
  study: StudyInstanceUid,
  series: ResolvedSeries,
  authorizationFor: (url: string) => Promise<string | null>,
) {
  // The key is what the stack is built from: the metadata URL (which contains the WADO-RS base) and
  // the UIDs. Not the whole series: its instance list (hundreds for a CT) would be hashed at every
  // render of every viewport and thumbnail, and its labels and errors do not change the metadata.
  // authorizationFor is a function: it cannot be hashed and decides only whether the token goes along.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- series: metadataUrl and uid are its inputs
  return queryOptions({
    queryKey: ['series-stack', series.metadataUrl, study, series.uid],
    queryFn: ({ signal }) => getSeriesStack(study, series, authorizationFor, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function useSeriesStack(study: StudyInstanceUid, series: ResolvedSeries) {
  const { authorizationFor } = useSmartSession();
  return useQuery(seriesStackQueryOptions(study, series, authorizationFor));
}
