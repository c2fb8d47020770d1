/**
 * The `inspect` command without the process: arguments in, exit code out, output through the given
 * writers. Exit 0 whenever the input was read (study errors are findings, not failures); exit 2 for
 * bad usage or a file that is missing or not JSON.
 */
import { createResourcePool } from '../domain/fhir/resource-pool';
import { readImagingStudies } from '../domain/fhir/read-imaging-study';
import { toInspectReport } from './inspect-report';
import { readJsonFiles } from './read-json-files';

export interface InspectIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const INSPECT_USAGE =
  'usage: npm run --silent inspect -- FILE.json [FILE.json ...] (ImagingStudy, Endpoint or Bundle JSON files)';

export function runInspect(args: readonly string[], io: InspectIo): number {
  const files = args[0] === '--' ? args.slice(1) : [...args];
  if (files.includes('--help') || files.includes('-h')) {
    io.stdout(`${INSPECT_USAGE}\n`);
    return 0;
  }
  if (files.length === 0) {
    io.stderr(`${INSPECT_USAGE}\n`);
    return 2;
  }
  const read = readJsonFiles(files);
  if (!read.ok) {
    io.stderr(`inspect: ${read.message}\n`);
    return 2;
  }
  const report = toInspectReport(readImagingStudies(createResourcePool(read.documents)));
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}
