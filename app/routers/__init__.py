"""One router per resource; ROUTERS is what app.main includes, in this order."""

from app.routers import entities, health, paths

ROUTERS = [health.router, entities.router, paths.router]
