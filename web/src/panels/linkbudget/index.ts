/**
 * Link budget: satellite, uplink and downlink stations of the scenario,
 * frequencies, antennas, transponder and availability levels → the
 * `LinkReport` of `POST /api/analyses/link/budget` (up/down/end-to-end
 * C/N, C/I, C/(N+I), clear-sky MODCOD, ACM availability levels with their
 * margins) and a uPlot of the MODCOD ladder.
 */
import { ENDPOINTS } from "../../api/endpoints";
import { getJson, postJson } from "../../api/http";
import { splitScenario } from "../../scenario/types";
import { el } from "../../shell/dom";
import type { PanelContext } from "../panel";
import { EXAMPLE } from "./defaults";
import { modcodPlot } from "./modcodPlot";
import { reportTables } from "./report";
import { CUSTOM_SITE, createCustomSite } from "./customSite";
import { createDefinitionsBox } from "./definitions";
import type { LinkFile, LinkReport } from "./types";

type Section = "transponder" | "carrier" | "uplink" | "downlink" | "interference";
/** One numeric input: section of the link file, key, label (with unit), starting value, step. */
type NumberField = [Section, string, string, number, string];

const MAIN_FIELDS: NumberField[] = [
  ["uplink", "freq_ghz", "Uplink frequency (GHz)", EXAMPLE.uplink.freq_ghz, "0.01"],
  ["downlink", "freq_ghz", "Downlink frequency (GHz)", EXAMPLE.downlink.freq_ghz, "0.01"],
  ["uplink", "diameter_m", "Uplink antenna (m)", EXAMPLE.uplink.diameter_m, "0.1"],
  ["downlink", "diameter_m", "Downlink antenna (m)", EXAMPLE.downlink.diameter_m, "0.1"],
  ["uplink", "tx_power_dbw", "HPA power (dBW)", EXAMPLE.uplink.tx_power_dbw, "0.1"],
  ["carrier", "symbol_rate_msps", "Symbol rate (Msym/s)", EXAMPLE.carrier.symbol_rate_msps, "0.1"],
];
const MORE_FIELDS: NumberField[] = [
  ...Object.entries(EXAMPLE.transponder).map(([k, v]): NumberField => ["transponder", k, `Transponder ${k}`, v, "0.1"]),
  ["carrier", "rolloff", "Roll-off", EXAMPLE.carrier.rolloff, "0.01"],
  ["carrier", "implementation_margin_db", "Implementation margin (dB)", EXAMPLE.carrier.implementation_margin_db, "0.1"],
  ["uplink", "tx_feeder_loss_db", "Uplink feeder loss (dB)", EXAMPLE.uplink.tx_feeder_loss_db, "0.1"],
  ["uplink", "other_losses_db", "Uplink other losses (dB)", EXAMPLE.uplink.other_losses_db, "0.1"],
  ["uplink", "efficiency", "Uplink antenna efficiency", EXAMPLE.uplink.efficiency, "0.01"],
  ["uplink", "pointing_error_deg", "Uplink pointing error (°)", EXAMPLE.uplink.pointing_error_deg, "0.01"],
  ["downlink", "polarization_tilt_deg", "Polarization tilt (°)", EXAMPLE.downlink.polarization_tilt_deg, "1"],
  ["downlink", "antenna_noise_temp_k", "Antenna noise temperature (K)", EXAMPLE.downlink.antenna_noise_temp_k, "1"],
  ["downlink", "lnb_noise_figure_db", "LNB noise figure (dB)", EXAMPLE.downlink.lnb_noise_figure_db, "0.1"],
  ["downlink", "feeder_loss_db", "Downlink feeder loss (dB)", EXAMPLE.downlink.feeder_loss_db, "0.1"],
  ["downlink", "other_losses_db", "Downlink other losses (dB)", EXAMPLE.downlink.other_losses_db, "0.1"],
  ["downlink", "efficiency", "Downlink antenna efficiency", EXAMPLE.downlink.efficiency, "0.01"],
  ["downlink", "pointing_error_deg", "Downlink pointing error (°)", EXAMPLE.downlink.pointing_error_deg, "0.01"],
  ...Object.entries(EXAMPLE.interference).map(([k, v]): NumberField => ["interference", k, `C/I ${k.replace(/_ci_db$/, "").replaceAll("_", " ")} (dB)`, v, "0.5"]),
];
const ANTENNA_KEYS = new Set(["diameter_m", "efficiency", "pointing_error_deg"]);

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return el("div", { class: "form-field" }, el("label", { for: id }, label), input);
}

