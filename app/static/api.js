// Calls to the Pactgraph API (same origin). Every error surfaces as an Error carrying the problem detail.

const KEY_STORAGE = "pactgraph.apiKey";

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || "";
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

async function call(path, { method = "GET", body = null, raw = false, form = null } = {}) {
  const headers = { Accept: raw ? "*/*" : "application/json" };
  if (apiKey()) headers["X-API-Key"] = apiKey();
  if (body !== null) headers["Content-Type"] = "application/json";
  // a FormData body sets its own multipart Content-Type
  const response = await fetch(path, { method, headers, body: form ?? (body === null ? null : JSON.stringify(body)) });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
      if (Array.isArray(detail)) detail = detail.map((d) => d.msg || JSON.stringify(d)).join("; ");
    } catch {
      // not problem+json; keep the status line
    }
    throw new ApiError(response.status, detail);
  }
  return raw ? response : response.json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
  }
  return search.toString();
}

export const search = (q, limit = 8) => call(`/entities/search?${query({ q, limit })}`);

export const entity = (id) => call(`/entities/${encodeURIComponent(id)}`);

export const documentText = (id) => call(`/documents/${encodeURIComponent(id)}`);

export const neighbours = (id, depth, filters) =>
  call(`/entities/${encodeURIComponent(id)}/neighbours?${query({ depth, ...filters })}`);

/** Paths as {found, paths:[{nodes, relationships, explanation}]}; falls back to /paths/shortest. */
export async function paths(source, target, { mode = "k_shortest", k = 3, maxHops = 6, filters = {} } = {}) {
  try {
    return await call(`/paths?${query({ source, target, mode, k, max_hops: maxHops, ...filters })}`);
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) throw error;
    if (/entity/i.test(error.message)) throw error; // a real "no such entity", not a missing route
  }
  const old = await call(`/paths/shortest?${query({ source, target, max_hops: maxHops })}`);
  if (!old.found) return { found: false, paths: [] };
  const relationships = old.hops.map((hop) => ({
    id: hop.claim_id || `${hop.source}|${hop.type}|${hop.target}`,
    type: hop.type, source: hop.source, target: hop.target,
    properties: { status: hop.status },
    evidence: (hop.quotes || []).map((quote, i) => ({ quote, document: (hop.documents || [])[i] })),
  }));
  return { found: true, paths: [{ nodes: old.nodes, relationships, explanation: [] }] };
}

/** The server's export of the induced subgraph, as a Response; null when the route is not there. */
export async function exportNodes(format, nodeIds) {
  try {
    return await call(`/export/${format}`, { method: "POST", body: { node_ids: nodeIds }, raw: true });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}

// Saved investigations (the workbench)
const inv = (id) => `/investigations/${encodeURIComponent(id)}`;
export const investigations = () => call("/investigations");
export const investigation = (id, version = null) => call(`${inv(id)}${version ? `?version=${version}` : ""}`);
export const investigationVersions = (id) => call(`${inv(id)}/versions`);
export const createInvestigation = (name, state) => call("/investigations", { method: "POST", body: { name, state } });
export const saveVersion = (id, base, state) => call(`${inv(id)}/versions`, { method: "POST", body: { base, state } });
export const restoreInvestigation = (id, version) =>
  call(`${inv(id)}/restore`, { method: "POST", body: { version } });
export const renameInvestigation = (id, name) => call(inv(id), { method: "PATCH", body: { name } });
export async function deleteInvestigation(id) {
  await call(inv(id), { method: "DELETE", raw: true });
}
/** The chart's nodes with the links among them, as the export's graph JSON. */
export async function induced(nodeIds) {
  const response = await call("/export/json", { method: "POST", body: { node_ids: nodeIds }, raw: true });
  return response.json();
}

// Analyst notes
export const notes = (target) => call(`/notes?${query({ target })}`);
export const searchNotes = (q) => call(`/notes?${query({ q })}`);
export const addNote = (kind, target, text) => call("/notes", { method: "POST", body: { kind, target, text } });

// Curation (curation.js): the duplicate queue, merge preview, history, and the audited changes
const post = (path, body) => call(path, { method: "POST", body });
export const duplicates = (limit = 50) => call(`/curation/duplicates?${query({ limit })}`);
export const mergePreview = (survivor, merged) => call(`/curation/merge-preview?${query({ survivor, merged })}`);
export const history = (id) => call(`/curation/history/${encodeURIComponent(id)}`);
export const audit = (target) => call(`/curation/audit?${query({ target })}`);
export const merge = (survivor, merged, why) => post("/curation/merge", { survivor, merged, why });
export const unmerge = (merge, why) => post("/curation/unmerge", { merge, why });
export const rename = (id, name, why) => post("/curation/rename", { id, name, why });
export const alias = (id, value, remove, why) => post("/curation/alias", { id, alias: value, remove, why });
export const assertClaim = (source, type, target, status, why) =>
  post("/curation/assert", { source, type, target, status, why });
export const retract = (claimId, why) => post("/curation/retract", { claim_id: claimId, why });
// The cited report (report.js): the Response of POST /report/{html|pdf}
export const report = (format, body) => call(`/report/${format}`, { method: "POST", body, raw: true });
// Documents (the Documents tab)
const docPath = (id) => `/documents/${encodeURIComponent(id)}`;
export const documents = (filters) => call(`/documents?${query(filters)}`);
export const publishers = () => call("/documents/publishers");
export const documentQuotes = (id) => call(`${docPath(id)}/quotes`);
export const editDocument = (id, changes) => call(docPath(id), { method: "PATCH", body: changes });
/** One file through POST /documents: its {results: [outcome], summary}. */
export function uploadDocument(file, grade) {
  const form = new FormData();
  form.append("files", file, file.name);
  if (grade) form.append("grade", grade);
  return call("/documents", { method: "POST", form });
}
