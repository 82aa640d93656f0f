# Arbiter: one image for the api (default) and the worker (command: node dist/apps/worker/src/main.js).
# Build:  docker build -t arbiter .        Compose: docker compose up --build (see README)

# ── build: every dependency, compile with swc ────────────────────────────────────────────
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ── runtime: production dependencies and the compiled output only ───────────────────────
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    # V8 otherwise lets the heap grow towards a quarter of the host's memory before it
    # collects; a cap keeps each process near 200 MB at full load (measured with bench/).
    # Node 24 sizes the young generation from the heap limit; under a 192 MB cap its larger
    # semi-spaces left the old space so little room that V8 ran a full collection every
    # ~150 ms (594 in one short bench run, 35 % of the worker's CPU). 16 MB, Node 20's
    # default, brings that back to a handful.
    NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=16" \
    # glibc gives each thread that allocates its own malloc arena (up to 8 per core); with two,
    # the api's peak resident memory under bench:intake was 269 and 295 MB in two runs, against
    # 290–308 MB in eight without (README, Benchmarks), at no CPU cost seen.
    MALLOC_ARENA_MAX=2 \
    PORT=3000 \
    ARBITER_PIPELINES_DIR=/app/pipelines
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The reviewer/lead web UI: the api serves apps/web/dist, found next to apps/web/index.html.
COPY --from=build /app/apps/web/index.html ./apps/web/index.html
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY pipelines ./pipelines
# The node image's unprivileged user; nothing in /app needs to be writable.
USER node
EXPOSE 3000 9464
# `npm run migrate` builds first (dev dependencies): in this image run the compiled CLI,
#   node dist/libs/persistence/src/migrate.cli.js
# What `npm run start:api` runs, without npm in between: npm does not pass SIGTERM on to node
# (checked: the node process outlives a stopped npm), so there would be no graceful shutdown.
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]
