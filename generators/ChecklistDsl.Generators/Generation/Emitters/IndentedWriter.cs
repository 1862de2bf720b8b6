using System.Text;

namespace ChecklistDsl.Generators.Generation.Emitters;

/// <summary>Writes generated C# with indentation; lines end in "\n" whatever the platform.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text;
    private int _depth;

    public IndentedWriter()
        : this(new StringBuilder())
    {
    }

    /// <summary>Writes into <paramref name="text"/> (after what it holds).</summary>
    public IndentedWriter(StringBuilder text) => _text = text;

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0)
            _text.Append(' ', _depth * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// A line with a string literal in it, written straight from the builder that holds the text (see
    /// <see cref="ChecklistDsl.Generators.Generation.Emitters.CSharpText.AppendLiteral(StringBuilder, StringBuilder)"/>).
    /// </summary>
    public IndentedWriter LineWithLiteral(string prefix, StringBuilder literal, string suffix)
    {
        _text.Append(' ', _depth * 4).Append(prefix);
        Generation.Emitters.CSharpText.AppendLiteral(_text, literal);
        _text.Append(suffix).Append('\n');
        return this;
    }

    public IndentedWriter Open(string line)
    {
        Line(line);
        Line("{");
        _depth++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
