namespace Hyper.Live.LoadTest;

/// <summary>What a dead render gives the browser for its join: the container id, the signed tokens, the CSRF token and cookie.</summary>
internal sealed record LivePage(string Url, string Id, string Session, string Static, string Csrf, string Cookie, string? TrackStatic, int HtmlBytes)
{
    public string Topic => "lv:" + Id;
}
