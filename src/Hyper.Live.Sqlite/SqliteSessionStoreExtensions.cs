using Hyper.Live.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hyper.Live;

/// <summary>Chooses the SQLite session store in <c>AddHyperLive(options =&gt; …)</c>.</summary>
public static class SqliteSessionStoreExtensions
{
    /// <summary>The file used when no path is given, under the app's content root.</summary>
    public const string DefaultFileName = "hyper-live-sessions.db";

    /// <summary>
    /// Keeps session snapshots (<see cref="PersistAttribute"/>) in a SQLite file, so they survive restarts, deploys
    /// and crashes: <paramref name="path"/>, or <c>hyper-live-sessions.db</c> in the app's content root by default.
    /// Entries expire after <see cref="HyperLiveOptions.SessionTimeout"/>. Every instance of the app that must restore
    /// another's sessions needs the same file and the same Data Protection key ring (snapshots are protected with it).
    /// </summary>
    /// <param name="options">The options being configured.</param>
    /// <param name="path">The database file; relative paths are against the content root.</param>
    /// <returns>The same options.</returns>
    public static HyperLiveOptions UseSqliteSessionStore(this HyperLiveOptions options, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SessionStore = services =>
        {
            var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            return new SqliteSessionStore(Path.Combine(root, path ?? DefaultFileName), options.SessionTimeout, services.GetService<TimeProvider>());
        };
        return options;
    }
}
