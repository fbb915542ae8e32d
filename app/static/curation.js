// Curation from the page, through the API's audited changes (/curation/*): the queue of likely
// duplicates with their reasons, merge after a preview of what moves (Undo on the page unmerges),
// unmerge, rename, aliases, assert or retract a relationship with a reason, and the history of the
// selected entity or relationship from the audit log.
import * as api from "./api.js";
import { elements, TYPES } from "./model.js";
import { combobox } from "./suggest.js";

const $ = (id) => document.getElementById(id);
const hooks = {}; // {cy, history, refresh, status, fail, add, select}
const current = { kind: null, id: null, rel: null, shown: 0 };
let pending = null; // the merge being previewed: {survivor, merged, survivorName, mergedName}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const act = (fn) => async () => {
  try {
    await fn();
  } catch (error) {
    hooks.fail(error);
  }
};
const button = (text, fn, attrs = {}) => el("button", { type: "button", onclick: act(fn), ...attrs }, text);
const why = () => ($("curation-why")?.value || "").trim();
const plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function needWhy() {
  if (why()) return true;
  hooks.status("Say why first (the reason goes into the audit log)", true);
  $("curation-why")?.focus();
  return false;
}

/** Bring the chart in step with the server for ``touched`` entities: their data and links; ``gone``
 * entities leave, ``bring`` ones are drawn beside ``near`` when it is on the chart. */
async function resync(touched, { gone = [], bring = [], near = null } = {}) {
  const { cy } = hooks;
  const spot = near && cy.getElementById(near).nonempty() ? cy.getElementById(near).position() : null;
  const wanted = new Set([...cy.nodes().map((n) => n.id()), ...(spot ? bring : [])]);
  for (const id of gone) wanted.delete(id);
  const subgraph = wanted.size ? await api.induced([...wanted]) : { nodes: [], relationships: [] };
  const fresh = new Map(elements(subgraph).map((e) => [e.data.id, e]));
  const ends = new Set([...touched, ...bring]);
  cy.batch(() => {
    for (const id of gone) cy.getElementById(id).remove();
    for (const id of ends) {
      const node = cy.getElementById(id);
      const record = fresh.get(id);
      if (node.nonempty() && !record) node.remove();
      else if (node.nonempty()) node.data(record.data);
      else if (record && spot) cy.add({ ...record, position: { x: spot.x + 80, y: spot.y + 60 } });
      cy.getElementById(id).connectedEdges().forEach((edge) => { if (!fresh.has(edge.id())) edge.remove(); });
    }
    for (const e of fresh.values()) {
      if (e.group !== "edges" || !(ends.has(e.data.source) || ends.has(e.data.target))) continue;
      if (cy.getElementById(e.data.id).nonempty()) cy.getElementById(e.data.id).data(e.data);
      else if (cy.getElementById(e.data.source).nonempty() && cy.getElementById(e.data.target).nonempty()) cy.add(e);
    }
  });
  hooks.refresh();
}

/** Show the entity again everywhere (details, notes, curation) after a change to it. */
async function reshow(id) {
  if (hooks.cy.getElementById(id).nonempty()) hooks.select(id);
  else await render();
}

/** After any change: the queue (when open) and the side panel show the graph as it is now. */
async function changed() {
  if (!$("curation").hidden) await loadQueue();
  if (current.kind) await render();
}

// --- the queue of likely duplicates ---

function reasonItem(reason) {
  const sign = reason.points > 0 ? "+" : "";
  return el("li", { class: reason.points < 0 ? "against" : "for", "data-kind": reason.kind },
    reason.text, el("span", { class: "muted" }, ` (${sign}${reason.points})`));
}

function candidateItem(c) {
  return el("li", { "data-a": c.a.id, "data-b": c.b.id },
    el("div", { class: "pair" }, el("strong", {}, c.a.name), " ⇄ ", el("strong", {}, c.b.name),
      el("span", { class: "score" }, `score ${c.score}`)),
    el("div", { class: "muted" }, `${c.a.id} · ${c.b.id} · ${c.a.labels.join(" · ")}`),
    el("ul", { class: "reasons" }, ...c.reasons.map(reasonItem)),
    el("div", { class: "actions" },
      button("Show both", async () => {
        hooks.add(await api.induced([c.a.id, c.b.id]));
        $("tab-graph").click();
        hooks.select(c.a.id);
      }, { class: "show-pair" }),
      button(`Merge into “${c.a.name}”`, () => preview(c.a.id, c.b.id), { class: "merge-into-a" }),
      button(`Merge into “${c.b.name}”`, () => preview(c.b.id, c.a.id), { class: "merge-into-b" })));
}

