/**
 * What a panel of the console is: one module under src/panels/<name>/
 * whose default export is a {@link PanelModule}, listed once in
 * src/panels/registry.ts with its route, title and the role it needs.
 *
 * To add a panel (e.g. the pass timeline once `/api/analyses/orbit/passes`
 * exists): create src/panels/passes/index.ts exporting `mount`, add its API
 * paths to src/api/endpoints.ts, add one entry to the registry. Actions a
 * role may not perform carry `data-min-role="engineer"` (see auth/roles.ts).
 */
import type { Role } from "../auth/roles";

/** The code of a panel, loaded on first visit (its own bundle chunk). */
export interface PanelModule {
  /** Build the panel into `container` (called once, on first visit). */
  mount(container: HTMLElement, context: PanelContext): Promise<PanelHandle | void> | PanelHandle | void;
}

/** Optional hooks a mounted panel returns. */
export interface PanelHandle {
  /** Called each time the panel becomes visible again (e.g. resize a map). */
  shown?(): void;
}

/** What the shell gives every panel. */
export interface PanelContext {
  /** Show a status or error message in the shell's live region. */
  status(message: string, kind?: "info" | "error"): void;
}

/** A registry entry. */
export interface PanelEntry {
  /** Route path, e.g. "/map"; the first entry is also served at "/". */
  path: string;
  /** Navigation label and heading. */
  title: string;
  /** Role needed to see the panel; null: anyone, logged in or not. */
  minRole: Role | null;
  /** Load the panel's module (a dynamic import, so each panel is its own chunk). */
  load(): Promise<PanelModule>;
}
