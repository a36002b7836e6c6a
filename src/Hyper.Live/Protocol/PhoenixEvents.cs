namespace Hyper.Live.Protocol;

/// <summary>Event names of the Phoenix channel protocol and of LiveView on top of it.</summary>
internal static class PhoenixEvents
{
    public const string PhoenixTopic = "phoenix";
    public const string Heartbeat = "heartbeat";
    public const string Join = "phx_join";
    public const string Leave = "phx_leave";
    public const string Reply = "phx_reply";
    public const string Close = "phx_close";
    public const string Error = "phx_error";
    public const string Event = "event";
    public const string Diff = "diff";
    public const string LivePatch = "live_patch";
    public const string CidsWillDestroy = "cids_will_destroy";
    public const string CidsDestroyed = "cids_destroyed";
    public const string ViewTopicPrefix = "lv:";
    public const string UploadTopicPrefix = "lvu:";
    public const string AllowUpload = "allow_upload";
    public const string Progress = "progress";
    public const string Chunk = "chunk";

    /// <summary>The client version we speak; other versions only log a warning in the browser.</summary>
    public const string LiveViewVersion = "1.2.12";
}
