import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { suggestPriorStudy } from '@/domain/fhir/prior-study';
import type { Study } from '@/domain/fhir/study';
import { useImagingStudies } from '@/features/study-list/api/get-imaging-studies';
import { CompareChooser } from '@/features/viewer/components/compare-chooser';

/** The viewer's "Compare…" menu, fed from the patient's study list (loaded, or loading, once per session). */
export function CompareControl({
  study,
  onCompare,
}: {
  study: Study;
  onCompare: (studyUid: StudyInstanceUid) => void;
}) {
  const list = useImagingStudies();
  const studies = list.data?.studies ?? [];
  return (
    <CompareChooser
      current={study}
      studies={studies}
      loading={list.isPending || list.data?.complete === false}
      suggested={suggestPriorStudy(study, studies)}
      onChoose={onCompare}
    />
  );
}
