namespace RulesEngine.Matching;

/// <summary>Where a pattern got furthest before failing, and which instructions failed there (for `explain`).</summary>
internal sealed class MatchProbe
{
    public int FurthestPosition { get; private set; } = -1;
    public HashSet<int> FailedInstructions { get; } = [];

    public void Fail(int position, int pc)
    {
        if (position > FurthestPosition)
        {
            FurthestPosition = position;
            FailedInstructions.Clear();
        }
        if (position == FurthestPosition) FailedInstructions.Add(pc);
    }
}

