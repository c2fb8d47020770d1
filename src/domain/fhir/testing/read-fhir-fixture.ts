/**
 * Test-only: reads a FHIR fixture from the project's own copy (sandbox/data/fhir, see its
 * SOURCES.md), so the tests run from a fresh clone with nothing outside the repository.
 */
import { readFileSync } from 'node:fs';

export const FHIR_FIXTURE_DIRECTORY = new URL('../../../../sandbox/data/fhir/', import.meta.url);

export function fhirFixturePath(name: string): string {
  return new URL(name, FHIR_FIXTURE_DIRECTORY).pathname;
}

export function readFhirFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FHIR_FIXTURE_DIRECTORY), 'utf8'));
}
