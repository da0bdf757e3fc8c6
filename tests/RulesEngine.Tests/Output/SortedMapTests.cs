using RulesEngine.Output;

namespace RulesEngine.Tests.Output;

public sealed class SortedMapTests
{
    private static KeyValuePair<string, int> Pair(string key, int value) => KeyValuePair.Create(key, value);

    [Fact]
    public void Keys_come_out_in_ordinal_order_whatever_order_they_went_in()
    {
        // Ordinal, not culture or numeric order: `B` before `a`, `a-b` before `a.x`, `[10]` before `[2]`.
        var map = SortedMap<int>.From([Pair("a.x", 1), Pair("[2]", 2), Pair("a", 3), Pair("B", 4), Pair("[10]", 5), Pair("a-b", 6)]);

        Assert.Equal(["B", "[10]", "[2]", "a", "a-b", "a.x"], map.Keys);
        Assert.Equal([4, 5, 2, 3, 6, 1], map.Values);
        Assert.Equal(map.Keys, map.Select(pair => pair.Key));
    }

    [Fact]
    public void A_repeated_key_keeps_the_last_value_from_From_and_the_first_from_FromFirstOfEach()
    {
        KeyValuePair<string, int>[] pairs = [Pair("grade", 1), Pair("label", 2), Pair("grade", 3), Pair("grade", 4)];

        Assert.Equal(4, SortedMap<int>.From(pairs)["grade"]);
        Assert.Equal(1, SortedMap<int>.FromFirstOfEach(pairs)["grade"]);
        Assert.Equal(2, SortedMap<int>.From(pairs).Count);
    }

    [Fact]
    public void Long_unordered_input_keeps_the_same_first_and_last_of_each_key()
    {
        // Past the short-input path: 60 pairs, 20 keys each given three times, keys in reverse order.
        var pairs = Enumerable.Range(0, 60).Select(i => Pair($"k{19 - i % 20:00}", i)).ToArray();

        var last = SortedMap<int>.From(pairs);
        var first = SortedMap<int>.FromFirstOfEach(pairs);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"k{i:00}"), last.Keys);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => 59 - i), last.Values);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => 19 - i), first.Values);
    }

    [Fact]
    public void Long_input_nearly_in_order_keeps_the_same_first_and_last_of_each_key()
    {
        // A record's evidence walked depth first: list items in numeric order (`[10]` sorts before
        // `[2]`), each given twice, so the long input is only a little out of ordinal order.
        var pairs = Enumerable.Range(0, 40).SelectMany(i => new[] { Pair($"items[{i}]", i), Pair($"items[{i}]", 100 + i) }).ToArray();

        var last = SortedMap<int>.From(pairs);
        var first = SortedMap<int>.FromFirstOfEach(pairs);

        var ordinal = Enumerable.Range(0, 40).Select(i => $"items[{i}]").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ordinal, last.Keys);
        Assert.Equal(ordinal.Select(key => 100 + int.Parse(key[6..^1])), last.Values);
        Assert.Equal(ordinal.Select(key => int.Parse(key[6..^1])), first.Values);
    }

    [Fact]
    public void Long_input_in_any_order_keeps_the_first_and_last_value_of_each_key_as_a_stable_sort_would()
    {
        // Seeded, so a failure repeats: lengths past the short-input path, keys drawn with repeats.
        var random = new Random(20261123);
        for (var length = 33; length <= 300; length += 13)
        {
            var pairs = Enumerable.Range(0, length).Select(i => Pair($"k{random.Next(length / 2)}", i)).ToArray();

            var expectedKeys = pairs.Select(p => p.Key).Distinct().Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expectedKeys, SortedMap<int>.From(pairs).Keys);
            Assert.Equal(expectedKeys.Select(key => pairs.Last(p => p.Key == key).Value), SortedMap<int>.From(pairs).Values);
            Assert.Equal(expectedKeys.Select(key => pairs.First(p => p.Key == key).Value), SortedMap<int>.FromFirstOfEach(pairs).Values);
        }
    }

    [Fact]
    public void Looks_up_every_key_it_holds_and_none_it_does_not()
    {
        var keys = Enumerable.Range(0, 37).Select(i => $"field{i}").ToList();
        var map = SortedMap<int>.From(keys.Select((key, i) => Pair(key, i)));

        for (var i = 0; i < keys.Count; i++)
        {
            Assert.True(map.TryGetValue(keys[i], out var value));
            Assert.Equal(i, value);
        }
        Assert.False(map.ContainsKey("field"));
        Assert.False(map.ContainsKey("field99"));
        Assert.Equal(-1, map.GetValueOrDefault("zzz", -1));
        var missing = Assert.Throws<KeyNotFoundException>(() => map["absent"]);
        Assert.Contains("absent", missing.Message);
    }

    [Fact]
    public void An_empty_map_has_nothing_to_find_or_enumerate()
    {
        var map = SortedMap<string>.From([]);

        Assert.Same(SortedMap<string>.Empty, map);
        Assert.Empty(map);
        Assert.False(map.TryGetValue("", out _));
    }
}
