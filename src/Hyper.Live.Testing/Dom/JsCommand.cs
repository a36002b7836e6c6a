using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// The parts of a JS command list (a binding value starting with <c>[</c>, protocol §8.5) that
/// reach the server: <c>push</c>, <c>patch</c> and <c>navigate</c>. DOM-only commands
/// (show, hide, classes, focus, …) have no server effect and are skipped.
/// </summary>
/// <param name="Op">The command name.</param>
/// <param name="Event">For push: the event name.</param>
/// <param name="Value">For push: its value object.</param>
/// <param name="Target">For push: its target (cid or selector).</param>
/// <param name="Href">For patch and navigate: the URL.</param>
internal sealed record JsCommand(string Op, string? Event, JsonObject? Value, string? Target, string? Href)
{
    public const string Push = "push";
    public const string Patch = "patch";
    public const string Navigate = "navigate";

    public static bool IsCommandList(string binding) => binding.TrimStart().StartsWith('[');

    public static List<JsCommand> Parse(string binding)
    {
        JsonArray commands;
        try
        {
            commands = JsonNode.Parse(binding) as JsonArray ?? [];
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"The binding {binding} is not a valid JS command list: {error.Message}", error);
        }

        var result = new List<JsCommand>();
        foreach (var command in commands)
        {
            if (command is not JsonArray { Count: >= 1 } pair || pair[0]?.GetValueKind() != JsonValueKind.String)
            {
                continue;
            }

            var op = pair[0]!.GetValue<string>();
            var args = pair.Count > 1 ? pair[1] as JsonObject : null;
            if (op is Push or Patch or Navigate)
            {
                result.Add(new JsCommand(
                    op,
                    Text(args?["event"]),
                    args?["value"] as JsonObject,
                    Text(args?["target"]),
                    Text(args?["href"])));
            }
        }

        return result;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
