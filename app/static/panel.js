// The details panel (a node's or an edge's properties, aliases, sources, grades, evidence quotes) and
// the document viewer that shows a quote highlighted in its stored text.
import * as api from "./api.js";

const $ = (id) => document.getElementById(id);
const HIDDEN = new Set(["text", "aliases", "name", "id"]);
// grade properties as the graph may carry them: [label, candidate property names]
const GRADES = [
  ["Source reliability (A–F)", ["source_reliability", "reliability"]],
  ["Information credibility (1–6)", ["credibility", "information_credibility"]],
  ["Confidence (0–100)", ["confidence"]],
  // how often the extraction rule that made this claim is right on real reporting (loaders/calibration.py)
  ["Extraction rule precision (0–100)", ["extraction_confidence"]],
];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function table(props) {
  const rows = Object.entries(props)
    .filter(([name, value]) => !HIDDEN.has(name) && !name.startsWith("evidence_") && value !== null && value !== "")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => el("tr", {}, el("th", { scope: "row" }, name),
      el("td", {}, Array.isArray(value) ? value.join(", ") : String(value))));
  return rows.length ? el("table", { class: "props" }, el("tbody", {}, ...rows)) : el("p", { class: "muted" }, "none");
}

function grades(props) {
  const items = [];
  for (const [label, names] of GRADES) {
    const name = names.find((n) => props[n] !== undefined && props[n] !== null);
    if (name) items.push(el("li", {}, `${label}: `, el("strong", {}, String(props[name]))));
  }
  return items.length ? el("ul", { class: "grades" }, ...items) : el("p", { class: "muted" }, "not graded");
}

function section(title, ...content) {
  return el("section", {}, el("h3", {}, title), ...content);
}

// Each render takes the next number; a response that arrives after a newer render is dropped, so a
// slow entity record never replaces the edge or node the analyst selected since.
let shown = 0;

function render(title, ...sections) {
  shown += 1;
  const panel = $("details");
  panel.replaceChildren(el("h2", { id: "details-title", tabindex: "-1" }, title), ...sections);
}

/** Show an entity: what the view holds at once, then the API's full record when it answers. */
export async function showNode(node, actions) {
  const buttons = el("div", { class: "actions" },
    ...actions.map(([label, fn]) => el("button", { type: "button", onclick: fn }, label)));
  const base = (record) => [
    el("p", { class: "labels" }, (record.labels || []).join(" · ")),
    buttons,
    section("Aliases", (record.aliases || []).length
      ? el("ul", {}, ...record.aliases.map((a) => el("li", {}, a))) : el("p", { class: "muted" }, "none")),
    section("Properties", table(record.properties || {})),
  ];
  render(node.name, ...base(node));
  const mine = shown;
  let record;
  try {
    record = await api.entity(node.id);
  } catch {
    return; // the view's own copy stays on screen
  }
  if (mine !== shown) return; // another selection was shown meanwhile
  const extra = [];
  if (record.sources) {
    extra.push(section("Sources", record.sources.length
      ? el("ul", {}, ...record.sources.map((s) => el("li", {},
        el("button", { type: "button", class: "link", onclick: () => openDocument(s.id) },
          s.title || s.id), ` ${s.publisher || ""} ${s.published || ""}`)))
      : el("p", { class: "muted" }, "none")));
  }
  if (record.relationship_counts) {
    extra.push(section("Relationships", table(record.relationship_counts)));
  }
  if (record.notes?.length) { // analysts' notes in the profile (the Notes box below adds them)
    extra.push(section(`Notes (${record.notes.length})`, el("ul", { class: "profile-notes" },
      ...record.notes.map((n) => el("li", {}, n.text,
        el("span", { class: "muted" }, ` — ${n.author}, ${n.at.slice(0, 16).replace("T", " ")}`))))));
  }
  if (record.first_reported || record.last_reported) {
    extra.push(el("p", {}, `First reported ${record.first_reported || "?"}, last ${record.last_reported || "?"}`));
  }
  render(record.name || node.name, ...base({ ...node, ...record }), ...extra);
}

/** Show a relationship with its grades and every evidence quote (each opens its document). */
export function showEdge(rel, names) {
  const props = rel.properties || {};
  const claimStatus = props.status || "reported";
  const quotes = (rel.evidence || []).map((ev, i) => el("li", {},
    el("button", {
      type: "button", class: "quote", "data-index": String(i),
      onclick: () => openDocument(ev.document, ev),
    }, `“${ev.quote}”`),
    el("span", { class: `claim-status status-${ev.status || claimStatus}` }, ev.status || claimStatus),
    el("div", { class: "muted source" },
      [ev.title || ev.document, ev.publisher, ev.published,
        ev.reliability ? `reliability ${ev.reliability}` : ""].filter(Boolean).join(" · "),
      ...(/^https?:\/\//i.test(ev.url || "") ? [" · ", el("a", { href: ev.url, target: "_blank", rel: "noopener noreferrer" }, "original")]
        : []))));
  render(`${names(rel.source)} ${rel.type} ${names(rel.target)}`,
    el("p", { class: `claim-status status-${claimStatus}`, id: "edge-status" }, `Status: ${claimStatus}`),
    section("Grades", grades(props)),
    section("Evidence", quotes.length ? el("ol", { class: "evidence" }, ...quotes) : el("p", { class: "muted" }, "none")),
    section("Properties", table(props)));
  $("details-title").focus();
}

export function showExplanation(lines) {
  const box = $("explanation");
  box.replaceChildren(...lines.map((line) => el("li", {}, line)));
  box.hidden = lines.length === 0;
}

/** Where the quote stands in the text: its offsets when they hold it, else its first occurrence. */
export function locate(text, ev) {
  if (!ev || !ev.quote) return null;
  if (Number.isInteger(ev.start) && Number.isInteger(ev.end) && text.slice(ev.start, ev.end) === ev.quote) {
    return [ev.start, ev.end];
  }
  const at = text.indexOf(ev.quote);
  return at >= 0 ? [at, at + ev.quote.length] : null;
}

export async function openDocument(id, ev = null) {
  const dialog = $("document");
  const body = $("document-text");
  $("document-title").textContent = "Loading…";
  body.textContent = "";
  if (!dialog.open) dialog.showModal();
  let doc;
  try {
    doc = await api.documentText(id);
  } catch (error) {
    $("document-title").textContent = `Document ${id} could not be opened`;
    body.textContent = error.message;
    return;
  }
  $("document-title").textContent = [doc.title || id, doc.publisher, doc.published].filter(Boolean).join(" · ");
  const text = doc.text || "";
  const span = locate(text, ev);
  if (!span) {
    body.textContent = text;
    return;
  }
  const mark = el("mark", { id: "quote-mark", tabindex: "-1" }, text.slice(span[0], span[1]));
  body.replaceChildren(text.slice(0, span[0]), mark, text.slice(span[1]));
  mark.scrollIntoView({ block: "center" });
  mark.focus();
}
