namespace RulesEngine.Tests.Support;

/// <summary>The sample letters and their hand-read labels, copied into the test output folder.</summary>
public static class Seeds
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static IReadOnlyList<string> Names { get; } =
        Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    public const string Apa = "001_40b1d20b9b1c5b4c";

    public static IEnumerable<string> RatingLetters => Names.Where(n => n != Apa);

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name + ".txt"));

    public static string LabelPath(string name) => Path.Combine(Folder, "labels", name + ".json");

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names) data.Add(name);
        return data;
    }

    public static TheoryData<string, string> AllWithVariants()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Names)
        foreach (var variant in LetterVariants.Names)
            data.Add(name, variant);
        return data;
    }
}
