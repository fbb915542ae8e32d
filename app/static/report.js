// The cited report on the page: for the path drawn, else the open investigation, else the entities and
// links in view. The server writes the brief (POST /report/html) around the chart as drawn (cy.png());
// it is shown over the page, prints as the page (report.css), and downloads as PDF (POST /report/pdf).
import * as api from "./api.js";
import * as filters from "./filters.js";

const $ = (id) => document.getElementById(id);
let pdfUrl = null;

/** What the report is about: the path drawn, the investigation open, or what is in view. */
function subject(cy, state) {
  if (state.path && cy.elements(".path").nonempty()) {
    return { source: state.path.source, target: state.path.target, mode: state.path.mode,
      filters: filters.asQuery() };
  }
  const investigation = new URLSearchParams(window.location.search).get("investigation");
  if (investigation) return { investigation };
  const shown = (e) => e.style("display") !== "none";
  return {
    node_ids: cy.nodes().filter(shown).map((n) => n.id()),
    relationship_ids: cy.edges().filter(shown).map((e) => e.data("rel")?.id || e.id()),
    title: "Links in view",
  };
}

function show(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const brief = parsed.querySelector("article.brief");
  const styles = [...parsed.querySelectorAll("style")].map((s) => document.importNode(s, true));
  $("report-body").replaceChildren(...styles, document.importNode(brief, true));
  $("report").hidden = false;
  document.body.classList.add("reporting");
  $("report-close").focus();
}

function close() {
  $("report").hidden = true;
  document.body.classList.remove("reporting");
  $("report-body").replaceChildren();
  if (pdfUrl) URL.revokeObjectURL(pdfUrl);
  pdfUrl = null;
  $("report-pdf").removeAttribute("href");
}

/** Wire the Report button; ``hooks``: {cy, state, status, fail}. */
export function setup({ cy, state, status, fail }) {
  $("report-open").addEventListener("click", async () => {
    if (cy.nodes().empty()) {
      status("Draw something first: search an entity, find a path or open an investigation", true);
      return;
    }
    const body = { ...subject(cy, state),
      chart_png: cy.png({ full: true, bg: "#ffffff", maxWidth: 1600, maxHeight: 1200 }) };
    status("Writing the report…");
    try {
      const [page, pdf] = await Promise.all([api.report("html", body), api.report("pdf", body)]);
      show(await page.text());
      pdfUrl = URL.createObjectURL(await pdf.blob());
      $("report-pdf").href = pdfUrl;
      status("Report ready: print it, or download the PDF");
    } catch (error) {
      fail(error);
    }
  });
  $("report-print").addEventListener("click", () => window.print());
  $("report-close").addEventListener("click", close);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("report").hidden) close();
  });
}
