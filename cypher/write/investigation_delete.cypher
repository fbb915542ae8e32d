// Delete an investigation and every version of it; returns how many investigations went (0 or 1).
// $id: string
OPTIONAL MATCH (v:InvestigationVersion {investigation: $id})
DETACH DELETE v
WITH count(*) AS _
OPTIONAL MATCH (i:Investigation {id: $id})
DETACH DELETE i
RETURN count(i) AS deleted
