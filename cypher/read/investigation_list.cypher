// Every saved investigation, most recently saved first.
MATCH (i:Investigation)
RETURN i.id AS id, i.name AS name, i.head AS head, i.created_by AS created_by,
       i.created_at AS created_at, i.updated_by AS updated_by, i.updated_at AS updated_at
ORDER BY i.updated_at DESC, i.id
