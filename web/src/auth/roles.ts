/**
 * Roles and what they may do.
 *
 * silkway's roles are ordered: a viewer reads, an engineer also runs and
 * saves analyses and edits its organization's data, an admin also manages
 * users and tokens. The server enforces every rule; the UI only stops
 * offering what the role may not do.
 *
 * Markup opts in with `data-min-role="engineer"` (or `admin`, `viewer`):
 * {@link applyRoleVisibility} hides such elements (the `hidden` attribute,
 * so they also leave the tab order) unless the current role reaches it.
 */
export const ROLES = ["viewer", "engineer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Type guard for a role name as the server sends it. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` (null: not logged in) may do what needs `needed`. */
export function roleAllows(role: Role | null, needed: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Attribute that marks an element as needing a role. */
export const MIN_ROLE_ATTRIBUTE = "data-min-role";

/**
 * Show or hide every element under `root` carrying {@link MIN_ROLE_ATTRIBUTE}
 * for `role`. An unknown role name in the markup hides the element (fail closed).
 */
export function applyRoleVisibility(root: ParentNode, role: Role | null): void {
  for (const el of root.querySelectorAll<HTMLElement>(`[${MIN_ROLE_ATTRIBUTE}]`)) {
    const needed = el.getAttribute(MIN_ROLE_ATTRIBUTE);
    el.hidden = !(isRole(needed) && roleAllows(role, needed));
  }
}
