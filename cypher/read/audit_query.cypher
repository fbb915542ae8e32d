// The audit log, newest first, filtered by target, who, action prefix and time (each optional).
// $target, $who, $action, $since, $until (ISO datetimes), $limit, $skip
MATCH (e:AuditEvent)
WHERE ($target IS NULL OR e.target = $target)
  AND ($who IS NULL OR e.who = $who)
  AND ($action IS NULL OR e.action STARTS WITH $action)
  AND ($since IS NULL OR e.at >= datetime($since))
  AND ($until IS NULL OR e.at <= datetime($until))
RETURN e.id AS id, toString(e.at) AS at, e.who AS who, e.action AS action, e.target AS target,
       e.why AS why, e.details_json AS details_json
ORDER BY e.at DESC, e.id
SKIP $skip LIMIT $limit
