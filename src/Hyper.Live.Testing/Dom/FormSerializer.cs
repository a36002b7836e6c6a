using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// Serialises a form from the current HTML the way the client does (protocol §5.4):
/// <c>FormData</c> order and rules (checked boxes only, selected options, no files, the
/// submitter at its place), the test's field values applied on top, and <c>_unused_</c> keys
/// for change events.
/// </summary>
internal static class FormSerializer
{
    public const string UnusedPrefix = "_unused_";

    /// <summary>The form's entries.</summary>
    /// <param name="form">The form element.</param>
    /// <param name="fields">Values typed by the test, by field name; applied over the HTML's values. A name the form only has with <c>[]</c> (<c>tags</c> for <c>tags[]</c>) means that one.</param>
    /// <param name="strict">Refuse fields the form does not have (a typo would otherwise test nothing).</param>
    /// <param name="submitter">The button that submits, whose name and value are included.</param>
    /// <param name="isUsed">For change events: whether the user touched a field; null when every field counts as used (submit).</param>
    /// <param name="onlyName">For an input with its own <c>phx-change</c>: serialise that field only.</param>
    public static List<KeyValuePair<string, string>> Serialize(
        IElement form,
        IReadOnlyList<KeyValuePair<string, string>> fields,
        bool strict,
        IElement? submitter = null,
        Func<string, bool>? isUsed = null,
        string? onlyName = null)
    {
        var controls = Controls(form).Where(c => !IsDisabled(c) && !string.IsNullOrEmpty(c.GetAttribute("name"))).ToList();
        var given = ResolveNames(form, fields)
            .GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(f => f.Value).ToList(), StringComparer.Ordinal);
        if (strict)
        {
            Validate(form, given, controls);
        }

