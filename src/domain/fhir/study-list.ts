import { createResourcePool } from './resource-pool';
import { resolveImagingStudy } from './resolve-imaging-study';
import type { ResolvedStudy } from './resolved-study';
import { presentStudyStatus } from './study-status';
import { summarizeImagingStudy, type StudySummary } from './study-summary';

/** One row of the patient's study list: what to show, where its images are, and why not if not. */
export interface StudyListEntry {
  /** Stable React key: the resource id, else its position. */
  key: string;
  summary: StudySummary;
  resolved: ResolvedStudy;
  /** A sentence for the clinician when the study cannot be opened; null when it can. */
  unavailableReason: string | null;
}

/** Builds the list from search result pages (Bundles with `_include`d Endpoints), in server order. */
export function buildStudyList(pages: readonly unknown[]): StudyListEntry[] {
  const pool = createResourcePool(pages);
  return pool.imagingStudies().map((study, index) => {
    const resolved = resolveImagingStudy(study, pool);
    const summary = summarizeImagingStudy(study);
    return {
      key: resolved.id ?? `#${index}`,
      summary,
      resolved,
      // The status speaks first: a registered study has no images whatever its endpoints say.
      unavailableReason: presentStudyStatus(summary.status).blocksOpening ?? unavailableReasonOf(resolved),
    };
  });
}

export function unavailableReasonOf(study: ResolvedStudy): string | null {
  if (!study.studyInstanceUid) {
    return study.errors[0] ?? 'This study has no valid Study Instance UID.';
  }
  const hasImageServer = study.wadoRs !== null || study.series.some((series) => series.wadoRs !== null);
  if (!hasImageServer) {
    const detail = study.errors[0] ?? study.series.flatMap((series) => series.errors)[0];
    return `Images unavailable: no usable image server (WADO-RS) is linked to this study.${detail ? ` ${detail}` : ''}`;
  }
  return null;
}
