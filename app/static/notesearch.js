// Search every analyst's note from the page (GET /notes?q=): each hit with its author, time and what it
// is on; choosing one shows that entity, link or document.
import * as api from "./api.js";

const $ = (id) => document.getElementById(id);

/** Wire the Find notes dialog; ``hooks``: {cy, select, showEntity, openDocument, status, fail}. */
export function setup({ cy, select, showEntity, openDocument, status, fail }) {
  function onWhat(note) {
    if (note.kind === "relationship") {
      const edge = cy.getElementById(note.target);
      const name = (id) => cy.getElementById(id).data("name") || id;
      return edge.nonempty() ? `${name(edge.data("source"))} ${edge.data("type")} ${name(edge.data("target"))}`
        : "a link not on the chart";
    }
    return note.target_name || note.target;
  }

  async function go(note) {
    $("notes-search").close();
    if (note.kind === "relationship") {
      if (cy.getElementById(note.target).empty()) status("That link is not on the chart: draw its ends first", true);
      else select(note.target);
    } else if (note.kind === "document") {
      await openDocument(note.target);
    } else {
      await showEntity(note.target);
    }
  }

  async function find() {
    const q = $("notes-q").value.trim();
    if (!q) return;
    const rows = await api.searchNotes(q);
    $("notes-found").replaceChildren(...rows.map((note) => {
      const li = document.createElement("li");
      const open = Object.assign(document.createElement("button"), { type: "button", className: "link",
        textContent: onWhat(note) });
      open.addEventListener("click", () => go(note).catch(fail));
      const meta = Object.assign(document.createElement("span"), { className: "muted",
        textContent: ` — ${note.author}, ${note.at.slice(0, 16).replace("T", " ")}` });
      li.append(open, `: ${note.text}`, meta);
      return li;
    }));
    $("notes-none").hidden = rows.length > 0;
  }

  $("notes-search-open").addEventListener("click", () => {
    $("notes-found").replaceChildren(); // hits of an earlier search may name what is now on the chart
    $("notes-none").hidden = true;
    $("notes-search").showModal();
    $("notes-q").focus();
  });
  $("notes-search-close").addEventListener("click", () => $("notes-search").close());
  $("notes-q").addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      find().catch(fail);
    }
  });
  $("notes-find").addEventListener("click", () => find().catch(fail));
}
