using System.Text;
using RulesEngine.Tests.Support;

namespace RulesEngine.Benchmarks;

/// <summary>
/// Makes a batch of letters from the seeds and their converter variants, with other councils,
/// names, dates and grades, so batches of any size can be measured without shipping data.
/// Deterministic for a given seed number.
/// </summary>
internal static class CorpusGenerator
{
    private static readonly string[] Towns = ["Westshire", "Eastvale", "Northmoor", "Southby", "Lowbridge", "Highfield", "Ashdown", "Brackenford", "Coldwater", "Dunmore"];
    private static readonly string[] Kinds = ["County Council", "City Council", "Borough Council", "District Council"];
    private static readonly string[] Given = ["Alan", "Priya", "Mary", "David", "Sarah", "Tom", "Aisha", "Gareth", "Helen", "Kwame"];
    private static readonly string[] Family = ["Marsh", "Shah", "Pearce", "O'Neill", "Bright", "Okafor", "Lewis", "Hughes", "Novak", "Reid"];
    private static readonly string[] Months = ["January", "March", "May", "July", "September", "November", "December"];
    private static readonly (string Label, int Grade)[] Ratings = [("Performs excellently", 4), ("Performs well", 3), ("Performs adequately", 2), ("Performs poorly", 1)];

    public static void Generate(string seedFolder, string outFolder, int count, int randomSeed = 42)
    {
        Directory.CreateDirectory(outFolder);
        var seeds = Directory.GetFiles(seedFolder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var random = new Random(randomSeed);
        for (var i = 0; i < count; i++)
        {
            var text = Vary(seeds[i % seeds.Length], random);
            var variant = LetterVariants.Names[random.Next(LetterVariants.Names.Count)];
            File.WriteAllText(Path.Combine(outFolder, $"letter-{i:D6}.txt"), LetterVariants.Apply(variant, text), new UTF8Encoding(false));
        }
    }

    private static string Vary(string text, Random random)
    {
        var council = $"{Towns[random.Next(Towns.Length)]} {Kinds[random.Next(Kinds.Length)]}";
        foreach (var known in new[] { "Derbyshire County Council", "Derby City Council", "Rutland County Council", "Leicestershire County Council", "Northamptonshire County Council" })
            text = text.Replace(known, council).Replace(known.ToUpperInvariant(), council.ToUpperInvariant());
        var person = $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}";
        foreach (var known in new[] { "Bruce Buckley", "Andrew Flack", "Carol Chambers", "Gareth Williams", "Paul Burnett" })
            text = text.Replace(known, person);
        var signatory = $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}";
        text = text.Replace("Juliet Winstanley", signatory).Replace("FLO HADLEY", signatory.ToUpperInvariant());
        var day = random.Next(1, 28);
        var month = Months[random.Next(Months.Length)];
        text = text.Replace("9 December 2009", $"{day} {month} 2009").Replace("1 November 2006", $"{day} {month} 2006");
        var (label, grade) = Ratings[random.Next(Ratings.Length)];
        foreach (var (oldLabel, oldGrade) in Ratings)
            text = text.Replace($"{oldLabel} ({oldGrade})", $"{label} ({grade})");
        return text;
    }
}
