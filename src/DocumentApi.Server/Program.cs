using DocumentApi.Hosting;
using DocumentApi.Http;
using DocumentApi.Server;

var builder = WebApplication.CreateBuilder(args);

// With development storage and nothing listening, bring Azurite along (stopped when the server stops).
using var startupLoggers = LoggerFactory.Create(logging => logging.AddConsole());
await using var azurite = await LocalAzurite.StartIfNeededAsync(
    builder.Configuration[DocumentApiHosting.StorageConnectionKey],
    builder.Environment.ContentRootPath,
    startupLoggers.CreateLogger("DocumentApi.Server.LocalAzurite"));

builder.Services.AddDocumentApi(builder.Configuration);
builder.Services.AddLocalServer(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDocumentApi();

await app.RunAsync();