function numberInput(f: NumberField): [HTMLElement, HTMLInputElement] {
  const id = `lb-${f[0]}-${f[1]}`.replaceAll("_", "-");
  const input = el("input", { id, name: id, type: "number", step: f[4], value: String(f[3]), required: "" });
  return [field(id, f[2], input), input];
}

export async function mount(container: HTMLElement, context: PanelContext): Promise<void> {
  const scenario = splitScenario(await getJson<unknown>(ENDPOINTS.scenarioGeojson));
  const geo = scenario.satellites.filter((s) => s.properties.orbit === "geo");
  const stations = scenario.stations.filter((s) => s.properties.kind !== "terrestrial");
  const select = (id: string, options: [string, string][], value: string): HTMLSelectElement => {
    const s = el("select", { id, name: id });
    for (const [v, label] of options) s.append(el("option", { value: v }, label));
    s.value = value;
    return s;
  };
  const satellite = select(
    "lb-satellite",
    geo.map((s) => [s.properties.id, `${s.properties.name} (${(s.geometry.coordinates[0] as number).toFixed(1)}°E)`]),
    EXAMPLE.satellite,
  );
  const stationOptions = stations.map((s): [string, string] => [s.properties.id, s.properties.name]);
  const upStation = select("lb-uplink-station", stationOptions, EXAMPLE.uplinkStation);
  const downStation = select("lb-downlink-station", stationOptions, EXAMPLE.downlinkStation);
  const upCustom = createCustomSite("lb-uplink-site", "Uplink", upStation);
  const downCustom = createCustomSite("lb-downlink-site", "Downlink", downStation);
  const modcods = select("lb-modcods", [["dvb-s2x", "DVB-S2X"], ["dvb-s2", "DVB-S2"]], EXAMPLE.carrier.modcods);
  const levels = el("input", { id: "lb-levels", name: "lb-levels", type: "text", value: EXAMPLE.availabilityLevelsPct.join(", "), required: "" });

  const inputs: [NumberField, HTMLInputElement][] = [];
  const mainGroup = el("fieldset", { class: "form-group" }, el("legend", {}, "Link"));
  mainGroup.append(
    field("lb-satellite", "Satellite", satellite),
    field("lb-uplink-station", "Uplink station", upStation),
    field("lb-downlink-station", "Downlink station", downStation),
  );
  for (const f of MAIN_FIELDS) {
    const [wrap, input] = numberInput(f);
    inputs.push([f, input]);
    mainGroup.append(wrap);
  }
  mainGroup.append(field("lb-modcods", "MODCODs", modcods), field("lb-levels", "Availability levels (%)", levels));
  const moreGroup = el("div", { class: "form-group-inner panel-form" });
  for (const f of MORE_FIELDS) {
    const [wrap, input] = numberInput(f);
    inputs.push([f, input]);
    moreGroup.append(wrap);
  }
  const more = el(
    "details",
    { class: "more-fields" },
    el("summary", {}, "Transponder, losses, noise and interference (illustrative starting values from the crates/link example)"),
    moreGroup,
  );
  const button = el("button", { type: "submit", id: "lb-run" }, "Compute link budget");
  const form = el("form", { class: "panel-form", "aria-label": "Link budget" }, mainGroup, upCustom.element, downCustom.element, button);
  const report = el("div", { id: "lb-report", "aria-live": "polite" });
  const plot = el("div", { id: "lb-plot", class: "lb-plot" });
  const definitions = el("div", { class: "definitions-box" });
  container.append(el("div", { class: "panel-page" }, el("h2", {}, "Link budget"), definitions, form, more, el("div", { class: "report-grid" }, report, plot)));

  // Stations of the scenario, plus any a stored definition brings (id "def:<n>").
  const extraStations = new Map<string, { name: string; lat_deg: number; lon_deg: number; height_m: number }>();
  const station = (id: string): { name: string; lat_deg: number; lon_deg: number; height_m: number } => {
    const extra = extraStations.get(id);
    if (extra) return extra;
    const s = stations.find((x) => x.properties.id === id);
    if (!s) throw new Error(`unknown station ${id}`);
    const [lon, lat, height] = s.geometry.coordinates as [number, number, number?];
    return { name: s.properties.name, lat_deg: lat, lon_deg: lon, height_m: height ?? 0 };
  };

  /** The link file (JSON form of crates/link/README.md) the form describes; null (and a message) when invalid. */
  const buildLink = (): LinkFile | null => {
    const sat = geo.find((s) => s.properties.id === satellite.value);
    const levelsPct = levels.value.split(/[ ,;]+/).filter(Boolean).map(Number);
    if (!sat || levelsPct.length === 0 || levelsPct.some((v) => !(v > 0 && v < 100))) {
      context.status("Link budget: availability levels must be percentages between 0 and 100, e.g. 99.9, 99.99.", "error");
      levels.focus();
      return null;
    }
    const body: LinkFile = {
      satellite: { name: sat.properties.name, longitude_deg: sat.geometry.coordinates[0] as number },
      transponder: {},
      carrier: { modcods: modcods.value },
      uplink: {},
      downlink: {},
      interference: {},
      availability: { levels_pct: levelsPct },
    };
    for (const hop of ["uplink", "downlink"] as const) {
      const chosen = hop === "uplink" ? upStation.value : downStation.value;
      const s = chosen === CUSTOM_SITE ? (hop === "uplink" ? upCustom : downCustom).read() : station(chosen);
      if (typeof s === "string") {
        context.status(`Link budget: ${s}.`, "error");
        return null;
      }
      body[hop] = { station: s.name, lat_deg: s.lat_deg, lon_deg: s.lon_deg, height_m: s.height_m, antenna: {} };
    }
    body.name = `${String(body.uplink["station"])} → ${sat.properties.name} → ${String(body.downlink["station"])}`;
    for (const [[section, key], input] of inputs) {
      const target = ANTENNA_KEYS.has(key) && (section === "uplink" || section === "downlink") ? (body[section]["antenna"] as Record<string, unknown>) : body[section];
      target[key] = Number(input.value);
    }
    return body;
  };

  /** Put a stored link file into the form (stations and satellite matched to the scenario's where they agree). */
  const fillFrom = (link: LinkFile): void => {
    const lon = Number(link.satellite["longitude_deg"]);
    const sat = geo.find((s) => Math.abs((s.geometry.coordinates[0] as number) - lon) < 0.05 && s.properties.name === link.satellite["name"]) ??
      geo.find((s) => Math.abs((s.geometry.coordinates[0] as number) - lon) < 0.05);
    if (sat) satellite.value = sat.properties.id;
    else context.status(`Link budget: no scenario GEO satellite at ${lon}°E; kept ${satellite.selectedOptions[0]?.textContent}.`, "error");
    for (const [hop, select] of [["uplink", upStation], ["downlink", downStation]] as const) {
      const h = link[hop];
      const near = stations.find((s) => {
        const [slon, slat] = s.geometry.coordinates as [number, number];
        return Math.abs(slat - Number(h["lat_deg"])) < 0.01 && Math.abs(slon - Number(h["lon_deg"])) < 0.01;
      });
      if (near) {
        select.value = near.properties.id;
        continue;
      }
      const id = `def:${String(h["station"] ?? hop)}`;
      extraStations.set(id, { name: String(h["station"] ?? hop), lat_deg: Number(h["lat_deg"]), lon_deg: Number(h["lon_deg"]), height_m: Number(h["height_m"] ?? 0) });
      for (const s of [upStation, downStation]) {
        if (![...s.options].some((o) => o.value === id)) s.append(el("option", { value: id }, `${String(h["station"] ?? hop)} (stored definition)`));
      }
      select.value = id;
    }
    for (const [[section, key], input] of inputs) {
      const from = ANTENNA_KEYS.has(key) && (section === "uplink" || section === "downlink") ? (link[section]["antenna"] as Record<string, unknown> | undefined) : link[section];
      const v = from?.[key];
      if (typeof v === "number") input.value = String(v);
    }
    if (typeof link.carrier["modcods"] === "string") modcods.value = link.carrier["modcods"];
    const lv = link.availability?.["levels_pct"];
    if (Array.isArray(lv)) levels.value = lv.join(", ");
  };
  definitions.replaceChildren(createDefinitionsBox({ buildLink, fillFrom, status: context.status }));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = buildLink();
    if (!body) return;
    button.disabled = true;
    postJson<LinkReport>(ENDPOINTS.linkBudget, body)
      .then((r) => {
        report.replaceChildren(reportTables(r));
        modcodPlot(plot, r, Math.max(420, plot.clientWidth - 8));
        context.status(`Link budget: C/(N+I) ${r.clear_sky.cnir_db.toFixed(2)} dB, clear sky ${r.clear_sky_modcod ?? "no MODCOD"}.`);
      })
      .catch((err: unknown) => context.status(`Link budget: ${err instanceof Error ? err.message : String(err)}`, "error"))
      .finally(() => {
        button.disabled = false;
      });
  });
  container.dataset["loaded"] = "true";
}