async function loadQueue() {
  $("duplicates-note").textContent = "Looking for likely duplicates…";
  const rows = await api.duplicates();
  $("duplicates").replaceChildren(...rows.map(candidateItem));
  $("duplicates-note").textContent = rows.length
    ? `${plural(rows.length, "likely duplicate pair")}, likeliest first` : "No likely duplicates";
}

// --- merge: preview, confirm, and the effect Undo and Redo replay on the server ---

async function preview(survivor, merged) {
  const p = await api.mergePreview(survivor, merged);
  pending = { survivor, merged, survivorName: p.survivor.name, mergedName: p.merged.name };
  const rows = p.relationships.map((r) => el("tr", { "data-action": r.action },
    el("td", {}, r.type), el("td", {}, r.other), el("td", {}, r.action),
    el("td", {}, r.action === "dropped" ? `${r.evidence}` : `${r.evidence_new} of ${r.evidence}`)));
  $("merge-title").textContent = `Merge “${p.merged.name}” into “${p.survivor.name}”`;
  $("merge-preview").replaceChildren(
    el("p", { id: "merge-summary" }, `${plural(p.moves, "relationship")} move, ${p.joins} join the survivor's, `
      + `${p.dropped} dropped (they linked the two); ${plural(p.evidence_moved, "evidence entry", "evidence entries")} move; `
      + `mentions in ${plural(p.mentions, "document")} move.`),
    ...p.warnings.map((w) => el("p", { class: "error" }, w)),
    el("p", {}, "Aliases added: ", p.aliases_added.length ? p.aliases_added.join(", ") : "none"),
    rows.length ? el("table", { class: "moves" }, el("thead", {}, el("tr", {}, ...["Type", "Other end",
      "What happens", "Evidence moving"].map((h) => el("th", {}, h)))), el("tbody", {}, ...rows)) : null);
  $("merge-why").value = why();
  $("merge-dialog").showModal();
  $("merge-why").focus();
}

function mergeEffect(survivor, merged, reason, names) {
  return {
    undo: async () => {
      try {
        await api.unmerge(merged, `undone on the page (${reason})`);
      } catch (error) {
        if (error.status !== 409 && error.status !== 404) { // 409: undone already, say, from the panel
          hooks.fail(error);
          return false;
        }
      }
      hooks.status(`Unmerged “${names.merged}” from “${names.survivor}”`);
      setTimeout(act(changed));
      return true;
    },
    redo: async () => {
      try {
        await api.merge(survivor, merged, reason);
      } catch (error) {
        if (error.status !== 404) { // 404: merged away already
          hooks.fail(error);
          return false;
        }
      }
      hooks.status(`Merged “${names.merged}” into “${names.survivor}” again`);
      setTimeout(act(changed));
      return true;
    },
  };
}

async function confirmMerge() {
  const reason = $("merge-why").value.trim();
  if (!reason) {
    hooks.status("Say why the two are one before merging", true);
    $("merge-why").focus();
    return;
  }
  const { survivor, merged, survivorName, mergedName } = pending;
  const done = await api.merge(survivor, merged, reason);
  $("merge-dialog").close();
  const names = { survivor: survivorName, merged: mergedName };
  hooks.history.record(mergeEffect(survivor, merged, reason, names));
  const wasDrawn = hooks.cy.getElementById(merged).nonempty();
  await resync([survivor], { gone: [merged], bring: wasDrawn ? [survivor] : [], near: merged });
  if (current.id === merged) Object.assign(current, { kind: "entity", id: survivor });
  hooks.status(`Merged “${mergedName}” into “${survivorName}”: ${plural(done.relationships_moved, "relationship")}`
    + " moved (Undo unmerges)");
  await changed();
}

// --- the side panel: changes to the selected entity or relationship, and its history ---

