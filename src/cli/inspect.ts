/**
 * `npm run --silent inspect -- FILE...`: prints how the viewer would resolve the ImagingStudies in
 * the given FHIR JSON files (see docs/inspect.md).
 */
import { runInspect } from './run-inspect';

process.exitCode = runInspect(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
