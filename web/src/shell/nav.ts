/**
 * The navigation bar: one link per panel the current role may see; the
 * current panel is marked with aria-current="page".
 */
import { MIN_ROLE_ATTRIBUTE } from "../auth/roles";
import type { PanelEntry } from "../panels/panel";
import { el } from "./dom";
import { navigate } from "./router";

export function createNav(panels: readonly PanelEntry[]): { element: HTMLElement; markCurrent(path: string): void } {
  const list = el("ul");
  const links = new Map<string, HTMLAnchorElement>();
  for (const panel of panels) {
    const link = el("a", { href: panel.path }, panel.title);
    link.addEventListener("click", (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(panel.path);
    });
    const item = el("li", {}, link);
    if (panel.minRole) item.setAttribute(MIN_ROLE_ATTRIBUTE, panel.minRole);
    links.set(panel.path, link);
    list.append(item);
  }
  return {
    element: el("nav", { "aria-label": "Panels" }, list),
    markCurrent(path) {
      for (const [p, link] of links) {
        if (p === path) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
      }
    },
  };
}
