# The console as HomeIQ runs its services: Node 24 slim, a non-root user, only the standalone server
# and the native SQLite module, a healthcheck on /api/health, its data folder on a volume, and the
# CLI on PATH (`docker exec homeiq-influx-console homeiq-console verify --json`).
#   docker build -t homeiq-influx-console .
#   docker compose --env-file ~/HomeIQ/.env -f deploy/compose.yml up -d      (beside HomeIQ's stack)

FROM node:24-slim AS deps
WORKDIR /app
# better-sqlite3 compiles when no prebuilt binary fits: the toolchain stays in this stage.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci

FROM node:24-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build && node scripts/build-cli.mjs

FROM node:24-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 PORT=3000 \
    CONSOLE_DATA_DIR=/data LOG_FORMAT=json \
    NODE_OPTIONS="--max-old-space-size=128 --max-semi-space-size=8"
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 console && useradd --system --uid 10001 --gid console --home /app console \
 && mkdir -p /data && chown console:console /data && chmod 700 /data \
 && ln -s /app/cli/homeiq-console.cjs /usr/local/bin/homeiq-console
# The standalone server traces the node_modules it needs, better-sqlite3's native module included.
COPY --from=build --chown=console:console /app/.next/standalone ./
COPY --from=build --chown=console:console /app/.next/static ./.next/static
COPY --from=build --chown=console:console /app/public ./public
COPY --from=build --chown=console:console /app/node_modules/better-sqlite3/build/Release/better_sqlite3.node ./node_modules/better-sqlite3/build/Release/better_sqlite3.node
# The CLI, one bundled file that plain node runs; better-sqlite3 comes from the standalone node_modules.
COPY --from=build --chown=console:console /app/dist/cli/homeiq-console.cjs ./cli/homeiq-console.cjs
# Next.js's own start-up lines become JSON too.
COPY --from=build --chown=console:console /app/scripts/json-stdout.cjs ./json-stdout.cjs
USER console
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD curl -fsS http://localhost:3000/api/health || exit 1
CMD ["node", "--require", "./json-stdout.cjs", "server.js"]
