using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using DocumentApi.Core.Documents;
using DocumentApi.Testing;
using static DocumentApi.Server.Tests.Articles;

namespace DocumentApi.Server.Tests;

/// <summary>
/// The server as a user starts it (<c>dotnet run --project src/DocumentApi.Server</c>, as README says), in its own
/// process, pointed at the test Azurite; documents arrive only through the container, as they would from users.
/// </summary>
public sealed partial class EndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AnUploadedBlobIsListedAndSearchableThenOverwrittenThenDeleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = AzuriteFixture.UniqueName("e");
        await using var server = await ServerProcess.StartAsync(azurite.ConnectionString, name, ct);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        // The seeds are uploaded into the empty container at start-up and become searchable by themselves.
        await DocumentApiFactory.EventuallyAsync(
            async () => (await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("الاقتصاد الرقمي"), ct)).Ids().Length == 2, ct);

        var container = new BlobContainerClient(azurite.ConnectionString, name);
        var blob = container.GetBlobClient("news/طازج.txt");
        var id = DocumentId.For(blob.Name);
        await blob.UploadAsync(BinaryData.FromString(SeedText(Utc(2026, 11, 23), "خبر طازج", "اكتشف العلماء نوعا جديدا من الفراشات.")), ct);
        await DocumentApiFactory.EventuallyAsync(
            async () => (await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("الفراشات"), ct)).Ids().SequenceEqual([id]), ct);
        Assert.Equal(id, (await client.GetJsonAsync("/api/documents?top=1", ct)).Ids()[0]);

        await blob.UploadAsync(BinaryData.FromString(SeedText(Utc(2026, 11, 23), "خبر معدل", "اكتشف العلماء نوعا جديدا من الطيور.")), overwrite: true, ct);
        await DocumentApiFactory.EventuallyAsync(
            async () => (await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("الطيور"), ct)).Ids().SequenceEqual([id]), ct);
        Assert.Empty((await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("الفراشات"), ct)).Ids());
        Assert.Equal("خبر معدل", (await client.GetJsonAsync($"/api/documents/{id}", ct)).GetProperty("title").GetString());

        await blob.DeleteAsync(cancellationToken: ct);
        await DocumentApiFactory.EventuallyAsync(
            async () => (await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("الطيور"), ct)).Ids().Length == 0, ct);
        Assert.DoesNotContain(id, (await client.GetJsonAsync("/api/documents", ct)).Ids());
        using var gone = await client.GetAsync(new Uri($"/api/documents/{id}", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    private sealed partial class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private ServerProcess(Process process) => _process = process;

        public Uri BaseAddress { get; private set; } = null!;

        public static async Task<ServerProcess> StartAsync(string connectionString, string name, CancellationToken ct)
        {
            var startInfo = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AzuriteFixture.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // --no-build: the test build already built the server; a second build here would race other test projects.
            foreach (var argument in new[] { "run", "--project", "src/DocumentApi.Server", "--no-build", "--no-launch-profile", "--", "--urls", "http://127.0.0.1:0" })
            {
                startInfo.ArgumentList.Add(argument);
            }

            startInfo.Environment["DocumentStorage"] = connectionString;
            startInfo.Environment["DocumentStorage__ContainerName"] = name;
            startInfo.Environment["DocumentStorage__SystemContainerName"] = name + "-sys";
            startInfo.Environment["DocumentStorage__TablePrefix"] = name;
            var server = new ServerProcess(Process.Start(startInfo)!);
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnLine(object? _, DataReceivedEventArgs e)
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (server._output)
                {
                    server._output.AppendLine(e.Data);
                }

                if (ServingLine().Match(e.Data) is { Success: true } match)
                {
                    listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
                }
            }

            server._process.OutputDataReceived += OnLine;
            server._process.ErrorDataReceived += OnLine;
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            try
            {
                var root = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
                server.BaseAddress = new Uri(root.GetLeftPart(UriPartial.Authority));
            }
            catch (TimeoutException)
            {
                await server.DisposeAsync();
                Assert.Fail("The server did not print the URL it serves within 60 s. Output:\n" + server._output);
            }

            return server;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        [GeneratedRegex(@"DocumentApi is serving (http://\S+?)/api\b")]
        private static partial Regex ServingLine();
    }
}
