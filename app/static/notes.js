// Analyst notes beside the selected item (entity, relationship or document): listed with author and
// time, and added from the side panel. The API keeps them (/notes).
import * as api from "./api.js";

const $ = (id) => document.getElementById(id);
const current = { kind: null, target: null };

async function render() {
  const target = current.target;
  const rows = await api.notes(target);
  if (target !== current.target) return; // another item was selected while these were fetched
  $("notes-list").replaceChildren(...rows.map((note) => {
    const li = document.createElement("li");
    const meta = Object.assign(document.createElement("span"), {
      className: "muted", textContent: ` — ${note.author}, ${note.at.slice(0, 16).replace("T", " ")}` });
    li.append(note.text, meta);
    return li;
  }));
}

/** Show the notes of an item: kind 'entity' | 'relationship' | 'document', target its id or claim id. */
export function show(kind, target, fail) {
  Object.assign(current, { kind, target });
  $("notes").hidden = false;
  render().catch(fail);
}

export function setup(status, fail) {
  $("note-add").addEventListener("click", async () => {
    const text = $("note-text").value.trim();
    if (!text || !current.target) return;
    try {
      await api.addNote(current.kind, current.target, text);
      $("note-text").value = "";
      await render();
      status("Note added");
    } catch (error) {
      fail(error);
    }
  });
}
