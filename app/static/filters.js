// Filters on the view (relationship types, labels, date window, confidence, status) and the timeline
// slider. They hide elements client-side; the same values go to the API when fetching more.
import { COARSE, TYPES } from "./model.js";

const $ = (id) => document.getElementById(id);

function checkboxes(containerId, names, checked) {
  const box = $(containerId);
  box.innerHTML = "";
  for (const name of names) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.value = name;
    input.checked = checked(name);
    label.append(input, ` ${name}`);
    box.append(label);
  }
}

const checked = (containerId) =>
  [...$(containerId).querySelectorAll("input:checked")].map((input) => input.value);

export function setup(onChange) {
  checkboxes("filter-types", TYPES, (name) => name !== "MENTIONS");
  checkboxes("filter-labels", COARSE, (name) => name !== "Document");
  for (const id of ["filter-types", "filter-labels", "filter-status"]) $(id).addEventListener("change", onChange);
  for (const id of ["date-from", "date-to", "min-confidence", "keep-undated", "timeline"]) {
    $(id).addEventListener("input", onChange);
  }
  $("min-confidence").addEventListener("input", () => {
    $("min-confidence-value").textContent = $("min-confidence").value;
  });
}

/** The current filter values. */
export function current() {
  return {
    types: checked("filter-types"),
    labels: checked("filter-labels"),
    statuses: checked("filter-status"),
    dateFrom: $("date-from").value,
    dateTo: $("date-to").value,
    minConfidence: Number($("min-confidence").value),
    keepUndated: $("keep-undated").checked,
    asOf: timelineDate(),
  };
}

/** The filters as API query parameters (only those that narrow anything). */
export function asQuery() {
  const f = current();
  const params = {};
  if (f.types.length < TYPES.length) params.types = f.types;
  if (f.dateFrom) params.date_from = f.dateFrom;
  if (f.dateTo) params.date_to = f.dateTo;
  if (f.minConfidence > 0) params.min_confidence = f.minConfidence;
  return params;
}

let timelineDates = [];

/** Re-span the timeline over the dates present in the view; the rightmost stop means "everything". */
export function spanTimeline(cy) {
  const dates = new Set();
  cy.edges().forEach((edge) => edge.data("date") && dates.add(edge.data("date")));
  timelineDates = [...dates].sort();
  const slider = $("timeline");
  const atEnd = Number(slider.value) >= Number(slider.max);
  slider.max = String(timelineDates.length);
  slider.disabled = timelineDates.length === 0;
  if (atEnd) slider.value = slider.max;
  showTimeline();
}

function timelineDate() {
  const index = Number($("timeline").value);
  return index < timelineDates.length ? timelineDates[index] : "";
}

function showTimeline() {
  const asOf = timelineDate();
  $("timeline-value").textContent = asOf ? `as of ${asOf}` : "all dates";
  $("timeline").setAttribute("aria-valuetext", $("timeline-value").textContent);
}

function edgeVisible(edge, f) {
  const date = edge.data("date");
  if (!f.types.includes(edge.data("type"))) return false;
  if (edge.data("status") && !f.statuses.includes(edge.data("status"))) return false;
  if (edge.data("confidence") < f.minConfidence) return false;
  if (!date) return f.keepUndated;
  if (f.dateFrom && date < f.dateFrom) return false;
  if (f.dateTo && date > f.dateTo) return false;
  return !(f.asOf && date > f.asOf);
}

/** Show what passes the filters: a node stays when its label passes and it keeps a visible edge
 * (or had none in the view, or was picked by the analyst). */
export function apply(cy) {
  showTimeline();
  const f = current();
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.style("display", f.labels.includes(node.data("coarse")) ? "element" : "none");
    });
    cy.edges().forEach((edge) => {
      const ends = edge.source().style("display") !== "none" && edge.target().style("display") !== "none";
      edge.style("display", ends && edgeVisible(edge, f) ? "element" : "none");
    });
    cy.nodes().forEach((node) => {
      if (node.style("display") === "none" || node.hasClass("pinned") || node.connectedEdges().empty()) return;
      const shown = node.connectedEdges().some((edge) => edge.style("display") !== "none");
      if (!shown) node.style("display", "none");
    });
  });
}
