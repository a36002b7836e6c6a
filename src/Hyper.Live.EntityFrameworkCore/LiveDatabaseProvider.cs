namespace Hyper.Live;

/// <summary>The database behind <see cref="LiveDatabaseOptions"/>.</summary>
public enum LiveDatabaseProvider
{
    /// <summary>An embedded SQLite file: nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, through Npgsql.</summary>
    PostgreSql,
}
