using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hyper.Live.EntityFrameworkCore;

/// <summary>
/// Brings the database up to date when the app starts: applies the context's migrations when it has any
/// (<c>dotnet ef migrations add</c>), else creates the database and its tables if they do not exist yet.
/// </summary>
internal sealed class DatabaseCreator<TContext>(IDbContextFactory<TContext> contexts, IOptions<LiveDatabaseOptions> options) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.EnsureCreated)
        {
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                if (db.Database.GetMigrations().Any())
                {
                    await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                try
                {
                    await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException)
                {
                    // Another instance starting on the same database created the tables between our check and our
                    // CREATE TABLE; once it is done, the check finds them.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
                    await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
