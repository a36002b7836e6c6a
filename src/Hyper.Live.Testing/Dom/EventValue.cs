using System.Globalization;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// The <c>value</c> object of a non-form event, composed as the client's extractMeta does
/// (protocol §5.3): the binding's base data, then every <c>phx-value-*</c> attribute, then the
/// element's <c>value</c> property, then the values of a <c>JS.push</c> (or of the test).
/// </summary>
internal static class EventValue
{
    private const string ValuePrefix = "phx-value-";

    /// <param name="element">The element whose attributes and value property are sent; null for none.</param>
    /// <param name="baseValue">The binding's own data (a key event's <c>key</c>), first.</param>
    /// <param name="extra">The push's or the test's values, last.</param>
    /// <param name="isChecked">A checkbox's or radio's state when it differs from its HTML (just clicked); null to read the <c>checked</c> attribute.</param>
    public static JsonObject Compose(IElement? element, JsonObject? baseValue, JsonObject? extra, bool? isChecked = null)
    {
        var value = baseValue ?? [];
        if (element is not null)
        {
            foreach (var attribute in element.Attributes)
            {
                // HTML lower-cases attribute names, so phx-value-userId arrives as "userid".
                if (attribute.Name.StartsWith(ValuePrefix, StringComparison.Ordinal))
                {
                    value[attribute.Name[ValuePrefix.Length..]] = attribute.Value;
                }
            }

            if (element is not IHtmlFormElement && ValueProperty(element) is { } property)
            {
                value["value"] = property;
            }

            if (FormSerializer.IsCheckable(element) && !(isChecked ?? element.HasAttribute("checked")))
            {
                value.Remove("value");
            }
        }

        foreach (var (key, node) in extra ?? [])
        {
            value[key] = node?.DeepClone();
        }

        return value;
    }

    /// <summary>What <c>el.value</c> is for the elements that have that property; null for the others.</summary>
    private static JsonNode? ValueProperty(IElement element) => element switch
    {
        IHtmlSelectElement select => FormSerializer.SelectedValues(select).FirstOrDefault() ?? "",
        IHtmlInputElement when FormSerializer.IsCheckable(element) => FormSerializer.CheckableValue(element),
        IHtmlTextAreaElement or IHtmlInputElement => FormSerializer.CurrentValue(element),
        IHtmlButtonElement or IHtmlOptionElement or IHtmlDataElement or IHtmlParamElement => element.GetAttribute("value") ?? (element is IHtmlOptionElement ? element.TextContent : ""),
        IHtmlOutputElement => element.TextContent,
        IHtmlListItemElement => int.TryParse(element.GetAttribute("value"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0,
        IHtmlMeterElement or IHtmlProgressElement => double.TryParse(element.GetAttribute("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0,
        _ => null,
    };
}
