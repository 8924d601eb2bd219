# syntax=docker/dockerfile:1
#
# One Dockerfile for every Slotwise service. The monorepo is built once (the `build` stage does not
# depend on SERVICE, so every service's build reuses its cache); each service then gets a small
# image of its own with only what it runs:
#
#   docker build --build-arg SERVICE=booking -t slotwise/booking .
#   docker run --rm slotwise/booking node dist/migrate.js     # the one-shot migration
#
# SERVICE is one of auth, booking, business, resource, notification, payment, gateway. The
# gateway's image also carries the web app it serves at / (WEB_DIST_DIR). docs/OPERATIONS.md
# says how the images are run.

ARG NODE_IMAGE=node:20.20-bookworm-slim

# ---- build: every workspace, once -------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The manifests first: the dependency layer is rebuilt only when one of them or the lockfile changes.
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/platform/package.json packages/platform/
COPY packages/testkit/package.json packages/testkit/
COPY services/auth/package.json services/auth/
COPY services/booking/package.json services/booking/
COPY services/business/package.json services/business/
COPY services/gateway/package.json services/gateway/
COPY services/notification/package.json services/notification/
COPY services/payment/package.json services/payment/
COPY services/resource/package.json services/resource/
COPY apps/web/package.json apps/web/
# No install scripts: the repository's allow-list (package.json "allowScripts") needs npm 11, and
# the one script the build needs, the root postinstall (prisma generate against the engine stub,
# ADR 0002), is the first step of `npm run build` below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# Prisma clients, then contracts → platform → testkit → services → apps/web (workspace order).
RUN npm run build

# ---- bundle: one service's files and production dependencies ------------------------------------
FROM build AS bundle
ARG SERVICE
RUN test -n "$SERVICE" || (echo 'build with --build-arg SERVICE=<name>' >&2 && exit 1)
RUN node deploy/docker/bundle-service.mjs "$SERVICE" /out \
 && cp deploy/docker/healthcheck.mjs /out/healthcheck.mjs

# ---- runtime: the service alone, as an unprivileged user -----------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    WEB_DIST_DIR=/app/apps/web/dist
COPY --from=bundle /out /app
WORKDIR /app/services/${SERVICE}
# The image's own user (uid 1000); the files stay root's, read-only to it.
USER node
# Liveness only: readiness (/health/ready) also checks the database and the broker, which is the
# orchestrator's business (compose's healthchecks, Kubernetes' readiness probes).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/app/healthcheck.mjs", "/health/live"]
# As the launcher runs it: a larger young generation, fewer scavenges under load.
CMD ["node", "--max-semi-space-size=16", "dist/main.js"]
