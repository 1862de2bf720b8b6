using ChecklistDsl.Engine;

namespace ChecklistDsl.Tests.Engine;

[TestClass]
public sealed class AsyncTests
{
    [TestMethod]
    public async Task FireAsync_AwaitsOnEntryAsyncBeforeCompleting()
    {
        var events = new List<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B)
            .OnEntryAsync(async () =>
            {
                events.Add("async entry started");
                await gate.Task;
                events.Add("async entry finished");
            })
            .OnEntry(() => events.Add("sync entry"));
        machine.OnTransitionCompleted(_ => events.Add("completed"));

        var firing = machine.FireAsync(Trigger.X);
        Assert.IsFalse(firing.IsCompleted);
        CollectionAssert.AreEqual(new[] { "async entry started" }, events);

        gate.SetResult();
        await firing;

        CollectionAssert.AreEqual(new[] { "async entry started", "async entry finished", "sync entry", "completed" }, events);
        Assert.AreEqual(State.B, machine.State);
    }

    [TestMethod]
    public void Fire_IntoAStateWithOnEntryAsync_ThrowsAsStateless()
    {
        var ran = false;
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B).OnEntryAsync(() => { ran = true; return Task.CompletedTask; });

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(Trigger.X));

        Assert.AreEqual("Cannot execute asynchronous action specified in OnEntry event for 'B' state. Use asynchronous version of Fire [FireAsync]", error.Message);
        Assert.IsFalse(ran);
    }

    [TestMethod]
    public async Task FireAsync_UnhandledTrigger_FaultsWithTheSameMessage()
    {
        var machine = new StateMachine<State, Trigger>(State.A);

        var error = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.X));

        Assert.AreEqual("No valid leaving transitions are permitted from state 'A' for trigger 'X'. Consider ignoring the trigger.", error.Message);
    }

    [TestMethod]
    public async Task FireAsync_Queued_RunsAFireFromAnAsyncActionAfterTheTransition()
    {
        var events = new List<string>();
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B).Permit(Trigger.Y, State.C).OnEntryAsync(async () =>
        {
            await Task.Yield();
            await machine.FireAsync(Trigger.Y);
            events.Add($"after FireAsync, state {machine.State}");
        });
        machine.Configure(State.C).OnEntryAsync(async () =>
        {
            await Task.Yield();
            events.Add("entry C");
        });
        machine.OnTransitionCompleted(t => events.Add($"completed {t.Source}->{t.Destination}"));

        await machine.FireAsync(Trigger.X);

        CollectionAssert.AreEqual(new[] { "after FireAsync, state B", "completed A->B", "entry C", "completed B->C" }, events);
        Assert.AreEqual(State.C, machine.State);
    }
}
