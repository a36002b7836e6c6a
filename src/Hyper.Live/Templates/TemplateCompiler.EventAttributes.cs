namespace Hyper.Live.Templates;

/// <summary>
/// The <c>@event</c> attributes of a start tag: the name is read as a binding, the value (which
/// may hold holes) is collected, then the whole attribute is replaced by its compiled form
/// (Phoenix <c>phx-*</c> bindings or Hyper's <c>data-hyper-*</c>), its holes kept in order with
/// their new contexts.
/// </summary>
internal sealed partial class TemplateCompiler
{
    private void EndAttributeName()
    {
        var name = attributeName.ToString();
        explicitTarget |= name.Equals("phx-target", StringComparison.OrdinalIgnoreCase);
        if (!EventBindings.IsBinding(name))
        {
            return;
        }

        binding = EventBindings.Parse(name, out var error) ?? throw Error(error!);
        bindingStatic = statics.Count;
        bindingSlot = slots.Count;
        bindingLine = line;
        bindingTexts.Clear();
        bindingText.Clear();
    }

    private void RequireBindingValue()
    {
        if (binding is not null)
        {
            throw Error($"{binding.Attribute} needs a handler, as in {binding.Attribute}=\"save\"");
        }
    }

    /// <summary>
    /// Replaces the whole <c>@event="…"</c> attribute just read (possibly split by holes) with
    /// its compiled form, keeping its holes in order with their new contexts.
    /// </summary>
    private void CollectBindingValue(char c)
    {
        if (binding is not null)
        {
            bindingText.Append(c);
        }
    }

    private void EndBindingValue()
    {
        if (binding is null)
        {
            return;
        }

        bindingTexts.Add(bindingText.ToString());
        var call = HandlerCall.Parse(bindingTexts, out var error);
        if (error is not null)
        {
            throw Error($"{binding.Attribute}: {error}");
        }

        var lowered = elementBindings.Lower(binding, call, tagName.ToString(), bindingLine);
        var prefix = statics.Count > bindingStatic ? statics[bindingStatic][..attributeStart] : output.ToString(0, attributeStart);
        statics.RemoveRange(bindingStatic, statics.Count - bindingStatic);
        slots.RemoveRange(bindingSlot, slots.Count - bindingSlot);
        output.Clear().Append(prefix);
        for (var i = 0; i < lowered.Texts.Count; i++)
        {
            output.Append(lowered.Texts[i]);
            if (i < lowered.Holes.Count)
            {
                statics.Add(output.ToString());
                output.Clear();
                slots.Add(new SlotInfo(lowered.Holes[i]));
            }
        }

        binding = null;
        bindingText.Clear();
    }

    /// <summary>A hole inside an <c>@event</c> value; its context is decided when the value ends.</summary>
    private SlotInfo BindingHole()
    {
        switch (state)
        {
            case State.BeforeAttributeValue:
                state = State.UnquotedValue;
                output.Append('"');
                break;
            case State.DoubleQuotedValue:
            case State.SingleQuotedValue:
            case State.UnquotedValue:
                break;
            default:
                RequireBindingValue();
                break;
        }

        valueEmpty = false;
        bindingTexts.Add(bindingText.ToString());
        bindingText.Clear();
        return new SlotInfo(SlotContext.AttributeValue);
    }
}
