metadata name = 'Event Grid system topic'
metadata description = 'Deploys the Event Grid system topic that publishes the storage account\'s blob events. It carries the app identity so that undeliverable events can be dead-lettered without a storage key.'

@description('Required. Name of the system topic.')
param name string

@description('Optional. Location of the system topic: the location of its source storage account.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the system topic.')
param tags object = {}

@description('Required. Name of the storage account whose events the topic publishes.')
param storageAccountName string

@description('Required. Resource ID of the user-assigned identity used to write dead-lettered events.')
param identityResourceId string

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('The name of the system topic.')
output name string = systemTopic.name

@description('The resource ID of the system topic.')
output resourceId string = systemTopic.id
