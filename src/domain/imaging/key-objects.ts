/**
 * A Key Object Selection (PS3.3 C.17.6): which images someone flagged, and why ("For Report
 * Attachment", "Of Interest"…). The evidence sequence lists every referenced instance with its series;
 * the content tree's IMAGE items are read too, for objects that fill only one of them.
 */
import { DicomTag, dicomItems, dicomString, type DicomJsonInstance } from './dicom-json';

export interface KeyObjectSelection {
  /** The document title's meaning, e.g. "For Report Attachment". */
  title: string | null;
  /** The Key Object Description text, when given. */
  description: string | null;
  /** The flagged objects, one per SOP Instance UID, in the order given. */
  references: KeyObjectReference[];
}

export interface KeyObjectReference {
  /** Null when only the content tree names the object (it gives no series). */
  seriesUid: string | null;
  instanceUid: string;
}

export function readKeyObjectSelection(instance: DicomJsonInstance): KeyObjectSelection {
  const fromEvidence = dicomItems(instance, DicomTag.CurrentRequestedProcedureEvidenceSequence)
    .flatMap((study) => dicomItems(study, DicomTag.ReferencedSeriesSequence))
    .flatMap((series) =>
      referencesIn(
        dicomItems(series, DicomTag.ReferencedSopSequence),
        dicomString(series, DicomTag.SeriesInstanceUid),
      ),
    );
  const content = dicomItems(instance, DicomTag.ContentSequence);
  const fromContent = referencesIn(
    content
      .filter((item) => dicomString(item, DicomTag.ValueType) === 'IMAGE')
      .flatMap((item) => dicomItems(item, DicomTag.ReferencedSopSequence)),
    null,
  );
  const references = new Map<string, KeyObjectReference>();
  for (const reference of [...fromEvidence, ...fromContent]) {
    if (!references.has(reference.instanceUid)) references.set(reference.instanceUid, reference);
  }
  const [title] = dicomItems(instance, DicomTag.ConceptNameCodeSequence);
  const description = content.find((item) => dicomString(item, DicomTag.ValueType) === 'TEXT');
  return {
    title: title ? dicomString(title, DicomTag.CodeMeaning) : null,
    description: description ? dicomString(description, DicomTag.TextValue) : null,
    references: [...references.values()],
  };
}

function referencesIn(items: readonly DicomJsonInstance[], seriesUid: string | null): KeyObjectReference[] {
  return items.flatMap((item) => {
    const instanceUid = dicomString(item, DicomTag.ReferencedSopInstanceUid);
    return instanceUid ? [{ seriesUid, instanceUid }] : [];
  });
}
