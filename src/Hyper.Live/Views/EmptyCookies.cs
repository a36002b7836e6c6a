using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Hyper.Live.Views;

/// <summary>No cookies: the <see cref="LiveRequest"/> of a view created outside a request (e.g. in a unit test).</summary>
internal sealed class EmptyCookies : IRequestCookieCollection
{
    public static EmptyCookies Instance { get; } = new();

    public int Count => 0;

    public ICollection<string> Keys => [];

    public string? this[string key] => null;

    public bool ContainsKey(string key) => false;

    public bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
