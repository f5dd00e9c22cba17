/**
 * Further cables cut together with the chosen one (e.g. two cables in one
 * trench or on one landing): "Also cut" adds the cable chosen in the list,
 * each entry has a labelled "Remove" button.
 */
import { el } from "../../shell/dom";

export interface AlsoCut {
  element: HTMLElement;
  ids(): string[];
}

export function createAlsoCut(select: HTMLSelectElement, names: Map<string, string>, status: (m: string, kind?: "info" | "error") => void): AlsoCut {
  const chosen: string[] = [];
  const list = el("ul", { class: "also-cut", id: "also-cut-list", "aria-label": "Also cut" });
  const add = el("button", { type: "button", id: "also-cut-add" }, "Also cut the chosen cable");
  const render = (): void => {
    list.replaceChildren(
      ...chosen.map((id) => {
        const remove = el("button", { type: "button", "aria-label": `Remove ${names.get(id) ?? id} from the cut` }, "Remove");
        remove.addEventListener("click", () => {
          chosen.splice(chosen.indexOf(id), 1);
          render();
          add.focus();
        });
        return el("li", { "data-link-id": id }, `${names.get(id) ?? id} `, remove);
      }),
    );
  };
  add.addEventListener("click", () => {
    const id = select.value;
    if (!id) {
      status("Choose a cable in the list (or on the map) first.", "error");
      return;
    }
    if (!chosen.includes(id)) chosen.push(id);
    render();
    status(`Also cut: ${chosen.map((c) => names.get(c) ?? c).join(", ")}.`);
  });
  return { element: el("div", { class: "also-cut-box" }, add, list), ids: () => [...chosen] };
}
