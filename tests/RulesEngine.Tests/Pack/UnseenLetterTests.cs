using RulesEngine.Matching;
using RulesEngine.Output;
using RulesEngine.Reading;
using RulesEngine.Snapshots;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

/// <summary>The pack on letters of the families it was not written from (see <see cref="UnseenLetters"/>): core fields exact on every one.</summary>
public class UnseenLetterTests
{
    [Fact]
    public void TheGazetteer_HoldsEveryChildrensServicesAuthority_EachNumberOnce()
    {
        var councils = UnseenLetters.Gazetteer();
        Assert.InRange(councils.Count, 150, 160);
        Assert.Equal(councils.Count, councils.Select(c => c.Code).Distinct().Count());
        Assert.Equal(councils.Count, councils.Select(c => c.Canonical).Distinct().Count());
        var forms = councils.SelectMany(c => c.Forms.Select(f => f.ToLowerInvariant())).ToList();
        Assert.Equal(forms.Count, forms.Distinct().Count());
        foreach (var (name, code) in new[] { ("Derby", 831L), ("Central Bedfordshire", 823L), ("Cheshire West and Chester", 896L), ("Isles of Scilly", 420L), ("Bedfordshire", 820L) })
            Assert.Contains(councils, c => c.Canonical == name && c.Code == code);
    }

    [Fact]
    public void CoreFields_OfEveryGeneratedLetter_AreExact()
    {
        var letters = UnseenLetters.All().ToList();
        Assert.True(letters.Count >= 650, $"only {letters.Count} letters were generated");
        var failures = new List<string>();
        foreach (var letter in letters)
        {
            var result = DocumentMatcher.Run(Support.Pack.Program, LetterReader.Read("generated", letter.Text));
            var changes = JsonDiff.Compare(letter.Expected.ToJsonString(), CoreFieldTests.CompactCoreFields(result, letter.Expected).ToJsonString());
            if (changes.Count > 0) failures.Add($"{letter.Name}:\n  " + string.Join("\n  ", changes));
            if (result.Warnings.Count > 0) failures.Add($"{letter.Name}: warned: {string.Join("; ", result.Warnings)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {letters.Count} letters differ:\n" + string.Join("\n", failures.Take(15)));
    }

    [Fact]
    public void ACouncilTheGazetteerLacks_IsStillRead_WithAWarningAndNoNumber()
    {
        var text = Seeds.Text(Seeds.Names[0]).Replace("Derbyshire County Council", "Kingston-upon-Westwater City Council");
        var result = DocumentMatcher.Run(Support.Pack.Program, LetterReader.Read("unknown", text));
        Assert.Equal("Kingston-upon-Westwater City Council", (result.Record["council"] as TextValue)?.Text);
        Assert.Null(result.Record["council_code"]);
        Assert.Contains(result.Warnings, w => w.StartsWith("the council is not in the gazetteer") && w.Contains("Kingston-upon-Westwater City Council"));
    }
}
