/**
 * Which earlier study to compare with: the most recent study before this one that shares a modality
 * and a body site; else one that shares a modality; else the most recent earlier one. Only studies
 * that can be opened count, and never the study itself.
 */
import type { Study } from './study';

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
