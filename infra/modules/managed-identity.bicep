metadata name = 'User-assigned managed identity'
metadata description = 'Deploys the one user-assigned identity the Function App uses for host storage, deployment, documents, tables and Application Insights.'

@description('Required. Name of the user-assigned managed identity.')
param name string

@description('Optional. Location of the identity.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('The name of the identity.')
output name string = identity.name

@description('The resource ID of the identity.')
output resourceId string = identity.id

@description('The client (application) ID of the identity, used in identity-based connection settings.')
output clientId string = identity.properties.clientId

@description('The principal (object) ID of the identity, used in role assignments.')
output principalId string = identity.properties.principalId
