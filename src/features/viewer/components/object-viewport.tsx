import { PdfDocument } from '@/components/ui/pdf-document';
import { UntrustedText } from '@/components/ui/untrusted-text';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import { DicomTag, dicomString } from '@/domain/imaging/dicom-json';
import { looksLikePdf } from '@/domain/imaging/encapsulated-document';
import { readKeyObjectSelection } from '@/domain/imaging/key-objects';
import { OBJECT_KIND_LABELS } from '@/domain/imaging/object-kind';
import { readStructuredReport, type SrItem } from '@/domain/imaging/structured-report';
import { useEncapsulatedDocument } from '../api/get-encapsulated-document';
import type { SeriesObject } from '../api/get-series-stack';
import { patientMatchOf } from '../model/viewport-identity';

/**
 * A series of non-image objects in a viewport's place: structured reports as text, PDFs drawn, key
 * object selections said, the rest listed with their type and "not displayed" — with the patient's
 * identity checked as on every viewport.
 */
export function ObjectViewport({
  objects,
  patient,
}: {
  objects: readonly SeriesObject[];
  patient: PatientIdentity;
}) {
  const mismatch = objects.some((object) => patientMatchOf(patient, object.metadata).status === 'mismatch');
  return (
    <div
      className="absolute inset-0 overflow-y-auto bg-slate-950 p-4 text-sm text-slate-200"
      data-testid="object-viewport"
    >
      <p className="mb-3 text-xs text-slate-400">
        <UntrustedText text={patient.name} fallback="Unknown patient" /> · MRN{' '}
        <UntrustedText text={patient.mrn} fallback="—" />
      </p>
      {mismatch && (
        <p
          role="alert"
          className="mb-3 rounded bg-red-700 px-2 py-1 font-semibold text-white"
          data-testid="object-patient-mismatch"
        >
          This object names another patient than the one in context.
        </p>
      )}
      {objects.map((object, index) => (
        <section key={index} className="mb-6" data-testid="series-object" data-object-kind={object.kind}>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-400 uppercase">
            {OBJECT_KIND_LABELS[object.kind]}
          </h3>
          <ObjectContent object={object} />
        </section>
      ))}
    </div>
  );
}

function ObjectContent({ object }: { object: SeriesObject }) {
  switch (object.kind) {
    case 'structured-report':
      return <StructuredReportView object={object} />;
    case 'pdf':
      return <PdfObject object={object} />;
    case 'key-objects': {
      const selection = readKeyObjectSelection(object.metadata);
      return (
        <p data-testid="key-object-selection">
          <UntrustedText text={selection.title} fallback="Key images" />: {selection.references.length} image
          {selection.references.length === 1 ? '' : 's'} flagged
          {selection.description && (
            <>
              {' — '}
              <UntrustedText text={selection.description} />
            </>
          )}
        </p>
      );
    }
    default:
      return (
        <p className="text-slate-400" data-testid="object-not-displayed">
          Not displayed: the viewer lists this object but does not show its content.
        </p>
      );
  }
}

function StructuredReportView({ object }: { object: SeriesObject }) {
  const report = readStructuredReport(object.metadata);
  return (
    <div data-testid="structured-report">
      <h4 className="text-base font-semibold text-slate-100">
        <UntrustedText text={report.title} fallback="Structured report" />
      </h4>
      {report.verification === 'UNVERIFIED' && (
        <p className="my-1 rounded bg-amber-300 px-2 py-0.5 font-semibold text-black" role="note">
          Unverified: this report has not been signed off.
        </p>
      )}
      {report.completion === 'PARTIAL' && (
        <p className="my-1 text-amber-300" role="note">
          Partial: the report says it is incomplete.
        </p>
      )}
      <SrItems items={report.content} />
      {report.truncated && (
        <p className="text-amber-300">The report is too deep or too long to show in full.</p>
      )}
    </div>
  );
}

function SrItems({ items }: { items: readonly SrItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="ml-4 list-disc space-y-1">
      {items.map((item, index) => (
        <li key={index}>
          {item.valueType === 'CONTAINER' ? (
            <span className="font-semibold text-slate-100">
              <UntrustedText text={item.concept} fallback="Section" />
            </span>
          ) : (
            <>
              {item.concept && (
                <span className="text-slate-400">
                  <UntrustedText text={item.concept} />:{' '}
                </span>
              )}
              <UntrustedText text={item.value} fallback="(no value)" />
            </>
          )}
          <SrItems items={item.children} />
        </li>
      ))}
    </ul>
  );
}

function PdfObject({ object }: { object: SeriesObject }) {
  const uid = dicomString(object.metadata, DicomTag.SopInstanceUid) ?? '';
  const title = dicomString(object.metadata, DicomTag.DocumentTitle) ?? 'PDF document';
  const document = useEncapsulatedDocument(uid, object.metadata);
  if (document.isPending) return <p className="text-slate-400">Loading the document…</p>;
  if (document.isError) {
    return (
      <p role="alert" className="text-amber-300">
        {document.error.message}
      </p>
    );
  }
  if (!looksLikePdf(document.data)) {
    return (
      <p role="alert" className="text-amber-300">
        This object says it holds a PDF but does not; it is not shown.
      </p>
    );
  }
  return <PdfDocument key={uid} bytes={document.data} title={title} />;
}
