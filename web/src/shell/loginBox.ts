/**
 * The login box: a token field when anonymous, "role · user · Log out"
 * when logged in. The token is checked against the whoami endpoint before
 * it is kept (auth/whoami.ts).
 */
import { type Identity, login, logout, onIdentityChange } from "../auth/whoami";
import { el } from "./dom";

export function createLoginBox(status: (message: string, kind?: "info" | "error") => void): HTMLElement {
  const input = el("input", {
    id: "login-token",
    name: "token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "API token",
    required: "",
  });
  const form = el(
    "form",
    { class: "login-form", "aria-label": "Log in" },
    el("label", { for: "login-token", class: "visually-hidden" }, "API token"),
    input,
    el("button", { type: "submit" }, "Log in"),
  );
  const who = el("span", { id: "login-identity", class: "identity" });
  const logoutButton = el("button", { type: "button", id: "logout" }, "Log out");
  const loggedIn = el("div", { class: "login-state", hidden: "" }, who, logoutButton);
  const box = el("div", { class: "login-box" }, form, loggedIn);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    login(input.value)
      .then((identity) => {
        input.value = "";
        status(`Logged in as ${describe(identity)}.`);
        logoutButton.focus();
      })
      .catch((err: unknown) => status(`Login failed: ${err instanceof Error ? err.message : String(err)}`, "error"));
  });
  logoutButton.addEventListener("click", () => {
    logout();
    status("Logged out.");
    input.focus();
  });
  onIdentityChange((identity) => {
    form.hidden = identity !== null;
    loggedIn.hidden = identity === null;
    who.textContent = identity ? describe(identity) : "";
    box.dataset["role"] = identity?.role ?? "anonymous";
  });
  return box;
}

function describe(identity: Identity): string {
  return [identity.role, identity.user, identity.organization].filter(Boolean).join(" · ");
}
