// Undo and redo of chart actions (expand, hide, remove, layout, clear, open, merge): the chart is
// snapshotted before each action, so undo puts back exactly what was drawn, positions included. An
// action that also changed the graph on the server (a merge) carries an effect, {undo, redo}: async
// functions that resolve true once the server has followed (an unmerge, the merge again); the chart
// only steps when it has, and nothing else steps meanwhile.
const LIMIT = 50;

/** A history over ``cy``; ``onRestore`` re-derives what depends on the chart (filters, list). */
export function createHistory(cy, onRestore, onChange = () => {}) {
  const undos = [];
  const redos = [];
  let busy = false;
  const snapshot = () => cy.elements().jsons();
  const restore = (elements) => {
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    onRestore();
  };
  const move = (entry, to) => {
    to.push({ elements: snapshot(), effect: entry.effect });
    restore(entry.elements);
    onChange();
    return true;
  };
  const step = (from, to, direction) => {
    if (!from.length || busy) return false;
    const entry = from.pop();
    if (!entry.effect) return move(entry, to);
    busy = true;
    onChange();
    return Promise.resolve()
      .then(() => entry.effect[direction]())
      .catch(() => false)
      .then((done) => {
        busy = false;
        if (done) return move(entry, to);
        from.push(entry); // the server did not follow: the chart stays as it is
        onChange();
        return false;
      });
  };
  return {
    /** Call before changing the chart; ``effect`` when the action also changed the server's graph. */
    record(effect = null) {
      undos.push({ elements: snapshot(), effect });
      if (undos.length > LIMIT) undos.shift();
      redos.length = 0;
      onChange();
    },
    undo: () => step(undos, redos, "undo"),
    redo: () => step(redos, undos, "redo"),
    canUndo: () => undos.length > 0 && !busy,
    canRedo: () => redos.length > 0 && !busy,
  };
}
