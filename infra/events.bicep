metadata name = 'Blob event subscriptions'
metadata description = 'Subscribes the Function App to the documents container\'s BlobCreated and BlobDeleted events, with retries and a dead-letter container. Deployed after the app code, because the webhook URLs carry system keys that exist only once the app\'s extensions have started.'

@description('Required. Name of the Event Grid system topic on the storage account.')
param systemTopicName string

@description('Required. Name of the Function App that receives the events.')
param functionAppName string

@description('Required. Name of the storage account that raises the events and holds the dead-letter container.')
param storageAccountName string

@description('Required. Name of the container whose blobs are documents.')
param documentsContainerName string

@description('Required. Name of the container that receives events Event Grid could not deliver.')
param deadLetterContainerName string

@description('Required. Resource ID of the user-assigned identity the system topic uses to write dead-lettered events.')
param identityResourceId string

@description('Optional. Name of the blob-triggered function that ingests a created blob.')
param ingestFunctionName string = 'IngestBlob'

@description('Optional. Name of the Event Grid triggered function that handles a deleted blob.')
param deleteFunctionName string = 'DocumentDeleted'

@description('Optional. Delivery attempts before an event is dead-lettered.')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('Optional. Minutes an event is retried before it is dead-lettered.')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

// The blobs extension and the Event Grid extension each authenticate their webhook with their own system key.
// Microsoft.Web/sites/host has no Bicep types, hence listKeys on its resource ID rather than on a symbol.
var systemKeys = listKeys('${functionApp.id}/host/default', '2024-11-01').systemKeys
var keyMissing = 'Configuration error: the Function App has no {0} system key yet. Deploy the app code first (azd deploy), let it start, then deploy events.bicep.'
// A ternary, not ??: ARM evaluates only the branch an if() takes, so fail() runs only when the key is missing.
var blobsExtensionKey = systemKeys.?blobs_extension != null
  ? systemKeys.blobs_extension
  : fail(format(keyMissing, 'blobs_extension'))
var eventGridExtensionKey = systemKeys.?eventgrid_extension != null
  ? systemKeys.eventgrid_extension
  : fail(format(keyMissing, 'eventgrid_extension'))

// Storage event subjects look like /blobServices/default/containers/<container>/blobs/<path>; ending the prefix at
// /blobs/ keeps a container such as documents-archive out.
var documentsSubjectPrefix = '/blobServices/default/containers/${documentsContainerName}/blobs/'

var retryPolicy = {
  maxDeliveryAttempts: maxDeliveryAttempts
  eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
}

var deadLetter = {
  identity: {
    type: 'UserAssigned'
    userAssignedIdentity: identityResourceId
  }
  deadLetterDestination: {
    endpointType: 'StorageBlob'
    properties: {
      resourceId: storageAccount.id
      blobContainerName: deadLetterContainerName
    }
  }
}

// BlobCreated goes to the blob trigger with Source = EventGrid: the blobs extension's webhook, which names the
// function as Host.Functions.<FunctionName>.
resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'documents-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${ingestFunctionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: documentsSubjectPrefix
    }
    retryPolicy: retryPolicy
    deadLetterWithResourceIdentity: deadLetter
  }
}

// BlobDeleted goes to an Event Grid trigger: the Event Grid extension's webhook, which names the function as is.
resource blobDeleted 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'documents-blob-deleted'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/eventgrid?functionName=${deleteFunctionName}&code=${eventGridExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
      subjectBeginsWith: documentsSubjectPrefix
    }
    retryPolicy: retryPolicy
    deadLetterWithResourceIdentity: deadLetter
  }
}

@description('The names of the event subscriptions.')
output subscriptionNames string[] = [
  blobCreated.name
  blobDeleted.name
]
