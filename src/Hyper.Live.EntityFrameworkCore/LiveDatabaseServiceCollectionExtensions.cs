using Hyper.Live;
using Hyper.Live.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the app's <see cref="DbContext"/> for <see cref="Persistent{T}"/> on SQLite or PostgreSQL.</summary>
public static class LiveDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>IDbContextFactory&lt;TContext&gt;</c> on the database <see cref="LiveDatabaseOptions"/> names
    /// (configuration section <c>HyperLive:Database</c>, then <paramref name="configure"/>): by default a SQLite file
    /// under the content root, created with its tables on first start.
    /// </summary>
    public static IServiceCollection AddLiveDatabase<TContext>(this IServiceCollection services, Action<LiveDatabaseOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LiveDatabaseOptions>().BindConfiguration(LiveDatabaseOptions.Section);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddDbContextFactory<TContext>((provider, builder) =>
        {
            var database = provider.GetRequiredService<IOptions<LiveDatabaseOptions>>().Value;
            switch (database.Provider)
            {
                case LiveDatabaseProvider.PostgreSql:
                    builder.UseNpgsql(database.ConnectionString ?? throw new InvalidOperationException(
                        $"{LiveDatabaseOptions.Section}:ConnectionString is required for PostgreSQL (Host=…;Database=…;Username=…)."));
                    break;
                default:
                    builder.UseSqlite(database.ConnectionString ?? SqliteFile(provider, database.SqliteFile));
                    break;
            }
        });
        services.AddHostedService<DatabaseCreator<TContext>>();
        return services;
    }

    /// <summary>The connection string of the SQLite file <paramref name="file"/> under the content root, whose folder is created if missing.</summary>
    private static string SqliteFile(IServiceProvider provider, string file)
    {
        // Runs once: the factory's options are a singleton.
        var path = Path.Combine(provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"Data Source={path}";
    }
}
