using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Hyper.Live.Persistence;

/// <summary>
/// The <see cref="PersistAttribute"/> members of one view type: read into a JSON object, written back from one,
/// and a fingerprint of their names and types, so a snapshot of another version of the view is recognised.
/// </summary>
internal sealed class PersistedMembers
{
    private static readonly ConcurrentDictionary<Type, PersistedMembers?> Cache = new();
    private readonly Member[] members;

    private PersistedMembers(Member[] members, string fingerprint)
    {
        this.members = members;
        Fingerprint = fingerprint;
    }

    /// <summary>Names and types of the members, hashed: equal for two builds of a view whose persisted members agree.</summary>
    public string Fingerprint { get; }

    /// <summary>The persisted members of <paramref name="viewType"/>, or null when it marks none.</summary>
    /// <exception cref="InvalidOperationException">A marked property cannot be both read and written.</exception>
    public static PersistedMembers? For(Type viewType) => Cache.GetOrAdd(viewType, Create);

    /// <summary>The members' values now, as UTF-8 JSON (an object by member name).</summary>
    public byte[] Capture(LiveView view)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var member in members)
            {
                json.WritePropertyName(member.Name);
                JsonSerializer.Serialize(json, member.Get(view), member.Type);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Sets the members <paramref name="state"/> has a value for.</summary>
    /// <exception cref="JsonException">A value does not fit its member's type.</exception>
    public void Apply(LiveView view, JsonElement state)
    {
        foreach (var member in members)
        {
            if (state.TryGetProperty(member.Name, out var value))
            {
                member.Set(view, value.Deserialize(member.Type));
            }
        }
    }

    private static PersistedMembers? Create(Type viewType)
    {
        const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var found = new List<Member>();
        for (var type = viewType; type is not null && type != typeof(LiveView); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Declared).Where(f => f.IsDefined(typeof(PersistAttribute), inherit: true)))
            {
                found.Add(new Member($"{type.Name}.{field.Name}", field.FieldType, field.GetValue, field.SetValue));
            }

            foreach (var property in type.GetProperties(Declared).Where(p => p.IsDefined(typeof(PersistAttribute), inherit: true)))
            {
                if (property.GetMethod is null || property.SetMethod is null || property.GetIndexParameters().Length > 0)
                {
                    throw new InvalidOperationException(
                        $"[Persist] on {type.Name}.{property.Name} needs a property with a getter and a setter (any visibility), or a field.");
                }

                found.Add(new Member($"{type.Name}.{property.Name}", property.PropertyType, property.GetValue, property.SetValue));
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var shape = viewType.FullName + "\n" + string.Join("\n", found.Select(m => m.Name + ":" + m.Type.FullName));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(shape));
        return new PersistedMembers([.. found], WebEncoders.Base64UrlEncode(hash, 0, 12));
    }

    private sealed record Member(string Name, Type Type, Func<object?, object?> Get, Action<object?, object?> Set);
}
