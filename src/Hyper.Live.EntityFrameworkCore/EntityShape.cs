using Microsoft.EntityFrameworkCore.Metadata;

namespace Hyper.Live.EntityFrameworkCore;

/// <summary>
/// What <see cref="Persistent{T}"/> needs of an entity type's model: its mapped properties (read, compared and copied
/// without a context), its key, and the concurrency tokens it advances itself.
/// </summary>
internal sealed class EntityShape
{
    public EntityShape(IEntityType entityType)
    {
        EntityType = entityType;
        Properties = [.. entityType.GetProperties().Where(p => p.PropertyInfo is { CanRead: true, CanWrite: true })];
        Key = entityType.FindPrimaryKey()?.Properties.ToArray()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no primary key: a Persistent row needs one.");

        // A token the database does not generate (e.g. [ConcurrencyCheck] int Version) is advanced on each save;
        // a generated one (PostgreSQL's xmin, SQL Server's rowversion) is the database's to change.
        Versions = [.. Properties.Where(p => p.IsConcurrencyToken && p.ValueGenerated == ValueGenerated.Never &&
            (p.ClrType == typeof(int) || p.ClrType == typeof(long)))];
    }

    public IEntityType EntityType { get; }

    public IProperty[] Properties { get; }

    public IProperty[] Key { get; }

    public IProperty[] Versions { get; }

    public object?[] Read(object entity) => [.. Properties.Select(p => p.PropertyInfo!.GetValue(entity))];

    public void Write(object entity, object?[] values)
    {
        for (var i = 0; i < Properties.Length; i++)
        {
            Properties[i].PropertyInfo!.SetValue(entity, values[i]);
        }
    }

    public static bool Same(IProperty property, object? a, object? b) => property.GetValueComparer().Equals(a, b);

    /// <summary>The row's identity across views: the context, its database and the key.</summary>
    public string RowName(string database, object entity) =>
        $"persistent:{database}:{EntityType.Name}:{string.Join("|", Key.Select(k => Convert.ToString(k.PropertyInfo?.GetValue(entity) ?? k.GetGetter().GetClrValue(entity), System.Globalization.CultureInfo.InvariantCulture)))}";
}
