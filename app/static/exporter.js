// Export the current view: PNG from Cytoscape; GraphML and i2 from the API's /export (the induced
// subgraph of the visible nodes), or built here from the visible elements when the API has no export.
import * as api from "./api.js";

function download(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

const xml = (value) => String(value ?? "").replace(/[<>&"']/g,
  (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);

const csv = (value) => {
  const text = String(value ?? "");
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const quotes = (rel) => (rel.evidence || []).map((e) => e.quote).join(" | ");

export function graphml(nodes, edges) {
  const keys = [
    ["name", "node"], ["labels", "node"], ["aliases", "node"], ["lat", "node"], ["lon", "node"],
    ["type", "edge"], ["status", "edge"], ["date", "edge"], ["confidence", "edge"], ["evidence", "edge"],
  ];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([name, domain]) => `  <key id="${name}" for="${domain}" attr.name="${name}" attr.type="string"/>`),
    '  <graph id="pactgraph" edgedefault="directed">'];
  const data = (name, value) => (value === null || value === undefined || value === "" ? ""
    : `<data key="${name}">${xml(value)}</data>`);
  for (const n of nodes) {
    lines.push(`    <node id="${xml(n.id)}">${data("name", n.name)}${data("labels", n.labels.join(";"))}`
      + `${data("aliases", (n.node.aliases || []).join(";"))}${data("lat", n.lat)}${data("lon", n.lon)}</node>`);
  }
  for (const e of edges) {
    lines.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">`
      + `${data("type", e.type)}${data("status", e.status)}${data("date", e.date)}`
      + `${data("confidence", e.rel.properties && e.rel.properties.confidence)}${data("evidence", quotes(e.rel))}</edge>`);
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

/** i2 Analyst's Notebook's tabular import: one row per link with both ends (entities alone get a row). */
export function i2csv(nodes, edges) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const head = ["Entity1 Id", "Entity1 Type", "Entity1 Label", "Link Type", "Link Date", "Link Status",
    "Link Evidence", "Entity2 Id", "Entity2 Type", "Entity2 Label"];
  const end = (n) => [n.id, n.subtype || n.coarse, n.name];
  const rows = [head];
  const linked = new Set();
  for (const e of edges) {
    rows.push([...end(byId.get(e.source)), e.type, e.date, e.status, quotes(e.rel), ...end(byId.get(e.target))]);
    linked.add(e.source).add(e.target);
  }
  for (const n of nodes) if (!linked.has(n.id)) rows.push([...end(n), "", "", "", "", "", "", ""]);
  return rows.map((row) => row.map(csv).join(",")).join("\r\n") + "\r\n";
}

function visible(cy) {
  const nodes = cy.nodes().filter((n) => n.style("display") !== "none").map((n) => n.data());
  const edges = cy.edges().filter((e) => e.style("display") !== "none").map((e) => e.data());
  return { nodes, edges };
}

/** Export the visible view as ``format`` (png, graphml, i2); resolves to how it was made. */
export async function exportView(cy, format) {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  if (format === "png") {
    download(cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }), `pactgraph-${stamp}.png`);
    return "png";
  }
  const { nodes, edges } = visible(cy);
  const response = await api.exportNodes(format, nodes.map((n) => n.id));
  if (response) {
    const ext = format === "i2" ? "zip" : format;
    download(await response.blob(), `pactgraph-${stamp}.${ext}`);
    return "server";
  }
  if (format === "graphml") {
    download(new Blob([graphml(nodes, edges)], { type: "application/xml" }), `pactgraph-${stamp}.graphml`);
  } else {
    download(new Blob([i2csv(nodes, edges)], { type: "text/csv" }), `pactgraph-${stamp}-i2.csv`);
  }
  return "client";
}
