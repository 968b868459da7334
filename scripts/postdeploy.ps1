# Second deployment step (azd postdeploy hook) for Windows: the same steps as postdeploy.sh.
# Subscribes the deployed Function App to the documents container's BlobCreated and BlobDeleted events by deploying
# infra/events.bicep, once the blobs_extension and eventgrid_extension system keys exist. It never reads a key.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repoRoot = Split-Path -Parent $PSScriptRoot

$required = @(
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP',
  'AZURE_FUNCTION_APP_NAME',
  'AZURE_STORAGE_ACCOUNT_NAME',
  'AZURE_USER_ASSIGNED_IDENTITY_ID',
  'EVENT_GRID_SYSTEM_TOPIC_NAME',
  'DOCUMENTS_CONTAINER_NAME',
  'DEAD_LETTER_CONTAINER_NAME'
)
foreach ($name in $required) {
  if ([string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable($name))) {
    Write-Error "postdeploy: $name is not set. Run this through azd, or set the outputs of infra/main.bicep."
  }
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  Write-Error 'postdeploy: the Azure CLI (az) is required; see docs/deploy.md.'
}

$attempts = if ($env:DOCUMENTAPI_KEY_WAIT_ATTEMPTS) { [int]$env:DOCUMENTAPI_KEY_WAIT_ATTEMPTS } else { 30 }
$delaySeconds = if ($env:DOCUMENTAPI_KEY_WAIT_SECONDS) { [int]$env:DOCUMENTAPI_KEY_WAIT_SECONDS } else { 10 }

Write-Host "Waiting for the system keys of $($env:AZURE_FUNCTION_APP_NAME) (up to $attempts attempts)..."
$ready = $false
for ($attempt = 1; $attempt -le $attempts; $attempt++) {
  # The query answers true or false, so the keys themselves never reach this session.
  $answer = az functionapp keys list `
    --subscription $env:AZURE_SUBSCRIPTION_ID `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name $env:AZURE_FUNCTION_APP_NAME `
    --query 'systemKeys.blobs_extension != null && systemKeys.eventgrid_extension != null' `
    --output tsv 2>$null
  if ($answer -eq 'true') {
    $ready = $true
    break
  }
  Start-Sleep -Seconds $delaySeconds
}

if (-not $ready) {
  Write-Error "postdeploy: $($env:AZURE_FUNCTION_APP_NAME) still has no blobs_extension and eventgrid_extension system keys. Check that the app started, then run scripts/postdeploy.ps1 again."
}

Write-Host "Subscribing $($env:AZURE_FUNCTION_APP_NAME) to blob events of container $($env:DOCUMENTS_CONTAINER_NAME)..."
az deployment group create `
  --subscription $env:AZURE_SUBSCRIPTION_ID `
  --resource-group $env:AZURE_RESOURCE_GROUP `
  --name 'documentapi-events' `
  --template-file (Join-Path $repoRoot 'infra/events.bicep') `
  --parameters (Join-Path $repoRoot 'infra/events.bicepparam') `
  --only-show-errors `
  --output none
if ($LASTEXITCODE -ne 0) {
  Write-Error 'postdeploy: deploying infra/events.bicep failed.'
}

Write-Host "Event subscriptions are in place: documents uploaded to $($env:DOCUMENTS_CONTAINER_NAME) are now ingested."
