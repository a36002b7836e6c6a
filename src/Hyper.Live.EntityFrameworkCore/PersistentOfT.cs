using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Hyper.Live.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hyper.Live;

/// <summary>
/// A database row a live view edits: loaded on mount with the app's own <see cref="DbContext"/>, validated with its
/// DataAnnotations, saved when it changes (after the handler, debounced, or on <see cref="SaveAsync"/>), checked for
/// concurrent edits with the entity's concurrency token, and shown live: after a save, every other view of this
/// process that rendered the same row renders the saved values.
/// </summary>
/// <example>
/// <code>
/// public sealed class ProfileEditor(IDbContextFactory&lt;AppDb&gt; db) : LiveView
/// {
///     private Persistent&lt;User&gt;? user;
///     protected override async Task MountAsync(LiveParams p, CancellationToken ct)
///     {
///         var id = int.Parse(p["id"]!, CultureInfo.InvariantCulture);
///         user = await Persistent&lt;User&gt;.LoadAsync(this, db, u =&gt; u.Id == id, cancellationToken: ct);   // null: no such row
///     }
///     public void Rename(string name) =&gt; user!.Value.Name = name;   // saved after the handler
/// }
/// </code>
/// </example>
/// <typeparam name="T">The entity type, mapped by the context.</typeparam>
public sealed class Persistent<T>
    where T : class
{
    private readonly Func<CancellationToken, Task<DbContext>> contexts;
    private readonly EntityShape shape;
    private readonly Shared<SavedRow?> row;
    private readonly LiveView view;
    private object?[] original;
    private long version;
    private int debounce;

    // The values when the running debounce wait started; null when none runs.
    private object?[]? debounced;
    private bool saveDue;

    private Persistent(LiveView view, Func<CancellationToken, Task<DbContext>> contexts, EntityShape shape, Shared<SavedRow?> row, T entity, PersistentOptions options)
    {
        this.view = view;
        this.contexts = contexts;
        this.shape = shape;
        this.row = row;
        Entity = entity;
        Options = options;
        original = shape.Read(entity);
        version = row.Value?.Version ?? 0;
        Errors = NoErrors();
        if (options.Save != PersistentSave.Explicit)
        {
            view.AfterEachCallback(AfterCallbackAsync);
        }
    }

    /// <summary>
    /// The entity: change its properties in handlers. Read during a render, the view follows saves of the same row by
    /// other views (it takes their values unless it has unsaved changes of its own).
    /// </summary>
    public T Value
    {
        get
        {
            if (row.Value is { } latest && latest.Version > version)
            {
                if (!HasChanges)
                {
                    shape.Write(Entity, latest.Values);
                    original = [.. latest.Values];
                    version = latest.Version;
                }
                else
                {
                    IsStale = true;
                }
            }

            return Entity;
        }
    }

    /// <summary>How this row saves.</summary>
    public PersistentOptions Options { get; }

    /// <summary>What failed validation at the last save attempt, per property (as <see cref="Form{T}.Errors"/>).</summary>
    public FormErrors Errors { get; private set; }

    /// <summary>Whether the last save attempt found nothing invalid.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Whether the entity differs from the row as loaded or last saved.</summary>
    public bool HasChanges => Differs(original);

    /// <summary>Whether another view saved this row while this one had unsaved changes: saving them will conflict.</summary>
    public bool IsStale { get; private set; }

    /// <summary>
    /// Set when a save found that someone else had saved the row since it was loaded: the changes here were not
    /// written and are still in <see cref="Value"/>. Cleared by a successful save or <see cref="ReloadAsync"/>.
    /// </summary>
    public string? Conflict { get; private set; }

    /// <summary>When this view last saved the row; null before its first save.</summary>
    public DateTimeOffset? SavedAt { get; private set; }

    private T Entity { get; }

    /// <summary>
    /// Loads the first <typeparamref name="T"/> matching <paramref name="where"/> with a context from
    /// <paramref name="contexts"/> (the app's own, registered with <c>AddDbContextFactory</c> or <c>AddLiveDatabase</c>);
    /// null when none matches. Call it in <c>MountAsync</c> of <paramref name="view"/>.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification =
        "Persistent<User>.LoadAsync(this, db, u => u.Id == id) names the entity once; a non-generic form could not infer it from the lambda.")]
    public static async Task<Persistent<T>?> LoadAsync<TContext>(
        LiveView view,
        IDbContextFactory<TContext> contexts,
        Expression<Func<T, bool>> where,
        PersistentOptions? options = null,
        CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(where);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var entity = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(where, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return null;
            }

            var shape = new EntityShape(db.Model.FindEntityType(typeof(T))!);
            var row = SharedRows.Get(shape.RowName(typeof(TContext).FullName + "|" + db.Database.GetConnectionString(), entity));
            return new Persistent<T>(view, async ct => await contexts.CreateDbContextAsync(ct).ConfigureAwait(false), shape, row, entity, options ?? new());
        }
    }

    /// <summary>
    /// Validates the entity and, when valid and changed, writes the changed properties (advancing an integer
    /// concurrency token). True when the row in the database now has these values; false when invalid
    /// (<see cref="Errors"/>) or when someone else saved it meanwhile (<see cref="Conflict"/>, also an error flash).
    /// </summary>
    /// <exception cref="RecoverableError">The database refused the save (a unique index, a foreign key): shown as an
    /// error flash, the changes kept; the view's <c>OnError</c> gets the database's exception as the inner one.</exception>
    public async Task<bool> SaveAsync(CancellationToken cancellationToken = default)
    {
        Errors = Validate();
        if (!IsValid)
        {
            return false;
        }

        if (!HasChanges)
        {
            return true;
        }

        var db = await contexts(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var entry = db.Entry(Entity);
            entry.State = EntityState.Unchanged;
            for (var i = 0; i < shape.Properties.Length; i++)
            {
                var property = entry.Property(shape.Properties[i]);
                property.OriginalValue = original[i];
                property.IsModified = !EntityShape.Same(shape.Properties[i], property.CurrentValue, original[i]);
            }

            foreach (var token in shape.Versions)
            {
                var property = entry.Property(token);
                property.CurrentValue = token.ClrType == typeof(int) ? (int)property.OriginalValue! + 1 : (object)((long)property.OriginalValue! + 1);
                property.IsModified = true;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Ours stay in the entity (the token as loaded, so a retry conflicts again until reloaded).
                RestoreVersions();
                Conflict = $"Someone else saved this {shape.EntityType.DisplayName()} while you were editing it. Your changes were not saved: reload to see theirs.";
                view.Flash.Error(Conflict);
                return false;
            }
            catch (DbUpdateException error)
            {
                // A rule only the database knows (a unique index, a foreign key): the user's input, not a crash. The
                // flash names no table or constraint; the view's OnError gets the cause.
                RestoreVersions();
                throw new RecoverableError($"This {shape.EntityType.DisplayName()} could not be saved. Your changes are still here.", error);
            }
        }

        original = shape.Read(Entity);
        var saved = row.Update(latest => new SavedRow([.. original], (latest?.Version ?? 0) + 1));
        version = saved!.Version;
        (Conflict, IsStale, SavedAt) = (null, false, DateTimeOffset.UtcNow);
        return true;
    }

    /// <summary>Drops the changes here and loads the row as the database has it now (after a <see cref="Conflict"/>).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var db = await contexts(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var entry = db.Entry(Entity);
            entry.State = EntityState.Unchanged;
            var stored = await entry.GetDatabaseValuesAsync(cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                entry.CurrentValues.SetValues(stored);
            }
        }

        original = shape.Read(Entity);
        version = row.Value?.Version ?? 0;
        (Conflict, IsStale, Errors) = (null, false, NoErrors());
    }

    private async Task AfterCallbackAsync(CancellationToken cancellationToken)
    {
        if (Options.Save == PersistentSave.AfterHandler || saveDue)
        {
            (saveDue, debounced) = (false, null);
            if (HasChanges)
            {
                await SaveAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else if (HasChanges && (debounced is null || Differs(debounced)))
        {
            // Each change starts the quiet time again; only the last one's wait ends in a save. (A wait that ended
            // for an older change changed nothing, so it starts no new one.)
            debounced = shape.Read(Entity);
            var mine = ++debounce;
            var delay = Options.Debounce;
            view.StartAsync(async ct =>
            {
                await Task.Delay(delay, ct).ConfigureAwait(false);
                return mine;
            }, ended => saveDue = ended == debounce);
        }
    }

    /// <summary>Whether the entity's values differ from <paramref name="values"/>.</summary>
    private bool Differs(object?[] values)
    {
        for (var i = 0; i < shape.Properties.Length; i++)
        {
            if (!EntityShape.Same(shape.Properties[i], shape.Properties[i].PropertyInfo!.GetValue(Entity), values[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Puts back the concurrency tokens as loaded after a save that did not happen.</summary>
    private void RestoreVersions()
    {
        foreach (var token in shape.Versions)
        {
            token.PropertyInfo!.SetValue(Entity, original[Array.IndexOf(shape.Properties, token)]);
        }
    }

    private FormErrors Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Entity, new ValidationContext(Entity), results, validateAllProperties: true);
        return new FormErrors(results.SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (m, r.ErrorMessage ?? "is not valid"))));
    }

    private static FormErrors NoErrors() => new([]);
}
