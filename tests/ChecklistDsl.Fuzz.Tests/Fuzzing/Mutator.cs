using System.Globalization;
using System.Text;
using ChecklistDsl.Fuzz.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ChecklistDsl.Fuzz.Tests.Fuzzing;

/// <summary>One source file of a fuzz case.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>A mutated checklist: reproducible from <see cref="Seed"/> alone.</summary>
internal sealed record FuzzCase(int Seed, string Origin, IReadOnlyList<string> Mutations, IReadOnlyList<SourceFile> Files)
{
    /// <summary>The seed, what was done, and every file, for a failure message.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed {Seed} (reproduce: FUZZ_SEED={Seed}); from {Origin}; mutations: {string.Join("; ", Mutations)}\n");
        foreach (var file in Files)
            text.Append(CultureInfo.InvariantCulture, $"----- {file.Path} -----\n{Shorten(file.Text)}\n");
        return text.ToString();
    }

    // A 100,000-character string would drown the report; the seed reproduces it exactly.
    private static string Shorten(string text) =>
        text.Length <= 20_000 ? text : text[..10_000] + $"\n[... {text.Length - 20_000} characters cut; run the seed to see them ...]\n" + text[^10_000..];
}

/// <summary>
/// The mutation library. A seed picks a source from the <see cref="Corpus"/> and one to three
/// mutations; each mutation edits the text of one file (or splits a class over several files). The
/// mutations aim at what a half-typed or hostile checklist looks like: tokens and attributes deleted or
/// duplicated, arguments of the wrong type or count, empty, huge and unusual-Unicode strings, nested
/// and generic classes, partial classes over several files, and plain syntax errors.
/// </summary>
internal static class Mutator
{
    private delegate string? Mutation(Random random, List<SourceFile> files, int index);

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("delete token", DeleteToken),
        ("duplicate token", DuplicateToken),
        ("delete attribute", DeleteAttribute),
        ("duplicate attribute", DuplicateAttribute),
        ("move attribute", MoveAttribute),
        ("rename attribute", RenameAttribute),
        ("attribute target", AttributeTarget),
        ("wrong argument type", WrongArgumentType),
        ("wrong argument count", WrongArgumentCount),
        ("unusual string", UnusualString),
        ("unusual identifier", UnusualIdentifier),
        ("nest class", NestClass),
        ("make generic", MakeGeneric),
        ("change modifiers", ChangeModifiers),
        ("split partial", SplitPartial),
        ("duplicate member", DuplicateMember),
        ("change method shape", ChangeMethodShape),
        ("add member", AddMember),
        ("syntax error", SyntaxError),
        ("truncate", Truncate),
    ];

    public static IReadOnlyList<string> Names => [.. Mutations.Select(m => m.Name)];

    public static FuzzCase Create(int seed)
    {
        var random = new Random(seed);
        var source = Corpus.All[random.Next(Corpus.All.Count)];
        var files = new List<SourceFile> { new("/checklists/Checklist.cs", source.Text) };
        var applied = new List<string>();
        var wanted = 1 + random.Next(3);
        for (var attempt = 0; applied.Count < wanted && attempt < 20; attempt++)
        {
            var (name, apply) = Mutations[random.Next(Mutations.Length)];
            var index = random.Next(files.Count);
            if (apply(random, files, index) is { } what)
                applied.Add($"{name}: {what}");
        }
        return new FuzzCase(seed, source.Origin, applied, files);
    }

    /// <summary>Applies one named mutation (for the mutation library's own tests).</summary>
    internal static string? Apply(string name, Random random, List<SourceFile> files) =>
        Mutations.Single(m => m.Name == name).Apply(random, files, 0);

    // ---- tokens ----

    private static string? DeleteToken(Random random, List<SourceFile> files, int index)
    {
        var token = Pick(random, Root(files[index]).DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)));
        if (token == default)
            return null;
        Replace(files, index, token.Span, "");
        return $"'{token.Text}' at {token.SpanStart}";
    }

    private static string? DuplicateToken(Random random, List<SourceFile> files, int index)
    {
        var token = Pick(random, Root(files[index]).DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)));
        if (token == default)
            return null;
        Replace(files, index, new TextSpan(token.Span.End, 0), " " + token.Text);
        return $"'{token.Text}' at {token.SpanStart}";
    }

    // ---- attributes ----

    private static string? DeleteAttribute(Random random, List<SourceFile> files, int index)
    {
        var attribute = Pick(random, Root(files[index]).DescendantNodes().OfType<AttributeSyntax>());
        if (attribute is null)
            return null;
        var list = (AttributeListSyntax)attribute.Parent!;
        if (list.Attributes.Count == 1)
            Replace(files, index, list.Span, "");
        else
        {
            // The attribute and the comma that separates it from its neighbour.
            var position = list.Attributes.IndexOf(attribute);
            var separator = position < list.Attributes.SeparatorCount ? list.Attributes.GetSeparator(position) : list.Attributes.GetSeparator(position - 1);
            Replace(files, index, TextSpan.FromBounds(Math.Min(attribute.SpanStart, separator.SpanStart), Math.Max(attribute.Span.End, separator.Span.End)), "");
        }
        return attribute.ToString();
    }

    private static string? DuplicateAttribute(Random random, List<SourceFile> files, int index)
    {
        var attribute = Pick(random, Root(files[index]).DescendantNodes().OfType<AttributeSyntax>());
        if (attribute is null)
            return null;
        if (random.Next(2) == 0)
            Replace(files, index, new TextSpan(attribute.Span.End, 0), ", " + attribute);
        else
            Replace(files, index, new TextSpan(attribute.Parent!.SpanStart, 0), "[" + attribute + "] ");
        return attribute.ToString();
    }

    private static string? MoveAttribute(Random random, List<SourceFile> files, int index)
    {
        var root = Root(files[index]);
        var list = Pick(random, root.DescendantNodes().OfType<AttributeListSyntax>());
        var target = Pick(random, root.DescendantNodes().Where(n => n is MemberDeclarationSyntax or ParameterSyntax or AccessorDeclarationSyntax && !n.Span.IntersectsWith(list?.Span ?? default)));
        if (list is null || target is null)
            return null;
        var text = files[index].Text;
        var listText = list.ToString();
        var edited = list.SpanStart < target.SpanStart
            ? text[..list.SpanStart] + text[list.Span.End..target.SpanStart] + listText + " " + text[target.SpanStart..]
            : text[..target.SpanStart] + listText + " " + text[target.SpanStart..list.SpanStart] + text[list.Span.End..];
        files[index] = files[index] with { Text = edited };
        return $"{list} onto {target.Kind()}";
    }

    private static readonly string[] AttributeNames =
    [
        "Checklist", "Step", "Rollback", "Check", "Command", "Approval", "Backup", "Modifies", "Destroys", "Verifies",
        "Section", "RollbackWith", "NoRollback", "AssumeSafe", "Input", "Secret", "ChecklistDsl.Step", "global::ChecklistDsl.StepAttribute",
        "Obsolete", "Unknown", "System.Diagnostics.Conditional",
    ];

    private static string? RenameAttribute(Random random, List<SourceFile> files, int index)
    {
        var attribute = Pick(random, Root(files[index]).DescendantNodes().OfType<AttributeSyntax>());
        if (attribute is null)
            return null;
        var name = AttributeNames[random.Next(AttributeNames.Length)];
        Replace(files, index, attribute.Name.Span, name);
        return $"{attribute.Name} -> {name}";
    }

    private static readonly string[] Targets = ["method", "return", "type", "field", "property", "param", "assembly", "module", "bogus"];

    private static string? AttributeTarget(Random random, List<SourceFile> files, int index)
    {
        var list = Pick(random, Root(files[index]).DescendantNodes().OfType<AttributeListSyntax>());
        if (list is null)
            return null;
        var target = Targets[random.Next(Targets.Length)];
        Replace(files, index, list.Target?.Span ?? new TextSpan(list.OpenBracketToken.Span.End, 0), target + ": ");
        return $"{target}: on {list}";
    }

    private static readonly string[] WrongValues =
    [
        "42", "null", "true", "false", "typeof(int)", "new[] { 1, 2 }", "new string[0]", "new string[] { null }", "new[] { \"a\", null, \"\" }",
        "default", "nameof(Undefined)", "1.5", "'c'", "\"a\" + 1", "Undefined.Name", "$\"x{1}\"", "(string)null", "int.MaxValue",
        "\"\"\"\n    raw\n    \"\"\"", "@\"verbatim\"\"\"", "\"a\" + \"b\"", "nameof(System)", "System.DayOfWeek.Monday", "new object()", "x => x",
    ];

    private static string? WrongArgumentType(Random random, List<SourceFile> files, int index)
    {
        var argument = Pick(random, Root(files[index]).DescendantNodes().OfType<AttributeArgumentSyntax>());
        if (argument is null)
            return null;
        var value = WrongValues[random.Next(WrongValues.Length)];
        Replace(files, index, argument.Expression.Span, value);
        return $"{argument} -> {value}";
    }

    private static readonly string[] ExtraArguments =
    [
        "\"extra\"", "1", "null", "\"a\", \"b\", \"c\"", "Unknown = 1", "Summary = \"s\", Summary = \"t\"", "Optional = true",
        "Verified = \"yes\"", "Timeout = \"01:00:00\"", "Timeout = 5", "Title = \"t\"", "Environment = \"production\"", "OffSite = true",
    ];

    private static string? WrongArgumentCount(Random random, List<SourceFile> files, int index)
    {
        var attribute = Pick(random, Root(files[index]).DescendantNodes().OfType<AttributeSyntax>());
        if (attribute is null)
            return null;
        switch (random.Next(3))
        {
            case 0:
                Replace(files, index, attribute.ArgumentList?.Span ?? new TextSpan(attribute.Span.End, 0), "");
                return $"{attribute}: no argument list";
            case 1:
                Replace(files, index, attribute.ArgumentList?.Span ?? new TextSpan(attribute.Span.End, 0), "()");
                return $"{attribute}: empty arguments";
            default:
                var extra = ExtraArguments[random.Next(ExtraArguments.Length)];
                if (attribute.ArgumentList is { Arguments.Count: > 0 } arguments)
                    Replace(files, index, new TextSpan(random.Next(2) == 0 ? arguments.OpenParenToken.Span.End : arguments.CloseParenToken.SpanStart, 0),
                        arguments.OpenParenToken.Span.End == arguments.CloseParenToken.SpanStart ? extra : (random.Next(2) == 0 ? extra + ", " : ", " + extra));
                else
                    Replace(files, index, attribute.ArgumentList?.Span ?? new TextSpan(attribute.Span.End, 0), "(" + extra + ")");
                return $"{attribute}: + {extra}";
        }
    }

    // ---- strings and names ----

    private static string? UnusualString(Random random, List<SourceFile> files, int index)
    {
        var literal = Pick(random, Root(files[index]).DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)));
        if (literal is null)
            return null;
        var value = UnusualText.Next(random);
        // Mostly a well-formed literal; sometimes the raw characters, as a paste into the editor would put them.
        var text = random.Next(4) == 0 ? "\"" + value + "\"" : CSharpLiteral.Of(value);
        Replace(files, index, literal.Span, text);
        return $"{literal} -> {Summarize(value)}{(text[1..^1] == value ? " (raw)" : "")}";
    }

    private static readonly string[] UnusualNames =
    [
        "Ünïcödé", "a\u0301b\u0308", "\u05D0\u05D1", "@class", "@checked", "_", "__", "\\u0041bc", "Step", "Trigger", "Definition", "Markdown",
        "NotStarted", "Completed", "Aborted", "RolledBack", "CreateStateMachine", "Fire", "Start", "Abort", "Item", "GetHashCode", "ToString",
        "Equals", "value", "global", "var", "async", "await", "nameof", "record", "\U0001D4D0bc", "x\u200Dy",
    ];

    private static string? UnusualIdentifier(Random random, List<SourceFile> files, int index)
    {
        var token = Pick(random, Root(files[index]).DescendantNodes()
            .Select(n => n switch
            {
                MethodDeclarationSyntax m => m.Identifier,
                BaseTypeDeclarationSyntax t => t.Identifier,
                PropertyDeclarationSyntax p => p.Identifier,
                ParameterSyntax p => p.Identifier,
                _ => default,
            })
            .Where(t => t != default));
        if (token == default)
            return null;
        var name = random.Next(5) == 0 ? new string('N', random.Next(500, 5_000)) : UnusualNames[random.Next(UnusualNames.Length)];
        Replace(files, index, token.Span, name);
        return $"{token.Text} -> {Summarize(name)}";
    }

    // ---- classes ----

    private static readonly string[] Wrappers =
    [
        "public partial class Outer", "partial class Outer<T>", "partial struct Outer", "static partial class Outer", "class NotPartial",
        "partial record Outer", "partial record struct Outer", "partial interface IOuter", "public partial class Outer { partial class Middle",
        "partial class Outer<T> where T : class", "file partial class Outer", "namespace Wrapped; partial class Outer",
    ];

    private static string? NestClass(Random random, List<SourceFile> files, int index)
    {
        var type = Pick(random, Root(files[index]).DescendantNodes().OfType<ClassDeclarationSyntax>());
        if (type is null)
            return null;
        var wrapper = Wrappers[random.Next(Wrappers.Length)];
        var closing = new string('}', wrapper.Count(c => c == '{') + 1);
        Replace(files, index, type.FullSpan, "\n" + wrapper + "\n{\n" + type.ToFullString() + "\n" + closing + "\n");
        return $"{type.Identifier} in {wrapper}";
    }

    private static readonly string[] TypeParameters = ["<T>", "<T, U>", "<T> where T : new()", "<>", "<in T>"];

    private static string? MakeGeneric(Random random, List<SourceFile> files, int index)
    {
        var type = Pick(random, Root(files[index]).DescendantNodes().OfType<TypeDeclarationSyntax>());
        if (type is null)
            return null;
        var parameters = TypeParameters[random.Next(TypeParameters.Length)];
        var where = parameters.IndexOf(" where", StringComparison.Ordinal);
        if (where > 0)
        {
            // The constraint goes after the base list, before the body.
            Replace(files, index, new TextSpan(type.OpenBraceToken.SpanStart, 0), parameters[where..] + " ");
            parameters = parameters[..where];
        }
        Replace(files, index, new TextSpan(type.Identifier.Span.End, 0), parameters);
        return $"{type.Identifier}{parameters}";
    }

    private static readonly string[] Modifiers = ["static", "abstract", "sealed", "file", "unsafe", "readonly", "ref", "new", "public", "private"];

    private static string? ChangeModifiers(Random random, List<SourceFile> files, int index)
    {
        var type = Pick(random, Root(files[index]).DescendantNodes().OfType<TypeDeclarationSyntax>());
        if (type is null)
            return null;
        var partial = type.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.PartialKeyword));
        switch (random.Next(3))
        {
            case 0 when partial != default:
                Replace(files, index, partial.Span, "");
                return $"{type.Identifier}: not partial";
            case 1:
                string[] keywords = ["struct", "record", "record struct", "interface", "record class", "enum"];
                var keyword = keywords[random.Next(keywords.Length)];
                Replace(files, index, type.Keyword.Span, keyword);
                return $"{type.Identifier}: {keyword}";
            default:
                var modifier = Modifiers[random.Next(Modifiers.Length)];
                Replace(files, index, new TextSpan(type.Keyword.SpanStart, 0), modifier + " ");
                return $"{type.Identifier}: + {modifier}";
        }
    }

    /// <summary>Moves some of a class's members into a partial declaration of it in a new file.</summary>
    private static string? SplitPartial(Random random, List<SourceFile> files, int index)
    {
        var root = Root(files[index]);
        var type = Pick(random, root.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Members.Count > 0));
        if (type is null)
            return null;
        var from = random.Next(type.Members.Count);
        var to = from + 1 + random.Next(type.Members.Count - from);
        var moved = type.Members.Skip(from).Take(to - from).ToList();
        var span = TextSpan.FromBounds(moved[0].FullSpan.Start, moved[^1].FullSpan.End);

        // The new file repeats the usings, the namespaces and the containing types, all partial.
        var header = new StringBuilder();
        foreach (var directive in ((CompilationUnitSyntax)root).Usings)
            header.Append(directive.ToString()).Append('\n');
        var closers = 0;
        foreach (var ancestor in type.Ancestors().Reverse())
        {
            if (ancestor is BaseNamespaceDeclarationSyntax ns)
                header.Append("namespace ").Append(ns.Name).Append(" {\n");
            else if (ancestor is TypeDeclarationSyntax outer)
                header.Append("partial ").Append(outer.Keyword.Text).Append(' ').Append(outer.Identifier.Text).Append(outer.TypeParameterList).Append(" {\n");
            else
                continue;
            closers++;
        }
        var attributes = random.Next(3) == 0 ? string.Join("\n", type.AttributeLists) + "\n" : "";
        var keyword = type is RecordDeclarationSyntax record ? "record " + (record.ClassOrStructKeyword.Text + " ").TrimStart() : type.Keyword.Text + " ";
        var text = header + attributes + "partial " + keyword + type.Identifier.Text + type.TypeParameterList + "\n{\n"
            + files[index].Text.Substring(span.Start, span.Length) + "\n}\n" + new string('}', closers) + "\n";
        Replace(files, index, span, "");
        files.Add(new SourceFile($"/checklists/Part{files.Count}.cs", text));
        return $"{type.Identifier}: members {from}..{to - 1} to {files[^1].Path}{(attributes.Length > 0 ? " with the class's attributes" : "")}";
    }

    private static string? DuplicateMember(Random random, List<SourceFile> files, int index)
    {
        var member = Pick(random, Root(files[index]).DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseNamespaceDeclarationSyntax));
        if (member is null)
            return null;
        Replace(files, index, new TextSpan(member.FullSpan.End, 0), member.ToFullString());
        return member.Kind().ToString();
    }

    private static readonly string[] MethodShapes =
    [
        "void {0}(StepContext context)", "static void {0}(StepContext context)", "System.Threading.Tasks.Task {0}(StepContext context)",
        "async System.Threading.Tasks.Task {0}(StepContext context)", "System.Threading.Tasks.Task<int> {0}(StepContext context)",
        "void {0}(StepContext context, int extra)", "void {0}(ref StepContext context)", "void {0}<T>(StepContext context)", "int {0}()",
        "void {0}(StepContext? context = null)", "void {0}(params StepContext[] contexts)", "System.Threading.Tasks.ValueTask {0}(StepContext context)",
        "void {0}(ChecklistDsl.StepContext c)", "void {0}(string context)", "static extern void {0}()", "abstract void {0}()", "partial void {0}()",
    ];

    private static string? ChangeMethodShape(Random random, List<SourceFile> files, int index)
    {
        var method = Pick(random, Root(files[index]).DescendantNodes().OfType<MethodDeclarationSyntax>());
        if (method is null)
            return null;
        var shape = string.Format(CultureInfo.InvariantCulture, MethodShapes[random.Next(MethodShapes.Length)], method.Identifier.Text);
        var start = method.Modifiers.Count > 0 ? method.Modifiers[0].SpanStart : method.ReturnType.SpanStart;
        Replace(files, index, TextSpan.FromBounds(start, method.ParameterList.Span.End), shape);
        return shape;
    }

    private static readonly string[] Members =
    [
        "[Secret] public string Token { get; init; } = \"\";", "[Input(\"\")] public static int Count;", "[Input] public string this[int i] => \"\";",
        "[Input(\"x\")] public int Number { get; }", "[Secret] public string WriteOnly { set { } }", "[Step] void Step() { }", "[Step] void NotStarted() { }",
        "[Step, Rollback] void Both() { }", "[Rollback] void Undo() { }", "[Step, RollbackWith(\"Undo\")] void Change() { }",
        "[Step] void Overload() { } [Step] void Overload(int x) { }", "[Step] public event System.Action Happened;", "[Step] ~Finalizer() { }",
        "[Checklist] partial class InnerChecklist { [Step] void S() { } }", "[Step] static void Static() { }", "[Step(\"Same\")] void A1() { } [Step(\"Same\")] void A2() { }",
        "public const string Markdown = \"\";", "[Step] void Local() { [Step] void Inner() { } }", "[Step] abstract void Abstract();",
        "[Step, Section(\"\")] void EmptySection() { }", "[Step, AssumeSafe(\"CHK999\", \"\")] void Unknown() { }",
    ];

    private static string? AddMember(Random random, List<SourceFile> files, int index)
    {
        var type = Pick(random, Root(files[index]).DescendantNodes().OfType<TypeDeclarationSyntax>());
        if (type is null)
            return null;
        var member = Members[random.Next(Members.Length)];
        var at = type.Members.Count == 0 || random.Next(2) == 0 ? type.OpenBraceToken.Span.End : type.Members[random.Next(type.Members.Count)].FullSpan.End;
        Replace(files, index, new TextSpan(at, 0), "\n" + member + "\n");
        return member;
    }

    // ---- plain syntax errors ----

    private static readonly string[] Junk =
    [
        "{", "}", "(", ")", "[", "]", ";", "\"", "'", "/*", "*/", "\n#if X\n", "\n#endif\n", "@\"", "\"\"\"", "\n<<<<<<< HEAD\n", "=>", ",",
        "\0", "\uFEFF", "$\"{", "\n#region\n", "[Step(", "\n#error x\n", "\n#nullable bogus\n", "\\u", "\uD800", "\u2028", "class", "partial",
    ];

    private static string? SyntaxError(Random random, List<SourceFile> files, int index)
    {
        var at = random.Next(files[index].Text.Length + 1);
        var junk = Junk[random.Next(Junk.Length)];
        Replace(files, index, new TextSpan(at, 0), junk);
        return $"{Summarize(junk)} at {at}";
    }

    private static string? Truncate(Random random, List<SourceFile> files, int index)
    {
        var at = random.Next(files[index].Text.Length + 1);
        Replace(files, index, TextSpan.FromBounds(at, files[index].Text.Length), "");
        return $"at {at}";
    }

    // ---- helpers ----

    private static SyntaxNode Root(SourceFile file) => CSharpSyntaxTree.ParseText(file.Text, Compilations.ParseOptions).GetRoot();

    private static void Replace(List<SourceFile> files, int index, TextSpan span, string replacement)
    {
        var text = files[index].Text;
        files[index] = files[index] with { Text = text[..span.Start] + replacement + text[span.End..] };
    }

    private static T? Pick<T>(Random random, IEnumerable<T> items)
    {
        var list = items as IReadOnlyList<T> ?? items.ToList();
        return list.Count == 0 ? default : list[random.Next(list.Count)];
    }

    /// <summary>A short, printable account of a string for the mutation list.</summary>
    private static string Summarize(string value)
    {
        var shown = value.Length > 40 ? value[..40] + $"...({value.Length} chars)" : value;
        return "\"" + string.Concat(shown.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";
    }
}
