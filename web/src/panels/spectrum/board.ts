/**
 * The coordination requests board (`/api/coordination`): one column per
 * state (open → under review → agreed / objected). A request is visible to
 * its two administrations only; the moves offered are those the caller's
 * administration may make (the receiving one takes a request up and
 * decides; the requesting one reopens an objected request), and only to
 * engineers and admins. New requests and comments likewise.
 */
import { ENDPOINTS } from "../../api/endpoints";
import { getJson, postJson } from "../../api/http";
import { roleAllows, type Role } from "../../auth/roles";
import { el } from "../../shell/dom";

export interface Coordination {
  id: string;
  from_org: string;
  to_org: string;
  subject: string;
  description?: string;
  assignments: string[];
  status: "open" | "under_review" | "agreed" | "objected";
  comments: { author?: string; org?: string; text: string; at?: string }[];
}

export interface Me {
  role: Role;
  org_id: string;
}

const STATES: { status: Coordination["status"]; label: string }[] = [
  { status: "open", label: "Open" },
  { status: "under_review", label: "Under review" },
  { status: "agreed", label: "Agreed" },
  { status: "objected", label: "Objected" },
];

/** The moves `me` may make on `c` (the server's state machine and party rule). */
export function movesFor(c: Coordination, me: Me): { to: Coordination["status"]; label: string }[] {
  if (!roleAllows(me.role, "engineer")) return [];
  if (me.org_id === c.to_org) {
    if (c.status === "open") return [{ to: "under_review", label: "Take up for review" }];
    if (c.status === "under_review")
      return [
        { to: "agreed", label: "Agree" },
        { to: "objected", label: "Object" },
      ];
  }
  if (me.org_id === c.from_org && c.status === "objected") return [{ to: "open", label: "Reopen" }];
  return [];
}

/** Build the board into `root`; `status` reports to the shell. */
export async function mountBoard(root: HTMLElement, me: Me, assignments: string[], status: (m: string, k?: "info" | "error") => void): Promise<void> {
  const columns = new Map(STATES.map((s) => [s.status, el("ul", { class: "board-cards", "aria-label": s.label })]));
  const board = el(
    "div",
    { id: "coordination-board", class: "board" },
    ...STATES.map((s) => el("section", { class: "board-column", "data-status": s.status }, el("h4", {}, s.label), columns.get(s.status)!)),
  );

  const refresh = async (): Promise<void> => {
    const page = await getJson<{ items: Coordination[] }>(`${ENDPOINTS.coordination}?limit=200`);
    for (const list of columns.values()) list.replaceChildren();
    for (const c of page.items) {
      const card = el(
        "li",
        { class: "board-card", "data-coordination": c.id },
        el("strong", {}, c.subject),
        el("p", { class: "muted" }, `${c.from_org} → ${c.to_org}${c.assignments.length ? ` · ${c.assignments.join(", ")}` : ""}`),
      );
      if (c.comments.length) card.append(el("p", { class: "muted" }, `${c.comments.length} comment(s); last: ${c.comments[c.comments.length - 1]!.text}`));
      for (const m of movesFor(c, me)) {
        const b = el("button", { type: "button", class: "board-move", "data-to": m.to }, m.label);
        b.addEventListener("click", () => {
          b.disabled = true;
          postJson(`${ENDPOINTS.coordination}/${encodeURIComponent(c.id)}/transitions`, { to: m.to })
            .then(() => {
              status(`Request ${c.subject}: ${m.label.toLowerCase()} done.`);
              return refresh();
            })
            .catch((e: unknown) => status(String(e instanceof Error ? e.message : e), "error"));
        });
        card.append(b);
      }
      columns.get(c.status)?.append(card);
    }
  };

  // New request (engineers and admins of an administration).
  const to = el("input", { id: "coord-to", name: "coord-to", required: "", placeholder: "ir-admin" });
  const subject = el("input", { id: "coord-subject", name: "coord-subject", required: "" });
  const which = el("select", { id: "coord-assignment", name: "coord-assignment" }, el("option", { value: "" }, "— none —"), ...assignments.map((a) => el("option", { value: a }, a)));
  const create = el(
    "form",
    { id: "coord-create", class: "inline-form", "data-min-role": "engineer", "aria-label": "New coordination request" },
    el("label", { for: "coord-to" }, "To administration"),
    to,
    el("label", { for: "coord-subject" }, "Subject"),
    subject,
    el("label", { for: "coord-assignment" }, "Assignment"),
    which,
    el("button", { type: "submit" }, "Send request"),
  );
  create.hidden = !roleAllows(me.role, "engineer");
  create.addEventListener("submit", (e) => {
    e.preventDefault();
    const body = { to_org: to.value.trim(), subject: subject.value.trim(), assignments: which.value ? [which.value] : [] };
    postJson<Coordination>(ENDPOINTS.coordination, body)
      .then((c) => {
        status(`Coordination request ${c.id} sent to ${c.to_org}.`);
        subject.value = "";
        return refresh();
      })
      .catch((err: unknown) => status(String(err instanceof Error ? err.message : err), "error"));
  });
  root.append(el("h3", {}, "Coordination requests"), create, board);
  await refresh();
}
