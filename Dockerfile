# syntax=docker/dockerfile:1
# Multi-stage build: compile everything in one stage, ship only production dependencies and build output.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# No install-time telemetry (a dependency of the OpenAPI UI would otherwise try to report).
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/metrics/package.json libs/metrics/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
# npm install (not ci): see .ci/run; it still installs the versions in package-lock.json.
RUN npm install --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY libs libs
COPY apps apps
COPY migrations migrations
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/libs/contracts/package.json libs/contracts/
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/metrics/package.json libs/metrics/
COPY --from=build /app/libs/metrics/dist libs/metrics/dist
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/apps/web/dist apps/web/dist
# Runs as the image's unprivileged "node" user; it owns nothing but can read the app.
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/apps/api/src/main.js"]
