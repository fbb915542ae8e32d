// The Documents tab: upload (drop or pick several files, one outcome line each), the list with search and
// filters, the selected document's metadata and reliability grade (editable), and a reader that highlights
// every quote the graph took from it.
import * as api from "./api.js";
import { locate } from "./panel.js";

const $ = (id) => document.getElementById(id);
const GRADES = [["A", "completely reliable"], ["B", "usually reliable"], ["C", "fairly reliable"],
  ["D", "not usually reliable"], ["E", "unreliable"], ["F", "cannot be judged"]];
const PAGE = 25;
const EDITABLE = ["title", "publisher", "published", "url", "reliability"];

const state = { skip: 0, total: 0, listing: 0, doc: null, reading: 0, marks: new Map() };
let hooks = { status: () => {}, fail: () => {} };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const gradeOptions = (first) => [el("option", { value: "" }, first),
  ...GRADES.map(([g, words]) => el("option", { value: g }, `${g} — ${words}`))];

/** The panel's fixed parts; everything shown in it is text, never markup from the server. */
function build(panel) {
  const left = el("div", { class: "docs-left" },
    el("section", { "aria-labelledby": "doc-upload-title" },
      el("h2", { id: "doc-upload-title" }, "Upload documents"),
      el("div", { id: "doc-drop", class: "drop", tabindex: "0", role: "button",
        "aria-describedby": "doc-drop-hint" }, "Drop files here (or press Enter to choose)"),
      el("p", { id: "doc-drop-hint", class: "muted" },
        "Text, Markdown, HTML, PDF or DOCX, several at once; each is loaded on its own."),
      el("div", { class: "row" },
        el("label", { for: "doc-files" }, "Files "),
        el("input", { id: "doc-files", type: "file", multiple: "" })),
      el("div", { class: "row" },
        el("label", { for: "doc-upload-grade" }, "Source reliability "),
        el("select", { id: "doc-upload-grade" }, ...gradeOptions("not graded"))),
      el("ul", { id: "doc-outcomes", class: "outcomes", "aria-live": "polite", "aria-label": "Upload outcomes" })),
    el("section", { "aria-labelledby": "doc-list-title" },
      el("h2", { id: "doc-list-title" }, "Stored documents"),
      el("form", { id: "doc-filters", role: "search", class: "doc-filters", onsubmit: (e) => e.preventDefault() },
        el("label", { for: "doc-q", class: "sr-only" }, "Search titles and publishers"),
        el("input", { id: "doc-q", type: "search", placeholder: "Title or publisher", autocomplete: "off" }),
        el("label", { for: "doc-publisher", class: "sr-only" }, "Publisher"),
        el("select", { id: "doc-publisher" }, el("option", { value: "" }, "any publisher")),
        el("label", {}, "from ", el("input", { id: "doc-from", type: "date" })),
        el("label", {}, "to ", el("input", { id: "doc-to", type: "date" })),
        el("label", { for: "doc-reliability", class: "sr-only" }, "Reliability"),
        el("select", { id: "doc-reliability" }, ...gradeOptions("any reliability"),
          el("option", { value: "ungraded" }, "not graded"))),
      el("p", { id: "doc-count", class: "muted", role: "status" }),
      el("ul", { id: "doc-list", class: "doc-list", "aria-label": "Documents found" }),
      el("div", { class: "row" },
        el("button", { id: "doc-prev", type: "button" }, "Previous"),
        el("button", { id: "doc-next", type: "button" }, "Next"))));
  const right = el("section", { id: "doc-reader", class: "docs-right", "aria-labelledby": "doc-reader-title" },
    el("h2", { id: "doc-reader-title", tabindex: "-1" }, "Reader"),
    el("p", { id: "doc-meta", class: "muted" }, "Pick a document to read it with every quote the graph took from it."));
  panel.replaceChildren(el("div", { class: "docs" }, left, right));
}

// --- upload -----------------------------------------------------------------------------------------

