#!/usr/bin/env bash
# Rewrites what is generated from the input declarations (GeneralInputs, each module's <Name>Inputs, CiSystemInputs):
# src/CiPublisher/Cli/InputOptions.cs, action.yml's inputs and README's inputs tables. Run it after adding or
# changing an input; the tests fail until the three agree with the declarations.
set -euo pipefail
cd "$(dirname "$0")/.."
CIPUBLISHER_REGENERATE=1 dotnet test tests/CiPublisher.Tests/CiPublisher.Tests.csproj -c Release \
  --filter "FullyQualifiedName~CiPublisher.Tests.Packaging.GeneratedInputFilesTests"
