using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ChecklistDsl;

/// <summary>
/// What the runner calls on a <c>[Checklist]</c> class: its automated step and rollback methods, and
/// its parameterless constructor with the inputs set. The generator has already chosen them (the plan
/// marks them); this finds them by name among the class's own members.
/// </summary>
/// <remarks>
/// Found at run time rather than generated: a generated <c>switch</c> over the automated methods and an
/// object initializer over the inputs, per checklist, cost the compiler about 1.7 s of the 4 to 4.5 s
/// that compiling the generated code took with a thousand checklists in one project, for calls made
/// once per step run.
/// </remarks>
internal static class ChecklistClass
{
    /// <summary>Everything the generated code could call: any accessibility, declared by the class itself.</summary>
    internal const DynamicallyAccessedMemberTypes Members =
        DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields
        | DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods
        | DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.NonPublicProperties
        | DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors;

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    // The member's own exceptions reach the runner as thrown, not as TargetInvocationException.
    private const BindingFlags Unwrapped = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DoNotWrapExceptions;

    /// <summary>
    /// Calls <c>void M(StepContext)</c> or <c>Task M(StepContext)</c>, static or on the instance it is given,
    /// as the generator found it.
    /// </summary>
    public static Func<object, StepContext, Task> Automation([DynamicallyAccessedMembers(Members)] Type type, string method)
    {
        var found = type.GetMethod(method, Declared | BindingFlags.Static | BindingFlags.Instance, null, [typeof(StepContext)], null);
        if (found is null || found.IsGenericMethodDefinition || (found.ReturnType != typeof(void) && found.ReturnType != typeof(Task)))
            throw new InvalidOperationException($"{type.FullName} has no automated method {method}(StepContext) returning void or Task, which its generated plan names: rebuild the project.");
        return (instance, context) =>
        {
            object? target = null;
            if (!found.IsStatic)
            {
                ArgumentNullException.ThrowIfNull(instance);
                target = type.IsInstanceOfType(instance)
                    ? instance
                    : throw new ArgumentException($"The automation of {method} runs on a {type.FullName}, not a {instance.GetType().FullName}.", nameof(instance));
            }
            if (found.ReturnType == typeof(void))
            {
                found.CreateDelegate<Action<StepContext>>(target)(context);
                return Task.CompletedTask;
            }
            return found.CreateDelegate<Func<StepContext, Task>>(target)(context);
        };
    }

    /// <summary>
    /// Creates the class with its parameterless constructor (any accessibility) and sets each given
    /// input among <paramref name="settableInputs"/> (string or bool properties with a getter and a
    /// setter; a bool from true/false or yes/no); an input not given keeps the default the class declares.
    /// </summary>
    public static Func<IReadOnlyDictionary<string, string>, object> Creator([DynamicallyAccessedMembers(Members)] Type type, IReadOnlyList<string> settableInputs)
    {
        var properties = new PropertyInfo[settableInputs.Count];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = type.GetProperty(settableInputs[i], Declared | BindingFlags.Instance);
            properties[i] = property is { CanRead: true, CanWrite: true } && (property.PropertyType == typeof(string) || property.PropertyType == typeof(bool))
                ? property
                : throw new InvalidOperationException($"{type.FullName} has no settable string or bool property {settableInputs[i]}, which its generated plan names as an input: rebuild the project.");
        }
        return inputs =>
        {
            ArgumentNullException.ThrowIfNull(inputs);
            var instance = Activator.CreateInstance(type, Unwrapped, null, null, null)!;
            foreach (var property in properties)
            {
                if (!inputs.TryGetValue(property.Name, out var value))
                    continue;
                if (property.PropertyType == typeof(string))
                    property.SetValue(instance, value, Unwrapped, null, null, null);
                else if (InputValues.TryParseBool(value, out var on))
                    property.SetValue(instance, on, Unwrapped, null, null, null);
                else
                    throw new ArgumentException($"Input {property.Name} is true or false (or yes or no), not '{value}'.", nameof(inputs));
            }
            return instance;
        };
    }
}
