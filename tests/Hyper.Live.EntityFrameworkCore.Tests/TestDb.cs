using Microsoft.EntityFrameworkCore;

namespace Hyper.Live.EntityFrameworkCore.Tests;

public sealed class TestDb(DbContextOptions<TestDb> options) : DbContext(options)
{
    public DbSet<Profile> Profiles => Set<Profile>();

    // A rule only the database knows: a save breaking it is refused by the database, not by validation.
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Profile>().HasIndex(p => p.Email).IsUnique();
}
