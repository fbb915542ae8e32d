// One audit event (who did what to which target, when and why); MERGE on an id made before the
// transaction, so a retried transaction function records it once.
// $event: {id, who, action, target, why, details_json}
MERGE (e:AuditEvent {id: $event.id})
  ON CREATE SET e.at = datetime(), e.who = $event.who, e.action = $event.action,
                e.target = $event.target, e.why = $event.why, e.details_json = $event.details_json
