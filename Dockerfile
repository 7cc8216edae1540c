# b24-assistant: one image for the web processes (`serve`) and the training workers (`worker`).
# Build: docker build -t b24-assistant .      Run: see compose.yaml and docs/deploy.md.
# The TypeScript sources run as the compiler emits them, through bin/ts-register.js (typescript is a
# runtime dependency): there is no build step. The image compiles them once at build time, into
# node_modules/.cache, so a container starts without compiling.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 compiles when no prebuilt binary fits the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY intents ./intents
COPY grammars ./grammars
COPY skills ./skills
RUN node bin/ts-register.js --precompile src \
 && mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only; a balancer should route by /readyz (store, Redis and the queue answer).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself is PID 1's child of nothing: SIGTERM from `docker stop` reaches the server directly.
ENTRYPOINT ["node", "--no-regexp-tier-up", "-r", "./bin/ts-register.js", "src/main.ts"]
CMD ["serve"]
