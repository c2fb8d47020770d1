import { utilities } from '@cornerstonejs/core';
import { annotation, Enums as ToolEnums, type Types as ToolTypes } from '@cornerstonejs/tools';
import { MEASUREMENT_TOOLS, measurementOf, type Measurement, type MeasurementTool } from './measurement';
import { TOOL_NAMES } from './tool-bindings';

const TOOL_BY_NAME: ReadonlyMap<string, MeasurementTool> = new Map(
  MEASUREMENT_TOOLS.map((tool) => [TOOL_NAMES[tool], tool]),
);

/** Cornerstone events after which the measurements on an image may read differently. */
export const MEASUREMENT_EVENTS = [
  ToolEnums.Events.ANNOTATION_COMPLETED,
  ToolEnums.Events.ANNOTATION_MODIFIED,
  ToolEnums.Events.ANNOTATION_REMOVED,
  ToolEnums.Events.ANNOTATION_SELECTION_CHANGE,
];

/** Annotations are kept for the whole page; a viewport shows those of the image it shows. */
function annotationsOnImage(imageId: string | undefined): ToolTypes.Annotation[] {
  if (!imageId) return [];
  return (annotation.state.getAllAnnotations() ?? []).filter(
    (candidate) =>
      candidate.metadata?.referencedImageId === imageId && TOOL_BY_NAME.has(candidate.metadata.toolName),
  );
}

export function measurementsOnImage(imageId: string | undefined): Measurement[] {
  return annotationsOnImage(imageId).map((item) =>
    measurementOf(item, TOOL_BY_NAME.get(item.metadata?.toolName ?? '') ?? 'length'),
  );
}

/** Deletes the selected measurement on the image, else its newest one; says whether one went. */
export function deleteMeasurementOnImage(imageId: string | undefined): boolean {
  const selected = new Set(annotation.selection.getAnnotationsSelected() ?? []);
  const onImage = annotationsOnImage(imageId);
  const target =
    onImage.find((candidate) => selected.has(candidate.annotationUID ?? '')) ?? onImage[onImage.length - 1];
  const uid = target?.annotationUID;
  if (!uid) return false;
  annotation.state.removeAnnotation(uid);
  return true;
}

/**
 * Forgets every measurement: called when the study closes (they are kept per image until then). The
 * tools' undo history goes too: each drawn annotation leaves a memo whose restore function holds its
 * viewport's element, and through it the whole closed viewer (DOM, listeners, canvases) stayed alive
 * for up to 50 memos. The viewer offers no undo, and none may reach into a closed study.
 */
export function removeAllMeasurements(): void {
  annotation.state.removeAllAnnotations();
  const history = utilities.HistoryMemo.DefaultHistoryMemo;
  // Setting the size empties the ring (Cornerstone has no clear()).
  const { size } = history;
  history.size = size;
}
