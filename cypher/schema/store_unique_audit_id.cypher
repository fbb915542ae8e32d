// Audit events are written with MERGE on an id made before the transaction (retry-safe).
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE
