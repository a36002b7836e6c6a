using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hyper.Live.EntityFrameworkCore.Tests.Migrations;

/// <summary>The first migration of <see cref="NotesDb"/>, written as the EF tools write one.</summary>
[DbContext(typeof(NotesDb))]
[Migration("20261130000000_CreateNotes")]
public sealed class CreateNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "Notes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Text = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Notes", x => x.Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Notes");
}
