/**
 * Map layers computed by the analyses API (a login is needed for them):
 * LEO satellites now with their ground tracks, and attenuation contours
 * toward a chosen GEO satellite with their legend.
 */
import type L from "leaflet";
import { el } from "../../shell/dom";
import { CONTOUR_BBOX, bandColour, loadContours } from "./contourLayer";
import type { GeoSatellite } from "./geoArc";
import { loadLeoLayer } from "./leoLayer";

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return el("div", { class: "form-field" }, el("label", { for: id }, label), input);
}

export function createAnalysisControls(map: L.Map, satellites: GeoSatellite[], status: (m: string, kind?: "info" | "error") => void): HTMLElement {
  // LEO now + tracks: a check box; fetched each time it is switched on (positions are "now").
  const leo = el("input", { type: "checkbox", id: "layer-leo", name: "layer-leo" });
  let leoLayer: L.LayerGroup | null = null;
  leo.addEventListener("change", () => {
    if (leoLayer) map.removeLayer(leoLayer);
    leoLayer = null;
    if (!leo.checked) return;
    loadLeoLayer(new Date(), new Set(satellites.map((s) => s.name)))
      .then(({ layer, count }) => {
        if (!leo.checked) return;
        leoLayer = layer.addTo(map);
        status(`LEO satellites: ${count} now, with their ground tracks.`);
      })
      .catch((err: unknown) => {
        leo.checked = false;
        status(`LEO satellites: ${err instanceof Error ? err.message : String(err)}`, "error");
      });
  });

  // Contours toward a GEO satellite.
  const satellite = el("select", { id: "contour-satellite", name: "contour-satellite" });
  for (const s of satellites) satellite.append(el("option", { value: String(s.lonDeg) }, `${s.name} (${s.lonDeg.toFixed(1)}°E)`));
  const freq = el("input", { id: "contour-freq", name: "contour-freq", type: "number", min: "1", max: "55", step: "0.5", value: "12" });
  const pct = el("input", { id: "contour-p", name: "contour-p", type: "number", min: "0.001", max: "5", step: "0.001", value: "0.01" });
  const show = el("button", { type: "submit", id: "contour-show" }, "Show contours");
  const clear = el("button", { type: "button", id: "contour-clear" }, "Clear");
  const legend = el("ul", { class: "legend contour-legend", id: "contour-legend", "aria-label": "Attenuation bands" });
  let contours: L.Layer | null = null;
  const form = el(
    "form",
    { class: "contour-form", "aria-label": "Attenuation contours" },
    field("contour-satellite", "GEO satellite", satellite),
    field("contour-freq", "Frequency (GHz)", freq),
    field("contour-p", "Exceeded for (% of year)", pct),
    el("div", { class: "buttons" }, show, clear),
  );
  clear.addEventListener("click", () => {
    if (contours) map.removeLayer(contours);
    contours = null;
    legend.replaceChildren();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show.disabled = true;
    const req = { satellite_lon_deg: Number(satellite.value), freq_ghz: Number(freq.value), p_pct: Number(pct.value), d_m: 1.2 };
    loadContours(req)
      .then(({ layer, bands }) => {
        if (contours) map.removeLayer(contours);
        contours = layer.addTo(map);
        legend.replaceChildren(
          ...bands.map((b, i) =>
            el(
              "li",
              { "data-min-db": String(b.min), "data-max-db": String(b.max) },
              el("span", {}, el("span", { class: "legend-icon", style: `background:${bandColour(i, bands.length)}` })),
              `${b.min}–${b.max} dB`,
            ),
          ),
        );
        status(`Contours: P.618 attenuation at ${req.freq_ghz} GHz exceeded ${req.p_pct} % of the year toward ${satellite.selectedOptions[0]?.textContent}, ${bands.length} bands over ${CONTOUR_BBOX.join(", ")}.`);
      })
      .catch((err: unknown) => status(`Contours: ${err instanceof Error ? err.message : String(err)}`, "error"))
      .finally(() => {
        show.disabled = false;
      });
  });

  return el(
    "fieldset",
    { class: "layer-toggles analysis-layers", "data-min-role": "viewer" },
    el("legend", {}, "Computed layers"),
    el("div", { class: "toggle" }, leo, el("label", { for: "layer-leo" }, "LEO satellites now and ground tracks")),
    el("h3", { class: "small-heading" }, "Rain attenuation contours (P.618)"),
    form,
    legend,
  );
}
