// Audit events of a batch of documents loaded in one transaction (one event each, as
// audit_record.cypher writes them); MERGE on ids made before the transaction, so a retry records
// each once. $events: [{id, who, action, target, why, details_json}]
UNWIND $events AS event
MERGE (e:AuditEvent {id: event.id})
  ON CREATE SET e.at = datetime(), e.who = event.who, e.action = event.action,
                e.target = event.target, e.why = event.why, e.details_json = event.details_json
