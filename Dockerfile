# memberspec in a container: the reference server (default) or the harness against a target.
#   docker build -t memberspec .
#   docker run --rm -p 8080:8080 -e MEMBERSPEC_ADMIN_TOKEN=... memberspec                 # serve
#   docker run --rm -v "$PWD/reports:/work/reports" -w /work memberspec certify --target http://host:8080
# Node runs as PID 1 without a shell in between, so SIGTERM (docker stop) reaches memberspec itself:
# serve closes its server, certify writes the reports of what ran and exits 130.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts yet: `prepare` builds dist/ and needs the sources, copied next.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/LICENSE /app/README.md /app/cucumber.mjs ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/features ./features
COPY --from=build /app/contract/openapi.json ./contract/openapi.json
COPY --from=build /app/requirements/seeds.csv ./requirements/seeds.csv
COPY --from=build /app/reports/summary.schema.json ./reports/summary.schema.json
COPY --from=build /app/examples ./examples
USER node
EXPOSE 8080
ENTRYPOINT ["node", "/app/bin/memberspec.mjs"]
# Listening beyond loopback needs an admin token (MEMBERSPEC_ADMIN_TOKEN) or --no-test-control.
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
