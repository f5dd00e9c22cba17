/**
 * The parts of the `LinkReport` of `POST /api/analyses/link/budget`
 * (crates/link) the panel shows.
 */
export interface Look {
  elevation_deg: number;
  azimuth_deg: number;
  slant_range_km: number;
}

export interface Hop {
  free_space_loss_db: number;
  cn0_dbhz: number;
  cn_db: number;
}

export interface AcmModcod {
  modcod: string;
  required_esn0_db: number;
  max_fade_db: number | null;
  availability_pct: number;
  throughput_bps: number;
  time_selected_pct: number;
}

export interface AcmLevel {
  availability_pct: number;
  attenuation_db: number;
  esn0_db: number;
  best_modcod: string | null;
  excess_margin_db: number | null;
  throughput_bps: number;
}

export interface LinkReport {
  name: string;
  satellite: string;
  uplink: { name: string; look: Look };
  downlink: { name: string; look: Look };
  clear_sky: { uplink: Hop; downlink: Hop; cn_thermal_db: number; ci_db: number; cnir_db: number };
  clear_sky_modcod: string | null;
  clear_sky_throughput_bps: number;
  acm: {
    modcods: AcmModcod[];
    levels: AcmLevel[];
    mean_throughput_bps: number;
    outage_pct: number;
    outage_minutes_per_year: number;
  };
  warnings: string[];
}

/** A link file as JSON (crates/link/README.md): sections of named values. */
export interface LinkFile {
  name?: string;
  satellite: Record<string, unknown>;
  transponder: Record<string, unknown>;
  carrier: Record<string, unknown>;
  uplink: Record<string, unknown>;
  downlink: Record<string, unknown>;
  interference: Record<string, unknown>;
  availability?: Record<string, unknown>;
  [other: string]: unknown;
}

/** A stored link definition (`/api/link-definitions`), as the server lists it. */
export interface LinkDefinitionRecord {
  id: string;
  owner_org: string;
  revision: number;
  body: { id: string; description?: string | null; link: LinkFile };
}
