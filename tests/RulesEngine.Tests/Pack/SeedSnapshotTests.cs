using RulesEngine.Output;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

/// <summary>The full output of every seed, locked: any rule change shows up as a field-by-field diff.</summary>
public class SeedSnapshotTests
{
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void Output_OfEachSeed_MatchesItsApprovedSnapshot(string seed)
    {
        var result = Support.Pack.Run(seed, Seeds.Text(seed));
        Snapshot.Verify(seed, JsonOutput.Serialize(result), "snapshots");
    }
}
