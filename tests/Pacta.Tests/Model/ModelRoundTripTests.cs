using Pacta.Workspace.Snapshot;

namespace Pacta.Tests.Model;

/// <summary>
/// The snapshot carries every field of every model type, on values made from the types' shapes (not only the
/// fields the bundled corpus happens to use): a field the serializer skipped would come back as its default.
/// </summary>
public sealed class ModelRoundTripTests
{
    private static readonly byte[] Key = [7, 7, 7];

    [Fact]
    public void Generated_values_fill_every_field_of_every_model_type()
    {
        var body = new ModelValues().Make<SnapshotBody>();
        Assert.Empty(ModelValues.Defaults(body));
        // The maker reaches the nested types: a provision's trigger, an obligation's amounts, an ATOP member's exit.
        Assert.NotNull(body.Agreements[0].Provisions[1].Trigger!.Attacker.Role);
        Assert.NotNull(body.Agreements[0].Provisions[0].Obligations[0].Amounts[1].PercentOfGdp);
        Assert.NotNull(body.Atop.Alliances[0].Members[0].Exit);
    }

    [Fact]
    public void Snapshot_round_trip_keeps_every_field_of_generated_values()
    {
        var body = new ModelValues().Make<SnapshotBody>();
        var bytes = SnapshotWriter.Write(body, Key);
        Assert.NotNull(bytes);
        var copy = SnapshotReader.TryReadBody(bytes, Key);
        Assert.NotNull(copy);
        Assert.Null(ModelValues.Difference(body, copy));
    }

    [Fact]
    public void The_deep_comparison_sees_a_single_changed_field()
    {
        // The comparison the round trip relies on is not vacuous: one nested field changed is found, by path.
        var body = new ModelValues().Make<SnapshotBody>();
        var provisions = body.Agreements[1].Provisions.ToArray();
        provisions[0] = provisions[0] with { Span = null };
        var changed = body with { Agreements = [body.Agreements[0], body.Agreements[1] with { Provisions = provisions }] };
        Assert.Equal(".Agreements[1].Provisions[0].Span: " + body.Agreements[1].Provisions[0].Span + " vs null", ModelValues.Difference(body, changed));
    }
}
