// Expansion in readable portions: a hub's neighbours are grouped by label and relationship type, at most
// PER_GROUP of each group join the view at once, and a "show more" button per group adds the rest.

export const PER_GROUP = 6;

/** The group of ``node`` reached from ``centre``: its most specific label and the type of the edge in. */
function groupOf(node, rels, centre) {
  const labels = (node.labels || []).filter((label) => label !== "Entity");
  const label = labels.find((l) => !["Actor", "Site"].includes(l)) || labels[0] || "Entity";
  const rel = rels.find((r) => (r.source === centre && r.target === node.id) || (r.target === centre && r.source === node.id))
    || rels.find((r) => r.source === node.id || r.target === node.id);
  return `${label} · ${rel ? rel.type : "linked"}`;
}

/**
 * Split a neighbourhood into what to show now and what to hold back. ``known`` ids are always shown
 * (they are in the view already). Returns {shown: subgraph, held: [{group, nodes}]}, held groups by size.
 */
export function portion(subgraph, centre, known, perGroup = PER_GROUP) {
  const rels = subgraph.relationships || [];
  const counts = new Map();
  const shownIds = new Set();
  const held = new Map();
  for (const node of subgraph.nodes || []) {
    if (node.id === centre || known.has(node.id)) {
      shownIds.add(node.id);
      continue;
    }
    const group = groupOf(node, rels, centre);
    const count = counts.get(group) || 0;
    counts.set(group, count + 1);
    if (count < perGroup) shownIds.add(node.id);
    else held.set(group, [...(held.get(group) || []), node]);
  }
  const shown = {
    nodes: (subgraph.nodes || []).filter((n) => shownIds.has(n.id)),
    relationships: rels.filter((r) => shownIds.has(r.source) && shownIds.has(r.target)),
  };
  const groups = [...held].map(([group, nodes]) => ({ group, nodes }))
    .sort((a, b) => b.nodes.length - a.nodes.length || a.group.localeCompare(b.group));
  return { shown, held: groups };
}

/**
 * Buttons, one per held group, under the view's tabs; ``onMore(subgraph)`` merges a group's nodes with
 * their links to what ``inView(id)`` says is already shown.
 */
export function offerMore(held, subgraph, inView, onMore) {
  let box = document.getElementById("more");
  if (!box) {
    box = Object.assign(document.createElement("div"), { id: "more", className: "more" });
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Neighbours held back");
    document.querySelector("#stage .tabs").after(box);
  }
  box.replaceChildren(...held.map(({ group, nodes }) => {
    const button = Object.assign(document.createElement("button"), {
      type: "button", className: "show-more", textContent: `Show ${nodes.length} more ${group}`,
    });
    button.dataset.group = group;
    button.addEventListener("click", () => {
      const ids = new Set(nodes.map((n) => n.id));
      const keep = (id) => ids.has(id) || inView(id);
      button.remove();
      box.hidden = !box.children.length;
      onMore({
        nodes: (subgraph.nodes || []).filter((n) => keep(n.id)),
        relationships: (subgraph.relationships || []).filter((r) => (ids.has(r.source) || ids.has(r.target))
          && keep(r.source) && keep(r.target)),
      });
    });
    return button;
  }));
  box.hidden = !held.length;
}
