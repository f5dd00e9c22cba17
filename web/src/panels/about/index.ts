/**
 * About: what the console shows, where its data comes from, and how to use
 * it from the keyboard.
 */
import { el } from "../../shell/dom";

export function mount(container: HTMLElement): void {
  const item = (...children: (Node | string)[]): HTMLLIElement => el("li", {}, ...children);
  container.append(
    el(
      "div",
      { class: "prose" },
      el("h2", {}, "About silkway"),
      el(
        "p",
        {},
        "An engineering console for the GEO satellites, teleports, cross-border spectrum and the Europe–Asia fiber corridor of the Caspian region. It runs entirely from the silkway binary: no tile server, no fonts or scripts from elsewhere.",
      ),
      el("h3", {}, "Data"),
      el(
        "ul",
        {},
        item("Basemap: Natural Earth 1:50m admin-0 countries (public domain), via the world-atlas package."),
        item("Azerbaijan–Iran border: Natural Earth 1:10m admin-0 (public domain), the line the spectrum border screening uses."),
        item(
          "Stations, network, satellites: the loaded scenario (built-in ",
          el("code", {}, "caspian"),
          " by default). Positions marked approximate in the scenario are city-level (±0.05°).",
        ),
        item(
          "Look angles: WGS84 site to an ideal geostationary slot (radius 42 164.17 km), computed in the browser; no refraction.",
        ),
      ),
      el("h3", {}, "Keyboard"),
      el(
        "ul",
        {},
        item("Tab moves through the navigation, the login box, the map, the station markers and the sidebar controls."),
        item("On the map: arrow keys pan, + and − zoom."),
        item("On a station marker: Enter shows its look angles. The Station list in the sidebar does the same."),
        item("Layer check boxes: Space switches a layer on or off."),
      ),
    ),
  );
}
