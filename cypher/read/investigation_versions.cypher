// The versions of an investigation, newest first, without their charts.
// $id: string
MATCH (v:InvestigationVersion {investigation: $id})
RETURN v.number AS version, v.base AS base, v.saved_by AS saved_by, v.saved_at AS saved_at
ORDER BY v.number DESC
