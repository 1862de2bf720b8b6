using ChecklistDsl;

namespace SampleChecklists;

/// <summary>Fifty quick steps (one `true` command each), for the run store benchmark (scripts/measure-run-store.sh).</summary>
[Checklist("Fifty steps", Summary = "Fifty steps that each run `true`.")]
public partial class FiftySteps
{
    [Step("Step 01")] [Command("true")] void Step01() { }
    [Step("Step 02")] [Command("true")] void Step02() { }
    [Step("Step 03")] [Command("true")] void Step03() { }
    [Step("Step 04")] [Command("true")] void Step04() { }
    [Step("Step 05")] [Command("true")] void Step05() { }
    [Step("Step 06")] [Command("true")] void Step06() { }
    [Step("Step 07")] [Command("true")] void Step07() { }
    [Step("Step 08")] [Command("true")] void Step08() { }
    [Step("Step 09")] [Command("true")] void Step09() { }
    [Step("Step 10")] [Command("true")] void Step10() { }
    [Step("Step 11")] [Command("true")] void Step11() { }
    [Step("Step 12")] [Command("true")] void Step12() { }
    [Step("Step 13")] [Command("true")] void Step13() { }
    [Step("Step 14")] [Command("true")] void Step14() { }
    [Step("Step 15")] [Command("true")] void Step15() { }
    [Step("Step 16")] [Command("true")] void Step16() { }
    [Step("Step 17")] [Command("true")] void Step17() { }
    [Step("Step 18")] [Command("true")] void Step18() { }
    [Step("Step 19")] [Command("true")] void Step19() { }
    [Step("Step 20")] [Command("true")] void Step20() { }
    [Step("Step 21")] [Command("true")] void Step21() { }
    [Step("Step 22")] [Command("true")] void Step22() { }
    [Step("Step 23")] [Command("true")] void Step23() { }
    [Step("Step 24")] [Command("true")] void Step24() { }
    [Step("Step 25")] [Command("true")] void Step25() { }
    [Step("Step 26")] [Command("true")] void Step26() { }
    [Step("Step 27")] [Command("true")] void Step27() { }
    [Step("Step 28")] [Command("true")] void Step28() { }
    [Step("Step 29")] [Command("true")] void Step29() { }
    [Step("Step 30")] [Command("true")] void Step30() { }
    [Step("Step 31")] [Command("true")] void Step31() { }
    [Step("Step 32")] [Command("true")] void Step32() { }
    [Step("Step 33")] [Command("true")] void Step33() { }
    [Step("Step 34")] [Command("true")] void Step34() { }
    [Step("Step 35")] [Command("true")] void Step35() { }
    [Step("Step 36")] [Command("true")] void Step36() { }
    [Step("Step 37")] [Command("true")] void Step37() { }
    [Step("Step 38")] [Command("true")] void Step38() { }
    [Step("Step 39")] [Command("true")] void Step39() { }
    [Step("Step 40")] [Command("true")] void Step40() { }
    [Step("Step 41")] [Command("true")] void Step41() { }
    [Step("Step 42")] [Command("true")] void Step42() { }
    [Step("Step 43")] [Command("true")] void Step43() { }
    [Step("Step 44")] [Command("true")] void Step44() { }
    [Step("Step 45")] [Command("true")] void Step45() { }
    [Step("Step 46")] [Command("true")] void Step46() { }
    [Step("Step 47")] [Command("true")] void Step47() { }
    [Step("Step 48")] [Command("true")] void Step48() { }
    [Step("Step 49")] [Command("true")] void Step49() { }
    [Step("Step 50")] [Command("true")] void Step50() { }
}
