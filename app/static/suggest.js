// A search box with suggestions (the ARIA combobox pattern): type, arrows to move, Enter to pick, Esc.
import * as api from "./api.js";

export function combobox(input, list, onPick, onError) {
  let hits = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      list.children[index].scrollIntoView({ block: "nearest" });
    }
  }

  function pick(index) {
    const hit = hits[index];
    if (!hit) return;
    input.value = hit.name;
    input.dataset.entityId = hit.id;
    close();
    onPick(hit);
  }

  function show() {
    list.replaceChildren(...hits.map((hit, i) => {
      const item = document.createElement("li");
      item.id = `${list.id}-${i}`;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.id = hit.id;
      const alias = (hit.aliases || []).find((a) => a.toLowerCase().includes(input.value.toLowerCase()));
      item.innerHTML = "";
      item.append(hit.name, Object.assign(document.createElement("span"), {
        className: "hint", textContent: ` ${hit.labels.join("·")}${alias && alias !== hit.name ? ` — “${alias}”` : ""}`,
      }));
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        pick(i);
      });
      return item;
    }));
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    highlight(hits.length ? 0 : -1);
  }

  async function fetchHits() {
    const q = input.value.trim();
    const ticket = ++asked;
    if (!q) {
      hits = [];
      close();
      return;
    }
    try {
      const found = await api.search(q);
      if (ticket === asked) {
        hits = found;
        show();
      }
    } catch (error) {
      onError(error);
    }
  }

  input.addEventListener("input", () => {
    delete input.dataset.entityId;
    clearTimeout(timer);
    timer = setTimeout(fetchHits, 180);
  });
  input.addEventListener("keydown", async (event) => {
    if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      if (list.hidden) show();
      else highlight((active + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      highlight((active - 1 + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      if (list.hidden || active < 0) await fetchHits();
      pick(Math.max(active, 0));
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}
