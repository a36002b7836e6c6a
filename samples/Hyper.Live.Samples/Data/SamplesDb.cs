using Microsoft.EntityFrameworkCore;

namespace Hyper.Live.Samples.Data;

/// <summary>The samples' database: a SQLite file under App_Data by default (see Program.cs).</summary>
public sealed class SamplesDb(DbContextOptions<SamplesDb> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
}
