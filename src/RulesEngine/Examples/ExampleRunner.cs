using System.Collections.Immutable;
using RulesEngine.Language.Model;
using RulesEngine.Matching;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Examples;

public enum ExampleStatus { Passed, Failed, Todo, TodoNowPasses }

/// <summary>What became of one example: its place in the rule file and, when it failed, why.</summary>
public sealed record ExampleResult(ExampleDecl Example, ExampleStatus Status, ImmutableArray<string> Problems)
{
    public bool Counts => Status is ExampleStatus.Passed or ExampleStatus.Failed;
}

/// <summary>
/// Runs the examples written in rule files: each text is read like a letter and run through the
/// whole program, and only the named rule's values are compared with what the example expects.
/// </summary>
public static class ExampleRunner
{
    public static ImmutableArray<ExampleResult> RunAll(RuleProgram program) =>
        [.. program.Model.Examples.Select(example => Run(program, example))];

    public static ExampleResult Run(RuleProgram program, ExampleDecl example)
    {
        var document = LetterReader.Read($"example:{example.RuleName}", example.Text);
        var result = DocumentMatcher.Run(program, document, example.RuleName, out _, out var context);
        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var expectation in example.Expectations)
        {
            switch (expectation)
            {
                case ExpectNothing when result.RuleHits.GetValueOrDefault(example.RuleName) > 0:
                    problems.Add($"expected rule '{example.RuleName}' not to fire, but it fired {result.RuleHits[example.RuleName]} time(s): {Shown(result.Record)}");
                    break;
                case ExpectAnnotation annotation:
                    var id = program.AnnotationNames.IndexOf(annotation.Name);
                    var made = id < 0 ? [] : context.Annotations.All(id).Where(a => a.Rule == example.RuleName)
                        .Select(a => ActionEvaluator.FromObject(a.Value)).ToList();
                    var wanted = ExpectedValue(annotation.Value);
                    if (!made.Any(m => Satisfies(m, wanted)))
                        problems.Add($"@{annotation.Name}: expected a span annotated {Shown(wanted)}, got {Shown(new ListValue([.. made]))}");
                    break;
                case ExpectValue value:
                    var actual = ValuePaths.Resolve(result.Record, value.PathText);
                    var expected = ExpectedValue(value.Value);
                    if (actual is null) problems.Add($"{value.PathText}: expected {Shown(expected)}, but the rule gave no value there (record: {Shown(result.Record)})");
                    else if (!Satisfies(actual, expected)) problems.Add($"{value.PathText}: expected {Shown(expected)}, got {Shown(actual)}");
                    break;
            }
        }
        var passed = problems.Count == 0;
        var status = example.IsTodo ? passed ? ExampleStatus.TodoNowPasses : ExampleStatus.Todo : passed ? ExampleStatus.Passed : ExampleStatus.Failed;
        return new ExampleResult(example, status, problems.ToImmutable());
    }

    /// <summary>The most of a value a failure shows: an example that matches 700,000 times would otherwise print megabytes.</summary>
    private const int MaxShown = 300;

    /// <summary>A value as JSON, cut after <see cref="MaxShown"/> characters with what was left out.</summary>
    private static string Shown(Value value)
    {
        var json = value.ToJson();
        if (json.Length <= MaxShown) return json;
        var what = value is ListValue list ? $"{list.Items.Length:N0} items" : $"{json.Length:N0} characters";
        return json[..MaxShown] + $"... ({what} in all)";
    }

    private static Value ExpectedValue(Expr expr) => expr switch
    {
        LiteralExpr { Value: string s } => new TextValue(s),
        LiteralExpr { Value: long l } => new NumberValue(l),
        LiteralExpr { Value: decimal d } => new NumberValue(d),
        LiteralExpr { Value: bool b } => new BoolValue(b),
        ObjectExpr obj => new ObjectValue(obj.Fields.ToSortedMap(f => f.Name, f => ExpectedValue(f.Value))),
        ListExpr list => new ListValue([.. list.Items.Select(ExpectedValue)]),
        _ => new TextValue(""),
    };

    /// <summary>An expected object need only list the fields it cares about; everything else must be equal.</summary>
    private static bool Satisfies(Value actual, Value expected) => (actual, expected) switch
    {
        (ObjectValue a, ObjectValue e) => e.Fields.All(f => a[f.Key] is { } field && Satisfies(field, f.Value)),
        (ListValue a, ListValue e) => a.Items.Length == e.Items.Length && a.Items.Zip(e.Items).All(p => Satisfies(p.First, p.Second)),
        _ => actual.ToJson() == expected.ToJson(),
    };
}
