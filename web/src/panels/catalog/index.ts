/**
 * Catalog search over the STAC API (`POST /stac/search`): a bounding box
 * (typed, or the map's current view), a datetime range, a collection and
 * an optional CQL2 text filter; results page by page (the `next` link),
 * their footprints on the map, an item's properties and assets on demand.
 */
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { ENDPOINTS } from "../../api/endpoints";
import { getJson, postJson } from "../../api/http";
import { el } from "../../shell/dom";
import { loadBasemap } from "../map/basemap";
import type { PanelContext, PanelHandle } from "../panel";

interface Item {
  id: string;
  collection: string;
  geometry: GeoJSON.Geometry;
  properties: Record<string, unknown>;
  assets?: Record<string, { href: string; title?: string }>;
}
interface SearchPage {
  features: Item[];
  links: { rel: string; body?: Record<string, unknown> }[];
  numberReturned: number;
}

const field = (id: string, label: string, input: HTMLElement): HTMLElement[] => [el("label", { for: id }, label), input];

export async function mount(container: HTMLElement, context: PanelContext): Promise<PanelHandle> {
  const mapElement = el("div", { id: "catalog-map", class: "map", role: "img", "aria-label": "Footprints of the search results" });
  const side = el("aside", { class: "map-sidebar", "aria-label": "Catalog search" });
  container.append(el("div", { class: "map-layout wide-side" }, side, mapElement));
  const map = L.map(mapElement, { center: [41, 50], zoom: 5, attributionControl: false });
  L.control.attribution({ prefix: false }).addAttribution("Natural Earth (public domain)").addTo(map);
  const [basemap, collections] = await Promise.all([loadBasemap(), getJson<{ collections: { id: string; title?: string }[] }>(ENDPOINTS.stacCollections)]);
  basemap.addTo(map);
  const footprints = L.geoJSON(undefined, { style: { color: "#0b6e99", weight: 2, fillOpacity: 0.15 } }).addTo(map);

  const bbox = el("input", { id: "cat-bbox", name: "cat-bbox", placeholder: "west,south,east,north", value: "44,36,56,47" });
  const fromView = el("button", { type: "button", id: "cat-bbox-view" }, "Use map view");
  const start = el("input", { id: "cat-start", name: "cat-start", type: "datetime-local" });
  const end = el("input", { id: "cat-end", name: "cat-end", type: "datetime-local" });
  const collection = el("select", { id: "cat-collection", name: "cat-collection" }, el("option", { value: "" }, "— any —"), ...collections.collections.map((c) => el("option", { value: c.id }, c.title ?? c.id)));
  const filter = el("input", { id: "cat-filter", name: "cat-filter", placeholder: "eo:cloud_cover < 20" });
  const submit = el("button", { type: "submit", id: "cat-search" }, "Search");
  const form = el("form", { class: "catalog-form", "aria-label": "Search the catalog" }, ...field("cat-bbox", "Bounding box (°)", bbox), fromView, ...field("cat-start", "From (UTC)", start), ...field("cat-end", "To (UTC)", end), ...field("cat-collection", "Collection", collection), ...field("cat-filter", "CQL2 filter", filter), submit);
  const summary = el("p", { id: "cat-summary", "aria-live": "polite" });
  const list = el("ol", { id: "cat-results", class: "result-list" });
  const more = el("button", { type: "button", id: "cat-next", hidden: "" }, "Next page");
  const detail = el("div", { id: "cat-detail" });
  side.append(el("h2", {}, "Catalog"), form, summary, list, more, detail);

  fromView.addEventListener("click", () => {
    const b = map.getBounds();
    bbox.value = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(3)).join(",");
  });
  let nextBody: Record<string, unknown> | undefined;
  let shown = 0;
  const show = (page: SearchPage, append: boolean): void => {
    if (!append) {
      list.replaceChildren();
      footprints.clearLayers();
      shown = 0;
    }
    for (const item of page.features) {
      footprints.addData({ type: "Feature", geometry: item.geometry, properties: { id: item.id } } as GeoJSON.Feature);
      const button = el("button", { type: "button", class: "link-button" }, item.id);
      button.addEventListener("click", () => {
        detail.replaceChildren(
          el("h3", {}, item.id),
          el("table", { class: "data-table", id: "cat-item" }, el("tbody", {}, ...Object.entries(item.properties).map(([k, v]) => el("tr", {}, el("th", { scope: "row" }, k), el("td", {}, typeof v === "object" ? JSON.stringify(v) : String(v)))))),
          el("ul", {}, ...Object.entries(item.assets ?? {}).map(([k, a]) => el("li", {}, el("a", { href: a.href }, a.title ?? k)))),
        );
      });
      list.append(el("li", { "data-item": item.id }, button, ` ${String(item.properties["datetime"] ?? "")} · ${item.collection}`));
    }
    shown += page.features.length;
    nextBody = page.links.find((l) => l.rel === "next")?.body;
    more.hidden = !nextBody;
    summary.textContent = `${shown} item(s) shown${nextBody ? "; more on the next page" : ""}.`;
    const b = footprints.getBounds();
    if (b.isValid()) map.fitBounds(b, { padding: [16, 16], maxZoom: 7, animate: false });
  };
  const search = (body: Record<string, unknown>, append: boolean): void => {
    submit.disabled = true;
    postJson<SearchPage>(ENDPOINTS.stacSearch, body)
      .then((page) => show(page, append))
      .catch((e: unknown) => context.status(`Catalog: ${e instanceof Error ? e.message : String(e)}`, "error"))
      .finally(() => {
        submit.disabled = false;
      });
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const body: Record<string, unknown> = { limit: 20, sortby: [{ field: "properties.datetime", direction: "desc" }] };
    const box = bbox.value.split(",").map(Number);
    if (bbox.value.trim()) {
      if (box.length !== 4 || box.some((v) => !Number.isFinite(v))) {
        context.status("Bounding box: four numbers west,south,east,north.", "error");
        bbox.focus();
        return;
      }
      body["bbox"] = box;
    }
    if (start.value || end.value) body["datetime"] = `${start.value ? `${start.value}:00Z` : ".."}/${end.value ? `${end.value}:00Z` : ".."}`;
    if (collection.value) body["collections"] = [collection.value];
    if (filter.value.trim()) {
      body["filter"] = filter.value.trim();
      body["filter-lang"] = "cql2-text";
    }
    search(body, false);
  });
  more.addEventListener("click", () => nextBody && search(nextBody, true));
  container.dataset["loaded"] = "true";
  return { shown: () => map.invalidateSize() };
}
