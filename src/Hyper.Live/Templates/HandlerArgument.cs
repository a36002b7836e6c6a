using System.Text.Json;

namespace Hyper.Live.Templates;

/// <summary>One argument of a handler call in an <c>@event</c> attribute.</summary>
internal abstract record HandlerArgument
{
    /// <summary>The JSON the client sends back for this argument, with holes left to the caller.</summary>
    public abstract string? Json { get; }

    /// <summary>A literal, already as JSON: <c>123</c>, <c>"red"</c>, <c>true</c>, <c>null</c>.</summary>
    internal sealed record Literal(string Value) : HandlerArgument
    {
        public override string Json => Value;
    }

    /// <summary>A field of the event by name: a form field, the element's <c>value</c>, a <c>key</c>.</summary>
    internal sealed record Field(string Name) : HandlerArgument
    {
        public override string Json => $$"""{"field":{{JsonSerializer.Serialize(Name, HoleWriter.SafeJson)}}}""";
    }

    /// <summary>A hole whose value is rendered into the binding as a JSON literal.</summary>
    internal sealed record Hole : HandlerArgument
    {
        public override string? Json => null;
    }
}
