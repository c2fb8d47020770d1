import { queryOptions, useQuery } from '@tanstack/react-query';
import { buildWadoRsImageId } from '@/domain/dicomweb/image-ids';
import { seriesKeyOf } from '@/domain/dicomweb/series-key';
import { buildWadoRsInstanceMetadataUrl } from '@/domain/dicomweb/wado-rs-urls';
import {
  chooseThumbnailInstance,
  middleFrameOf,
  type ThumbnailInstance,
} from '@/domain/fhir/study-thumbnail';
import { DicomTag, dicomNumber, isDicomJsonInstance } from '@/domain/imaging/dicom-json';
import type { ImageSource } from '@/domain/imaging/image-source';
import type { Study } from '@/domain/fhir/study';
import { fetchDicomJson, type AuthorizationProvider } from '@/lib/imaging-http';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';
import { createConcurrencyLimit } from './concurrency-limit';

/**
 * Rows scroll in faster than PACS answer: at most this many thumbnail lookups run at once across the
 * list, the rest queue, and a row that leaves the screen drops out of the queue (its query's signal
 * aborts when its last observer unmounts).
 */
const THUMBNAIL_CONCURRENCY = 3;
const limitThumbnails = createConcurrencyLimit(THUMBNAIL_CONCURRENCY);

/** The instance-level WADO-RS metadata of the chosen image: one small request per study. */
export async function getStudyThumbnail(
  chosen: ThumbnailInstance,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<ImageSource> {
  const url = buildWadoRsInstanceMetadataUrl(chosen.base, chosen.study, chosen.series, chosen.instance);
  const json = await limitThumbnails(
    () => fetchDicomJson(url, authorizationFor, { signal, background: true }),
    signal,
  );
  const metadata = (Array.isArray(json) ? json : []).find(isDicomJsonInstance);
  if (!metadata) throw new Error('The image server returned no metadata for the preview image.');
  const frame = middleFrameOf(dicomNumber(metadata, DicomTag.NumberOfFrames));
  return {
    imageId: buildWadoRsImageId(chosen.base, chosen.study, chosen.series, chosen.instance, frame),
    seriesKey: seriesKeyOf(chosen.base, chosen.study, chosen.series),
    metadata,
  };
}

export function studyThumbnailQueryOptions(
  session: Pick<SmartSession, 'authorizationFor'>,
  chosen: ThumbnailInstance | null,
) {
  return queryOptions({
    // `chosen` is four strings (base, study, series, instance): the same key as listing them.
    queryKey: ['study-thumbnail', chosen],
    queryFn: ({ signal }) => {
      if (!chosen) throw new Error('No image to preview.');
      return getStudyThumbnail(chosen, session.authorizationFor, signal);
    },
    enabled: chosen !== null,
    staleTime: Infinity,
    retry: false,
    // A preview that failed is not asked for again when its row scrolls back in or the list is
    // opened again: one attempt per row per session (the PACS is not flooded by a list of failures).
    retryOnMount: false,
  });
}

/**
 * The preview's source once fetched, and `none` (why in words) when the study has no image to preview:
 * it cannot be opened, WADO-RS serves none of its series, or it lists no image.
 */
export function useStudyThumbnail(study: Study | null, { enabled = true } = {}) {
  const choice = study ? chooseThumbnailInstance(study) : null;
  const chosen = choice?.instance ?? null;
  const options = studyThumbnailQueryOptions(useSmartSession(), chosen);
  // Only what the row shows: naming the fields keeps the row from re-rendering on every fetch state.
  const { data, isError, error } = useQuery({ ...options, enabled: options.enabled && enabled });
  return {
    data,
    isError,
    error,
    hasImage: chosen !== null,
    none: choice?.instance === null ? choice.none : null,
  };
}
