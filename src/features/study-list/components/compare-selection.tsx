import { Link } from 'react-router';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { buildComparePath } from '@/domain/fhir/deep-link';
import { priorOf } from '@/domain/fhir/prior-study';
import type { Study } from '@/domain/fhir/study';

/** Up to two studies chosen in the list; a third choice replaces the earlier of the two. */
export function toggleCompareSelection(
  selected: readonly StudyInstanceUid[],
  uid: StudyInstanceUid,
): StudyInstanceUid[] {
  if (selected.includes(uid)) return selected.filter((chosen) => chosen !== uid);
  return [...selected, uid].slice(-2);
}

/**
 * The list's "Compare side by side" bar: with two studies chosen, opens them together, the newer on
 * the left and its prior beside it.
 */
export function CompareSelection({
  selected,
  studies,
  onClear,
}: {
  selected: readonly StudyInstanceUid[];
  studies: readonly Study[];
  onClear: () => void;
}) {
  if (selected.length === 0) return null;
  const chosen = selected.flatMap((uid) =>
    studies.filter((study) => study.studyInstanceUid === uid).slice(0, 1),
  );
  const [a, b] = chosen;
  const [first, second] = a && b && priorOf(a, b) === 'first' ? [b, a] : [a, b];
  const path =
    first?.studyInstanceUid && second?.studyInstanceUid
      ? buildComparePath(first.studyInstanceUid, second.studyInstanceUid, null)
      : null;
  return (
    <div className="flex items-center gap-3 px-4 py-1 text-xs text-slate-300" data-testid="compare-selection">
      <span>{selected.length === 1 ? 'Choose one more study to compare' : '2 studies chosen'}</span>
      {path && (
        <Link
          to={path}
          className="rounded bg-sky-700 px-3 py-1 text-white hover:bg-sky-600"
          data-testid="compare-selected"
        >
          Compare side by side
        </Link>
      )}
      <button type="button" className="text-sky-300 underline" onClick={onClear} data-testid="compare-clear">
        Clear
      </button>
    </div>
  );
}
