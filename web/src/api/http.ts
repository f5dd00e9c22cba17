/**
 * JSON over HTTP to the silkway API, with the session's bearer token.
 *
 * Errors come back as RFC 9457 problem+json from the server; they are
 * turned into an {@link ApiError} whose message names the path, the status
 * and the problem's title/detail so the UI can show it as is.
 */
import { currentToken } from "../auth/session";

/** A failed API call: HTTP status (0 when the request never reached the server). */
export class ApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** RFC 9457 problem details, the fields the UI shows. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { field?: string; message?: string }[];
}

/** GET `path` (same origin) and parse the JSON body. */
export async function getJson<T>(path: string, token: string | null = currentToken()): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/geo+json" };
  if (token) headers["Authorization"] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { headers });
  } catch (err) {
    throw new ApiError(path, 0, `${path}: server not reachable (${String(err)})`);
  }
  if (!response.ok) {
    throw new ApiError(path, response.status, `${path}: ${response.status} ${await problemText(response)}`);
  }
  try {
    return (await response.json()) as T;
  } catch (err) {
    throw new ApiError(path, response.status, `${path}: response is not JSON (${String(err)})`);
  }
}

/** POST `body` as JSON to `path` (same origin) with the session's token and parse the JSON answer. */
export async function postJson<T>(path: string, body: unknown, token: string | null = currentToken()): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/geo+json",
    "Content-Type": "application/json",
  };
  if (token) headers["Authorization"] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(path, 0, `${path}: server not reachable (${String(err)})`);
  }
  if (!response.ok) {
    throw new ApiError(path, response.status, `${path}: ${response.status} ${await problemText(response)}`);
  }
  try {
    return (await response.json()) as T;
  } catch (err) {
    throw new ApiError(path, response.status, `${path}: response is not JSON (${String(err)})`);
  }
}

async function problemText(response: Response): Promise<string> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const p = (await response.json()) as Problem;
      const fields = (p.errors ?? []).map((e) => [e.field, e.message].filter(Boolean).join(": "));
      return [p.title, p.detail, ...fields].filter(Boolean).join(": ") || response.statusText;
    } catch {
      return response.statusText;
    }
  }
  return response.statusText;
}
