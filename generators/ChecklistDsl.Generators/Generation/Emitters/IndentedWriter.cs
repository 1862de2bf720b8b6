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

    /// <summary>The indentation of the current line, in spaces.</summary>
    public int Indentation => _depth * 4;

    /// <summary>Starts a line with <paramref name="prefix"/>, for the caller to finish in the builder (ending it with "\n").</summary>
    public StringBuilder Begin(string prefix) => _text.Append(' ', _depth * 4).Append(prefix);

    public IndentedWriter Open(string line)
    {
        Line(line);
        Line("{");
        _depth++;
        return this;
    }

    /// <summary>Indents the lines that follow one level, without a brace (a continued line's arguments).</summary>
    public IndentedWriter Indent()
    {
        _depth++;
        return this;
    }

    public IndentedWriter Unindent()
    {
        _depth--;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
