// Saved investigations on the page: save the chart (nodes, positions, pins, filters, time window,
// notes) to the server, list, open (also from ?investigation=ID), rename, delete, and restore an
// earlier version; plus the Undo/Redo buttons over history.js.
import * as api from "./api.js";
import { elements } from "./model.js";

const $ = (id) => document.getElementById(id);
const checks = (id) => [...$(id).querySelectorAll("input")];
const open = { id: null, name: "", version: 0 };

/** The links among the chart's nodes that the chart does not show (removed or never drawn). */
async function hiddenEdges(cy) {
  const ids = cy.nodes().map((n) => n.id());
  if (!ids.length) return [];
  const among = elements(await api.induced(ids)).filter((el) => el.group === "edges");
  return among.map((el) => el.data.id).filter((id) => cy.getElementById(id).empty());
}

async function chartState(cy) {
  const checked = (id) => checks(id).filter((i) => i.checked).map((i) => i.value);
  return {
    nodes: cy.nodes().map((n) => ({ id: n.id(), x: n.position("x"), y: n.position("y"),
      pinned: n.hasClass("pinned") })),
    hidden_edges: await hiddenEdges(cy),
    filters: { types: checked("filter-types"), labels: checked("filter-labels"),
      statuses: checked("filter-status"), min_confidence: Number($("min-confidence").value),
      keep_undated: $("keep-undated").checked },
    time_window: { date_from: $("date-from").value || null, date_to: $("date-to").value || null },
    layout: "cose",
    notes: $("investigation-notes").value,
  };
}

function setFilters(state) {
  const f = state.filters || {};
  const tick = (id, values) => {
    if (Array.isArray(values)) for (const input of checks(id)) input.checked = values.includes(input.value);
  };
  tick("filter-types", f.types);
  tick("filter-labels", f.labels);
  tick("filter-status", f.statuses);
  if (typeof f.min_confidence === "number") {
    $("min-confidence").value = String(f.min_confidence);
    $("min-confidence-value").textContent = String(f.min_confidence);
  }
  if (typeof f.keep_undated === "boolean") $("keep-undated").checked = f.keep_undated;
  $("date-from").value = state.time_window?.date_from || "";
  $("date-to").value = state.time_window?.date_to || "";
  $("investigation-notes").value = state.notes || "";
}

function showOpen() {
  $("investigation-name").textContent = open.id ? `${open.name} · v${open.version}` : "unsaved chart";
  const url = new URL(window.location.href);
  if (open.id) url.searchParams.set("investigation", open.id);
  else url.searchParams.delete("investigation");
  window.history.replaceState(null, "", url);
}

/** Wire the workbench to the page; ``hooks``: {cy, history, refresh, status, fail}. */
export function setup(hooks) {
  const { cy, history, refresh, status, fail } = hooks;

  async function load(id, version = null) {
    const inv = await api.investigation(id, version);
    const ids = inv.state.nodes.map((n) => n.id);
    const subgraph = ids.length ? await api.induced(ids) : { nodes: [], relationships: [] };
    history.record();
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements(subgraph));
      for (const id of inv.state.hidden_edges || []) cy.getElementById(id).remove();
      for (const node of inv.state.nodes) {
        const drawn = cy.getElementById(node.id);
        if (drawn.empty()) continue;
        if (node.x !== null && node.y !== null) drawn.position({ x: node.x, y: node.y });
        drawn.toggleClass("pinned", node.pinned);
      }
    });
    setFilters(inv.state);
    Object.assign(open, { id: inv.id, name: inv.name, version: inv.version });
    showOpen();
    refresh();
    cy.fit(cy.nodes(), 40);
    const gone = [...inv.merged.map((m) => `${m.id} (merged into ${m.into})`), ...inv.deleted];
    status(`Opened “${inv.name}” version ${inv.version} of ${inv.head}` +
      (gone.length ? `; no longer in the graph: ${gone.join(", ")}` : ""), gone.length > 0);
  }

  async function save() {
    const state = await chartState(cy);
    let saved;
    if (open.id) {
      saved = await api.saveVersion(open.id, open.version, state);
    } else {
      const name = $("investigation-title").value.trim();
      if (!name) {
        $("save-dialog").showModal();
        return;
      }
      saved = await api.createInvestigation(name, state);
    }
    Object.assign(open, { id: saved.id, name: saved.name, version: saved.version });
    showOpen();
    status(saved.stale
      ? `Saved as version ${saved.version}; someone saved version ${saved.previous} after you opened it, and it is kept`
      : `Saved “${saved.name}” version ${saved.version}`);
  }

  async function list() {
    const rows = await api.investigations();
    const items = rows.map((inv) => {
      const li = document.createElement("li");
      const button = (text, action) => {
        const b = Object.assign(document.createElement("button"), { type: "button", textContent: text });
        b.addEventListener("click", () => action().catch(fail));
        return b;
      };
      li.append(`${inv.name} (v${inv.head}, ${inv.updated_by}) `,
        button("Open", async () => { $("investigations-dialog").close(); await load(inv.id); }),
        button("Versions", () => versions(inv.id, li)),
        button("Rename", async () => {
          const name = window.prompt("New name", inv.name);
          if (name) await api.renameInvestigation(inv.id, name);
          await list();
        }),
        button("Delete", async () => {
          await api.deleteInvestigation(inv.id);
          if (open.id === inv.id) Object.assign(open, { id: null, name: "", version: 0 });
          showOpen();
          await list();
        }));
      return li;
    });
    $("investigations-list").replaceChildren(...items);
    $("investigations-empty").hidden = rows.length > 0;
  }

  async function versions(id, li) {
    const ol = document.createElement("ol");
    ol.className = "versions";
    for (const v of await api.investigationVersions(id)) {
      const item = document.createElement("li");
      const restore = Object.assign(document.createElement("button"), { type: "button", textContent: "Restore" });
      restore.addEventListener("click", async () => {
        try {
          const made = await api.restoreInvestigation(id, v.version);
          $("investigations-dialog").close();
          await load(id, made.version);
        } catch (error) {
          fail(error);
        }
      });
      item.append(`v${v.version} by ${v.saved_by} at ${v.saved_at.slice(0, 19)} `, restore);
      ol.append(item);
    }
    li.querySelector("ol")?.remove();
    li.append(ol);
  }

  const run = (action) => () => action().catch(fail);
  $("save-investigation").addEventListener("click", run(save));
  const confirm = () => {
    if (!$("investigation-title").value.trim()) return;
    $("save-dialog").close();
    run(save)();
  };
  $("save-confirm").addEventListener("click", confirm);
  $("investigation-title").addEventListener("keydown", (event) => event.key === "Enter" && confirm());
  $("save-cancel").addEventListener("click", () => $("save-dialog").close());
  $("open-investigations").addEventListener("click", async () => {
    $("investigations-dialog").showModal();
    await list().catch(fail);
  });
  $("investigations-close").addEventListener("click", () => $("investigations-dialog").close());
  const sync = () => {
    $("undo").disabled = !history.canUndo();
    $("redo").disabled = !history.canRedo();
  };
  hooks.onHistory(sync);
  $("undo").addEventListener("click", () => history.undo());
  $("redo").addEventListener("click", () => history.redo());
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
    if (typing || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "z") return;
    event.preventDefault();
    if (event.shiftKey) history.redo();
    else history.undo();
  });
  sync();
  const wanted = new URLSearchParams(window.location.search).get("investigation");
  if (wanted) load(wanted).catch(fail);
  else showOpen();
}
