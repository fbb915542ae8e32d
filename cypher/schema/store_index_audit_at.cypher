// The audit log is read newest first and filtered by time.
CREATE INDEX audit_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at)
