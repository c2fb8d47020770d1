import { useQueries } from '@tanstack/react-query';
import type { Study } from '@/domain/fhir/study';
import { collectKeyImages, NO_KEY_IMAGES, type KeyImages } from '@/domain/imaging/key-images';
import { readKeyObjectSelection } from '@/domain/imaging/key-objects';
import { objectKindOfListedSeries } from '@/domain/imaging/object-kind';
import { useImagingAuthorization } from '@/lib/smart-session';
import { seriesStackQueryOptions, type SeriesStack } from './get-series-stack';

/**
 * The study's key images, from its Key Object Selection series (those the ImagingStudy lists as KO,
 * by modality or SOP class). Their metadata is read through the same series-stack query as the
 * thumbnails', so a KOS series is fetched once. A KOS that cannot be read flags nothing: its own
 * thumbnail says why.
 */
export function useStudyKeyImages(study: Study): KeyImages {
  const authorizationFor = useImagingAuthorization();
  const studyUid = study.studyInstanceUid;
  const keyObjectSeries = studyUid
    ? study.series.filter(
        (series) => series.key !== null && objectKindOfListedSeries(series) === 'key-objects',
      )
    : [];
  return useQueries({
    queries: keyObjectSeries.flatMap((series) =>
      studyUid ? [seriesStackQueryOptions(studyUid, series, authorizationFor)] : [],
    ),
    combine: (results) => keyImagesIn(results.flatMap((result) => (result.data ? [result.data] : []))),
  });
}

function keyImagesIn(stacks: readonly SeriesStack[]): KeyImages {
  const selections = stacks.flatMap((stack) =>
    stack.objects
      .filter((object) => object.kind === 'key-objects')
      .map((object) => readKeyObjectSelection(object.metadata)),
  );
  return selections.length > 0 ? collectKeyImages(selections) : NO_KEY_IMAGES;
}
