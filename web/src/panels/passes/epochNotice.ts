/**
 * How old the scenario's element sets are against the chosen window:
 * SGP4 predictions degrade with time from the epoch (LEO along-track
 * errors of kilometres per day; uncontrolled GEO drift), so the panel says
 * when the window lies more than a few days from the element sets.
 */
import { getJson } from "../../api/http";

interface SatelliteRecord {
  body: { id: string; name: string; tle?: { line1: string } | null };
}

/** Epoch of a TLE line 1 (columns 19–32: two-digit year, day of year with fraction), ms since 1970. */
export function tleEpochMs(line1: string): number | null {
  const field = line1.slice(18, 32).trim();
  const yy = Number(field.slice(0, 2));
  const day = Number(field.slice(2));
  if (!Number.isFinite(yy) || !Number.isFinite(day)) return null;
  const year = yy < 57 ? 2000 + yy : 1900 + yy; // the TLE convention
  return Date.UTC(year, 0, 1) + (day - 1) * 86_400_000;
}

/** Epochs of every scenario satellite with an element set (name → ms). */
export async function elementSetEpochs(path: string): Promise<Map<string, number>> {
  const page = await getJson<{ items: SatelliteRecord[] }>(`${path}?limit=500`);
  const epochs = new Map<string, number>();
  for (const r of page.items) {
    const t = r.body.tle ? tleEpochMs(r.body.tle.line1) : null;
    if (t !== null) epochs.set(r.body.name, t);
  }
  return epochs;
}

/** Warning text when the window is more than `days` from the newest and oldest epochs, else "". */
export function epochWarning(epochs: Map<string, number>, startMs: number, endMs: number, days = 7): string {
  if (epochs.size === 0) return "";
  const all = [...epochs.values()];
  const worstDays = Math.max(...all.map((e) => Math.max(Math.abs(startMs - e), Math.abs(endMs - e)))) / 86_400_000;
  if (worstDays <= days) return "";
  const oldest = new Date(Math.min(...all)).toISOString().slice(0, 10);
  return `Element sets date from ${oldest}; this window is up to ${worstDays.toFixed(0)} days from their epochs, so predicted times and elevations are approximate (import fresh element sets to improve them).`;
}