/** One line per file: what happened to it, and why when it failed. */
function outcomeLine(name, result) {
  const detail = (result.detail || "").startsWith(`${result.path}: `)
    ? result.detail.slice(result.path.length + 2) : result.detail;
  let text = `${result.path || name}: ${result.outcome}`;
  if (result.outcome === "created" || result.outcome === "updated") {
    text += ` (${result.claims} claim${result.claims === 1 ? "" : "s"})`;
  }
  if (detail) text += ` — ${detail}`;
  return text;
}

function showOutcome(item, name, result) {
  item.className = `outcome outcome-${result.outcome}`;
  item.dataset.outcome = result.outcome;
  item.textContent = outcomeLine(name, result);
}

/** Upload each file in a request of its own, so one over the request size limit fails alone. */
async function upload(files) {
  if (!files.length) return;
  const grade = $("doc-upload-grade").value;
  const list = $("doc-outcomes");
  const items = files.map((file) => el("li", { class: "outcome outcome-pending" }, `${file.name}: uploading…`));
  list.replaceChildren(...items);
  const counts = {};
  for (const [i, file] of files.entries()) {
    let result;
    try {
      result = (await api.uploadDocument(file, grade)).results[0];
    } catch (error) {
      const why = error.status === 413 ? `over the upload size limit (${error.message})` : error.message;
      result = { path: file.name, outcome: "failed", detail: why };
    }
    counts[result.outcome] = (counts[result.outcome] || 0) + 1;
    showOutcome(items[i], file.name, result);
  }
  hooks.status(`Uploaded ${files.length} file${files.length === 1 ? "" : "s"}: ${
    Object.entries(counts).map(([outcome, n]) => `${n} ${outcome}`).join(", ")}`);
  await Promise.all([loadPublishers(), list_()]);
}

// --- the list ---------------------------------------------------------------------------------------

function filters() {
  return { q: $("doc-q").value.trim(), publisher: $("doc-publisher").value, date_from: $("doc-from").value,
    date_to: $("doc-to").value, reliability: $("doc-reliability").value, limit: PAGE, skip: state.skip };
}

async function loadPublishers() {
  const rows = await api.publishers();
  const select = $("doc-publisher");
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "" }, "any publisher"),
    ...rows.map((p) => el("option", { value: p.publisher }, `${p.publisher} (${p.documents})`)));
  select.value = rows.some((p) => p.publisher === chosen) ? chosen : "";
}

/** The list for the current filters and page; a late answer to an older request is dropped. */
async function list_() {
  const mine = ++state.listing;
  const page = await api.documents(filters());
  if (mine !== state.listing) return;
  state.total = page.total;
  $("doc-list").replaceChildren(...page.items.map((d) => el("li", { "data-id": d.id },
    el("button", { type: "button", class: "link doc-open", onclick: () => open(d.id) }, d.title || d.id),
    el("div", { class: "muted" }, [d.publisher, d.published,
      d.reliability ? `reliability ${d.reliability}` : "not graded"].filter(Boolean).join(" · ")))));
  const first = page.items.length ? state.skip + 1 : 0;
  $("doc-count").textContent = page.total
    ? `${first}–${state.skip + page.items.length} of ${page.total} document${page.total === 1 ? "" : "s"}`
    : "No documents match";
  $("doc-prev").disabled = state.skip === 0;
  $("doc-next").disabled = state.skip + PAGE >= page.total;
}

function relist(resetPage = true) {
  if (resetPage) state.skip = 0;
  list_().catch(hooks.fail);
}

// --- the reader -------------------------------------------------------------------------------------

