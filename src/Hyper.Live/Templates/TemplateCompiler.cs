using System.Text;

namespace Hyper.Live.Templates;

/// <summary>
/// Compiles a template's literal parts into <see cref="CompiledTemplate"/>: runs a small
/// HTML tokenizer over the statics with hole markers, decides per hole how its value must
/// be written (text, attribute value, boolean attribute, attributes, script), rewrites
/// <c>@event</c> bindings, and refuses holes where no value could be written safely.
/// Runs once per distinct template; the result is cached by <see cref="TemplateCache"/>.
/// </summary>
internal sealed partial class TemplateCompiler
{
    private enum State
    {
        Text,
        TagName,
        EndTag,
        BeforeAttributeName,
        AttributeName,
        AfterAttributeName,
        BeforeAttributeValue,
        DoubleQuotedValue,
        SingleQuotedValue,
        UnquotedValue,
        Comment,
        Declaration,
        RawText,
        EscapableRawText,
    }

    private readonly string?[] gaps;
    private readonly bool[] boolHoles;
    private readonly TemplateSource? source;
    private readonly List<string> statics = [];
    private readonly List<SlotInfo> slots = [];
    private readonly StringBuilder output = new();
    private readonly StringBuilder tagName = new();
    private readonly StringBuilder attributeName = new();
    private State state = State.Text;
    private string? rawTextEnd;
    private int attributeStart;
    private int attributeGap;
    private bool valueEmpty;
    private int gap;
    private int line = 1;

    // The @event attribute being read: its value is collected, then replaced as a whole when it ends.
    private readonly ElementBindings elementBindings;
    private readonly List<string> bindingTexts = [];
    private readonly StringBuilder bindingText = new();
    private EventBinding? binding;
    private int bindingStatic;
    private int bindingSlot;
    private int bindingLine;

    private TemplateCompiler(string?[] gaps, bool[] boolHoles, TemplateSource? source)
    {
        this.gaps = gaps;
        this.boolHoles = boolHoles;
        this.source = source;
        elementBindings = new ElementBindings(Error);
    }

    /// <summary>Compiles the literal gaps (one more than holes; null for an empty gap).</summary>
    public static CompiledTemplate Compile(string?[] gaps, bool[] boolHoles, TemplateSource? source) =>
        new TemplateCompiler(gaps, boolHoles, source).Run();

    private CompiledTemplate Run()
    {
        for (gap = 0; gap < gaps.Length; gap++)
        {
            Scan(gaps[gap] ?? "");
            if (gap < boolHoles.Length)
            {
                slots.Add(Hole(boolHoles[gap]));
                statics.Add(output.ToString());
                output.Clear();
            }
        }

        Finish();
        statics.Add(output.ToString());
        return new CompiledTemplate([.. statics], [.. slots], [.. elementBindings.Named], source) { IsSingleRoot = IsSingleRoot, IsOneElement = IsOneElement };
    }

