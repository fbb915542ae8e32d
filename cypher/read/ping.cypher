// Readiness probe: one trivial round trip.
RETURN 1 AS ok
