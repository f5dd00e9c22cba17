/**
 * The bearer token of this browser tab's session.
 *
 * Kept in sessionStorage: it survives a reload but not closing the tab,
 * and is never shared with other tabs or written to disk by the app.
 */
const TOKEN_KEY = "silkway.token";

/** The stored token, or null when logged out. */
export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Store `token` (trimmed) for this tab. */
export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

/** Forget the token. */
export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
