using Microsoft.Data.Sqlite;

namespace Hyper.Live.Sqlite;

/// <summary>
/// An <see cref="ISessionStore"/> in one SQLite file (one table, <c>hyper_live_sessions</c>), so snapshots survive
/// restarts, deploys and crashes with nothing to install. Each call opens a pooled connection, so the store is safe
/// from any thread; the file uses write-ahead logging, so reads never wait for the background writer. Entries not set
/// or touched for <see cref="HyperLiveOptions.SessionTimeout"/> are not returned, and are deleted as writes arrive,
/// at most once a minute.
/// </summary>
public sealed class SqliteSessionStore : ISessionStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly string connectionString;
    private readonly TimeSpan timeout;
    private readonly TimeProvider clock;
    private long nextSweep;

    /// <summary>Opens (creating if needed) the store in the SQLite file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; its folder is created if missing.</param>
    /// <param name="sessionTimeout">How long an entry lives without being set or touched.</param>
    /// <param name="clock">The time source; the system's by default.</param>
    public SqliteSessionStore(string path, TimeSpan sessionTimeout, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        timeout = sessionTimeout;
        this.clock = clock ?? TimeProvider.System;
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS hyper_live_sessions (key TEXT PRIMARY KEY, value BLOB NOT NULL, expires INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS hyper_live_sessions_expires ON hyper_live_sessions (expires);
            """;
        create.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var select = Command(connection, "SELECT value FROM hyper_live_sessions WHERE key = $key AND expires > $now", key);
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    /// <inheritdoc />
    public async Task SetAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var upsert = Command(
            connection,
            """
            INSERT INTO hyper_live_sessions (key, value, expires) VALUES ($key, $value, $expires)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires
            """,
            key);
        upsert.Parameters.AddWithValue("$value", value);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await SweepAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var delete = Command(connection, "DELETE FROM hyper_live_sessions WHERE key = $key", key);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task TouchAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var touch = Command(connection, "UPDATE hyper_live_sessions SET expires = $expires WHERE key = $key AND expires > $now", key);
        await touch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many entries the file holds, expired ones not yet swept included.</summary>
    /// <param name="cancellationToken">Cancels the count.</param>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM hyper_live_sessions";
        return (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A command with <c>$key</c>, <c>$now</c> and <c>$expires</c> (now plus the timeout) bound, in Unix milliseconds.</summary>
    private SqliteCommand Command(SqliteConnection connection, string sql, string key)
    {
        var now = clock.GetUtcNow();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", (now + timeout).ToUnixTimeMilliseconds());
        return command;
    }

    private async Task SweepAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweep, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        await using var sweep = connection.CreateCommand();
        sweep.CommandText = "DELETE FROM hyper_live_sessions WHERE expires <= $now";
        sweep.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await sweep.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
