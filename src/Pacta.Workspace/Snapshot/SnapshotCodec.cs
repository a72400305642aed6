namespace Pacta.Workspace.Snapshot;

/// <summary>
/// The snapshot body's reader and writer. Their code is generated at compile time from the model types by
/// <c>src/Pacta.Generators/ModelCodecGenerator.cs</c> (one method pair per type reachable from
/// <see cref="SnapshotBody"/>), so no model field is written or read here by hand; the generated file is under
/// <c>obj/</c> when built with <c>-p:EmitCompilerGeneratedFiles=true</c>.
/// </summary>
[ModelCodec(typeof(SnapshotBody))]
internal static partial class SnapshotCodec
{
    /// <summary>Called by every generated read of a record, list or dictionary: a hostile body cannot exhaust the stack.</summary>
    private static void Deep(int depth)
    {
        if (depth > ModelReader.MaxDepth) throw new InvalidDataException("nested too deeply");
    }
}

/// <summary>Asks <c>ModelCodecGenerator</c> for a reader and writer of <paramref name="root"/> and every type it reaches.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ModelCodecAttribute(Type root) : Attribute
{
    public Type Root { get; } = root;
}
