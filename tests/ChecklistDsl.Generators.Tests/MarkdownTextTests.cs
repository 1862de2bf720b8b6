using ChecklistDsl.Generators.Generation.Emitters;

namespace ChecklistDsl.Generators.Tests;

/// <summary>
/// <see cref="MarkdownText.Inline"/> returns text with nothing to escape as it is, without the
/// character-by-character rewrite: it must give exactly what that rewrite gives, for every character.
/// </summary>
[TestClass]
public sealed class MarkdownTextTests
{
    [TestMethod]
    public void Every_character_is_escaped_the_same_with_and_without_the_shortcut()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            foreach (var text in new[] { c.ToString(), "a" + c + "b", "x " + c, c + "1. y" })
                Assert.AreEqual(MarkdownText.Escaped(text), MarkdownText.Inline(text), $"U+{code:X4} in \"{text}\"");
        }
    }

    [TestMethod]
    [DataRow("Back up the orders database (stage 1)")]
    [DataRow("")]
    [DataRow("1. not a list")]
    [DataRow("iv) not a list either")]
    [DataRow("3.5 is a number")]
    [DataRow("- not an item")]
    [DataRow(": not a definition")]
    [DataRow(" padded ")]
    [DataRow("\u00A0non-breaking spaces at both ends\u00A0")]
    [DataRow("tab\tinside")]
    [DataRow("a pair \U0001F600 of surrogates")]
    [DataRow("a == b ++ c")]
    public void Inline_gives_what_the_full_escape_gives(string text) =>
        Assert.AreEqual(MarkdownText.Escaped(text), MarkdownText.Inline(text));

    [TestMethod]
    public void Random_texts_are_escaped_the_same_with_and_without_the_shortcut()
    {
        var random = new Random(20261121);
        const string alphabet = "abcXYZ019 .():-+=*_[]{}<>|&~#!$^\\`\r\n\t\u00A0\u2028\uD83D\uDE00\uD800";
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 10)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            Assert.AreEqual(MarkdownText.Escaped(text), MarkdownText.Inline(text), $"\"{text}\"");
        }
    }

    [TestMethod]
    public void Plain_text_takes_the_shortcut_and_syntax_does_not()
    {
        Assert.IsTrue(MarkdownText.NeedsNoEscape("Back up the orders database (stage 1)"));
        Assert.IsTrue(MarkdownText.NeedsNoEscape("1. a list marker is escaped after the shortcut"));
        Assert.IsFalse(MarkdownText.NeedsNoEscape("Use **care**"));
        Assert.IsFalse(MarkdownText.NeedsNoEscape("a + b"));
        Assert.IsFalse(MarkdownText.NeedsNoEscape(" padded"));
        Assert.IsFalse(MarkdownText.NeedsNoEscape("lone \uD800 surrogate"));
    }
}
