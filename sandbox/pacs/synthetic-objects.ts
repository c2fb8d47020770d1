/**
 * Non-image DICOM objects for a study whose images are already in the sandbox: a Key Object Selection
 * ("For Report Attachment") pointing at some of its images, a Comprehensive SR with headings, text, a
 * measurement and a coded conclusion, an Encapsulated PDF, and a Grayscale Softcopy Presentation State.
 * Written with dcmjs (sequences, which the sandbox's own minimal writer does not do); all values are
 * made up for the sandbox and carry no one's data.
 */
import dcmjs from 'dcmjs';
import { deterministicUid } from './dicom-uid-rewrite.ts';
import type { DicomInstanceSummary } from './dicom-summary.ts';

export const SopClass = {
  keyObjectSelection: '1.2.840.10008.5.1.4.1.1.88.59',
  comprehensiveSr: '1.2.840.10008.5.1.4.1.1.88.33',
  encapsulatedPdf: '1.2.840.10008.5.1.4.1.1.104.1',
  grayscalePresentationState: '1.2.840.10008.5.1.4.1.1.11.1',
} as const;

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

type Item = Record<string, unknown>;

const code = (value: string, scheme: string, meaning: string): Item => ({
  CodeValue: value,
  CodingSchemeDesignator: scheme,
  CodeMeaning: meaning,
});

export interface ObjectsPlan {
  /** Seed for the new series' and instances' UIDs. */
  readonly seed: string;
  /** The study's images (the KOS and the presentation state refer to them). */
  readonly images: readonly DicomInstanceSummary[];
  /** How many of the images (from the first) the KOS flags as key images. */
  readonly keyImages: number;
}

export interface SyntheticObject {
  readonly name: string;
  readonly bytes: Buffer;
}

function write(dataset: Item): Buffer {
  const { DicomMetaDictionary, DicomDict } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: '2.25.319207104232853462245347432370651939221',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return Buffer.from(dict.write());
}