    private void Scan(string text)
    {
        var i = 0;
        if (gap > 0 && SkipsClosingQuote(gap - 1))
        {
            i = 1; // the closing quote of an attribute folded into a boolean hole
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
            }

            switch (state)
            {
                case State.Text:
                    i = ScanText(text, i);
                    break;
                case State.TagName:
                    if (char.IsWhiteSpace(c) || c == '/')
                    {
                        state = State.BeforeAttributeName;
                        output.Append(c);
                    }
                    else if (c == '>')
                    {
                        EndStartTag();
                    }
                    else
                    {
                        tagName.Append(c);
                        output.Append(c);
                    }

                    break;
                case State.EndTag:
                case State.Declaration:
                    output.Append(c);
                    if (c == '>')
                    {
                        state = State.Text;
                    }

                    break;
                case State.BeforeAttributeName:
                case State.AfterAttributeName:
                    if (c == '=' && state == State.AfterAttributeName)
                    {
                        output.Append(c);
                        state = State.BeforeAttributeValue;
                    }
                    else if (c == '>')
                    {
                        EndStartTag();
                    }
                    else if (char.IsWhiteSpace(c) || c == '/')
                    {
                        output.Append(c);
                    }
                    else
                    {
                        RequireBindingValue();
                        state = State.AttributeName;
                        attributeStart = output.Length;
                        attributeGap = gap;
                        attributeName.Clear().Append(c);
                        output.Append(c);
                    }

                    break;
                case State.AttributeName:
                    if (c == '=' || c == '>' || c == '/' || char.IsWhiteSpace(c))
                    {
                        EndAttributeName();
                        state = c == '=' ? State.BeforeAttributeValue : State.AfterAttributeName;
                        if (c == '>')
                        {
                            EndStartTag();
                        }
                        else
                        {
                            output.Append(c);
                        }
                    }
                    else
                    {
                        attributeName.Append(c);
                        output.Append(c);
                    }

                    break;
                case State.BeforeAttributeValue:
                    if (c == '"' || c == '\'')
                    {
                        state = c == '"' ? State.DoubleQuotedValue : State.SingleQuotedValue;
                        valueEmpty = true;
                        output.Append(c);
                    }
                    else if (c == '>')
                    {
                        EndStartTag();
                    }
                    else if (!char.IsWhiteSpace(c))
                    {
                        // Unquoted values are quoted here so that a hole inside one cannot end it early.
                        state = State.UnquotedValue;
                        output.Append('"').Append(c);
                        CollectBindingValue(c);
                    }

                    break;
                case State.DoubleQuotedValue:
                case State.SingleQuotedValue:
                    output.Append(c);
                    valueEmpty = false;
                    if (c == (state == State.DoubleQuotedValue ? '"' : '\''))
                    {
                        state = State.BeforeAttributeName;
                        EndBindingValue();
                    }
                    else
                    {
                        CollectBindingValue(c);
                    }

                    break;
                case State.UnquotedValue:
                    if (char.IsWhiteSpace(c) || c == '>')
                    {
                        output.Append('"');
                        state = State.BeforeAttributeName;
                        EndBindingValue();
                        if (c == '>')
                        {
                            EndStartTag();
                        }
                        else
                        {
                            output.Append(c);
                        }
                    }
                    else if (c == '"')
                    {
                        throw Error("a double quote inside an unquoted attribute value");
                    }
                    else
                    {
                        output.Append(c);
                        CollectBindingValue(c);
                    }

                    break;
                case State.Comment:
                    output.Append(c);
                    if (c == '>' && output.Length >= 3 && output[^2] == '-' && output[^3] == '-')
                    {
                        state = State.Text;
                    }

                    break;
                case State.RawText:
                case State.EscapableRawText:
                    if (c == '<' && IsEndTagOf(text, i, rawTextEnd!))
                    {
                        state = State.EndTag;
                        RootEndTag();
                    }

                    output.Append(c);
                    break;
            }
        }
    }

    private int ScanText(string text, int i)
    {
        var c = text[i];
        if (c != '<')
        {
            RootContent(char.IsWhiteSpace(c));
            output.Append(c);
            return i;
        }

        if (i + 1 == text.Length)
        {
            if (gap < boolHoles.Length)
            {
                throw Error("a hole inside a tag name");
            }

            RootContent();
            output.Append(c);
            return i;
        }

        var next = text[i + 1];
        if (next == '!')
        {
            state = text.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal) ? State.Comment : State.Declaration;
            RootContent();
            output.Append("<!");
            return i + 1;
        }

        if (next == '/')
        {
            state = State.EndTag;
            RootEndTag();
            output.Append("</");
            if (i + 2 == text.Length && gap < boolHoles.Length)
            {
                throw Error("a hole inside a tag name");
            }

            return i + 1;
        }

        if (char.IsAsciiLetter(next))
        {
            state = State.TagName;
            RootStartTag();
            tagName.Clear();
            elementBindings.Begin();
        }
        else
        {
            RootContent();
        }

        output.Append(c);
        return i;
    }

    private static bool IsEndTagOf(string text, int i, string name)
    {
        var rest = text.AsSpan(i);
        if (rest.Length < name.Length + 2 || rest[1] != '/' ||
            !rest.Slice(2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return rest.Length == name.Length + 2 || rest[name.Length + 2] is '>' or '/' || char.IsWhiteSpace(rest[name.Length + 2]);
    }

    private void EndStartTag()
    {
        RequireBindingValue();

        // Attributes shared by the tag's bindings go last, before a self-closing slash if any.
        var trailer = elementBindings.End();
        var selfClosed = output.Length > 0 && output[^1] == '/';
        output.Insert(selfClosed ? output.Length - 1 : output.Length, trailer);
        output.Append('>');
        var name = tagName.ToString().ToLowerInvariant();
        RootEndOfStartTag(name, selfClosed);
        (state, rawTextEnd) = name switch
        {
            "script" or "style" => (State.RawText, name),
            "textarea" or "title" => (State.EscapableRawText, name),
            _ => (State.Text, null),
        };
    }

    private SlotInfo Hole(bool isBool)
    {
        if (binding is not null)
        {
            return BindingHole();
        }

        switch (state)
        {
            case State.Text:
            case State.EscapableRawText:
                RootContent();
                return new SlotInfo(SlotContext.Text);
            case State.RawText when rawTextEnd == "script":
                return new SlotInfo(SlotContext.Script);
            case State.RawText:
                throw Error($"a hole inside <{rawTextEnd}>: put dynamic styles in a style attribute");
            case State.TagName:
            case State.EndTag:
                throw Error("a hole inside a tag name");
            case State.AttributeName:
                throw Error($"a hole inside the attribute name '{attributeName}'");
            case State.Comment:
                throw Error("a hole inside an HTML comment");
            case State.Declaration:
                throw Error("a hole inside a <!...> declaration");
            case State.BeforeAttributeName:
            case State.AfterAttributeName:
                // Attribute sets render with their own leading space.
                TrimTrailingWhitespace();
                state = State.BeforeAttributeName;
                return new SlotInfo(SlotContext.Attributes, Location: Here());
            case State.BeforeAttributeValue:
                RefuseScriptAttribute();
                if (isBool && attributeGap == gap && StartsWithAny(gap + 1, " \t\r\n>/"))
                {
                    return ToggleAttribute();
                }

                state = State.UnquotedValue;
                output.Append('"');
                return ValueStart();
            case State.DoubleQuotedValue:
            case State.SingleQuotedValue:
                RefuseScriptAttribute();
                if (isBool && valueEmpty && attributeGap == gap &&
                    StartsWithAny(gap + 1, state == State.DoubleQuotedValue ? "\"" : "'"))
                {
                    return ToggleAttribute();
                }

                var starts = valueEmpty;
                valueEmpty = false;
                return starts ? ValueStart() : new SlotInfo(SlotContext.AttributeValue);
            default:
                RefuseScriptAttribute();
                return new SlotInfo(SlotContext.AttributeValue);
        }
    }

    /// <summary>A hole that starts an attribute value: it decides the URL's scheme when the attribute is a URL.</summary>
    private SlotInfo ValueStart()
    {
        var name = attributeName.ToString();
        return !UrlAttributes.IsUrl(name) ? new SlotInfo(SlotContext.AttributeValue)
            : UrlAttributes.IsImageSource(tagName.ToString(), name) ? new SlotInfo(SlotContext.ImageUrl)
            : new SlotInfo(SlotContext.Url);
    }

    private void RefuseScriptAttribute()
    {
        if (UrlAttributes.IsScript(attributeName.ToString()))
        {
            throw Error($"a hole inside the attribute '{attributeName}', whose value the browser runs as script or HTML: bind events with @event=\"handler\"");
        }
    }

    /// <summary>
    /// Folds <c>name="{{flag}}"</c> into the hole: the statics lose the attribute, and the
    /// hole renders <c> name</c> or nothing, so no <c>checked="False"</c> ever reaches the page.
    /// </summary>
    private SlotInfo ToggleAttribute()
    {
        output.Length = attributeStart;
        TrimTrailingWhitespace();
        state = State.BeforeAttributeName;
        return new SlotInfo(SlotContext.BooleanAttribute, attributeName.ToString());
    }

    private void TrimTrailingWhitespace()
    {
        while (output.Length > 0 && char.IsWhiteSpace(output[^1]))
        {
            output.Length--;
        }
    }

    private bool SkipsClosingQuote(int hole) =>
        slots.Count > hole && slots[hole].Context == SlotContext.BooleanAttribute &&
        gaps[hole + 1] is { Length: > 0 } next && next[0] is '"' or '\'';

    private bool StartsWithAny(int gapIndex, string characters)
    {
        var text = gapIndex < gaps.Length ? gaps[gapIndex] : null;
        return string.IsNullOrEmpty(text)
            ? gapIndex == gaps.Length - 1 && characters.Contains('>', StringComparison.Ordinal)
            : characters.Contains(text[0], StringComparison.Ordinal);
    }

    private void Finish()
    {
        var problem = state switch
        {
            State.Text => null,
            State.DoubleQuotedValue or State.SingleQuotedValue =>
                $"an unterminated quote in the value of attribute '{attributeName}' of <{tagName}>",
            State.Comment => "an unterminated HTML comment",
            State.RawText or State.EscapableRawText => $"a missing </{rawTextEnd}>",
            State.EndTag or State.Declaration => "the template ends inside a tag",
            _ => $"the template ends inside the tag <{tagName}>",
        };
        if (problem is not null)
        {
            throw Error(problem);
        }
    }

    private TemplateException Error(string problem) => Here().Error(problem);

    private HoleLocation Here() => new(source, line, string.Concat(gaps.Select(g => g ?? "")));
}
