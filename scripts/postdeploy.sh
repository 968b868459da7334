#!/bin/sh
# Second deployment step (azd postdeploy hook): subscribes the deployed Function App to the documents container's
# BlobCreated and BlobDeleted events by deploying infra/events.bicep.
#
# The subscriptions' webhook URLs carry the blobs_extension and eventgrid_extension system keys. The Functions host
# creates those keys only once the deployed code has started with the two extensions, so this script first waits
# for both keys to exist. It never reads or prints a key: events.bicep looks them up inside the deployment.
#
# Outside azd, export the outputs of infra/main.bicep (and AZURE_SUBSCRIPTION_ID) and run it from anywhere.
# POSIX sh, not bash: azd runs posix hooks with sh.
set -eu

repo_root="$(cd "$(dirname "$0")/.." && pwd)"

for name in \
  AZURE_SUBSCRIPTION_ID \
  AZURE_RESOURCE_GROUP \
  AZURE_FUNCTION_APP_NAME \
  AZURE_STORAGE_ACCOUNT_NAME \
  AZURE_USER_ASSIGNED_IDENTITY_ID \
  EVENT_GRID_SYSTEM_TOPIC_NAME \
  DOCUMENTS_CONTAINER_NAME \
  DEAD_LETTER_CONTAINER_NAME; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $name is not set. Run this through azd, or export the outputs of infra/main.bicep." >&2
    exit 1
  fi
done

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required; see docs/deploy.md." >&2
  exit 1
fi

attempts="${DOCUMENTAPI_KEY_WAIT_ATTEMPTS:-30}"
delay_seconds="${DOCUMENTAPI_KEY_WAIT_SECONDS:-10}"

echo "Waiting for the system keys of $AZURE_FUNCTION_APP_NAME (up to $attempts attempts)..."
ready=false
attempt=0
while [ "$attempt" -lt "$attempts" ]; do
  attempt=$((attempt + 1))
  # The query answers true or false, so the keys themselves never reach this shell.
  answer="$(az functionapp keys list \
    --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension != null && systemKeys.eventgrid_extension != null" \
    --output tsv 2>/dev/null || true)"
  if [ "$answer" = "true" ]; then
    ready=true
    break
  fi
  sleep "$delay_seconds"
done

if [ "$ready" != true ]; then
  echo "postdeploy: $AZURE_FUNCTION_APP_NAME still has no blobs_extension and eventgrid_extension system keys." >&2
  echo "Check that the app started (Application Insights, or az functionapp log), then run scripts/postdeploy.sh again." >&2
  exit 1
fi

echo "Subscribing $AZURE_FUNCTION_APP_NAME to blob events of container $DOCUMENTS_CONTAINER_NAME..."
az deployment group create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "documentapi-events" \
  --template-file "$repo_root/infra/events.bicep" \
  --parameters "$repo_root/infra/events.bicepparam" \
  --only-show-errors \
  --output none

echo "Event subscriptions are in place: documents uploaded to $DOCUMENTS_CONTAINER_NAME are now ingested."
