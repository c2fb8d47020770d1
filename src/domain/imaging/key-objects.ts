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
  /** SOP Instance UIDs of the flagged objects, without duplicates, in the order given. */
  instanceUids: string[];
}

export function readKeyObjectSelection(instance: DicomJsonInstance): KeyObjectSelection {
  const fromEvidence = dicomItems(instance, DicomTag.CurrentRequestedProcedureEvidenceSequence)
    .flatMap((study) => dicomItems(study, DicomTag.ReferencedSeriesSequence))
    .flatMap((series) => dicomItems(series, DicomTag.ReferencedSopSequence));
  const content = dicomItems(instance, DicomTag.ContentSequence);
  const fromContent = content
    .filter((item) => dicomString(item, DicomTag.ValueType) === 'IMAGE')
    .flatMap((item) => dicomItems(item, DicomTag.ReferencedSopSequence));
  const uids = [...fromEvidence, ...fromContent]
    .map((reference) => dicomString(reference, DicomTag.ReferencedSopInstanceUid))
    .filter((uid): uid is string => uid !== null);
  const [title] = dicomItems(instance, DicomTag.ConceptNameCodeSequence);
  const description = content.find((item) => dicomString(item, DicomTag.ValueType) === 'TEXT');
  return {
    title: title ? dicomString(title, DicomTag.CodeMeaning) : null,
    description: description ? dicomString(description, DicomTag.TextValue) : null,
    instanceUids: [...new Set(uids)],
  };
}
