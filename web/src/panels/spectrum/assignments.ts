/**
 * The assignments table with each transmitter's border screening result
 * (`POST /api/analyses/spectrum/border`): field strength at the worst
 * border point, the trigger, the margin and whom to coordinate with.
 * Rows that trigger coordination are marked; the table sorts by any
 * column (click or Enter on a header) and filters by text.
 */
import { el } from "../../shell/dom";

export interface Assignment {
  id: string;
  station: string;
  administration: string;
  service?: string;
  direction?: string;
  freq_mhz: number;
  bandwidth_khz?: number;
}

export interface BorderReport {
  assignment: string;
  administration: string;
  max_field_dbuv_m: number;
  trigger_dbuv_m: number | null;
  margin_db: number | null;
  coordinate_with: string[];
  worst_lat_deg: number;
  worst_lon_deg: number;
}

interface Row {
  a: Assignment;
  r: BorderReport | undefined;
}

const COLUMNS: { key: string; label: string; value: (row: Row) => string | number }[] = [
  { key: "id", label: "Assignment", value: (x) => x.a.id },
  { key: "administration", label: "Administration", value: (x) => x.a.administration },
  { key: "direction", label: "Direction", value: (x) => x.a.direction ?? "" },
  { key: "freq", label: "Frequency (MHz)", value: (x) => x.a.freq_mhz },
  { key: "field", label: "Border field (dBµV/m)", value: (x) => x.r?.max_field_dbuv_m ?? -Infinity },
  { key: "margin", label: "Over trigger (dB)", value: (x) => x.r?.margin_db ?? -Infinity },
  { key: "with", label: "Coordinate with", value: (x) => (x.r?.coordinate_with ?? []).join(", ") },
];

const fmt = (v: string | number): string => (typeof v === "number" ? (Number.isFinite(v) ? v.toFixed(1) : "—") : v);

/** The table element; `rows` are re-rendered on sort and filter. */
export function assignmentsTable(assignments: Assignment[], reports: BorderReport[]): HTMLElement {
  const byId = new Map(reports.map((r) => [r.assignment, r]));
  const rows: Row[] = assignments.map((a) => ({ a, r: byId.get(a.id) }));
  let sortKey = "margin";
  let descending = true;
  const filter = el("input", { type: "search", id: "assignments-filter", name: "assignments-filter", placeholder: "filter: id, administration, station…" });
  const body = el("tbody");
  const head = el("tr");
  const table = el("table", { id: "assignments-table", class: "data-table" }, el("caption", {}, "Frequency assignments and border screening (AZ–IR)"), el("thead", {}, head), body);
  for (const c of COLUMNS) {
    const th = el("th", { scope: "col", tabindex: "0", "data-key": c.key, "aria-sort": "none" }, c.label);
    const sort = (): void => {
      descending = sortKey === c.key ? !descending : true;
      sortKey = c.key;
      render();
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        sort();
      }
    });
    head.append(th);
  }
  const render = (): void => {
    const col = COLUMNS.find((c) => c.key === sortKey) ?? COLUMNS[0]!;
    const text = filter.value.trim().toLowerCase();
    const shown = rows
      .filter((x) => !text || [x.a.id, x.a.administration, x.a.station, x.a.service ?? ""].some((s) => s.toLowerCase().includes(text)))
      .sort((x, y) => {
        const [p, q] = [col.value(x), col.value(y)];
        const c = typeof p === "number" && typeof q === "number" ? p - q : String(p).localeCompare(String(q));
        return descending ? -c : c;
      });
    for (const th of head.children) {
      th.setAttribute("aria-sort", (th as HTMLElement).dataset["key"] === sortKey ? (descending ? "descending" : "ascending") : "none");
    }
    body.replaceChildren(
      ...shown.map((x) => {
        const triggers = (x.r?.coordinate_with.length ?? 0) > 0;
        const tr = el("tr", { "data-assignment": x.a.id, class: triggers ? "triggers" : "" }, ...COLUMNS.map((c) => el("td", {}, fmt(c.value(x)))));
        if (triggers) tr.title = "exceeds the trigger at the border: coordination required";
        return tr;
      }),
    );
  };
  filter.addEventListener("input", render);
  render();
  return el("div", { class: "assignments" }, el("label", { for: "assignments-filter" }, "Filter assignments "), filter, el("div", { class: "table-scroll" }, table));
}
