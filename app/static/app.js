// The link-analysis page: search, expand, paths, filters, details, map, list and export, wired together.
/* global cytoscape */
import * as api from "./api.js";
import { separateLabels } from "./declutter.js";
import { offerMore, portion } from "./expansion.js";
import { exportView } from "./exporter.js";
import * as filters from "./filters.js";
import * as mapview from "./mapview.js";
import { elements, STYLE } from "./model.js";
import * as panel from "./panel.js";
import { combobox } from "./suggest.js";
import { createHistory } from "./history.js";
import * as workbench from "./workbench.js";
import * as notes from "./notes.js";
import * as curation from "./curation.js";
import * as report from "./report.js";
import * as notesearch from "./notesearch.js";
import * as documents from "./documents.js";

const $ = (id) => document.getElementById(id);
const state = { source: null, target: null, selected: null };
const TABS = ["graph", "map", "list", "curation", "documents"];

const cy = cytoscape({
  container: $("graph"), style: STYLE, elements: [], wheelSensitivity: 0.3,
  minZoom: 0.2, maxZoom: 2.5, boxSelectionEnabled: false,
});
let historyChanged = () => {};
const chartHistory = createHistory(cy, () => refresh(), () => historyChanged());
window.pactgraph = { cy, state, history: chartHistory, fit: (selector) => fitReadable(cy.$(selector)) }; // tests, console

