using RulesEngine.Output;

namespace RulesEngine.Tests.Output;

public sealed class ValueEqualityTests
{
    private static ObjectValue Object(params (string Name, Value Value)[] fields) =>
        new(fields.ToSortedMap(f => f.Name, f => f.Value));

    private static ListValue List(params Value[] items) => new([.. items]);

    // Pairs that differ in one way each: scale of a number, key order given, nesting, item order, type.
    private static readonly Value[] Samples =
    [
        new NumberValue(1m),
        new NumberValue(1.0m),
        new NumberValue(0.5m),
        new NumberValue(0.50m),
        new TextValue("1"),
        new TextValue("Good"),
        new BoolValue(true),
        new DateValue(new DateOnly(2009, 12, 9)),
        Object(("grade", new NumberValue(3m)), ("label", new TextValue("Performs well"))),
        Object(("label", new TextValue("Performs well")), ("grade", new NumberValue(3.00m))),
        Object(("grade", new NumberValue(3m))),
        Object(("grade", new TextValue("3")), ("label", new TextValue("Performs well"))),
        Object(("inner", Object(("a", new NumberValue(1m))))),
        Object(("inner", Object(("a", new NumberValue(2m))))),
        List(new TextValue("a"), new TextValue("b")),
        List(new TextValue("b"), new TextValue("a")),
        List(new TextValue("a")),
        List(Object(("a", new NumberValue(1m)))),
        List(Object(("a", new NumberValue(1.0m)))),
        ObjectValue.Empty,
        List(),
    ];

    [Fact]
    public void ValuesAreEqualExactlyWhenTheirJsonIs()
    {
        var wrong = new List<string>();
        foreach (var left in Samples)
        foreach (var right in Samples)
        {
            var sameJson = left.ToJson() == right.ToJson();
            if (left.Equals(right) != sameJson || right.Equals(left) != sameJson)
                wrong.Add($"{left.ToJson()} vs {right.ToJson()}: equal {left.Equals(right)}, same JSON {sameJson}");
            else if (sameJson && left.GetHashCode() != right.GetHashCode())
                wrong.Add($"{left.ToJson()} vs {right.ToJson()}: equal but hash codes differ");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void SamplesCoverBothOutcomes()
    {
        // The theory above must see equal pairs that are different objects, not only a value and itself.
        Assert.Equal(Samples[8], Samples[9]);
        Assert.Equal(Samples[17], Samples[18]);
        Assert.NotEqual(Samples[14], Samples[15]);
        Assert.NotEqual<Value>(Samples[4], Samples[0]);
    }
}
