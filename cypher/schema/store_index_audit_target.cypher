// The audit log is queried by target (an entity, claim or document id).
CREATE INDEX audit_target IF NOT EXISTS FOR (e:AuditEvent) ON (e.target)
