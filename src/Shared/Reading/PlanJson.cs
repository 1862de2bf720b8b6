// Shared source (src/Shared/Reading): compiled into the runtime (DefinitionData) and the runbook
// reader (src/ChecklistDsl.Runbooks), which both read the plan the generator writes. Not into the
// generator, which writes it (and targets netstandard2.0).
using System.Globalization;

namespace ChecklistDsl.Shared;

/// <summary>
/// The JSON the generator writes, read over the string itself: objects, arrays, strings, integers,
/// booleans and null. Not System.Text.Json, which reads UTF-8 and refuses lone surrogates; an
/// author's text is carried exactly, whatever UTF-16 it holds.
/// </summary>
internal ref struct PlanJson(string text)
{
    private int _position;

    public Dictionary<string, object?> ReadDocument()
    {
        var root = ReadValue() as Dictionary<string, object?> ?? throw Error("the plan is not an object");
        SkipWhiteSpace();
        return _position == text.Length ? root : throw Error("text after the plan");
    }

    private object? ReadValue()
    {
        SkipWhiteSpace();
        if (_position >= text.Length)
            throw Error("unexpected end");
        var c = text[_position];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                return ReadString();
            case 't':
                return Word("true", true);
            case 'f':
                return Word("false", false);
            case 'n':
                return Word("null", null);
            default:
                if (c == '-' || char.IsAsciiDigit(c))
                    return ReadInteger();
                throw Error($"unexpected '{c}'");
        }
    }

    private Dictionary<string, object?> ReadObject()
    {
        _position++;
        var members = new Dictionary<string, object?>(StringComparer.Ordinal);
        SkipWhiteSpace();
        if (Peek() == '}')
        {
            _position++;
            return members;
        }
        while (true)
        {
            SkipWhiteSpace();
            if (Peek() != '"')
                throw Error("expected a member name");
            var name = ReadString();
            SkipWhiteSpace();
            Expect(':');
            members[name] = ReadValue();
            SkipWhiteSpace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }
            Expect('}');
            return members;
        }
    }

    private List<object?> ReadArray()
    {
        _position++;
        var items = new List<object?>();
        SkipWhiteSpace();
        if (Peek() == ']')
        {
            _position++;
            return items;
        }
        while (true)
        {
            items.Add(ReadValue());
            SkipWhiteSpace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }
            Expect(']');
            return items;
        }
    }

    private string ReadString()
    {
        _position++;
        // Most strings hold no escape: one substring, no builder.
        var end = text.AsSpan(_position).IndexOfAny('"', '\\');
        if (end >= 0 && text[_position + end] == '"')
        {
            var plain = text.Substring(_position, end);
            _position += end + 1;
            return plain;
        }
        var value = new System.Text.StringBuilder();
        while (true)
        {
            if (_position >= text.Length)
                throw Error("unterminated string");
            var c = text[_position++];
            if (c == '"')
                return value.ToString();
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (_position >= text.Length)
                throw Error("unterminated escape");
            var escape = text[_position++];
            switch (escape)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u':
                    if (_position + 4 > text.Length || !ushort.TryParse(text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        throw Error("bad \\u escape");
                    value.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"bad escape '\\{escape}'");
            }
        }
    }

    private long ReadInteger()
    {
        var start = _position;
        if (text[_position] == '-')
            _position++;
        while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            _position++;
        return long.TryParse(text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error("bad number");
    }

    private object? Word(string word, object? value)
    {
        if (string.CompareOrdinal(text, _position, word, 0, word.Length) != 0)
            throw Error($"expected '{word}'");
        _position += word.Length;
        return value;
    }

    private void SkipWhiteSpace()
    {
        while (_position < text.Length && text[_position] is ' ' or '\t' or '\n' or '\r')
            _position++;
    }

    private readonly char Peek() => _position < text.Length ? text[_position] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
            throw Error($"expected '{c}'");
        _position++;
    }

    private readonly FormatException Error(string message) => new($"{message} at offset {_position}");
}
