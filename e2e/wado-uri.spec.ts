import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { ViewerPage } from './pages/viewer-page';
import { WADO_URI_STUDY_ID } from '../sandbox/data/wado-uri-study';
import { pearson, readUncompressedDicom, windowedGrid } from './support/dicom-reference';
import { expect, test } from './support/fixtures';

const GRID = 16;
const AXIAL_DIR = 'sandbox/data/dicom/dcm_qa_ct-philips-S21570/S2010';
const SLICES = 8;

/** The files the sandbox put behind WADO-URI (its first eight), lowest Instance Number first. */
function slicesByInstanceNumber(): string[] {
  const files = readdirSync(AXIAL_DIR)
    .sort()
    .slice(0, SLICES)
    .map((name) => join(AXIAL_DIR, name));
  const numberOf = (path: string) =>
    Number(
      dicomParser
        .parseDicom(new Uint8Array(readFileSync(path)), { untilTag: 'x7fe00010' })
        .string('x00200013'),
    );
  return files.sort((a, b) => numberOf(a) - numberOf(b));
}

test('a study only WADO-URI serves opens, shows its images in order, and keeps the token where it belongs', async ({
  page,
  sandbox,
  network,
}) => {
  const study = sandbox.studies[WADO_URI_STUDY_ID];
  const series = study?.series.find((item) => item.modality === 'CT');
  if (!study || !series) throw new Error('The sandbox has no WADO-URI study.');
  const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
  await viewer.showSeries(series.uid);
  await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
  await expect(viewer.viewport).toHaveAttribute('data-image-count', String(SLICES));
  await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', '1.2.840.10008.1.2.1');
  // WADO-URI has no metadata service: the patient is checked against the drawn file's own header.
  await expect(viewer.viewport).toHaveAttribute('data-patient-match', 'match');
  // Decoded from DICOM in the browser: not the PACS's rendering.
  await expect(viewer.viewport.getByTestId('rendered-marker')).toHaveCount(0);
  // Ordered by what the record lists, before any file (and its Image Position) is loaded: it says so.
  await expect(viewer.viewport.getByTestId('overlay-stack-order')).toHaveText('by instance number');
  await expect(viewer.thumbnail(series.uid).getByTestId('series-stack-order')).toHaveText(
    'By instance number; positions unknown until loaded.',
  );

  const [first, second] = slicesByInstanceNumber();
  if (!first || !second) throw new Error('no slices');
  const shownIs = async (path: string) => {
    const { center, width } = await viewer.window();
    const score = pearson(
      await viewer.displayedGrid(GRID),
      windowedGrid(readUncompressedDicom(path), center, width, GRID),
    );
    expect(score, `${path} is the one drawn`).toBeGreaterThan(0.98);
  };
  await shownIs(first);
  await viewer.press('ArrowDown');
  await expect(viewer.viewport).toHaveAttribute('data-image-index', '1');
  await shownIs(second);

  // Whole files from {pacs-a}/wado, with the token (pacs-a shares the EHR's authorization), never in
  // the URL (the token audit checks that after every test); no WADO-RS request for this series at all.
  const wado = network.requests.filter((request) => request.url.startsWith(`${sandbox.pacs.a}/wado?`));
  // The MR series' thumbnail asks for its file too: at least two of this series', all of this study's.
  expect(
    wado.filter((request) => request.url.includes(`seriesUID=${series.uid}`)).length,
  ).toBeGreaterThanOrEqual(2);
  expect(wado.every((request) => request.url.includes(`studyUID=${study.studyInstanceUid}`))).toBe(true);
  expect(wado.every((request) => request.url.includes('contentType=application/dicom'))).toBe(true);
  expect(wado.every((request) => request.authorization?.startsWith('Bearer '))).toBe(true);
  expect(network.requests.filter((request) => request.url.includes(`/series/${series.uid}/`))).toEqual([]);
});

test('a multi-frame file over WADO-URI shows its first frame and says the others are not shown', async ({
  page,
  sandbox,
}) => {
  const study = sandbox.studies[WADO_URI_STUDY_ID];
  const series = study?.series.find((item) => item.modality === 'MR');
  if (!study || !series) throw new Error('The sandbox has no multi-frame WADO-URI series.');
  const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
  await viewer.showSeries(series.uid);
  await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
  // One file, one stack image; its header says 10 frames (pydicom's emri_small).
  await expect(viewer.viewport).toHaveAttribute('data-image-count', '1');
  await expect(viewer.viewport.getByTestId('overlay-frames-left-out')).toHaveText(
    '1 of this instance’s 10 frames shown: the image server sends it as a whole file only.',
  );
  await expect(viewer.viewport).toHaveAttribute('data-patient-match', 'match');
  // One image has no order to speak of.
  await expect(viewer.viewport.getByTestId('overlay-stack-order')).toHaveCount(0);
  // The single-frame CT next to it says nothing of the kind.
  const ct = study.series.find((item) => item.modality === 'CT');
  if (!ct) throw new Error('no CT');
  await viewer.showSeries(ct.uid);
  await expect(viewer.viewport.getByTestId('overlay-frames-left-out')).toHaveCount(0);
});
