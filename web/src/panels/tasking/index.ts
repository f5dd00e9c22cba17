/**
 * EO tasking over the STAPI API (`/stapi`): draw an area (click points on
 * the map, or type `lon,lat` pairs), choose a product (an imaging
 * satellite) and a window, see its opportunities (footprints and a
 * table), order (engineers and admins) and see the order's status history
 * and its scheduled acquisitions, which also appear in the catalog's
 * `planned` collection.
 */
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { ENDPOINTS } from "../../api/endpoints";
import { getJson, postJson } from "../../api/http";
import { el } from "../../shell/dom";
import { loadBasemap } from "../map/basemap";
import type { PanelContext, PanelHandle } from "../panel";

interface Opportunity {
  id: string;
  geometry: GeoJSON.Geometry;
  properties: { datetime: string; "view:off_nadir": number; "view:incidence_angle": number; "view:sun_elevation": number; "silkway:coverage_fraction": number };
}
interface Order {
  id: string;
  status: { status_code: string; reason_code?: string; reason_text?: string };
  properties: { "silkway:acquisitions": { start: string; end: string; roll_deg: number; incidence_deg: number }[]; "silkway:coverage_fraction": number };
}
interface Status {
  timestamp: string;
  status_code: string;
  reason_text?: string;
}

const f1 = (v: number): string => v.toFixed(1);

