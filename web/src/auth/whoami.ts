/**
 * Who the session's token belongs to: the role check hook.
 *
 * {@link identity} holds the current identity (null: anonymous). Code that
 * depends on the role subscribes with {@link onIdentityChange}; the shell
 * re-applies `data-min-role` visibility on every change.
 */
import { ENDPOINTS } from "../api/endpoints";
import { ApiError, getJson } from "../api/http";
import { type Role, isRole } from "./roles";
import { clearToken, currentToken, storeToken } from "./session";

/** The logged-in caller as the whoami endpoint describes it. */
export interface Identity {
  role: Role;
  /** User name or id, when the server sends one. */
  user: string | null;
  /** Organization id or name, when the server sends one. */
  organization: string | null;
}

type Listener = (identity: Identity | null) => void;

let current: Identity | null = null;
const listeners = new Set<Listener>();

/** The current identity, null when anonymous. */
export function identity(): Identity | null {
  return current;
}

/** Call `listener` now and on every identity change; returns an unsubscribe function. */
export function onIdentityChange(listener: Listener): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

function setIdentity(next: Identity | null): void {
  current = next;
  for (const l of listeners) l(next);
}

/**
 * Parse a whoami body. Accepts `role` at the top level or under `user`,
 * names under `user`/`name`/`username`/`user_id` and
 * `organization`/`org`/`org_id` (the server's `/api/me` sends `user_id`, `org_id`).
 */
export function parseIdentity(body: unknown): Identity {
  if (typeof body !== "object" || body === null) throw new Error("whoami: expected a JSON object");
  const b = body as Record<string, unknown>;
  const userObj = typeof b["user"] === "object" && b["user"] !== null ? (b["user"] as Record<string, unknown>) : {};
  const role = b["role"] ?? userObj["role"];
  if (!isRole(role)) throw new Error(`whoami: unknown role ${JSON.stringify(role)}`);
  const text = (...values: unknown[]): string | null => {
    for (const v of values) if (typeof v === "string" && v !== "") return v;
    return null;
  };
  return {
    role,
    user: text(b["user"], b["name"], b["username"], b["user_id"], userObj["name"], userObj["id"]),
    organization: text(b["organization"], b["org"], b["org_id"], userObj["organization"]),
  };
}

/**
 * Check `token` against the server; on success store it and publish the
 * identity. A 401/403 answer clears any stored token and rethrows.
 */
export async function login(token: string): Promise<Identity> {
  const trimmed = token.trim();
  if (trimmed === "") throw new Error("enter a token");
  try {
    const who = parseIdentity(await getJson<unknown>(ENDPOINTS.whoami, trimmed));
    storeToken(trimmed);
    setIdentity(who);
    return who;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) logout();
    throw err;
  }
}

/** Forget the token and become anonymous. */
export function logout(): void {
  clearToken();
  setIdentity(null);
}

/** On start: re-check a token left from earlier in this tab. */
export async function restoreSession(): Promise<void> {
  const token = currentToken();
  if (token === null) return;
  try {
    await login(token);
  } catch {
    logout();
  }
}
