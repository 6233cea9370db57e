# The Faction Atlas app (API + built web client). Neo4j runs in its own container: see
# docker-compose.yml. This image never starts an embedded Neo4j: NEO4J_URI is required.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/client/dist ./client/dist
COPY server ./server
COPY core ./core
COPY cypher ./cypher
COPY seed ./seed
USER node
EXPOSE 4000
CMD ["node_modules/.bin/tsx", "server/src/main.ts"]
