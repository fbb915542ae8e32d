// One investigation and one of its versions (the latest when $version is null).
// $id: string; $version: integer or null
MATCH (i:Investigation {id: $id})
OPTIONAL MATCH (v:InvestigationVersion {investigation: $id, number: coalesce($version, i.head)})
RETURN i.id AS id, i.name AS name, i.head AS head, v.number AS version, v.base AS base,
       v.saved_by AS saved_by, v.saved_at AS saved_at, v.state_json AS state_json
