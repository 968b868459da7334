metadata name = 'Flex Consumption Function App'
metadata description = 'Deploys a Flex Consumption (FC1) plan and a Linux Function App that runs under a user-assigned identity and reaches its host storage, deployment container and Application Insights with that identity, never with keys.'

@description('Required. Name of the Function App.')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Optional. Location of the plan and the app.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the plan and the app. The app also gets the azd-service-name tag.')
param tags object = {}

@description('Required. The azd service name of the app, written to its azd-service-name tag so that azd deploy finds it.')
param serviceName string

@description('Required. Resource ID of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Required. Client ID of the user-assigned identity, used by every identity-based connection.')
param identityClientId string

@description('Required. Name of the storage account used as host storage (AzureWebJobsStorage) and for the deployment package.')
param storageAccountName string

@description('Required. Name of the blob container that holds the deployment package.')
param deploymentContainerName string

@description('Required. Name of the Application Insights component the app sends telemetry to.')
param applicationInsightsName string

@description('Optional. Functions worker runtime.')
@allowed([
  'dotnet-isolated'
])
param runtimeName string = 'dotnet-isolated'

@description('Optional. Version of the worker runtime.')
@allowed([
  '10.0'
])
param runtimeVersion string = '10.0'

@description('Optional. Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Upper bound on the number of instances the app scales out to; this is the cost ceiling.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Application settings of the app itself, merged over the host settings this module writes.')
param appSettings object = {}

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux: Flex Consumption runs only on Linux.
    reserved: true
  }
}

// Host storage over the identity: no AzureWebJobsStorage connection string, no account key.
// Flex Consumption rejects the legacy content settings (WEBSITE_CONTENTAZUREFILECONNECTIONSTRING, WEBSITE_RUN_FROM_PACKAGE,
// FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION): the runtime and the package live in functionAppConfig instead.
var hostSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
  // The blob extension keeps its trigger queue and poison queue in host storage.
  AzureWebJobsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
  // The host writes diagnostic events to table storage.
  AzureWebJobsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  // Application Insights has local auth disabled: telemetry is sent with a token for this identity.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }

  resource config 'config' = {
    name: 'appsettings'
    properties: union(appSettings, hostSettings)
  }

  // Basic (user name and password) publishing is off: azd and the Azure CLI deploy with an Entra ID token.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

@description('The name of the Function App.')
output name string = functionApp.name

@description('The resource ID of the Function App.')
output resourceId string = functionApp.id

@description('The default host name of the Function App.')
output defaultHostName string = functionApp.properties.defaultHostName