/** The text cut at every quote's ends; each stretch inside quotes is one mark naming all of them. */
function highlighted(text, quotes) {
  const spans = quotes.map((q) => locate(text, q));
  const cuts = new Set([0, text.length]);
  for (const span of spans) if (span) { cuts.add(span[0]); cuts.add(span[1]); }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  const firstMark = new Map();
  for (let k = 0; k + 1 < points.length; k += 1) {
    const [from, to] = [points[k], points[k + 1]];
    const inside = spans.flatMap((span, i) => (span && span[0] <= from && to <= span[1] ? [i] : []));
    if (!inside.length) {
      nodes.push(text.slice(from, to));
      continue;
    }
    const mark = el("mark", { class: "doc-quote", tabindex: "-1", "data-quotes": inside.join(" "),
      title: inside.map((i) => claimLine(quotes[i])).join("\n"),
      onclick: () => pointAt(inside[0], false) }, text.slice(from, to));
    for (const i of inside) if (!firstMark.has(i)) firstMark.set(i, mark);
    nodes.push(mark);
  }
  return { nodes, firstMark, missing: spans.filter((s) => !s).length };
}

const claimLine = (q) => `${q.source_name || q.source} ${q.type} ${q.target_name || q.target}`;

/** Bring quote ``i`` forward: its mark in the text and its line in the list. */
function pointAt(i, focusMark = true) {
  for (const node of document.querySelectorAll("#doc-reader .current")) node.classList.remove("current");
  const mark = state.marks.get(i);
  const item = document.querySelector(`#doc-quotes li[data-index="${i}"]`);
  item?.classList.add("current");
  if (mark) {
    for (const m of document.querySelectorAll(`#doc-text mark.doc-quote`)) {
      if (m.dataset.quotes.split(" ").includes(String(i))) m.classList.add("current");
    }
    if (focusMark) {
      const [reader, box] = [$("doc-reader").getBoundingClientRect(), $("doc-text").getBoundingClientRect()];
      if (box.top < reader.top || box.bottom > reader.bottom) $("doc-reader").scrollTop += box.top - reader.top;
      centre($("doc-text"), mark);
      mark.focus({ preventScroll: true });
    } else if (item) {
      centre($("doc-quotes"), item);
    }
  }
}

/** Scroll ``box`` (only it: scrollIntoView would move the whole page too) to show ``node`` mid-way. */
function centre(box, node) {
  const [outer, inner] = [box.getBoundingClientRect(), node.getBoundingClientRect()];
  box.scrollTop += inner.top - outer.top - (box.clientHeight - inner.height) / 2;
}

function metaLine(doc) {
  const parts = [doc.publisher, doc.published, doc.reliability ? `reliability ${doc.reliability}` : "not graded"];
  const line = el("p", { id: "doc-meta", class: "muted" }, parts.filter(Boolean).join(" · "));
  if (/^https?:\/\//i.test(doc.url || "")) {
    line.append(" · ", el("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer" }, "original"));
  }
  return line;
}

function editForm(doc) {
  const field = (name, label, attrs = {}) => el("label", {}, `${label} `,
    el("input", { id: `doc-edit-${name}`, name, value: doc[name] ?? "", autocomplete: "off", ...attrs }));
  const grade = el("select", { id: "doc-edit-reliability", name: "reliability" }, ...gradeOptions("not graded"));
  grade.value = doc.reliability || "";
  return el("form", { id: "doc-edit", class: "doc-edit", hidden: "", onsubmit: (e) => { e.preventDefault(); save(); } },
    field("title", "Title", { maxlength: "500" }),
    field("publisher", "Publisher", { maxlength: "200" }),
    field("published", "Published", { placeholder: "YYYY-MM-DD, YYYY-MM or YYYY",
      pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }),
    field("url", "URL", { type: "url", maxlength: "2000" }),
    el("label", {}, "Source reliability ", grade),
    el("label", {}, "Why ", el("input", { id: "doc-edit-why", name: "why", maxlength: "500",
      placeholder: "kept in the audit log" })),
    el("div", { class: "row" },
      el("button", { id: "doc-edit-save", type: "submit" }, "Save"),
      el("button", { id: "doc-edit-cancel", type: "button", onclick: () => { $("doc-edit").hidden = true; } },
        "Cancel")));
}

