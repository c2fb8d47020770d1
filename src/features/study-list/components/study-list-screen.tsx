import { useImagingStudies } from '../api/get-imaging-studies';
import { StudyList } from './study-list';

export function StudyListScreen() {
  const studies = useImagingStudies();
  if (studies.isPending) {
    return <p className="p-6 text-slate-400">Loading the patient’s imaging studies…</p>;
  }
  if (studies.isError) {
    return (
      <p role="alert" className="p-6 text-red-300" data-testid="study-list-error">
        The study list could not be loaded: {studies.error.message}
      </p>
    );
  }
  return (
    <div className="h-full overflow-auto">
      <StudyList studies={studies.data} />
    </div>
  );
}
