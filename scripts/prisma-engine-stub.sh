#!/bin/sh
# Prisma's CLI insists on a schema-engine binary it would download at install time. `prisma generate`
# never calls it, and migrations are applied by the platform's runner, so an engine that does nothing
# is all the CLI needs here (see docs/decisions/0002-migrations-without-the-prisma-engine.md).
exit 0