/** Open a document in the reader: metadata, edit form, the text with every quote highlighted. */
export async function open(id) {
  const mine = ++state.reading;
  const [doc, found] = await Promise.all([api.documentText(id), api.documentQuotes(id)]);
  if (mine !== state.reading) return; // another document was opened meanwhile
  state.doc = doc;
  const quotes = found.quotes;
  const text = doc.text || "";
  const { nodes, firstMark, missing } = highlighted(text, quotes);
  state.marks = firstMark;
  const items = quotes.map((q, i) => el("li", { "data-index": String(i) },
    el("button", { type: "button", class: "quote", onclick: () => pointAt(i) }, `“${q.quote}”`),
    el("span", { class: `claim-status status-${q.status}` }, q.status),
    el("div", { class: "muted" }, claimLine(q), firstMark.has(i) ? "" : " (not found in the stored text)")));
  $("doc-reader").replaceChildren(
    el("h2", { id: "doc-reader-title", tabindex: "-1" }, doc.title || id),
    metaLine(doc),
    el("div", { class: "row" }, el("button", { id: "doc-edit-open", type: "button", onclick: () => {
      $("doc-edit").hidden = false;
      $("doc-edit-title").focus({ preventScroll: true });
    } }, "Edit metadata")),
    editForm(doc),
    el("p", { id: "doc-quote-count", class: "muted" }, `${quotes.length} quote${quotes.length === 1 ? "" : "s"} ` +
      `the graph took from it${missing ? `, ${missing} not found in the text` : ""}`),
    el("div", { id: "doc-text", class: "document-text" }, ...nodes),
    el("h3", {}, "Quotes"),
    quotes.length ? el("ol", { id: "doc-quotes", class: "evidence" }, ...items) : el("p", { class: "muted" }, "none"));
  for (const li of $("doc-list").children) li.classList.toggle("current", li.dataset.id === id);
  $("doc-reader-title").focus({ preventScroll: true });
}

/** Send the fields that differ from the stored document (an emptied one is cleared). */
async function save() {
  const doc = state.doc;
  const changes = {};
  for (const name of EDITABLE) {
    const value = $(`doc-edit-${name}`).value.trim();
    if (value !== (doc[name] ?? "")) changes[name] = value === "" ? null : value;
  }
  if (!Object.keys(changes).length) {
    hooks.status("Nothing changed");
    return;
  }
  try {
    const result = await api.editDocument(doc.id, { ...changes, why: $("doc-edit-why").value.trim() });
    const names = EDITABLE.filter((n) => n in result.changed);
    hooks.status(`Saved ${names.join(", ")}${result.claims_regraded
      ? ` (${result.claims_regraded} claim${result.claims_regraded === 1 ? "" : "s"} re-graded)` : ""}`);
    await Promise.all([open(doc.id), loadPublishers(), list_()]);
  } catch (error) {
    hooks.fail(error);
  }
}

// --- wiring -----------------------------------------------------------------------------------------

/** Called when the tab is shown: the publishers and the list, fresh. */
export function show() {
  Promise.all([loadPublishers(), list_()]).catch(hooks.fail);
}

export function setup({ status, fail }) {
  hooks = { status, fail };
  build($("documents"));
  const drop = $("doc-drop");
  const picker = $("doc-files");
  const run = (files) => upload([...files]).catch(fail);
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    run(event.dataTransfer?.files || []);
  });
  drop.addEventListener("click", () => picker.click());
  drop.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); picker.click(); }
  });
  picker.addEventListener("change", () => { run(picker.files); picker.value = ""; });
  // a file dropped beside the zone must not replace the page with the file
  for (const type of ["dragover", "drop"]) $("documents").addEventListener(type, (event) => event.preventDefault());
  let typing;
  $("doc-q").addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(relist, 250); });
  for (const id of ["doc-publisher", "doc-from", "doc-to", "doc-reliability"]) {
    $(id).addEventListener("change", () => relist());
  }
  $("doc-prev").addEventListener("click", () => { state.skip = Math.max(0, state.skip - PAGE); relist(false); });
  $("doc-next").addEventListener("click", () => { state.skip += PAGE; relist(false); });
}
