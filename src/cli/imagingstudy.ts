/**
 * `npm run --silent imagingstudy -- PATH...`: describes the DICOM files under the paths as a FHIR R4
 * Bundle of ImagingStudy (see docs/imagingstudy.md).
 */
import { runImagingStudy } from './run-imagingstudy';

process.exitCode = runImagingStudy(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