function describe(event, id) {
  const d = event.details || {};
  const claim = event.claim ? `${event.claim.source_name} ${event.claim.type} ${event.claim.target_name}` : "";
  const text = {
    "entity.merged": event.target === id ? `merged ${d.merged} into this` : `merged into ${event.target}`,
    "entity.unmerged": `unmerged from ${d.survivor}`,
    "entity.renamed": `renamed “${d.from}” → “${d.to}”`,
    "entity.alias_added": `alias “${d.alias}” added`,
    "entity.alias_removed": `alias “${d.alias}” removed`,
    "claim.asserted": `asserted ${claim || `${d.source} ${d.type} ${d.target}`}${d.status ? ` (${d.status})` : ""}`,
    "claim.retracted": `retracted ${claim || event.target}`,
  }[event.action] || `${event.action} ${event.target}`;
  return el("li", { "data-action": event.action },
    el("span", { class: "muted" }, `${event.at.slice(0, 16).replace("T", " ")} ${event.who}: `), text,
    event.why ? el("span", { class: "muted" }, ` — ${event.why}`) : null);
}

function historyList(events, id) {
  return events.length ? el("ol", { id: "curation-history", class: "history" }, ...events.map((e) => describe(e, id)))
    : el("p", { id: "curation-history", class: "muted" }, "No changes by analysts yet");
}

function pickEntity(prefix, onPick) {
  const input = el("input", { id: prefix, type: "search", placeholder: "Another entity", role: "combobox",
    "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": `${prefix}-list` });
  const list = el("ul", { id: `${prefix}-list`, role: "listbox", "aria-label": "Entities found", hidden: "" });
  combobox(input, list, onPick, hooks.fail);
  return el("div", { class: "combo" }, el("label", { for: prefix, class: "sr-only" }, "Entity"), input, list);
}

function select(id, options) {
  return el("select", { id }, ...options.map(([value, text]) => el("option", { value }, text)));
}

function entityPanel(record, hist) {
  const id = record.id;
  const aliases = (record.aliases || []).map((a) => el("li", {}, a, " ",
    button("✕", async () => {
      await api.alias(id, a, true, why());
      hooks.status(`Alias “${a}” removed`);
      await resync([id]);
      await reshow(id);
    }, { "aria-label": `Remove alias ${a}`, class: "remove-alias" })));
  const merges = hist.merges.map((m) => el("li", {}, `${m.merged} (${m.who}, ${m.at.slice(0, 10)}) — ${m.why} `,
    button("Unmerge", async () => {
      if (!needWhy()) return;
      const done = await api.unmerge(m.id, why());
      hooks.status(`Unmerged ${done.restored} from ${record.name}`);
      await resync([id], { bring: [done.restored], near: id });
      await changed();
    }, { class: "unmerge" })));
  const types = TYPES.filter((t) => t !== "MENTIONS").map((t) => [t, t]);
  return [
    el("p", { class: "muted" }, `Changes to ${record.name}; each goes into the audit log with the reason.`),
    el("div", { class: "row" }, el("label", { for: "rename-name" }, "Name "),
      el("input", { id: "rename-name", value: record.name }),
      button("Rename", async () => {
        const name = $("rename-name").value.trim();
        await api.rename(id, name, why());
        hooks.status(`Renamed to “${name}”`);
        await resync([id]);
        await reshow(id);
      }, { id: "rename" })),
    el("h3", {}, "Aliases"),
    aliases.length ? el("ul", { id: "curation-aliases" }, ...aliases) : el("p", { class: "muted" }, "none"),
    el("div", { class: "row" }, el("label", { for: "alias-new", class: "sr-only" }, "New alias"),
      el("input", { id: "alias-new", placeholder: "New alias" }),
      button("Add alias", async () => {
        const value = $("alias-new").value.trim();
        await api.alias(id, value, false, why());
        hooks.status(`Alias “${value}” added`);
        await resync([id]);
        await reshow(id);
      }, { id: "alias-add" })),
    el("h3", {}, "Merge a duplicate into this"),
    pickEntity("merge-other", (hit) => act(() => preview(id, hit.id))()),
    el("h3", {}, "Assert a relationship"),
    el("div", { class: "row" }, select("assert-direction", [["out", "this →"], ["in", "→ this"]]),
      select("assert-type", types), select("assert-status", [["confirmed", "confirmed"], ["reported", "reported"],
        ["planned", "planned"], ["denied", "denied"]])),
    el("div", { class: "row" }, pickEntity("assert-other", () => {}),
      button("Assert", async () => {
        const other = $("assert-other").dataset.entityId;
        if (!other) return hooks.status("Pick the other entity from the suggestions first", true);
        if (!needWhy()) return;
        const out = $("assert-direction").value === "out";
        const [source, target] = out ? [id, other] : [other, id];
        const done = await api.assertClaim(source, $("assert-type").value, target, $("assert-status").value, why());
        hooks.status(`Asserted ${done.type} (${done.status})`);
        await resync([source, target], { bring: [other], near: id });
        await render();
      }, { id: "assert" })),
    merges.length ? el("h3", {}, "Merged into this") : null,
    merges.length ? el("ul", { id: "curation-merges" }, ...merges) : null,
    el("h3", {}, "History"), historyList(hist.events, id),
  ];
}

