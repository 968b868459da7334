metadata name = 'Storage account'
metadata description = 'Deploys the storage account that holds the documents, the tables and the Functions host data, reachable only with Entra ID over TLS 1.2+.'

@description('Required. Name of the storage account: 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Location of the storage account.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the storage account.')
param tags object = {}

@description('Optional. Redundancy of the storage account. Premium SKUs are not offered: they have no table or queue service.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string = 'Standard_LRS'

@description('Optional. Allow Shared Key (account key and SAS) authorization. Keep false: every client here uses Entra ID.')
param allowSharedKeyAccess bool = false

@description('Optional. Allow anonymous public read access to containers. Keep false.')
param allowBlobPublicAccess bool = false

@description('Optional. Minimum TLS version clients must use.')
@allowed([
  'TLS1_2'
])
param minimumTlsVersion string = 'TLS1_2'

@description('Optional. Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

@description('Optional. Blob containers to create. Access to each is private.')
param containerNames string[] = []

@description('Optional. Tables to create.')
param tableNames string[] = []

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: allowSharedKeyAccess
    allowBlobPublicAccess: allowBlobPublicAccess
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: minimumTlsVersion
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Flex Consumption without VNet integration reaches storage over its public endpoint;
      // Event Grid (a trusted service) reads the account to publish blob events.
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

@description('The name of the storage account.')
output name string = storageAccount.name

@description('The resource ID of the storage account.')
output resourceId string = storageAccount.id

@description('The blob service endpoint, ending with a slash.')
output primaryBlobEndpoint string = storageAccount.properties.primaryEndpoints.blob

@description('The queue service endpoint, ending with a slash.')
output primaryQueueEndpoint string = storageAccount.properties.primaryEndpoints.queue

@description('The table service endpoint, ending with a slash.')
output primaryTableEndpoint string = storageAccount.properties.primaryEndpoints.table
