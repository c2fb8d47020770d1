/**
 * The `imagingstudy` command without the process: every DICOM file under the given paths, described
 * as an R4 Bundle of ImagingStudy (or, with --layout, the folders beside the DICOM hierarchy). Exit 0
 * when at least one DICOM file was read (files that could not be are listed on stderr); 2 with one
 * line on stderr for bad usage, a path that does not exist, or no DICOM file at all.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DicomFileSummary } from '../domain/dicom-files/dicom-file-summary';
import { describeFolderLayout } from '../domain/dicom-files/folder-layout';
import { groupDicomFiles } from '../domain/dicom-files/group-dicom-files';
import { buildImagingStudyBundle } from '../domain/dicom-files/imaging-study-bundle';
import { looksLikeDicomPart10, readDicomSummary } from '../lib/read-dicom-summary';
import type { InspectIo } from './run-inspect';

export const IMAGINGSTUDY_USAGE =
  'usage: npm run --silent imagingstudy -- PATH... [--subject Patient/ID] [--encounter Encounter/ID] [--layout]';

interface Options {
  paths: string[];
  subject: string | null;
  encounter: string | null;
  layout: boolean;
}

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { paths: [], subject: null, encounter: null, layout: false };
  for (let i = args[0] === '--' ? 1 : 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--layout') options.layout = true;
    else if (arg === '--subject' || arg === '--encounter') {
      const value = args[i + 1];
      const type = arg === '--subject' ? 'Patient' : 'Encounter';
      if (!value || !new RegExp(`^${type}/[A-Za-z0-9\\-.]{1,64}$`).test(value)) {
        return `${arg} takes ${type}/ID`;
      }
      options[arg === '--subject' ? 'subject' : 'encounter'] = value;
      i += 1;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else options.paths.push(arg);
  }
  return options.paths.length > 0 ? options : 'no PATH given';
}

export function runImagingStudy(args: readonly string[], io: InspectIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${IMAGINGSTUDY_USAGE}\n`);
    return 0;
  }
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr(`imagingstudy: ${options}. ${IMAGINGSTUDY_USAGE}\n`);
    return 2;
  }
  const files: DicomFileSummary[] = [];
  for (const root of options.paths) {
    let listed: string[];
    try {
      listed = listFiles(root);
    } catch {
      io.stderr(`imagingstudy: "${root}" does not exist or cannot be read\n`);
      return 2;
    }
    for (const path of listed) {
      const name = relative(process.cwd(), path) || path;
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        io.stderr(
          `imagingstudy: skipped ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        continue;
      }
      if (!looksLikeDicomPart10(bytes)) continue;
      try {
        files.push(readDicomSummary(bytes, name));
      } catch (error) {
        io.stderr(
          `imagingstudy: skipped ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
  }
  // DICOMDIR is an index of a medium, not an instance: its entries are found by the walk itself.
  const instances = files.filter((file) => file.sopClassUid !== '1.2.840.10008.1.3.10');
  if (instances.length === 0) {
    io.stderr(`imagingstudy: no DICOM file found under ${options.paths.join(', ')}\n`);
    return 2;
  }
  const output = options.layout
    ? describeFolderLayout(instances)
    : buildImagingStudyBundle(groupDicomFiles(instances).studies, {
        subject: options.subject,
        encounter: options.encounter,
      });
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/** Every file under a path (the path itself when it is a file), in a stable order. */
function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) return listFiles(child);
      return entry.isFile() ? [child] : [];
    });
}
