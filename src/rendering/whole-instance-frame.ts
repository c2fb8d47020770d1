import type dicomParser from 'dicom-parser';
import { instanceOfFrameUrl, WHOLE_INSTANCE_ACCEPT } from '@/domain/imaging/frame-retrieval';
import { firstMultipartPart } from '@/domain/imaging/multipart-related';
import { fetchImagingBytes, type AuthorizationProvider } from '@/lib/imaging-http';
import type { FrameBytes } from './frame-request';
import { frameOfDataSet, InstanceFrameError, parsePart10 } from './instance-frame';

/**
 * A frame taken out of its whole Part 10 instance, for servers that will not cut it out themselves.
 * The instance comes through the imaging door like every other request and is kept a while (its
 * other frames are asked for next); its frame is cut out by instance-frame.ts.
 */

/** Few: one multi-frame instance serves all its frames, and a CT slice is asked for once. */
const KEPT_INSTANCES = 4;
const instances = new Map<string, Promise<dicomParser.DataSet>>();

export async function fetchFrameOfInstance(
  frameUrl: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<FrameBytes> {
  const target = instanceOfFrameUrl(frameUrl);
  if (!target) throw new InstanceFrameError(`Not a WADO-RS frame URL: ${frameUrl}`);
  const dataSet = await instanceDataSet(target.instanceUrl, authorizationFor, signal);
  return frameOfDataSet(dataSet, target.frame);
}

function instanceDataSet(
  instanceUrl: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<dicomParser.DataSet> {
  const kept = instances.get(instanceUrl);
  if (kept) return kept;
  const pending = fetchImagingBytes(instanceUrl, {
    accept: WHOLE_INSTANCE_ACCEPT,
    authorizationFor,
    signal,
  }).then((answer) => parsePart10(firstMultipartPart(answer.body, answer.contentType).body));
  instances.set(instanceUrl, pending);
  // A failed or cancelled fetch is not kept: the next frame asks again.
  pending.catch(() => {
    if (instances.get(instanceUrl) === pending) instances.delete(instanceUrl);
  });
  while (instances.size > KEPT_INSTANCES) {
    const oldest = instances.keys().next().value;
    if (oldest === undefined) break;
    instances.delete(oldest);
  }
  return pending;
}
