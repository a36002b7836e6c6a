using Microsoft.EntityFrameworkCore;

namespace Hyper.Live.EntityFrameworkCore.Tests;

/// <summary>A context with migrations (<see cref="Migrations.CreateNotes"/>), as <c>dotnet ef migrations add</c> makes them.</summary>
public sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}

/// <summary>One row of <see cref="NotesDb"/>.</summary>
public sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}
