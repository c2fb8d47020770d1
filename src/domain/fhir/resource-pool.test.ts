import { describe, expect, it } from 'vitest';
import type { Resource } from './fhir-types';
import { createResourcePool } from './resource-pool';

const endpoint = (id: string, address = `https://pacs.example/${id}`) => ({
  resourceType: 'Endpoint',
  id,
  address,
});
const study = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'ImagingStudy',
  id,
  ...extra,
});
const idOf = (resource: Resource | null) => resource?.id ?? null;

describe('createResourcePool', () => {
  it('pools loose resources and Bundles of any type, nested ones too, keeping input order', () => {
    const pool = createResourcePool([
      study('a'),
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [{ resource: study('b') }, { resource: endpoint('e1') }],
      },
      {
        resourceType: 'Bundle',
        type: 'document',
        entry: [
          { resource: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: study('c') }] } },
        ],
      },
      study('d'),
    ]);
    expect(pool.imagingStudies().map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(pool.resources().map((r) => r.id)).toEqual(['a', 'b', 'e1', 'c', 'd']);
  });

  it('ignores what is not a resource without throwing', () => {
    const pool = createResourcePool([
      null,
      42,
      'Endpoint/x',
      [study('in-an-array')],
      { id: 'no-type' },
      { resourceType: 'Bundle', entry: 'not a list' },
      { resourceType: 'Bundle', entry: [null, { fullUrl: 'urn:uuid:1' }, { resource: 'nope' }] },
      study('ok'),
    ]);
    expect(pool.imagingStudies().map((s) => s.id)).toEqual(['ok']);
  });

  it('resolves relative references, with or without a version', () => {
    const pool = createResourcePool([endpoint('example-wadors')]);
    expect(idOf(pool.resolveReference('Endpoint/example-wadors'))).toBe('example-wadors');
    expect(idOf(pool.resolveReference('Endpoint/example-wadors/_history/3'))).toBe('example-wadors');
    expect(pool.resolveReference('Endpoint/missing')).toBeNull();
    expect(pool.resolveReference('Patient/example-wadors')).toBeNull();
    expect(pool.resolveReference('example-wadors')).toBeNull();
    expect(pool.resolveReference('x/Endpoint/example-wadors')).toBeNull();
  });

  it('resolves contained references inside their container only', () => {
    const container = study('s', { contained: [endpoint('e')] });
    const pool = createResourcePool([container]);
    expect(idOf(pool.resolveReference('#e', container))).toBe('e');
    expect(pool.resolveReference('#e')).toBeNull();
    expect(pool.resolveReference('#other', container)).toBeNull();
    expect(pool.resolveReference('#', container)).toBeNull();
    expect(pool.resolveReference('Endpoint/e')).toBeNull();
  });

  it('matches URIs (urn:uuid, urn:oid, MADO "urn:Endpoint/…") against Bundle fullUrls', () => {
    const pool = createResourcePool([
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { fullUrl: 'urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0', resource: endpoint('uuid') },
          { fullUrl: 'urn:Endpoint/wado', resource: endpoint('mado') },
          { fullUrl: 'urn:oid:1.2.3', resource: endpoint('oid') },
        ],
      },
    ]);
    expect(idOf(pool.resolveReference('urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0'))).toBe('uuid');
    expect(idOf(pool.resolveReference('urn:Endpoint/wado'))).toBe('mado');
    expect(idOf(pool.resolveReference('urn:oid:1.2.3'))).toBe('oid');
    expect(pool.resolveReference('urn:uuid:00000000-0000-0000-0000-000000000000')).toBeNull();
    // A urn is never read as Type/id.
    expect(pool.resolveReference('urn:Endpoint/uuid')).toBeNull();
  });

  it('matches absolute references against fullUrl first, then by their Type/id tail', () => {
    const pool = createResourcePool([
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: 'http://hl7.org/fhir/Endpoint/79',
            resource: endpoint('79', 'https://pacs.hospital.org/dicomweb'),
          },
          { fullUrl: 'https://other.example/fhir/Endpoint/1', resource: endpoint('one-by-fullurl') },
        ],
      },
      endpoint('1'),
    ]);
    expect(pool.resolveReference('http://hl7.org/fhir/Endpoint/79')?.id).toBe('79');
    expect(pool.resolveReference('http://hl7.org/fhir/Endpoint/79/_history/2')?.id).toBe('79');
    expect(pool.resolveReference('https://other.example/fhir/Endpoint/1')?.id).toBe('one-by-fullurl');
    expect(pool.resolveReference('https://ehr.example/fhir/Endpoint/1')?.id).toBe('1');
    expect(pool.resolveReference('https://ehr.example/fhir/Endpoint/2')).toBeNull();
  });

  it('keeps the first of two resources with the same identity (e.g. one Endpoint in two manifests)', () => {
    const first = { ...endpoint('dup'), name: 'first' };
    const second = { ...endpoint('dup'), name: 'second' };
    const bundle = (resource: unknown) => ({
      resourceType: 'Bundle',
      entry: [{ fullUrl: 'urn:x', resource }],
    });
    const pool = createResourcePool([bundle(first), bundle(second)]);
    expect(pool.resolveReference('Endpoint/dup')).toBe(first);
    expect(pool.resolveReference('urn:x')).toBe(first);
  });
});
