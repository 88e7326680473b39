# syntax=docker/dockerfile:1
# credlens serve in a container: Node slim, production dependencies only, a non-root user, a
# health check. Build: docker build -t credlens . ; run: docker run -p 8080:8080 credlens
# (deploy/compose.yaml runs two replicas sharing Redis; docs/server.md explains every setting).

FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-slim
ENV NODE_ENV=production \
    CREDLENS_HOST=0.0.0.0 \
    CREDLENS_PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY lib ./lib
COPY server ./server
# The official image's unprivileged user (uid 1000); nothing in /app is writable by it.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.CREDLENS_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/credlens.mjs", "serve"]
