using Microsoft.EntityFrameworkCore;

namespace Hyper.Live.EntityFrameworkCore.Tests;

public sealed class TestDb(DbContextOptions<TestDb> options) : DbContext(options)
{
    public DbSet<Profile> Profiles => Set<Profile>();
}
