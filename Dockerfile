# syntax=docker/dockerfile:1
# CiPublisher image. Two targets:
#   action (default, last stage) - the GitHub container action: chiseled (no shell), root (GitHub requires it),
#                                  absolute ENTRYPOINT.
#   ci                           - for Azure Pipelines and GitLab CI: Ubuntu with a shell, non-root, no ENTRYPOINT,
#                                  `cipublisher` on PATH.
# The program is one Native AOT executable: no .NET runtime in the image, ~20 ms to start, peak memory well under
# the JIT build's (figures in docs/PERFORMANCE.md and docs/CONTAINER.md).
ARG DOTNET_VERSION=10.0

# Native AOT compiles for the platform it runs on, so this stage runs on the target platform (the release
# workflow builds linux/arm64 under emulation) instead of cross-compiling from the build machine's.
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Project files first: the restore layer stays cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CiPublisher/CiPublisher.csproj src/CiPublisher/
COPY src/CiPublisher.Core/CiPublisher.Core.csproj src/CiPublisher.Core/
RUN dotnet restore src/CiPublisher/CiPublisher.csproj --use-current-runtime -p:PublishAot=true
COPY src/ src/
RUN dotnet publish src/CiPublisher/CiPublisher.csproj --no-restore -c Release --use-current-runtime \
      -p:PublishAot=true -o /out \
    && install -D -m 0755 /out/cipublisher /app/cipublisher

# Azure container jobs and GitLab start their own shell in the image, so this target keeps Ubuntu's shell and
# sets no ENTRYPOINT.
FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION} AS ci
ENV CI=true
COPY --from=build /app /app
RUN ln -s /app/cipublisher /usr/local/bin/cipublisher
USER $APP_UID
WORKDIR /home/app
CMD ["cipublisher", "--help"]

# GitHub mounts the workspace at /github/workspace and makes it the working directory; the action must run as
# root to write there (chiseled images default to a non-root user), and needs no shell.
FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}-noble-chiseled AS action
ENV CI=true
COPY --from=build /app /app
USER 0
ENTRYPOINT ["/app/cipublisher"]
