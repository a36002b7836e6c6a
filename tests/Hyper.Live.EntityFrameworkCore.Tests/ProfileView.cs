using Microsoft.EntityFrameworkCore;

namespace Hyper.Live.EntityFrameworkCore.Tests;

/// <summary>Edits the profile <c>?id=</c>, saving after each handler, debounced (<c>?save=debounced</c>) or on Save (<c>?save=explicit</c>).</summary>
public sealed class ProfileView(IDbContextFactory<TestDb> db) : LiveView
{
    private Persistent<Profile>? profile;

    public Persistent<Profile> Profile => profile!;

    protected override async Task MountAsync(LiveParams parameters, CancellationToken cancellationToken)
    {
        var id = int.Parse(parameters["id"]!, System.Globalization.CultureInfo.InvariantCulture);
        var save = parameters["save"] switch
        {
            "explicit" => PersistentSave.Explicit,
            "debounced" => PersistentSave.Debounced,
            _ => PersistentSave.AfterHandler,
        };
        profile = await Persistent<Profile>.LoadAsync(this, db, p => p.Id == id, new PersistentOptions { Save = save, Debounce = TimeSpan.FromMilliseconds(300) }, cancellationToken);
    }

    public void Rename(string name) => profile!.Value.Name = name;

    public void SetEmail(string email) => profile!.Value.Email = email;

    public Task Save() => profile!.SaveAsync();

    public Task Reload() => profile!.ReloadAsync();

    public override Html Render()
    {
        if (profile is null)
        {
            return $"<p id=\"missing\">no such profile</p>";
        }

        return $$"""
        <h2 id="name">{{profile.Value.Name}}</h2><p id="email">{{profile.Value.Email}}</p>
        <p id="name-error">{{profile.Errors.First("Name")}}</p><p id="email-error">{{profile.Errors.First("Email")}}</p>
        <p id="conflict">{{profile.Conflict}}</p>
        <button id="rename" @click="rename(name)">rename</button><button id="email-button" @click="set_email(email)">email</button>
        <button id="save" @click="save">save</button><button id="reload" @click="reload">reload</button>
        """;
    }
}
