/**
 * Client-side routes on the History API: /map, /about... The server
 * answers any such path with index.html (crates/webui), so a reload or a
 * bookmarked URL opens the same panel.
 */
type RouteListener = (path: string) => void;

const listeners = new Set<RouteListener>();

/** The current path, without a trailing slash ("/" stays "/"). */
export function currentPath(): string {
  const p = window.location.pathname;
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}

/** Go to `path` (pushes a history entry) and notify listeners. */
export function navigate(path: string): void {
  if (path !== currentPath()) window.history.pushState(null, "", path);
  for (const l of listeners) l(path);
}

/** Listen to route changes (navigate and the browser's back/forward). */
export function onRoute(listener: RouteListener): void {
  listeners.add(listener);
}

window.addEventListener("popstate", () => {
  for (const l of listeners) l(currentPath());
});
