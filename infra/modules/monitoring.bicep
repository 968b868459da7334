metadata name = 'Monitoring'
metadata description = 'Deploys a Log Analytics workspace and a workspace-based Application Insights component that accepts only Entra ID authenticated telemetry.'

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Optional. Location of both resources.')
param location string = resourceGroup().location

@description('Optional. Tags applied to both resources.')
param tags object = {}

@description('Optional. Days the workspace keeps data. 30 days are included in the ingestion price.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Optional. Disable instrumentation-key (local) authentication so that only Entra ID authenticated telemetry is accepted. Keep true.')
param disableLocalAuth bool = true

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Resource-context access: who can read the Function App can read its logs, nothing more.
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // With local auth off, the instrumentation key in the connection string cannot ingest on its own:
    // the app must present an Entra ID token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).
    DisableLocalAuth: disableLocalAuth
  }
}

@description('The name of the Application Insights component.')
output applicationInsightsName string = applicationInsights.name

@description('The resource ID of the Application Insights component.')
output applicationInsightsResourceId string = applicationInsights.id

@description('The connection string of the Application Insights component. Not a secret while local auth is disabled.')
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString

@description('The resource ID of the Log Analytics workspace.')
output logAnalyticsResourceId string = logAnalytics.id
