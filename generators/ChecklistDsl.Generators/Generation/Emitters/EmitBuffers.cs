using System;
using System.Text;

namespace ChecklistDsl.Generators.Generation.Emitters;

/// <summary>
/// The builders one checklist's file is written with, kept per thread from one checklist to the next.
/// </summary>
/// <remarks>
/// Why: the file, its runbook and its plan are tens of kilobytes each. New builders grew to that size
/// a chunk at a time for every checklist, and at 1,000 checklists those chunks were nearly a third of
/// what a full generator run allocated (in a fresh compiler process each allocation is fresh memory
/// to fault in and collect). A cleared builder keeps one chunk as large as what it last held.
/// Per thread, because the IDE may run generators for several projects at once.
/// </remarks>
internal sealed class EmitBuffers
{
    /// <summary>Builders larger than this (in characters) are not kept: one freak checklist should not pin its memory.</summary>
    private const int MaxKeptCapacity = 1 << 20;

    [ThreadStatic]
    private static EmitBuffers? t_kept;

    private EmitBuffers()
    {
    }

    /// <summary>The generated file.</summary>
    public StringBuilder File { get; } = new(32 * 1024);

    /// <summary>The runbook, before it is escaped into the file.</summary>
    public StringBuilder Runbook { get; } = new(16 * 1024);

    /// <summary>The plan's JSON, before it is escaped into the file.</summary>
    public StringBuilder Plan { get; } = new(8 * 1024);

    /// <summary>The machine's table, before it is written into the file.</summary>
    public StringBuilder Table { get; } = new(4 * 1024);

    /// <summary>Empty builders: the ones this thread used last, or new ones. Give them back with <see cref="Return"/>.</summary>
    public static EmitBuffers Rent()
    {
        var buffers = t_kept;
        t_kept = null;
        if (buffers is null)
            return new EmitBuffers();
        buffers.File.Clear();
        buffers.Runbook.Clear();
        buffers.Plan.Clear();
        buffers.Table.Clear();
        return buffers;
    }

    /// <summary>Keeps the builders for this thread's next checklist (they are cleared when rented).</summary>
    public static void Return(EmitBuffers buffers)
    {
        if (buffers.File.Capacity <= MaxKeptCapacity && buffers.Runbook.Capacity <= MaxKeptCapacity && buffers.Plan.Capacity <= MaxKeptCapacity && buffers.Table.Capacity <= MaxKeptCapacity)
            t_kept = buffers;
    }
}
