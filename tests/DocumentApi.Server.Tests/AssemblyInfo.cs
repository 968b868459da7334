using DocumentApi.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
