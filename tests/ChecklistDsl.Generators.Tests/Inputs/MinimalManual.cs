using ChecklistDsl;

// No namespace, no title: names are humanized.
[Checklist]
public partial class QuarterlyAccessReview
{
    [Step]
    [Check("Every admin account has an owner")]
    void ListAdminAccounts() { }

    [Step(Optional = true, Timeout = "1.02:30:00")]
    void RemoveStaleAccounts() { }
}

public partial class Outer
{
    [Checklist("Nested checklist")]
    internal partial class Inner
    {
        [Step("Only step")]
        static void @checked(StepContext context) => context.Log("done");
    }
}