function status(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

const fail = (error) => status(error.message || String(error), true);
const nameOf = (id) => (cy.getElementById(id).nonempty() ? cy.getElementById(id).data("name") : id);

/** Fit ``eles`` in the view without zooming in so far that captions swamp the picture. */
function fitReadable(eles, padding = 40) {
  cy.fit(eles, padding);
  if (cy.zoom() > 1.3) cy.zoom({ level: 1.3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  cy.center(eles);
}

function layout() {
  const visible = cy.elements().filter((e) => e.style("display") !== "none");
  visible.layout({ name: "cose", animate: false, fit: false, randomize: true, nodeRepulsion: () => 60000,
    idealEdgeLength: () => 150, nodeOverlap: 40, componentSpacing: 100, gravity: 0.5,
    nodeDimensionsIncludeLabels: true }).run();
  separateLabels(visible.nodes());
  fitReadable(visible);
}

/** Merge a subgraph into the view (known elements keep their place) and refresh everything derived. */
function merge(subgraph) {
  const all = elements(subgraph);
  const fresh = all.filter((e) => cy.getElementById(e.data.id).empty());
  // a known element takes the newer record (a search hit has no properties; a neighbourhood has)
  for (const e of all) if (!fresh.includes(e)) cy.getElementById(e.data.id).data(e.data);
  if (fresh.length) chartHistory.record();
  cy.add(fresh);
  refresh();
  if (fresh.length) layout();
  return fresh.length;
}

function refresh() {
  filters.spanTimeline(cy);
  filters.apply(cy);
  renderList();
  if (!$("map").hidden) mapview.draw(cy, select).catch(fail);
}

function select(id) {
  const element = cy.getElementById(id);
  if (element.empty()) return;
  cy.elements().unselect();
  element.select();
  state.selected = id;
  const rel = element.data("rel") || {};
  if (element.isNode()) notes.show(element.data("coarse") === "Document" ? "document" : "entity", id, fail);
  else notes.show("relationship", rel.claim_id || rel.properties?.claim_id || id, fail);
  curation.show(element);
  if (element.isNode()) {
    panel.showNode(element.data("node"), [
      ["Expand neighbours", () => expand(id)],
      ["Path from here", () => setEnd("search", element.data())],
      ["Path to here", () => setEnd("target", element.data())],
      ["Hide", () => { chartHistory.record(); element.remove(); refresh(); }],
    ]).catch(fail);
  } else {
    panel.showEdge(element.data("rel"), nameOf);
  }
}

function setEnd(inputId, data) {
  $(inputId).value = data.name;
  $(inputId).dataset.entityId = data.id;
  if (inputId === "search") state.source = data.id;
  else state.target = data.id;
}

async function expand(id) {
  status(`Expanding ${nameOf(id)}…`);
  try {
    const subgraph = await api.neighbours(id, Number($("depth").value), filters.asQuery());
    const inView = (nodeId) => cy.getElementById(nodeId).nonempty();
    const { shown, held } = portion(subgraph, id, new Set(cy.nodes().map((n) => n.id())));
    const added = merge(shown);
    offerMore(held, subgraph, inView, merge);
    const more = held.reduce((sum, g) => sum + g.nodes.length, 0);
    status(`${nameOf(id)}: ${added} new element${added === 1 ? "" : "s"}${more ? `, ${more} more held back` : ""}`);
  } catch (error) {
    fail(error);
  }
}

async function pickSource(hit) {
  state.source = hit.id;
  if (cy.getElementById(hit.id).empty()) {
    merge({ nodes: [{ ...hit, properties: {} }], relationships: [] });
  }
  cy.getElementById(hit.id).addClass("pinned");
  select(hit.id);
  cy.animate({ center: { eles: cy.getElementById(hit.id) } }, { duration: 200 });
  await expand(hit.id);
}

async function findPath() {
  const source = $("search").dataset.entityId || state.source;
  const target = $("target").dataset.entityId || state.target;
  if (!source || !target) {
    status("Pick an entity and a “Path to” entity from the suggestions first", true);
    return;
  }
  status(`Finding paths from ${nameOf(source)} to ${$("target").value}…`);
  try {
    const result = await api.paths(source, target, { mode: $("path-mode").value, filters: filters.asQuery() });
    cy.elements().removeClass("path");
    if (!result.found || !result.paths.length) {
      panel.showExplanation([]);
      status("No path between them within 6 hops (with these filters)");
      return;
    }
    for (const path of result.paths) merge(path);
    state.path = { source, target, mode: $("path-mode").value }; // what a report on the path asks for
    const ids = result.paths.flatMap((p) => [...p.nodes.map((n) => n.id),
      ...p.relationships.map((r) => r.id || r.claim_id || `${r.source}|${r.type}|${r.target}`)]);
    for (const id of ids) cy.getElementById(id).addClass("path").style("display", "element");
    cy.getElementById(source).addClass("pinned");
    cy.getElementById(target).addClass("pinned");
    panel.showExplanation(result.paths.flatMap((p, i) =>
      (p.explanation || []).map((line) => `${result.paths.length > 1 ? `Path ${i + 1}: ` : ""}${line}`)));
    fitReadable(cy.elements(".path"), 60);
    const hops = result.paths.map((p) => p.relationships.length).join(", ");
    status(`${result.paths.length} path${result.paths.length === 1 ? "" : "s"} found (${hops} hops)`);
  } catch (error) {
    fail(error);
  }
}

function renderList() {
  const rows = cy.edges().filter((e) => e.style("display") !== "none").map((edge) => {
    const row = document.createElement("tr");
    const cells = [nameOf(edge.data("source")), edge.data("type"), nameOf(edge.data("target")),
      edge.data("date"), edge.data("status")];
    cells.forEach((text, i) => {
      const cell = document.createElement("td");
      if (i === 1) {
        const button = Object.assign(document.createElement("button"), { type: "button", textContent: text });
        button.addEventListener("click", () => select(edge.id()));
        cell.append(button);
      } else {
        cell.textContent = text || "";
      }
      row.append(cell);
    });
    return row;
  });
  $("list-body").replaceChildren(...rows);
}

function showTab(name) {
  for (const tab of TABS) {
    const on = tab === name;
    $(`tab-${tab}`).setAttribute("aria-selected", String(on));
    $(`tab-${tab}`).tabIndex = on ? 0 : -1;
    $(tab).hidden = !on;
  }
  if (name === "map") mapview.draw(cy, select).catch(fail);
  if (name === "graph") cy.resize();
  if (name === "documents") documents.show();
}

function wire() {
  filters.setup(() => {
    filters.apply(cy);
    renderList();
    if (!$("map").hidden) mapview.draw(cy, select).catch(fail);
  });
  combobox($("search"), $("search-list"), pickSource, fail);
  combobox($("target"), $("target-list"), (hit) => { state.target = hit.id; $("find-path").focus(); }, fail);
  $("find-path").addEventListener("click", findPath);
  $("expand").addEventListener("click", () => (state.selected && cy.getElementById(state.selected).isNode()
    ? expand(state.selected) : status("Select an entity to expand", true)));
  $("relayout").addEventListener("click", () => { chartHistory.record(); layout(); });
  $("clear").addEventListener("click", () => {
    chartHistory.record();
    cy.elements().remove();
    panel.showExplanation([]);
    refresh();
  });
  $("export").addEventListener("click", async () => {
    try {
      const how = await exportView(cy, $("export-format").value);
      status(`Exported the view (${how === "client" ? "built in the page" : how})`);
    } catch (error) {
      fail(error);
    }
  });
  cy.on("tap", "node, edge", (event) => select(event.target.id()));
  TABS.forEach((name, i) => {
    $(`tab-${name}`).addEventListener("click", () => showTab(name));
    $(`tab-${name}`).addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = TABS[(i + step + TABS.length) % TABS.length];
      showTab(next);
      $(`tab-${next}`).focus();
    });
  });
  $("zoom-in").addEventListener("click", () => { mapview.zoomBy(1.5); mapview.draw(cy, select).catch(fail); });
  $("zoom-out").addEventListener("click", () => { mapview.zoomBy(1 / 1.5); mapview.draw(cy, select).catch(fail); });
  $("document-close").addEventListener("click", () => $("document").close());
  $("key-button").addEventListener("click", () => {
    $("key-input").value = api.apiKey();
    $("key-dialog").showModal();
  });
  $("key-dialog").addEventListener("close", () => {
    if ($("key-dialog").returnValue === "save") api.setApiKey($("key-input").value.trim());
  });
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      $("search").focus();
    }
  });
}

wire();
status("Ready");
notes.setup(status, fail);
documents.setup({ status, fail });
workbench.setup({ cy, history: chartHistory, refresh, status, fail,
  onHistory: (callback) => { historyChanged = callback; } });
curation.setup({ cy, history: chartHistory, refresh, status, fail, add: merge, select });
report.setup({ cy, state, status, fail });
notesearch.setup({ cy, select, status, fail, openDocument: panel.openDocument,
  showEntity: async (id) => (cy.getElementById(id).nonempty() ? select(id) : pickSource(await api.entity(id))) });
