/**
 * Layer toggles: one labelled checkbox per map layer, in a fieldset, so
 * Tab reaches each and Space switches it.
 */
import type L from "leaflet";
import { el } from "../../shell/dom";

export interface ToggleableLayer {
  id: string;
  label: string;
  layer: L.Layer;
}

export function createLayerToggles(map: L.Map, layers: ToggleableLayer[]): HTMLFieldSetElement {
  const fieldset = el("fieldset", { class: "layer-toggles" }, el("legend", {}, "Layers"));
  for (const { id, label, layer } of layers) {
    const inputId = `layer-${id}`;
    const input = el("input", { type: "checkbox", id: inputId, name: inputId });
    input.checked = map.hasLayer(layer);
    input.addEventListener("change", () => {
      if (input.checked) map.addLayer(layer);
      else map.removeLayer(layer);
    });
    fieldset.append(el("div", { class: "toggle" }, input, el("label", { for: inputId }, label)));
  }
  return fieldset;
}
