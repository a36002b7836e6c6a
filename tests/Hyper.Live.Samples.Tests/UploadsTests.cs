using Hyper.Live.Testing;

namespace Hyper.Live.Samples.Tests;

/// <summary>The upload samples through the test client's upload protocol: the avatar and the gallery.</summary>
public sealed class UploadsTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Avatar_uploads_with_progress_and_becomes_the_avatar_on_save()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/avatar");
        Assert.True(page.Has("#avatar-form button[type=submit][disabled]"));

        await page.UploadAsync("avatar", new UploadFile("me.png", Png));

        Assert.Equal("100%", page.Text("#entry-0 .percent"));
        Assert.True(page.Has("#entry-0 img[data-phx-hook='Phoenix.LiveImgPreview'][data-phx-entry-ref='0']"));
        await page.SubmitAsync("#avatar-form");
        Assert.Equal("me.png", page.Text("#current-avatar figcaption"));
        Assert.StartsWith("data:image/png;base64,iVBOR", page.Element("#current-avatar img").GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(page.Has(".upload-entry"));
    }

    [Fact]
    public async Task Avatar_refuses_other_files_with_a_reason()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/avatar");

        await page.UploadAsync("avatar", UploadFile.FromText("notes.txt", "not an image"));

        Assert.Equal("This type of file is not accepted.", page.Text("#entry-0 .error"));
        Assert.Equal("0%", page.Text("#entry-0 .percent"));
    }

    [Fact]
    public async Task Gallery_uploads_what_is_left_after_a_cancel_and_refuses_a_seventh_file()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/gallery");

        await page.UploadAsync("photos", new UploadFile("a.png", Png), new UploadFile("b.png", Png));
        await page.ClickAsync("#entry-0 .cancel");
        Assert.False(page.Has("#entry-0"));
        await page.SubmitAsync("#gallery-form");

        Assert.Equal(["b.png (" + Png.Length + " bytes)"], page.QueryAll("#uploaded li").Select(li => li.TextContent));
        await page.UploadAsync("photos", Enumerable.Range(0, 7).Select(i => new UploadFile($"p{i}.png", Png)).ToArray());
        Assert.Equal("Too many files were selected.", page.Text(".upload-error"));
        Assert.Equal(6, page.QueryAll(".upload-entry").Count);
    }
}
