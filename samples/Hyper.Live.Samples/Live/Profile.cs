using Hyper.Live.Samples.Data;
using Microsoft.EntityFrameworkCore;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// A profile editor on <see cref="Persistent{T}"/>: the row is loaded on mount, edits are validated as you type and saved
/// with the Save button. Open <c>/profile</c> in two browsers: a save in one shows in the other; saving edits made
/// before the other's save is refused as a conflict, and nothing either typed is lost.
/// </summary>
public sealed class Profile(IDbContextFactory<SamplesDb> db) : LiveView
{
    private Persistent<User> user = null!;
    private int saves;

    protected override async Task MountAsync(LiveParams parameters, CancellationToken cancellationToken)
    {
        Title = "Profile";
        // A few profiles to choose from, not one per number a browser can make up.
        var id = int.TryParse(parameters["id"], out var given) && given is >= 1 and <= 100 ? given : 1;
        var options = new PersistentOptions { Save = PersistentSave.Explicit };
        user = await Persistent<User>.LoadAsync(this, db, u => u.Id == id, options, cancellationToken)
            ?? await CreateAsync(id, options, cancellationToken);
    }

    /// <summary>The form changed: the values go into the entity, unsaved.</summary>
    public void Edit(string name, string email, string bio) => (user.Value.Name, user.Value.Email, user.Value.Bio) = (name, email, bio);

    public async Task Save()
    {
        if (await user.SaveAsync())
        {
            saves++;
            Flash.Info("Saved.");
        }
    }

    public Task Reload() => user.ReloadAsync();

    public override Html Render() => $$"""
        <section class="profile">
          {{Flash.Render()}}
          <form id="profile-form" @change="edit(name, email, bio)" @submit.prevent="save">
            <label>Name <input name="name" value="{{user.Value.Name}}"></label>
            <p class="error" id="name-error">{{user.Errors.First("Name")}}</p>
            <label>Email <input name="email" value="{{user.Value.Email}}"></label>
            <p class="error" id="email-error">{{user.Errors.First("Email")}}</p>
            <label>Bio <textarea name="bio">{{user.Value.Bio}}</textarea></label>
            <p class="error" id="bio-error">{{user.Errors.First("Bio")}}</p>
            <button id="save" type="submit">Save</button>
          </form>
          <p id="status">{{Status()}}</p>
          {{Html.If(user.Conflict is not null, $"<p id=\"conflict\" class=\"error\">{user.Conflict} <button id=\"reload\" @click=\"reload\">Reload</button></p>")}}
        </section>
        """;

    private string Status() => user.IsStale ? "Someone else saved this profile meanwhile: saving your changes will conflict."
        : user.HasChanges ? "Unsaved changes." : saves > 0 ? "All changes saved." : "Up to date.";

    /// <summary>The first visit finds no row: make one.</summary>
    private async Task<Persistent<User>> CreateAsync(int id, PersistentOptions options, CancellationToken cancellationToken)
    {
        await using (var context = await db.CreateDbContextAsync(cancellationToken))
        {
            context.Users.Add(new User { Id = id, Name = "Ada Lovelace", Email = "ada@example.com", Bio = "Wrote the first program." });
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another first visit made it meanwhile.
            }
        }

        return (await Persistent<User>.LoadAsync(this, db, u => u.Id == id, options, cancellationToken))!;
    }
}