/** A one-page PDF that says what it is; the cross-reference offsets are computed, so it is valid. */
export function minimalPdf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (char) => `\\${char}`);
  const stream = `BT /F1 16 Tf 72 720 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export function syntheticObjects(plan: ObjectsPlan): SyntheticObject[] {
  const [first] = plan.images;
  if (!first) throw new Error('non-image objects need at least one image of the study');
  const uid = (what: string) => deterministicUid(`${plan.seed}:${what}`);
  const common = (what: string, sopClass: string, modality: string, number: number, description: string) => ({
    SOPClassUID: sopClass,
    SOPInstanceUID: uid(`${what}:instance`),
    StudyInstanceUID: first.studyInstanceUid,
    SeriesInstanceUID: uid(`${what}:series`),
    Modality: modality,
    SeriesNumber: String(number),
    SeriesDescription: description,
    InstanceNumber: '1',
    PatientName: first.patientName ?? '',
    PatientID: first.patientId ?? '',
    StudyDate: first.studyDate ?? '',
    StudyTime: first.studyTime ?? '',
    AccessionNumber: first.accessionNumber ?? '',
    ReferringPhysicianName: '',
    StudyID: '1',
    Manufacturer: 'SMART imaging viewer sandbox',
    ContentDate: first.studyDate ?? '',
    ContentTime: first.studyTime ?? '',
  });
  const reference = (image: DicomInstanceSummary): Item => ({
    ReferencedSOPClassUID: image.sopClassUid,
    ReferencedSOPInstanceUID: image.sopInstanceUid,
  });
  const evidence = (images: readonly DicomInstanceSummary[]): Item[] => [
    {
      StudyInstanceUID: first.studyInstanceUid,
      ReferencedSeriesSequence: [...new Set(images.map((image) => image.seriesInstanceUid))].map(
        (series) => ({
          SeriesInstanceUID: series,
          ReferencedSOPSequence: images.filter((image) => image.seriesInstanceUid === series).map(reference),
        }),
      ),
    },
  ];
  const keyImages = plan.images.slice(0, plan.keyImages);

  const kos = {
    ...common('kos', SopClass.keyObjectSelection, 'KO', 900, 'Key images'),
    ValueType: 'CONTAINER',
    ContinuityOfContent: 'SEPARATE',
    ConceptNameCodeSequence: [code('113020', 'DCM', 'For Report Attachment')],
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2010' }],
    CurrentRequestedProcedureEvidenceSequence: evidence(keyImages),
    ContentSequence: [
      ...keyImages.map((image) => ({
        RelationshipType: 'CONTAINS',
        ValueType: 'IMAGE',
        ReferencedSOPSequence: [reference(image)],
      })),
      {
        RelationshipType: 'CONTAINS',
        ValueType: 'TEXT',
        ConceptNameCodeSequence: [code('113012', 'DCM', 'Key Object Description')],
        TextValue: 'Images attached to the report.',
      },
    ],
  };

  const sr = {
    ...common('sr', SopClass.comprehensiveSr, 'SR', 901, 'Structured report'),
    ValueType: 'CONTAINER',
    ContinuityOfContent: 'SEPARATE',
    CompletionFlag: 'COMPLETE',
    VerificationFlag: 'UNVERIFIED',
    ConceptNameCodeSequence: [code('18748-4', 'LN', 'Diagnostic Imaging Report')],
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2000' }],
    ContentSequence: [
      {
        RelationshipType: 'CONTAINS',
        ValueType: 'CONTAINER',
        ContinuityOfContent: 'SEPARATE',
        ConceptNameCodeSequence: [code('121070', 'DCM', 'Findings')],
        ContentSequence: [
          {
            RelationshipType: 'CONTAINS',
            ValueType: 'TEXT',
            ConceptNameCodeSequence: [code('121071', 'DCM', 'Finding')],
            TextValue: 'Sandbox finding: no acute abnormality.',
          },
          {
            RelationshipType: 'CONTAINS',
            ValueType: 'NUM',
            ConceptNameCodeSequence: [code('410668003', 'SCT', 'Length')],
            MeasuredValueSequence: [
              { NumericValue: '12.5', MeasurementUnitsCodeSequence: [code('mm', 'UCUM', 'millimeter')] },
            ],
          },
        ],
      },
      {
        RelationshipType: 'CONTAINS',
        ValueType: 'CONTAINER',
        ContinuityOfContent: 'SEPARATE',
        ConceptNameCodeSequence: [code('121076', 'DCM', 'Conclusions')],
        ContentSequence: [
          {
            RelationshipType: 'CONTAINS',
            ValueType: 'CODE',
            ConceptNameCodeSequence: [code('121077', 'DCM', 'Conclusion')],
            ConceptCodeSequence: [code('17621005', 'SCT', 'Normal')],
          },
        ],
      },
    ],
  };

  const pdf = {
    ...common('pdf', SopClass.encapsulatedPdf, 'DOC', 902, 'Scanned request'),
    ConversionType: 'WSD',
    BurnedInAnnotation: 'YES',
    DocumentTitle: 'Sandbox scanned request',
    ConceptNameCodeSequence: [],
    MIMETypeOfEncapsulatedDocument: 'application/pdf',
    EncapsulatedDocument: toArrayBuffer(minimalPdf('Sandbox scanned request (synthetic PDF)')),
  };

  const presentationState = {
    ...common('pr', SopClass.grayscalePresentationState, 'PR', 903, 'Presentation state'),
    ContentLabel: 'SANDBOX',
    ContentDescription: 'A presentation state the viewer lists but does not apply',
    PresentationCreationDate: first.studyDate ?? '20260101',
    PresentationCreationTime: '120000',
    ContentCreatorName: '',
    ReferencedSeriesSequence: evidence(plan.images.slice(0, 1))[0]?.ReferencedSeriesSequence,
    PresentationLUTShape: 'IDENTITY',
  };

  return [
    { name: 'synthetic-kos.dcm', bytes: write(kos) },
    { name: 'synthetic-sr.dcm', bytes: write(sr) },
    { name: 'synthetic-pdf.dcm', bytes: write(pdf) },
    { name: 'synthetic-pr.dcm', bytes: write(presentationState) },
  ];
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
