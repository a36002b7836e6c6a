using System.Text;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> exactly as the browser's <c>URLSearchParams.toString()</c>
/// writes it (the client sends form values in that form, protocol §5.4).
/// </summary>
internal static class FormEncoding
{
    public static string Encode(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in entries)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            Append(sb, name);
            sb.Append('=');
            Append(sb, value);
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '.' or '_')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
