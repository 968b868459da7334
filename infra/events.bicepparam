using 'events.bicep'

// Outputs of main.bicep: azd exports them to the hook's environment (scripts/postdeploy.sh).
param systemTopicName = readEnvironmentVariable('EVENT_GRID_SYSTEM_TOPIC_NAME')
param functionAppName = readEnvironmentVariable('AZURE_FUNCTION_APP_NAME')
param storageAccountName = readEnvironmentVariable('AZURE_STORAGE_ACCOUNT_NAME')
param documentsContainerName = readEnvironmentVariable('DOCUMENTS_CONTAINER_NAME')
param deadLetterContainerName = readEnvironmentVariable('DEAD_LETTER_CONTAINER_NAME')
param identityResourceId = readEnvironmentVariable('AZURE_USER_ASSIGNED_IDENTITY_ID')
