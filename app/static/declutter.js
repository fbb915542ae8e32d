// Moves nodes apart until no two captions overlap: cose spaces node bodies, not the labels under them,
// so long names on a path or around a hub would otherwise print over each other.

const GAP = 4;

const overlap = (a, b) => Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP > 0
  && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP > 0;

function shift(box, dx, dy) {
  box.x1 += dx; box.x2 += dx; box.y1 += dy; box.y2 += dy;
}

/** Push overlapping ``nodes`` (node and caption boxes) apart along the cheaper axis; returns moves made. */
export function separateLabels(nodes, rounds = 80) {
  const list = nodes.toArray();
  let moves = 0;
  for (let round = 0; round < rounds; round += 1) {
    const boxes = list.map((n) => ({ ...n.boundingBox({ includeLabels: true }) }));
    let moved = false;
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (!overlap(a, b)) continue;
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP;
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP;
        // the smaller push separates them; each node takes half, away from the other
        const ax = (a.x1 + a.x2) / 2 <= (b.x1 + b.x2) / 2 ? -1 : 1;
        const ay = (a.y1 + a.y2) / 2 <= (b.y1 + b.y2) / 2 ? -1 : 1;
        const [mx, my] = dx < dy ? [(ax * dx) / 2, 0] : [0, (ay * dy) / 2];
        for (const [node, box, sign] of [[list[i], a, 1], [list[j], b, -1]]) {
          const p = node.position();
          node.position({ x: p.x + sign * mx, y: p.y + sign * my });
          shift(box, sign * mx, sign * my);
        }
        moved = true;
        moves += 1;
      }
    }
    if (!moved) break;
  }
  return moves;
}
