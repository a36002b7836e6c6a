namespace Hyper.Live.LoadTest;

/// <summary>
/// One request and its reply: WebSocket payload and whole-frame sizes each way (the frame adds
/// the 2–14 byte header; TCP/IP headers are not counted), or why it failed.
/// </summary>
internal readonly record struct Exchange(int UpPayload, int UpFrame, int DownPayload, int DownFrame, string? Error)
{
    public bool Ok => Error is null;

    public static Exchange Failed(string error) => new(0, 0, 0, 0, error);
}
