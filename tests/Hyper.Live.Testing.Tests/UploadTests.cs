using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Testing.Tests;

/// <summary><see cref="LivePage.UploadAsync(string, UploadFile[])"/> against Hyper.Live itself: the browser's upload protocol, not a shortcut.</summary>
public sealed class UploadTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hyper-testing-uploads-" + Guid.NewGuid().ToString("N"));
    private LiveTestHost host = null!;
    private LiveClient client = null!;

    public async Task InitializeAsync()
    {
        host = await LiveTestHost.StartAsync(
            app =>
            {
                app.MapHyperLive(typeof(PhotoUploadView).Assembly);
                app.MapLive<PhotoUploadView>("/photos");
            },
            builder => builder.Services.Configure<HyperLiveOptions>(o => o.UploadDirectory = directory));
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Files_upload_in_chunks_with_progress_and_are_consumed()
    {
        var page = await client.LiveAsync("/photos");
        var photo = new UploadFile("cat.png", Enumerable.Range(0, 150_000).Select(i => (byte)i).ToArray());

        await page.UploadAsync("photos", photo);

        Assert.Equal("cat.png 100% done", page.Text(".entry"));
        Assert.Equal([42, 85, 100], page.State<PhotoUploadView>().ProgressSeen); // 64,000-byte chunks
        await page.SubmitAsync("#upload");
        Assert.Equal($"cat.png 150000 {149_999 % 256}", page.Text(".saved"));
        Assert.False(page.Has(".entry"));
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public async Task Refused_files_show_their_errors_and_are_not_sent()
    {
        var page = await client.LiveAsync("/photos");

        await page.UploadAsync("photos", UploadFile.FromText("notes.txt", "hello"), new UploadFile("huge.png", new byte[400_000]));

        Assert.Equal(["notes.txt 0% This type of file is not accepted.", "huge.png 0% The file is too large."], page.QueryAll(".entry").Select(e => e.TextContent.Trim()).Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        Assert.False(Directory.Exists(directory) && Directory.GetFiles(directory).Length > 0);

        await page.UploadAsync("photos", new UploadFile("a.png", [1]), new UploadFile("b.png", [2]), new UploadFile("c.png", [3]));
        Assert.Equal("Too many files were selected.", page.Text(".upload-error"));
    }
}
