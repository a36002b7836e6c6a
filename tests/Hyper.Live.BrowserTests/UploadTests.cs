using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The avatar upload sample (<c>/avatar</c>) in Chromium with real files: preview, progress, save, refusal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AvatarUploadTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/avatar")
{
    [Fact]
    public async Task A_chosen_image_previews_uploads_over_its_channel_and_becomes_the_avatar()
    {
        await Page.Locator("input[name=avatar]").SetInputFilesAsync(UploadFiles.Image("me.png", 300_000));

        await Expect(Page.Locator("#entry-0 .percent")).ToHaveTextAsync("100%");
        await Expect(Page.Locator("#entry-0 img.preview")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        Assert.Contains(Wire.Frames, f => f.Sent && f.Topic == "lvu:0" && f.Event == "phx_join");
        var chunks = Wire.Frames.Where(f => f.Sent && f.Bytes > 40_000).Select(f => f.Bytes).ToList();
        Assert.True(chunks.Count == 5, "binary chunks of 64,000 bytes (the last 44,000) with their header: " + string.Join(",", chunks));
        var progress = Wire.Frames.Where(f => f.Sent && f.Event == "progress").Select(f => f.Json[4].GetProperty("progress").GetInt32()).ToList();
        Assert.Equal(100, progress[^1]);
        Assert.True(progress.Count >= 4, "a 300 KB file in 64 KB chunks reports progress after each: " + string.Join(",", progress));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save avatar" }).ClickAsync();
        await Expect(Page.Locator("#current-avatar figcaption")).ToHaveTextAsync("me.png");
        await Expect(Page.Locator(".upload-entry")).ToHaveCountAsync(0);
        AssertServerQuiet();
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_shows_why_and_is_not_sent()
    {
        await Page.Locator("input[name=avatar]").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });

        await Expect(Page.Locator("#entry-0 .error")).ToHaveTextAsync("This type of file is not accepted.");
        await Task.Delay(300);
        Assert.DoesNotContain(Wire.Frames, f => f.Sent && f.Topic?.StartsWith("lvu:", StringComparison.Ordinal) == true);
        AssertServerQuiet();
    }
}

/// <summary>The gallery sample (<c>/gallery</c>) in Chromium: drag and drop, cancel, upload on submit with progress, the file limit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GalleryUploadTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/gallery")
{
    [Fact]
    public async Task Cancelled_files_are_not_uploaded_and_the_rest_upload_on_submit_with_advancing_progress()
    {
        await Page.Locator("input[name=photos]").SetInputFilesAsync([UploadFiles.Image("a.png", 1000), UploadFiles.Image("big.png", 2_000_000)]);
        await Expect(Page.Locator(".upload-entry")).ToHaveCountAsync(2);

        await Page.Locator("#entry-0 .cancel").ClickAsync();
        await Expect(Page.Locator(".upload-entry")).ToHaveCountAsync(1);
        await Live.Button(Page, "Upload").ClickAsync();

        await Expect(Page.Locator("#uploaded li")).ToHaveTextAsync(["big.png (2,000,000 bytes)"]);
        var progress = Wire.Frames.Where(f => f.Sent && f.Event == "progress").Select(f => f.Json[4].GetProperty("progress").GetInt32()).ToList();
        Assert.True(progress.Count > 10 && progress.SequenceEqual(progress.Order()) && progress[^1] == 100, "progress: " + string.Join(",", progress));
        Assert.DoesNotContain(Wire.Frames, f => f.Sent && f.Topic == "lvu:0");
        AssertServerQuiet();
    }

    [Fact]
    public async Task Files_dropped_on_the_drop_zone_are_chosen()
    {
        await Page.EvaluateAsync("""
            () => {
              const transfer = new DataTransfer();
              transfer.items.add(new File([new Uint8Array([137, 80, 78, 71])], "dropped.png", { type: "image/png" }));
              const zone = document.querySelector("#gallery-drop");
              zone.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: transfer }));
              zone.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
            }
            """);

        await Expect(Page.Locator(".upload-entry .name")).ToHaveTextAsync(["dropped.png"]);
        await Live.Button(Page, "Upload").ClickAsync();
        await Expect(Page.Locator("#uploaded li")).ToHaveTextAsync(["dropped.png (4 bytes)"]);
    }

    [Fact]
    public async Task A_seventh_file_shows_the_limit()
    {
        await Page.Locator("input[name=photos]").SetInputFilesAsync(Enumerable.Range(0, 7).Select(i => UploadFiles.Image($"p{i}.png", 100)).ToArray());

        await Expect(Page.Locator(".upload-error")).ToHaveTextAsync("Too many files were selected.");
        await Expect(Page.Locator(".upload-entry")).ToHaveCountAsync(6);
        AssertServerQuiet();
    }
}

/// <summary>Files for the upload tests.</summary>
internal static class UploadFiles
{
    /// <summary>A "PNG" of <paramref name="size"/> bytes: the signature, then filler (the browser only previews it).</summary>
    public static FilePayload Image(string name, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        ((byte[])[137, 80, 78, 71, 13, 10, 26, 10]).CopyTo(bytes, 0);
        return new FilePayload { Name = name, MimeType = "image/png", Buffer = bytes };
    }
}

/// <summary>The avatar upload over the long-poll fallback: the client sends each binary chunk as a base64 line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LongPollUploadTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_image_uploads_over_long_poll()
    {
        await using var context = await fixture.NewContextAsync();
        await context.RouteWebSocketAsync("**/live/websocket**", _ => { });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/avatar");
        await LongPollTests.WaitLongPollConnectedAsync(page);

        await page.Locator("input[name=avatar]").SetInputFilesAsync(UploadFiles.Image("slow.png", 150_000));

        await Expect(page.Locator("#entry-0 .percent")).ToHaveTextAsync("100%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save avatar" }).ClickAsync();
        await Expect(page.Locator("#current-avatar figcaption")).ToHaveTextAsync("slow.png");
    }
}
