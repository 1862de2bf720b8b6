using ChecklistDsl.Cli.Running;

namespace ChecklistDsl.Cli.Tests.Running;

[TestClass]
public sealed class DurationsTests
{
    [TestMethod]
    [DataRow(50, "50 ms")]
    [DataRow(2_500, "2.5 s")]
    [DataRow(42_000, "42 s")]
    [DataRow(180_000, "3 min")]
    [DataRow(245_000, "4 min 5 s")]
    [DataRow(3_720_000, "1 h 2 min")]
    [DataRow(-5, "0 ms")]
    public void A_duration_reads_in_the_unit_that_suits_it(int milliseconds, string text) =>
        Assert.AreEqual(text, Durations.Text(TimeSpan.FromMilliseconds(milliseconds)));
}
