namespace Hyper.Live;

/// <summary>
/// Where <c>AddLiveDatabase&lt;TContext&gt;</c> keeps the app's data; bound from the configuration section
/// <c>HyperLive:Database</c> (e.g. <c>HyperLive__Database__Provider=PostgreSql</c> and <c>…__ConnectionString</c> in the environment).
/// </summary>
public sealed class LiveDatabaseOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "HyperLive:Database";

    /// <summary>Which database: <see cref="LiveDatabaseProvider.Sqlite"/> by default.</summary>
    public LiveDatabaseProvider Provider { get; set; } = LiveDatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string; required for PostgreSQL. For SQLite, null (the default) means the file
    /// <see cref="SqliteFile"/> under the app's content root.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file under the content root when no connection string is given: <c>hyper-live-data.db</c> by default.</summary>
    public string SqliteFile { get; set; } = "hyper-live-data.db";

    /// <summary>
    /// Whether the app brings the database up to date at start: it applies the context's migrations when the context
    /// has any (<c>Migrate</c>), else creates the database and its tables when they do not exist (<c>EnsureCreated</c>).
    /// True by default; turn it off when the database is managed outside the app.
    /// </summary>
    public bool EnsureCreated { get; set; } = true;
}
