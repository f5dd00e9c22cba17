/**
 * The app shell: header (title, panel navigation, login box), the status
 * line and one <section> per panel, mounted lazily on first visit and
 * hidden (not destroyed) when another panel is shown, so a map keeps its
 * view and a form its input.
 */
import { applyRoleVisibility, roleAllows } from "../auth/roles";
import { identity, onIdentityChange, restoreSession } from "../auth/whoami";
import type { PanelEntry, PanelHandle } from "../panels/panel";
import { el } from "./dom";
import { createLoginBox } from "./loginBox";
import { createNav } from "./nav";
import { currentPath, navigate, onRoute } from "./router";
import { createStatusLine } from "./status";

interface Mounted {
  section: HTMLElement;
  handle: PanelHandle | void;
}

export function startShell(root: HTMLElement, panels: readonly PanelEntry[]): void {
  const first = panels[0];
  if (!first) throw new Error("no panels registered");
  const status = createStatusLine();
  const nav = createNav(panels);
  const main = el("main", { id: "main" });
  root.append(
    el("a", { href: "#main", class: "skip-link" }, "Skip to content"),
    el("header", { class: "app-header" }, el("h1", {}, "silkway"), nav.element, createLoginBox(status.show)),
    main,
    status.element,
  );

  const mounted = new Map<string, Promise<Mounted>>();

  const mount = (panel: PanelEntry): Promise<Mounted> => {
    let m = mounted.get(panel.path);
    if (!m) {
      const section = el("section", { class: "panel", "aria-label": panel.title, "data-panel": panel.path });
      main.append(section);
      m = panel
        .load()
        .then((module) => module.mount(section, { status: status.show }))
        .then((handle) => {
          applyRoleVisibility(section, identity()?.role ?? null);
          return { section, handle };
        })
        .catch((err: unknown) => {
          status.show(`${panel.title}: ${err instanceof Error ? err.message : String(err)}`, "error");
          return { section, handle: undefined };
        });
      mounted.set(panel.path, m);
    }
    return m;
  };

  const show = (path: string): void => {
    const role = identity()?.role ?? null;
    const visible = panels.filter((p) => p.minRole === null || roleAllows(role, p.minRole));
    const panel = visible.find((p) => p.path === path) ?? (path === "/" ? first : undefined);
    if (!panel) {
      // Unknown or forbidden route: fall back to the first panel.
      navigate(first.path);
      return;
    }
    nav.markCurrent(panel.path);
    document.title = `${panel.title} · silkway`;
    for (const section of main.querySelectorAll<HTMLElement>("section.panel")) section.hidden = true;
    void mount(panel).then(({ section, handle }) => {
      // Still the wanted panel after the asynchronous load?
      if (currentPath() !== panel.path && !(currentPath() === "/" && panel === first)) return;
      section.hidden = false;
      handle?.shown?.();
    });
  };

  onRoute(show);
  onIdentityChange((who) => {
    applyRoleVisibility(document, who?.role ?? null);
    // A panel the new role may not see is left.
    show(currentPath());
  });
  void restoreSession();
}
