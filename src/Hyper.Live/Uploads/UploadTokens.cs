using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hyper.Live.Uploads;

/// <summary>
/// The tokens that let a browser open an upload channel (<c>lvu:&lt;entry ref&gt;</c>): signed with a key
/// of the one session that issued them and naming that session's topic, the upload and the entry. The key
/// never leaves the server's memory, so a token is worthless in another session, for another entry, or
/// once the session is gone.
/// </summary>
internal sealed class UploadTokens
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    /// <summary>A token for <paramref name="entryRef"/> of the upload <paramref name="uploadRef"/> of the session on <paramref name="sessionTopic"/>.</summary>
    public string Issue(string sessionTopic, string uploadRef, string entryRef)
    {
        var claims = Encoding.UTF8.GetBytes($"{sessionTopic}\n{uploadRef}\n{entryRef}");
        return Base64Url.EncodeToString(claims) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, claims));
    }

    /// <summary>The upload ref a token signed by this session grants for <paramref name="entryRef"/>; null when forged or for another entry.</summary>
    public string? Verify(string token, string sessionTopic, string entryRef)
    {
        if (Read(token) is not { } claims)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(claims).Split('\n');
        return CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, claims)) &&
               parts.Length == 3 && parts[0] == sessionTopic && parts[2] == entryRef
            ? parts[1]
            : null;
    }

    /// <summary>The session topic a token names (unverified: only the session's own key can verify it), or null.</summary>
    public static string? SessionTopic(string token) =>
        Read(token) is { } claims && Encoding.UTF8.GetString(claims).Split('\n') is [var topic, _, _] ? topic : null;

    private static byte[]? Read(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 1024)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
