# One image recipe, two targets: `api` and `web`. Built by docker-compose.yml.
FROM node:24.21.0-bookworm-slim AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true NEXT_TELEMETRY_DISABLED=1
RUN npm install -g pnpm@12.21.0
WORKDIR /app

FROM base AS deps
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
COPY packages/embedded-db/package.json packages/embedded-db/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile --filter @concord/api... --filter @concord/web...

FROM deps AS source
COPY tsconfig.base.json ./
COPY packages packages
COPY apps apps

FROM source AS api
ENV NODE_ENV=production API_HOST=0.0.0.0 API_PORT=4000
# Built into the image; the container runs the build with the flags of `pnpm start` (apps/api
# package.json; apps/api/src/node-flags.ts), nothing compiled or written at start.
RUN pnpm --filter @concord/api build
WORKDIR /app/apps/api
EXPOSE 4000
USER node
CMD ["node", "--max-semi-space-size=16", "--max-old-space-size=256", "--no-allocation-site-pretenuring", "dist/main.js"]

FROM source AS web-build
RUN pnpm --filter @concord/web build

FROM web-build AS web
ENV NODE_ENV=production WEB_PORT=3000
EXPOSE 3000
USER node
CMD ["pnpm", "--filter", "@concord/web", "start"]
