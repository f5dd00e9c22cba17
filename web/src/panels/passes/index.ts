/**
 * Pass timeline: choose a station of the scenario and a time window →
 * `POST /api/analyses/orbit/passes` → a Gantt of the passes per satellite
 * (AOS/LOS/max elevation on hover or focus) and the same as a table.
 */
import { ENDPOINTS } from "../../api/endpoints";
import { getJson, postJson } from "../../api/http";
import { splitScenario } from "../../scenario/types";
import { el } from "../../shell/dom";
import type { PanelContext } from "../panel";
import { elementSetEpochs, epochWarning } from "./epochNotice";
import { gantt } from "./gantt";
import { passTable } from "./passTable";
import { type PassesAnswer, describePass } from "./types";

/** "YYYY-MM-DDTHH:MM" of today's 00:00 UTC, for a datetime-local input read as UTC. */
function todayUtc(): string {
  return `${new Date().toISOString().slice(0, 10)}T00:00`;
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return el("div", { class: "form-field" }, el("label", { for: id }, label), input);
}

export async function mount(container: HTMLElement, context: PanelContext): Promise<void> {
  const scenario = splitScenario(await getJson<unknown>(ENDPOINTS.scenarioGeojson));
  const station = el("select", { id: "passes-station", name: "station" });
  for (const s of scenario.stations.filter((f) => f.properties.kind !== "terrestrial")) {
    station.append(el("option", { value: s.properties.id }, s.properties.name));
  }
  const start = el("input", { id: "passes-start", name: "start", type: "datetime-local", value: todayUtc(), required: "" });
  const hours = el("input", { id: "passes-hours", name: "hours", type: "number", min: "1", max: "168", step: "1", value: "24", required: "" });
  const minEl = el("input", { id: "passes-min-el", name: "min-elevation", type: "number", min: "0", max: "89", step: "0.5", value: "10", required: "" });
  const button = el("button", { type: "submit", id: "passes-run" }, "Compute passes");
  const form = el(
    "form",
    { class: "panel-form", "aria-label": "Pass timeline query" },
    field("passes-station", "Station", station),
    field("passes-start", "Start (UTC)", start),
    field("passes-hours", "Window (hours)", hours),
    field("passes-min-el", "Min. elevation (°)", minEl),
    button,
  );
  const epochs = await elementSetEpochs(ENDPOINTS.satellites).catch(() => new Map<string, number>());
  const notice = el("p", { id: "passes-epoch-notice", class: "notice", role: "note" });
  notice.hidden = true;
  const detail = el("p", { id: "pass-detail", class: "pass-detail", "aria-live": "polite" }, "Hover or focus a pass for its AOS, LOS and maximum elevation.");
  const chart = el("div", { class: "gantt-box", id: "pass-gantt" });
  const key = el("p", { class: "muted gantt-key" }, "Bars run from AOS to LOS (UTC); darker bars are passes with a higher maximum elevation.");
  const table = el("details", { class: "table-alt" }, el("summary", {}, "Passes as a table"));
  container.append(el("div", { class: "panel-page" }, el("h2", {}, "Pass timeline"), form, notice, detail, chart, key, table));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const startMs = Date.parse(`${start.value}:00Z`);
    const endMs = startMs + Number(hours.value) * 3_600_000;
    if (!Number.isFinite(startMs) || !(endMs > startMs)) {
      context.status("Passes: give a start time and a window of at least one hour.", "error");
      return;
    }
    notice.textContent = epochWarning(epochs, startMs, endMs);
    notice.hidden = notice.textContent === "";
    button.disabled = true;
    const body = {
      stations: [{ id: station.value }],
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      min_elevation_deg: Number(minEl.value),
    };
    postJson<PassesAnswer>(ENDPOINTS.orbitPasses, body)
      .then((answer) => {
        const width = Math.max(600, chart.clientWidth - 4);
        chart.replaceChildren(gantt(answer.passes, startMs, endMs, width, (p) => (detail.textContent = describePass(p))));
        table.replaceChildren(el("summary", {}, `Passes as a table (${answer.passes.length})`), passTable(answer.passes));
        chart.dataset["count"] = String(answer.passes.length);
        const failed = answer.failures.length ? `; ${answer.failures.length} satellite(s) failed to propagate` : "";
        context.status(`Passes: ${answer.passes.length} over ${station.selectedOptions[0]?.textContent ?? station.value}${failed}.`);
      })
      .catch((err: unknown) => context.status(`Passes: ${err instanceof Error ? err.message : String(err)}`, "error"))
      .finally(() => {
        button.disabled = false;
      });
  });
  container.dataset["loaded"] = "true";
}
