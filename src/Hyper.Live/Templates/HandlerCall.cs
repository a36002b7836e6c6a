using System.Globalization;
using System.Net;
using System.Text;

namespace Hyper.Live.Templates;

/// <summary>
/// The value of an <c>@event</c> attribute: a handler by name, optionally with arguments
/// (<c>save(name, email)</c>, <c>delete({{todo.Id}})</c>, <c>search(value, 'products', 10)</c>),
/// or a single hole holding a delegate (<c>{{Increment}}</c>, <c>{{() => Delete(todo.Id)}}</c>).
/// </summary>
internal sealed class HandlerCall
{
    private HandlerCall(string? name, IReadOnlyList<HandlerArgument>? arguments)
    {
        Name = name;
        Arguments = arguments;
    }

    /// <summary>The handler's name; null when the value is a delegate hole.</summary>
    public string? Name { get; }

    /// <summary>The arguments, or null when the handler is named without parentheses.</summary>
    public IReadOnlyList<HandlerArgument>? Arguments { get; }

    /// <summary>Whether the value is one hole, which must hold a delegate.</summary>
    public bool IsDelegate => Name is null;

    /// <summary>
    /// Parses the value's literal parts; a hole sits between <c>texts[i]</c> and <c>texts[i + 1]</c>.
    /// Holes are numbered from 0 within the value.
    /// </summary>
    public static HandlerCall Parse(IReadOnlyList<string> texts, out string? error)
    {
        var reader = new Reader(texts);
        var call = reader.Read();
        error = reader.Error;
        return call;
    }

    /// <summary>A tiny recursive-descent reader over literal text with hole markers between parts.</summary>
    private sealed class Reader(IReadOnlyList<string> texts)
    {
        private int part;
        private int position;

        public string? Error { get; private set; }

        private string Source => string.Join("{{…}}", texts).Trim();

        public HandlerCall Read()
        {
            SkipWhitespace();
            if (AtHole())
            {
                NextPart();
                SkipWhitespace();
                return AtEnd() ? new HandlerCall(null, null) : Fail("a delegate hole must be the whole value, as in @click=\"{{Save}}\"");
            }

            var name = ReadIdentifier();
            if (name is null)
            {
                return Fail(AtEnd() ? "the binding names no handler" : "a handler name must start with a letter");
            }

            SkipWhitespace();
            if (AtEnd())
            {
                return new HandlerCall(name, null);
            }

            if (!TryRead('('))
            {
                return Fail($"expected '(' or the end after '{name}'");
            }

            var arguments = new List<HandlerArgument>();
            SkipWhitespace();
            if (!TryRead(')'))
            {
                while (true)
                {
                    SkipWhitespace();
                    var argument = ReadArgument(arguments.Count);
                    if (argument is null)
                    {
                        return Fail(Error ?? "expected an argument");
                    }

                    arguments.Add(argument);
                    SkipWhitespace();
                    if (TryRead(')'))
                    {
                        break;
                    }

                    if (!TryRead(','))
                    {
                        return Fail("expected ',' or ')' after an argument");
                    }
                }
            }

            SkipWhitespace();
            return AtEnd() ? new HandlerCall(name, arguments) : Fail("unexpected text after ')'");
        }

        private HandlerArgument? ReadArgument(int index)
        {
            if (AtHole())
            {
                NextPart();
                return new HandlerArgument.Hole();
            }

            var c = Peek();
            if (c is '\'' or '"')
            {
                return ReadString(c);
            }

            if (c is '-' or '+' or '.' || char.IsAsciiDigit(c))
            {
                return ReadNumber();
            }

            var identifier = ReadIdentifier();
            return identifier switch
            {
                null => Fail<HandlerArgument>($"argument {index + 1} is not a field name, a quoted string, a number, true, false, null or a hole"),
                "true" or "false" or "null" => new HandlerArgument.Literal(identifier),
                _ => new HandlerArgument.Field(identifier),
            };
        }

        private HandlerArgument? ReadString(char quote)
        {
            position++;
            var text = new StringBuilder();
            while (true)
            {
                if (position == texts[part].Length)
                {
                    return Fail<HandlerArgument>(part + 1 < texts.Count
                        ? "a hole inside a quoted argument: pass the value as its own argument, as in f({{value}})"
                        : "an unterminated quoted argument");
                }

                var c = texts[part][position++];
                if (c == quote)
                {
                    break;
                }

                if (c == '\\' && position < texts[part].Length)
                {
                    c = texts[part][position++];
                }

                text.Append(c);
            }

            // The value sits in an HTML attribute: character references mean what they would in the page.
            return new HandlerArgument.Literal(System.Text.Json.JsonSerializer.Serialize(WebUtility.HtmlDecode(text.ToString()), HoleWriter.SafeJson));
        }

        private HandlerArgument? ReadNumber()
        {
            var start = position;
            var text = texts[part];
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '.' or '-' or '+'))
            {
                position++;
            }

            var number = text[start..position];
            if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return Fail<HandlerArgument>($"'{number}' is not a number");
            }

            // Re-formatted so that "+1" or ".5" still reach the client as valid JSON numbers.
            return new HandlerArgument.Literal(value.ToString(CultureInfo.InvariantCulture));
        }

        private string? ReadIdentifier()
        {
            var text = texts[part];
            if (position == text.Length || !(char.IsLetter(text[position]) || text[position] == '_'))
            {
                return null;
            }

            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '-'))
            {
                position++;
            }

            return text[start..position];
        }

        private bool AtEnd() => part == texts.Count - 1 && position == texts[part].Length;

        private bool AtHole() => part < texts.Count - 1 && position == texts[part].Length;

        private char Peek() => position < texts[part].Length ? texts[part][position] : '\0';

        private void NextPart()
        {
            part++;
            position = 0;
        }

        private bool TryRead(char c)
        {
            if (Peek() != c)
            {
                return false;
            }

            position++;
            return true;
        }

        private void SkipWhitespace()
        {
            while (position < texts[part].Length && char.IsWhiteSpace(texts[part][position]))
            {
                position++;
            }
        }

        private HandlerCall Fail(string problem)
        {
            Error ??= $"cannot read the handler \"{Source}\": {problem}";
            return new HandlerCall(null, null);
        }

        private T? Fail<T>(string problem)
            where T : class
        {
            Error ??= $"cannot read the handler \"{Source}\": {problem}";
            return null;
        }
    }
}
