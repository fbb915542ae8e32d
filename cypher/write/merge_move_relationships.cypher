// Re-home relationships onto the merge survivor: one claim per key, evidence entries appended
// once each; returns which entries were new, so an unmerge can take exactly those back.
// $rows: [{type, source, target, claim_id, props, documents, quotes, starts, ends, statuses}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {claim_id: row.claim_id}]->(b)
  ON CREATE SET r += row.props, r.evidence_documents = [], r.evidence_quotes = [],
                r.evidence_starts = [], r.evidence_ends = [], r.evidence_statuses = [], r.created_by_merge = true
WITH r, row,
     [i IN range(0, size(r.evidence_documents) - 1) |
        r.evidence_documents[i] + '@' + toString(r.evidence_starts[i]) + ':' + toString(r.evidence_ends[i])] AS have
WITH r, row, have, [i IN range(0, size(row.documents) - 1)
              WHERE NOT (row.documents[i] + '@' + toString(row.starts[i]) + ':' + toString(row.ends[i])) IN have] AS fresh
SET r.evidence_statuses = coalesce(r.evidence_statuses, [x IN have | r.status])
                          + [i IN fresh | coalesce(row.statuses[i], row.props.status, 'reported')],
    r.evidence_documents = r.evidence_documents + [i IN fresh | row.documents[i]],
    r.evidence_quotes = r.evidence_quotes + [i IN fresh | row.quotes[i]],
    r.evidence_starts = r.evidence_starts + [i IN fresh | row.starts[i]],
    r.evidence_ends = r.evidence_ends + [i IN fresh | row.ends[i]],
    r.manual = coalesce(r.manual, false) OR coalesce(row.props.manual, false),
    r.updated_at = datetime()
RETURN {source: startNode(r).id, type: type(r), target: endNode(r).id, claim_id: r.claim_id} AS ref, row.claim_id AS claim_id, coalesce(r.created_by_merge, false) AS created,
       [i IN fresh | row.documents[i] + '@' + toString(row.starts[i]) + ':' + toString(row.ends[i])] AS added
