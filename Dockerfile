# syntax=docker/dockerfile:1
# CiPublisher image. Two targets:
#   action (default, last stage) - the GitHub container action: root (GitHub requires it), absolute ENTRYPOINT.
#   ci                           - for Azure Pipelines and GitLab CI: non-root, no ENTRYPOINT, `cipublisher` on PATH.
# Framework-dependent + ReadyToRun on the runtime image: measured fastest start with the smallest
# layer that changes per release (figures in docs/CONTAINER.md).
ARG DOTNET_VERSION=10.0

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG TARGETARCH
WORKDIR /src
# Project files first: the restore layer stays cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CiPublisher/CiPublisher.csproj src/CiPublisher/
COPY src/CiPublisher.Core/CiPublisher.Core.csproj src/CiPublisher.Core/
RUN dotnet restore src/CiPublisher/CiPublisher.csproj -a "$TARGETARCH" -p:PublishReadyToRun=true
COPY src/ src/
RUN dotnet publish src/CiPublisher/CiPublisher.csproj --no-restore -c Release -a "$TARGETARCH" \
      --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION} AS runtime
ENV DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    CI=true
COPY --from=build /app /app
RUN ln -s /app/cipublisher /usr/local/bin/cipublisher

# Azure container jobs and GitLab start their own shell in the image, so no ENTRYPOINT here.
FROM runtime AS ci
USER $APP_UID
WORKDIR /home/app
CMD ["cipublisher", "--help"]

# GitHub mounts the workspace at /github/workspace and makes it the working directory; the action must
# run as root to write there, so this stage sets no USER and no WORKDIR.
FROM runtime AS action
ENTRYPOINT ["/app/cipublisher"]
