using RulesEngine.Output;

namespace RulesEngine.Tests.Output;

public class ListPathComparerTests
{
    [Fact]
    public void Paths_SortListItemsAsPeopleCountThem()
    {
        string[] paths = ["strengths[10].text", "strengths[2].area", "rating.grade", "strengths[2].text", "strengths[1].text", "aspects[0].area"];
        Assert.Equal(["aspects[0].area", "rating.grade", "strengths[1].text", "strengths[2].area", "strengths[2].text", "strengths[10].text"], paths.Order(ListPathComparer.Instance));
    }
}
