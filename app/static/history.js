// Undo and redo of chart actions (expand, hide, remove, layout, clear, open): the chart is
// snapshotted before each action, so undo puts back exactly what was drawn, positions included.
const LIMIT = 50;

/** A history over ``cy``; ``onRestore`` re-derives what depends on the chart (filters, list). */
export function createHistory(cy, onRestore, onChange = () => {}) {
  const undos = [];
  const redos = [];
  const snapshot = () => cy.elements().jsons();
  const restore = (elements) => {
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    onRestore();
  };
  const step = (from, to) => {
    if (!from.length) return false;
    to.push(snapshot());
    restore(from.pop());
    onChange();
    return true;
  };
  return {
    /** Call before changing the chart. */
    record() {
      undos.push(snapshot());
      if (undos.length > LIMIT) undos.shift();
      redos.length = 0;
      onChange();
    },
    undo: () => step(undos, redos),
    redo: () => step(redos, undos),
    canUndo: () => undos.length > 0,
    canRedo: () => redos.length > 0,
  };
}
