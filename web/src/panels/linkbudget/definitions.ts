/**
 * Stored link definitions (`/api/link-definitions`): pick one to load it
 * into the form; engineers and admins can save the form as a definition
 * (the save controls carry data-min-role="engineer", so viewers are not
 * offered them; the server refuses them with 403 anyway).
 */
import { ENDPOINTS } from "../../api/endpoints";
import { getJson, postJson } from "../../api/http";
import { el } from "../../shell/dom";
import type { LinkDefinitionRecord, LinkFile } from "./types";

interface Options {
  buildLink(): LinkFile | null;
  fillFrom(link: LinkFile): void;
  status(message: string, kind?: "info" | "error"): void;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function createDefinitionsBox(opts: Options): HTMLElement {
  const select = el("select", { id: "lb-definition", name: "lb-definition" });
  const load = el("button", { type: "button", id: "lb-definition-load" }, "Load into the form");
  let records: LinkDefinitionRecord[] = [];
  const refresh = (selected?: string): Promise<void> =>
    getJson<{ items: LinkDefinitionRecord[] }>(`${ENDPOINTS.linkDefinitions}?limit=500`)
      .then((page) => {
        records = page.items;
        select.replaceChildren(el("option", { value: "" }, records.length ? "— choose a stored definition —" : "— none stored yet —"));
        for (const r of records) {
          select.append(el("option", { value: r.id }, `${r.id}${r.body.description ? `: ${r.body.description}` : ""} (${r.owner_org}, rev. ${r.revision})`));
        }
        if (selected) select.value = selected;
      })
      .catch((err: unknown) => opts.status(`Link definitions: ${message(err)}`, "error"));
  load.addEventListener("click", () => {
    const r = records.find((x) => x.id === select.value);
    if (!r) {
      opts.status("Choose a stored definition first.", "error");
      select.focus();
      return;
    }
    opts.fillFrom(r.body.link);
    opts.status(`Loaded link definition ${r.id} into the form.`);
  });

  const id = el("input", { id: "lb-save-id", name: "lb-save-id", type: "text", placeholder: "e.g. az1-tashkent-vsat" });
  const description = el("input", { id: "lb-save-description", name: "lb-save-description", type: "text" });
  const save = el("button", { type: "submit", id: "lb-save" }, "Save the form as a definition");
  const saveForm = el(
    "form",
    { class: "panel-form", "aria-label": "Save as a link definition", "data-min-role": "engineer" },
    el("div", { class: "form-field" }, el("label", { for: "lb-save-id" }, "New definition id"), id),
    el("div", { class: "form-field" }, el("label", { for: "lb-save-description" }, "Description"), description),
    save,
  );
  saveForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const link = opts.buildLink();
    if (!link) return;
    if (!id.value.trim()) {
      opts.status("Give the new definition an id.", "error");
      id.focus();
      return;
    }
    save.disabled = true;
    const body = { id: id.value.trim(), ...(description.value.trim() ? { description: description.value.trim() } : {}), link };
    postJson<LinkDefinitionRecord>(ENDPOINTS.linkDefinitions, body)
      .then((r) => {
        opts.status(`Saved link definition ${r.id} (revision ${r.revision}).`);
        return refresh(r.id);
      })
      .catch((err: unknown) => opts.status(`Save: ${message(err)}`, "error"))
      .finally(() => {
        save.disabled = false;
      });
  });
  void refresh();
  return el(
    "div",
    { class: "definitions" },
    el("div", { class: "panel-form" }, el("div", { class: "form-field" }, el("label", { for: "lb-definition" }, "Stored link definitions"), select), load),
    saveForm,
  );
}
