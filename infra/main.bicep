metadata name = 'DocumentApi'
metadata description = 'Deploys DocumentApi: a Flex Consumption Function App that ingests documents dropped into a blob container and serves them over HTTP, with its storage, monitoring, identity, role assignments and the Event Grid system topic for blob events. Deploy events.bicep after the app code to subscribe the app to those events.'

// Subscription scope, like the azd quickstarts: the deployment creates the resource group it owns,
// so `azd down` (or deleting that one group) removes everything, and names are unique per subscription.
targetScope = 'subscription'

@description('Required. Name of the environment (azd env name). Used for the resource group name, the azd-env-name tag and the unique token in every resource name.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Required. Azure region of every resource. It must offer Flex Consumption.')
@minLength(1)
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional. Object ID of the user (or service principal) deploying, granted upload rights on the documents container. Leave empty to grant nothing.')
param principalId string = ''

@description('Optional. Type of the principal in principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Optional. Name of the resource group. Defaults to rg-<environmentName>.')
param resourceGroupName string = ''

@description('Optional. Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Optional. Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Upper bound on the number of Function App instances: the cost ceiling.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Days a deleted document or container can be restored.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// The app's storage layout (DocumentStorageOptions' defaults; the blob trigger's path names the documents container).
// The app creates missing tables itself; creating them here too means a fresh deployment works before the first request.
var documentsContainerName = 'documents'
var systemContainerName = 'documentapi-system'
var deadLetterContainerName = 'eventgrid-deadletter'
var tableNames = [
  'Documents'
  'DocumentListing'
  'DocumentChanges'
]

var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
// Flex Consumption keeps each deployment package in a container of its own.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var systemTopicName = '${abbrs.eventGridSystemTopics}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/managed-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    disableLocalAuth: true
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSkuName
    allowSharedKeyAccess: false // Every client uses Entra ID; keys and SAS are refused.
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    deleteRetentionDays: deleteRetentionDays
    containerNames: [
      documentsContainerName
      systemContainerName
      deadLetterContainerName
      deploymentContainerName
    ]
    tableNames: tableNames
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: {
      // The DocumentStorage connection (blob trigger, documents, tables) over the identity, never a connection string.
      DocumentStorage__credential: 'managedidentity'
      DocumentStorage__clientId: identity.outputs.clientId
      DocumentStorage__blobServiceUri: storage.outputs.primaryBlobEndpoint
      // The blob trigger writes poison messages to a queue on its own connection's account.
      DocumentStorage__queueServiceUri: storage.outputs.primaryQueueEndpoint
      DocumentStorage__tableServiceUri: storage.outputs.primaryTableEndpoint
    }
  }
  dependsOn: [
    monitoring
  ]
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    // A principal ID exists only once the identity does; the role assignment names are built from it, as the
    // quickstarts and AVM do, so What-If cannot predict them before the first deployment.
    #disable-next-line what-if-short-circuiting
    identityPrincipalId: identity.outputs.principalId
    storageAccountName: storageAccountName
    documentsContainerName: documentsContainerName
    applicationInsightsName: applicationInsightsName
    uploaderPrincipalId: principalId
    uploaderPrincipalType: principalType
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module systemTopic 'modules/event-grid-system-topic.bicep' = {
  name: 'event-grid-system-topic'
  scope: rg
  params: {
    name: systemTopicName
    location: location
    tags: tags
    storageAccountName: storageAccountName
    identityResourceId: identity.outputs.resourceId
  }
  dependsOn: [
    storage
  ]
}

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding every resource.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the Function App.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Base URL of the HTTP API (the Functions route prefix is api).')
output API_BASE_URL string = 'https://${functionApp.outputs.defaultHostName}/api'

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Container to upload documents to.')
output DOCUMENTS_CONTAINER_NAME string = documentsContainerName

@description('Container that receives blob events Event Grid could not deliver.')
output DEAD_LETTER_CONTAINER_NAME string = deadLetterContainerName

@description('Event Grid system topic of the storage account, used by events.bicep.')
output EVENT_GRID_SYSTEM_TOPIC_NAME string = systemTopic.outputs.name

@description('Resource ID of the app identity, used by events.bicep for dead-lettering.')
output AZURE_USER_ASSIGNED_IDENTITY_ID string = identity.outputs.resourceId

@description('Name of the Application Insights component.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
