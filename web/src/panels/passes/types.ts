/** The answer of `POST /api/analyses/orbit/passes` (crates/analyses, orbit). */
export interface Pass {
  satellite: string;
  norad_id: number | null;
  station: string;
  aos: string;
  tca: string;
  los: string;
  max_elevation_deg: number;
  aos_azimuth_deg: number;
  tca_azimuth_deg: number;
  los_azimuth_deg: number;
  duration_s: number;
  in_progress_at_start: boolean;
  in_progress_at_end: boolean;
}

export interface PassesAnswer {
  passes: Pass[];
  failures: { satellite?: string; station?: string; error?: string; message?: string }[];
}

/** "2026-05-31T09:00:04.000Z" → "2026-05-31 09:00:04". */
export function utc(iso: string): string {
  return iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "");
}

/** One-line description of a pass (tooltips, aria-labels, the detail line). */
export function describePass(p: Pass): string {
  const min = (p.duration_s / 60).toFixed(1);
  return (
    `${p.satellite}: AOS ${utc(p.aos)}${p.in_progress_at_start ? " (window start)" : ""}, ` +
    `LOS ${utc(p.los)}${p.in_progress_at_end ? " (window end)" : ""} UTC, ` +
    `max elevation ${p.max_elevation_deg.toFixed(1)}° at ${utc(p.tca)}, ${min} min`
  );
}
