/**
 * Which earlier study to compare with: the most recent study before this one that shares a modality
 * and a body site; else one that shares a modality; else the most recent earlier one. Only studies
 * that can be opened count, and never the study itself.
 */
import type { Study, StudySeries } from './study';

export function suggestPriorStudy(current: Study, studies: readonly Study[]): Study | null {
  const when = Date.parse(current.started ?? '');
  if (Number.isNaN(when)) return null;
  const earlier = studies
    .filter((study) => study.key !== current.key && study.unavailableReason === null)
    .filter((study) => study.studyInstanceUid !== current.studyInstanceUid)
    .map((study) => ({ study, started: Date.parse(study.started ?? '') }))
    .filter(({ started }) => !Number.isNaN(started) && started < when)
    .sort((a, b) => b.started - a.started)
    .map(({ study }) => study);
  const sharesModality = (study: Study) => study.modalities.some((code) => current.modalities.includes(code));
  const sharesBodySite = (study: Study) =>
    study.bodySites.some((site) => current.bodySites.some((own) => own.toLowerCase() === site.toLowerCase()));
  return (
    earlier.find((study) => sharesModality(study) && sharesBodySite(study)) ??
    earlier.find(sharesModality) ??
    earlier[0] ??
    null
  );
}

/**
 * Which of two studies shown side by side is the prior: the one that started earlier. Null when
 * either date is unknown or they are the same: then neither is called prior.
 */
export function priorOf(a: Study, b: Study): 'first' | 'second' | null {
  const [first, second] = [Date.parse(a.started ?? ''), Date.parse(b.started ?? '')];
  if (Number.isNaN(first) || Number.isNaN(second) || first === second) return null;
  return first < second ? 'first' : 'second';
}

/**
 * The series of `other` to show beside `shown`: one of the same modality with the same description,
 * else the same modality with the most instances, else (or with nothing shown) the series with the
 * most instances: a stack rather than a localizer. Null when no series can be fetched.
 */
export function matchingSeriesIndex(shown: StudySeries | null, other: Study): number | null {
  const viewable = other.series.flatMap((series, index) => (series.key !== null ? [{ series, index }] : []));
  const largestOf = (candidates: typeof viewable) =>
    candidates.reduce<(typeof viewable)[number] | undefined>(
      (best, next) => (!best || next.series.instances.length > best.series.instances.length ? next : best),
      undefined,
    );
  const sameModality = viewable.filter(({ series }) => shown?.modality && series.modality === shown.modality);
  const described = (text: string | null | undefined) => text?.trim().toLowerCase() ?? '';
  const sameDescription = sameModality.find(
    ({ series }) =>
      described(series.description) !== '' && described(series.description) === described(shown?.description),
  );
  return (sameDescription ?? largestOf(sameModality) ?? largestOf(viewable))?.index ?? null;
}
