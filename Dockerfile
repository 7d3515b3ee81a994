# syntax=docker/dockerfile:1
#
# The PyGuard GitHub App server.
#
#   docker build -t pyguard .
#   docker run --env-file pyguard-app.env -p 8080:8080 \
#     -v pyguard-data:/var/lib/pyguard pyguard
#
# Jobs wait in /var/lib/pyguard/pyguard.db (SQLite, the default) unless
# PYGUARD_DATABASE_URL names a PostgreSQL server; the volume keeps them
# across containers. deploy/ has Compose and Kubernetes examples.
#
# See docs/installing.md. The build stage runs the same `go build` of
# ./cmd/pyguard with cgo that CI and the tests run (tree-sitter is C); the
# binary links only glibc, which the runtime image provides.

ARG GO_VERSION=1.26

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
# cgo: the golang bookworm image ships gcc and libc6-dev.
ENV CGO_ENABLED=1 GOFLAGS=-mod=readonly
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
ARG VERSION=""
RUN go build -trimpath -ldflags "-s -w -X main.buildVersion=${VERSION}" -o /out/pyguard ./cmd/pyguard \
 && /out/pyguard version
# The runtime image has no shell to create the data directory with.
RUN mkdir -m 0700 /out/data

# distroless base: glibc, CA certificates and tzdata, no shell; runs as
# the unprivileged "nonroot" user (uid 65532).
FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /out/pyguard /usr/local/bin/pyguard
# The job queue's SQLite file (sqlite://pyguard.db, relative to the working
# directory) needs a directory the runtime user can write; a volume keeps
# it across containers. With PostgreSQL nothing is written there.
COPY --from=build --chown=65532:65532 /out/data /var/lib/pyguard
WORKDIR /var/lib/pyguard
VOLUME ["/var/lib/pyguard"]
USER 65532:65532
ENV PYGUARD_ADDR=:8080 \
    PYGUARD_LOG_FORMAT=json
EXPOSE 8080
# No curl in the image: the binary probes its own /healthz (on the port
# of PYGUARD_ADDR) and exits 0 or 1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/pyguard", "healthcheck"]
# SIGTERM (docker stop) lets running reviews finish for up to
# PYGUARD_SHUTDOWN_TIMEOUT (60s), then interrupts them; their jobs stay in
# the database and resume at the next start. Give `docker stop -t 70` or a
# pod terminationGracePeriodSeconds above it.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/pyguard", "serve"]
