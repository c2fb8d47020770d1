/**
 * A series' frames had in one WADO-RS request (PS3.18 §10.4: Retrieve Series, every instance as Part 10
 * in one `multipart/related` answer) rather than one request per frame: with a bearer token each frame
 * URL costs the browser a CORS preflight of its own (Chromium keys its preflight cache by URL), so a
 * 300-slice CT was 600 requests; as one it is two. The frames wanted are named by their image ids;
 * the plan says which instance and frame number each comes from.
 */
export interface SeriesRetrievalPlan {
  /** `{base}/studies/{study}/series/{series}`: the Retrieve Series URL. */
  readonly seriesUrl: string;
  /** SOP Instance UID → frame number (1-based) → the image id that wants it. */
  readonly frames: ReadonlyMap<string, ReadonlyMap<number, string>>;
}

const FRAME_IMAGE_ID =
  /^wadors:(.+\/studies\/[0-9.]+\/series\/[0-9.]+)\/instances\/([0-9.]+)\/frames\/([1-9][0-9]*)$/;

/**
 * The plan for these image ids, or null unless every one is a WADO-RS frame of one and the same
 * series (the UIDs in them were checked when the ids were built; the pattern only splits them).
 */
export function seriesRetrievalPlan(imageIds: readonly string[]): SeriesRetrievalPlan | null {
  let seriesUrl: string | null = null;
  const frames = new Map<string, Map<number, string>>();
  for (const imageId of imageIds) {
    const match = FRAME_IMAGE_ID.exec(imageId);
    const [, url, instance, frame] = match ?? [];
    if (!url || !instance || !frame) return null;
    if (seriesUrl !== null && url !== seriesUrl) return null;
    seriesUrl = url;
    const ofInstance = frames.get(instance) ?? new Map<number, string>();
    ofInstance.set(Number(frame), imageId);
    frames.set(instance, ofInstance);
  }
  return seriesUrl === null ? null : { seriesUrl, frames };
}