export async function mount(container: HTMLElement, context: PanelContext): Promise<PanelHandle> {
  const mapElement = el("div", { id: "tasking-map", class: "map", role: "application", "aria-label": "Map: click to add corners of the area" });
  const side = el("aside", { class: "map-sidebar", "aria-label": "EO tasking" });
  container.append(el("div", { class: "map-layout wide-side" }, side, mapElement));
  const map = L.map(mapElement, { center: [40.4, 49.9], zoom: 8, attributionControl: false });
  L.control.attribution({ prefix: false }).addAttribution("Natural Earth (public domain)").addTo(map);
  const [basemap, products] = await Promise.all([loadBasemap(), getJson<{ products: { id: string; title: string }[] }>(ENDPOINTS.stapiProducts)]);
  basemap.addTo(map);
  const aoiLayer = L.polygon([], { color: "#e07b00", weight: 2 }).addTo(map);
  const opportunityLayer = L.geoJSON(undefined, { style: { color: "#0b6e99", weight: 1, fillOpacity: 0.2 } }).addTo(map);
  const planLayer = L.layerGroup().addTo(map);

  const coords = el("textarea", { id: "task-aoi", name: "task-aoi", rows: "3", placeholder: "lon,lat per line (3 or more corners)" });
  const clear = el("button", { type: "button", id: "task-clear" }, "Clear area");
  const product = el("select", { id: "task-product", name: "task-product" }, ...products.products.map((p) => el("option", { value: p.id }, p.title)));
  const start = el("input", { id: "task-start", name: "task-start", type: "datetime-local", value: "2026-05-31T00:00" });
  const end = el("input", { id: "task-end", name: "task-end", type: "datetime-local", value: "2026-06-03T00:00" });
  const find = el("button", { type: "submit", id: "task-find" }, "Find opportunities");
  const form = el("form", { class: "tasking-form", "aria-label": "Tasking request" }, el("label", { for: "task-aoi" }, "Area corners (lon,lat)"), coords, clear, el("label", { for: "task-product" }, "Product"), product, el("label", { for: "task-start" }, "From (UTC)"), start, el("label", { for: "task-end" }, "To (UTC)"), end, find);
  const opportunities = el("div", { id: "task-opportunities", "aria-live": "polite" });
  // The wrapper is shown to engineers and admins only (the shell applies
  // data-min-role); the button appears once there are opportunities.
  const order = el("button", { type: "button", id: "task-order", hidden: "" }, "Order this area and window");
  const orderBox = el("div", { "data-min-role": "engineer" }, order);
  const orderOut = el("div", { id: "task-order-result", "aria-live": "polite" });
  side.append(el("h2", {}, "EO tasking"), form, opportunities, orderBox, orderOut);

  const corners = (): [number, number][] =>
    coords.value
      .split("\n")
      .map((line) => line.split(",").map((v) => Number(v.trim())))
      .filter((p) => p.length === 2 && p.every(Number.isFinite))
      .map((p) => [p[0]!, p[1]!]);
  const redraw = (): void => {
    aoiLayer.setLatLngs(corners().map(([lon, lat]) => [lat, lon]));
  };
  map.on("click", (e: L.LeafletMouseEvent) => {
    coords.value = `${coords.value.trim() ? `${coords.value.trim()}\n` : ""}${e.latlng.lng.toFixed(4)},${e.latlng.lat.toFixed(4)}`;
    redraw();
  });
  coords.addEventListener("input", redraw);
  clear.addEventListener("click", () => {
    coords.value = "";
    redraw();
  });
  const request = (): Record<string, unknown> | null => {
    const ring = corners();
    if (ring.length < 3) {
      context.status("Give at least three corners of the area (click the map or type lon,lat lines).", "error");
      coords.focus();
      return null;
    }
    return { datetime: `${start.value}:00Z/${end.value}:00Z`, geometry: { type: "Polygon", coordinates: [[...ring, ring[0]!]] } };
  };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const body = request();
    if (!body) return;
    find.disabled = true;
    postJson<{ features: Opportunity[] }>(`${ENDPOINTS.stapiProducts}/${encodeURIComponent(product.value)}/opportunities`, body)
      .then((fc) => {
        opportunityLayer.clearLayers();
        for (const o of fc.features) opportunityLayer.addData({ type: "Feature", geometry: o.geometry, properties: {} } as GeoJSON.Feature);
        opportunities.replaceChildren(
          el("p", { id: "task-opp-count" }, `${fc.features.length} opportunit${fc.features.length === 1 ? "y" : "ies"} for ${product.value}.`),
          el(
            "table",
            { class: "data-table", id: "task-opp-table" },
            el("thead", {}, el("tr", {}, ...["Window (UTC)", "Off-nadir °", "Incidence °", "Sun °", "Coverage"].map((h) => el("th", { scope: "col" }, h)))),
            el(
              "tbody",
              {},
              ...fc.features.map((o) => {
                const p = o.properties;
                return el("tr", {}, el("td", {}, p.datetime.replace("/", " – ")), el("td", {}, f1(p["view:off_nadir"])), el("td", {}, f1(p["view:incidence_angle"])), el("td", {}, f1(p["view:sun_elevation"])), el("td", {}, `${(100 * p["silkway:coverage_fraction"]).toFixed(0)} %`));
              }),
            ),
          ),
        );
        order.hidden = fc.features.length === 0;
        context.status(`Tasking: ${fc.features.length} opportunities.`);
      })
      .catch((err: unknown) => context.status(`Tasking: ${err instanceof Error ? err.message : String(err)}`, "error"))
      .finally(() => {
        find.disabled = false;
      });
  });

  order.addEventListener("click", () => {
    const body = request();
    if (!body) return;
    order.disabled = true;
    postJson<Order>(`${ENDPOINTS.stapiProducts}/${encodeURIComponent(product.value)}/orders`, body)
      .then(async (o) => {
        const history = await getJson<{ statuses: Status[] }>(`${ENDPOINTS.stapiOrders}/${encodeURIComponent(o.id)}/statuses`);
        planLayer.clearLayers();
        const acquisitions = o.properties["silkway:acquisitions"];
        orderOut.replaceChildren(
          el("h3", {}, `Order ${o.id}: `, el("span", { id: "task-order-status" }, o.status.status_code)),
          o.status.reason_text ? el("p", {}, o.status.reason_text) : "",
          el("ol", { id: "task-order-history" }, ...history.statuses.map((s) => el("li", {}, `${s.timestamp} ${s.status_code}${s.reason_text ? ` — ${s.reason_text}` : ""}`))),
          el("ul", { id: "task-order-plan" }, ...acquisitions.map((a) => el("li", {}, `${a.start} – ${a.end}, roll ${f1(a.roll_deg)}°, incidence ${f1(a.incidence_deg)}°`))),
        );
        context.status(`Order ${o.id} ${o.status.status_code}.`);
      })
      .catch((err: unknown) => context.status(`Order: ${err instanceof Error ? err.message : String(err)}`, "error"))
      .finally(() => {
        order.disabled = false;
      });
  });
  container.dataset["loaded"] = "true";
  return { shown: () => map.invalidateSize() };
}
