using 'main.bicep'

// azd writes these to the environment (azd env get-values); set them yourself for a plain `az deployment sub create`.
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param location = readEnvironmentVariable('AZURE_LOCATION')
param principalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param principalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')
param storageSkuName = readEnvironmentVariable('DOCUMENTAPI_STORAGE_SKU', 'Standard_LRS')
param maximumInstanceCount = int(readEnvironmentVariable('DOCUMENTAPI_MAXIMUM_INSTANCE_COUNT', '100'))