        var checkableNames = controls.Where(c => Kind(c) == ControlKind.Checkable).Select(Name).ToHashSet(StringComparer.Ordinal);
        var typed = given.Where(g => !checkableNames.Contains(g.Key)).ToDictionary(g => g.Key, g => new Queue<string>(g.Value), StringComparer.Ordinal);
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var control in controls)
        {
            var name = Name(control);
            switch (Kind(control))
            {
                case ControlKind.Button when control == submitter:
                    entries.Add(new(name, control.GetAttribute("value") ?? ""));
                    break;
                case ControlKind.Checkable:
                    var isChecked = given.TryGetValue(name, out var values) ? Checks(control, values) : control.HasAttribute("checked");
                    if (isChecked)
                    {
                        entries.Add(new(name, CheckableValue(control)));
                    }

                    break;
                case ControlKind.Select:
                    var selected = given.TryGetValue(name, out var choices)
                        ? Options(control).Where(o => choices.Contains(OptionValue(o))).Select(OptionValue)
                        : SelectedValues(control);
                    entries.AddRange(selected.Select(value => new KeyValuePair<string, string>(name, value)));
                    break;
                case ControlKind.Text:
                    entries.Add(new(name, typed.TryGetValue(name, out var queue) && queue.Count > 0 ? queue.Dequeue() : CurrentValue(control)));
                    break;
            }
        }

        return WithUnused(form, controls, entries, submitter, isUsed, onlyName);
    }

    /// <summary>The fields with each name the form only has with <c>[]</c> (<c>tags</c> for <c>tags[]</c>) renamed to it.</summary>
    public static List<KeyValuePair<string, string>> ResolveNames(IElement form, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var names = Controls(form).Select(c => c.GetAttribute("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. fields.Select(f => names.Contains(f.Key) || !names.Contains(f.Key + "[]") ? f : new(f.Key + "[]", f.Value))];
    }

    /// <summary>The current value of a text-like control (what <c>el.value</c> returns).</summary>
    public static string CurrentValue(IElement control) =>
        control is IHtmlTextAreaElement ? control.TextContent : control.GetAttribute("value") ?? "";

    /// <summary>The values a select submits: selected options, or the first one of a single select.</summary>
    public static IEnumerable<string> SelectedValues(IElement select)
    {
        var options = Options(select).ToList();
        var selected = options.Where(o => o.HasAttribute("selected")).ToList();
        if (select.HasAttribute("multiple"))
        {
            return selected.Select(OptionValue);
        }

        var option = selected.LastOrDefault() ?? options.FirstOrDefault(o => !o.HasAttribute("disabled"));
        return option is null ? [] : [OptionValue(option)];
    }

    /// <summary>Whether this is an input of type checkbox or radio.</summary>
    public static bool IsCheckable(IElement element) =>
        element is IHtmlInputElement && InputType(element) is "checkbox" or "radio";

    /// <summary>The named, enabled controls of a form that a test may type into (for error messages and <c>_target</c>).</summary>
    public static IEnumerable<IElement> Fields(IElement form) =>
        Controls(form).Where(c => !IsDisabled(c) && !string.IsNullOrEmpty(c.GetAttribute("name")) && Kind(c) is not (ControlKind.Button or ControlKind.File));

    /// <summary>Whether a control is a hidden input.</summary>
    public static bool IsHidden(IElement control) => control is IHtmlInputElement && InputType(control) == "hidden";

    private static List<KeyValuePair<string, string>> WithUnused(
        IElement form, List<IElement> controls, List<KeyValuePair<string, string>> entries, IElement? submitter, Func<string, bool>? isUsed, string? onlyName)
    {
        var unused = new Dictionary<string, bool>(StringComparer.Ordinal);
        var onlyHidden = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var control in controls)
        {
            var name = Name(control);
            var used = isUsed is null || isUsed(name) || control.HasAttribute("phx-no-unused-field");
            unused[name] = unused.GetValueOrDefault(name, true) && !used;
            onlyHidden[name] = onlyHidden.GetValueOrDefault(name, true) && IsHidden(control);
        }

        var skipUnused = form.HasAttribute("phx-no-unused-field");
        var submitterName = submitter?.GetAttribute("name");
        var result = new List<KeyValuePair<string, string>>(entries.Count);
        foreach (var entry in entries)
        {
            if (onlyName is not null && entry.Key != onlyName)
            {
                continue;
            }

            if (!skipUnused && unused.GetValueOrDefault(entry.Key) && entry.Key != submitterName && !onlyHidden.GetValueOrDefault(entry.Key))
            {
                result.Add(new(UnusedName(entry.Key), ""));
            }

            result.Add(entry);
        }

        return result;
    }

    /// <summary><c>user[age]</c> → <c>user[_unused_age]</c>, <c>q</c> → <c>_unused_q</c>, <c>tags[]</c> → <c>_unused_tags[]</c> (the client's prependFormDataKey).</summary>
    private static string UnusedName(string name)
    {
        var isArray = name.EndsWith("[]", StringComparison.Ordinal);
        var baseName = isArray ? name[..^2] : name;
        var end = baseName.EndsWith(']') ? baseName.Length - 1 : baseName.Length;
        var start = end;
        while (start > 0 && baseName[start - 1] is not ('[' or ']'))
        {
            start--;
        }

        if (start < end)
        {
            baseName = string.Concat(baseName.AsSpan(0, start), UnusedPrefix, baseName.AsSpan(start));
        }

        return isArray ? baseName + "[]" : baseName;
    }

    private static void Validate(IElement form, Dictionary<string, List<string>> given, List<IElement> controls)
    {
        foreach (var (name, values) in given)
        {
            var named = controls.Where(c => Name(c) == name && Kind(c) is not (ControlKind.Button or ControlKind.File)).ToList();
            if (named.Count == 0)
            {
                var known = string.Join(", ", Fields(form).Select(Name).Distinct());
                throw new ArgumentException($"The form {Describe(form)} has no enabled field named '{name}'. Its fields: {(known.Length == 0 ? "(none)" : known)}.");
            }

            if (named.Any(c => Kind(c) == ControlKind.Checkable))
            {
                var boxes = named.Where(c => Kind(c) == ControlKind.Checkable).ToList();
                foreach (var value in values.Where(v => !boxes.Any(b => CheckableValue(b) == v) && !IsBooleanFor(boxes, v)))
                {
                    throw new ArgumentException($"No checkbox or radio button named '{name}' in {Describe(form)} has the value '{value}'. Values: {string.Join(", ", boxes.Select(CheckableValue))}.");
                }
            }
            else if (named.Any(c => Kind(c) == ControlKind.Select))
            {
                var options = named.SelectMany(Options).Select(OptionValue).ToList();
                foreach (var value in values.Where(v => !options.Contains(v)))
                {
                    throw new ArgumentException($"The select '{name}' in {Describe(form)} has no option '{value}'. Options: {string.Join(", ", options)}.");
                }
            }
            else if (values.Count > named.Count)
            {
                throw new ArgumentException($"{values.Count} values given for '{name}' but {Describe(form)} has {named.Count} such field(s).");
            }
        }
    }

    /// <summary>Whether the given values check this box: its value is among them, or a lone checkbox gets <c>true</c>.</summary>
    private static bool Checks(IElement box, List<string> values) =>
        values.Contains(CheckableValue(box)) || (InputType(box) == "checkbox" && values is ["true"]);

    private static bool IsBooleanFor(List<IElement> boxes, string value) =>
        value is "true" or "false" && boxes.All(b => InputType(b) == "checkbox");

    private static IEnumerable<IElement> Controls(IElement form) =>
        form is IHtmlFormElement htmlForm ? htmlForm.Elements : form.QuerySelectorAll("input, select, textarea, button");

    private static bool IsDisabled(IElement control) =>
        control.HasAttribute("disabled") || control.Closest("fieldset[disabled]") is not null;

    private static string Name(IElement control) => control.GetAttribute("name")!;

    /// <summary>An input's <c>type</c>, lower-cased; <c>text</c> when it has none.</summary>
    public static string InputType(IElement input) => (input.GetAttribute("type") ?? "text").ToLowerInvariant();

    /// <summary>A checkbox's or radio's value: its value attribute, else "on".</summary>
    public static string CheckableValue(IElement box) => box.GetAttribute("value") ?? "on";

    private static IEnumerable<IElement> Options(IElement select) => select.QuerySelectorAll("option");

    private static string OptionValue(IElement option) =>
        option.GetAttribute("value") ?? string.Join(' ', option.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static ControlKind Kind(IElement control) => control switch
    {
        IHtmlButtonElement => ControlKind.Button,
        IHtmlSelectElement => ControlKind.Select,
        IHtmlTextAreaElement => ControlKind.Text,
        IHtmlInputElement => InputType(control) switch
        {
            "checkbox" or "radio" => ControlKind.Checkable,
            "submit" or "image" or "button" or "reset" => ControlKind.Button,
            "file" => ControlKind.File,
            _ => ControlKind.Text,
        },
        _ => ControlKind.Other,
    };

    private static string Describe(IElement form) => form.Id is { Length: > 0 } id ? $"#{id}" : $"<{form.LocalName}>";

    private enum ControlKind
    {
        Text,
        Checkable,
        Select,
        Button,
        File,
        Other,
    }
}
