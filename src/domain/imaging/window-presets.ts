/** A named VOI window in modality units (HU for CT). */
export interface WindowPreset {
  id: string;
  label: string;
  /** The key that applies it (1–9, as OHIF and most PACS number their presets). */
  key: string;
  center: number;
  width: number;
}

const CT_PRESETS: readonly WindowPreset[] = [
  { id: 'soft-tissue', label: 'Soft tissue', key: '1', center: 40, width: 400 },
  { id: 'lung', label: 'Lung', key: '2', center: -600, width: 1500 },
  { id: 'bone', label: 'Bone', key: '3', center: 300, width: 2000 },
  { id: 'brain', label: 'Brain', key: '4', center: 40, width: 80 },
];

/**
 * The presets offered for a modality. Only CT has absolute units (HU) that make fixed windows
 * meaningful; for MR, US, CR… a fixed number means nothing, so they get none (W/L by mouse, and
 * reset to the image's own window).
 */
export function windowPresetsFor(modality: string | null | undefined): readonly WindowPreset[] {
  return modality?.trim().toUpperCase() === 'CT' ? CT_PRESETS : [];
}
