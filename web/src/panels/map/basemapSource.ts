/**
 * The basemap's TopoJSON (Natural Earth 1:50m countries, npm `world-atlas`),
 * a hashed asset of this build served from the same origin.
 *
 * {@link prefetchBasemap} starts the download at boot, in parallel with
 * loading the map panel's code, so the first map paint does not wait for
 * the two one after the other. Later calls reuse the same request.
 */
import countriesUrl from "world-atlas/countries-50m.json?url";

let pending: Promise<unknown> | null = null;

export function prefetchBasemap(): Promise<unknown> {
  if (!pending) {
    pending = fetch(countriesUrl).then(async (response) => {
      if (!response.ok) throw new Error(`basemap ${countriesUrl}: ${response.status}`);
      const body: unknown = await response.json();
      performance.mark("silkway:basemap-fetched");
      return body;
    });
    // A failure is reported by the map panel when it awaits the promise.
    pending.catch(() => undefined);
  }
  return pending;
}
