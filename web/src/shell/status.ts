/**
 * The shell's status line: an ARIA live region, so screen readers announce
 * loading results and errors without moving focus.
 */
import { el } from "./dom";

export function createStatusLine(): { element: HTMLElement; show(message: string, kind?: "info" | "error"): void } {
  const element = el("p", { id: "status", role: "status", "aria-live": "polite", class: "status" });
  return {
    element,
    show(message, kind = "info") {
      element.textContent = message;
      element.dataset["kind"] = kind;
      if (kind === "error") console.warn(message);
    },
  };
}