function edgePanel(rel, claimId, events) {
  return [
    el("p", { class: "muted" }, `${rel.type}: retract it, or assert it with a status; the reason is kept.`),
    el("div", { class: "row" },
      button("Retract", async () => {
        if (!needWhy()) return;
        await api.retract(claimId, why());
        hooks.status(`Retracted ${rel.type}`);
        await resync([rel.source, rel.target]);
        await render();
      }, { id: "retract" }),
      select("claim-status", [["confirmed", "confirmed"], ["reported", "reported"], ["planned", "planned"],
        ["denied", "denied"]]),
      button("Assert", async () => {
        if (!needWhy()) return;
        const done = await api.assertClaim(rel.source, rel.type, rel.target, $("claim-status").value, why());
        hooks.status(`Asserted ${done.type} (${done.status})`);
        await resync([rel.source, rel.target]);
        await render();
      }, { id: "assert-claim" })),
    el("h3", {}, "History"),
    events.length ? el("ol", { id: "curation-history", class: "history" },
      ...events.map((e) => describe({ ...e, claim: { ...rel, source_name: rel.sourceName,
        target_name: rel.targetName } }, claimId)))
      : el("p", { id: "curation-history", class: "muted" }, "No changes by analysts yet"),
  ];
}

async function render() {
  const mine = ++current.shown;
  const { kind, id, rel } = current;
  const reason = why();
  let body;
  if (kind === "entity") {
    const [record, hist] = await Promise.all([api.entity(id), api.history(id)]);
    body = entityPanel(record, hist);
  } else {
    body = edgePanel(rel, id, await api.audit(id));
  }
  if (mine !== current.shown) return; // another selection was shown meanwhile
  $("curation-side").replaceChildren(el("h2", { id: "curation-title" }, "Curation"),
    el("label", { for: "curation-why" }, "Why "), el("input", { id: "curation-why", value: reason,
      placeholder: "The reason, kept in the audit log" }), ...body);
  $("curation-side").hidden = false;
}

/** Show the curation tools and history of the selected node or edge (a Cytoscape element). */
export function show(element) {
  if (element.isNode()) {
    Object.assign(current, { kind: "entity", id: element.id(), rel: null });
  } else {
    const rel = element.data("rel") || {};
    const name = (end) => hooks.cy.getElementById(end).data("name") || end;
    Object.assign(current, { kind: "relationship", id: rel.claim_id || rel.properties?.claim_id || element.id(),
      rel: { type: rel.type, source: rel.source, target: rel.target, sourceName: name(rel.source),
        targetName: name(rel.target) } });
  }
  render().catch(hooks.fail);
}

/** Wire the queue and the merge dialog; ``given``: {cy, history, refresh, status, fail, add, select}. */
export function setup(given) {
  Object.assign(hooks, given);
  $("tab-curation").addEventListener("click", act(loadQueue));
  $("duplicates-refresh").addEventListener("click", act(loadQueue));
  $("merge-confirm").addEventListener("click", act(confirmMerge));
  $("merge-why").addEventListener("keydown", (event) => event.key === "Enter" && act(confirmMerge)());
  $("merge-cancel").addEventListener("click", () => $("merge-dialog").close());
  $("merge-close").addEventListener("click", () => $("merge-dialog").close());
}
