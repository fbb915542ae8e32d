// The page's view of the vocabulary (colours and shapes, the same as browser/pactgraph.grass) and the
// conversion of API subgraphs into Cytoscape elements.

export const COARSE = ["Actor", "Agreement", "Site", "Event", "Document"];

export const TYPES = [
  "PARTY_TO", "APPROVED", "PROVIDES_FOR", "ESTABLISHES", "FUNDS", "BUILDS", "OPERATES", "LOCATED_IN",
  "PART_OF", "PARTICIPATES_IN", "COOPERATES_WITH", "SUPPLIES", "TRAINS", "PUBLISHED", "MENTIONS",
];

// label (subtype first, then coarse) -> [colour, Cytoscape shape, icon glyph]
export const LOOK = {
  State: ["#2563eb", "hexagon", "⚑"],
  GovernmentBody: ["#0891b2", "round-rectangle", "⌂"],
  SecurityForce: ["#1e3a8a", "vee", "⛨"],
  Organization: ["#0d9488", "octagon", "◎"],
  Person: ["#7c3aed", "ellipse", "☺"],
  Actor: ["#0891b2", "ellipse", "●"],
  Agreement: ["#d97706", "diamond", "✎"],
  Facility: ["#dc2626", "triangle", "▲"],
  Region: ["#65a30d", "round-pentagon", "◩"],
  Settlement: ["#4d7c0f", "round-tag", "◉"],
  Site: ["#65a30d", "triangle", "▲"],
  Event: ["#db2777", "star", "✦"],
  Document: ["#6b7280", "rectangle", "✉"],
};

export function coarseOf(labels) {
  return COARSE.find((label) => labels.includes(label)) || "Actor";
}

export function lookOf(labels) {
  const specific = labels.find((label) => LOOK[label] && !COARSE.includes(label));
  return LOOK[specific] || LOOK[coarseOf(labels)];
}

export function relId(rel) {
  return rel.id || rel.claim_id || `${rel.source}|${rel.type}|${rel.target}`;
}

/** The date an edge is placed at on the timeline: its own date, else when it was first reported. */
export function edgeDate(props) {
  const value = props.date || props.first_reported || props.published || "";
  return typeof value === "string" ? value.slice(0, 10) : "";
}

function coordinate(props, names) {
  for (const name of names) {
    const value = Number(props[name]);
    if (props[name] !== undefined && props[name] !== null && Number.isFinite(value)) return value;
  }
  return null;
}

export function nodeElement(node) {
  const labels = (node.labels || []).filter((label) => label !== "Entity");
  const props = node.properties || {};
  const [color, shape, icon] = lookOf(labels);
  return {
    group: "nodes",
    data: {
      id: node.id, name: node.name || node.id, labels, coarse: coarseOf(labels),
      subtype: labels.find((label) => !COARSE.includes(label)) || "",
      color, shape, caption: `${icon} ${node.name || node.id}`,
      lat: coordinate(props, ["lat", "latitude"]), lon: coordinate(props, ["lon", "lng", "longitude"]),
      node,
    },
  };
}

export function edgeElement(rel) {
  const props = rel.properties || {};
  const confidence = Number(props.confidence);
  return {
    group: "edges",
    data: {
      id: relId(rel), source: rel.source, target: rel.target, type: rel.type,
      // a claim that is not simply reported says so on the edge itself
      caption: props.status && props.status !== "reported" ? `${rel.type} (${props.status})` : rel.type,
      date: edgeDate(props), status: props.status || "",
      confidence: Number.isFinite(confidence) && props.confidence !== null ? confidence : 50,
      rel,
    },
  };
}

/** Cytoscape elements for a subgraph; edges whose ends are missing are left out. */
export function elements(subgraph) {
  const nodes = (subgraph.nodes || []).map(nodeElement);
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = (subgraph.relationships || [])
    .filter((rel) => ids.has(rel.source) && ids.has(rel.target))
    .map(edgeElement);
  return [...nodes, ...edges];
}

export const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)", shape: "data(shape)", label: "data(caption)",
      "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap",
      "text-max-width": 140, width: 30, height: 30, color: "#111827",
      "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 2,
    },
  },
  {
    selector: "edge",
    style: {
      width: 2, "line-color": "#9ca3af", "target-arrow-color": "#9ca3af", "target-arrow-shape": "triangle",
      "curve-style": "bezier", label: "data(caption)", "font-size": 8, color: "#374151",
      "text-rotation": "autorotate", "text-background-color": "#ffffff", "text-background-opacity": 0.8,
    },
  },
  { selector: 'edge[type = "MENTIONS"]', style: { "line-style": "dotted", width: 1 } },
  { selector: 'edge[status = "planned"]', style: { "line-style": "dashed" } },
  { selector: 'edge[status = "denied"]', style: { "line-color": "#ef4444", "line-style": "dashed" } },
  // reported by one source and denied by another
  { selector: 'edge[status = "disputed"]', style: { "line-color": "#d97706", "line-style": "dashed" } },
  { selector: "edge.path", style: { "line-color": "#f97316", "target-arrow-color": "#f97316", width: 4 } },
  { selector: "node.path", style: { "border-width": 4, "border-color": "#f97316" } },
  { selector: ":selected", style: { "overlay-color": "#2563eb", "overlay-opacity": 0.25, "overlay-padding": 6 } },
  { selector: ".pinned", style: { "border-width": 3, "border-color": "#111827" } },
];
