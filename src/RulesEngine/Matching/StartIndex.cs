namespace RulesEngine.Matching;

/// <summary>
/// Which rules can begin at a token: by the token's word, by the annotations that start there,
/// and the few rules that can begin anywhere. A rule is never tried where its first token
/// cannot match, so rules that do not fire cost almost nothing.
/// </summary>
internal sealed class StartIndex
{
    private readonly Dictionary<string, int[]>[] _byWord;
    private readonly Dictionary<int, int[]>[] _byAnnotation;
    private readonly int[][] _anywhere;

    public StartIndex(RuleProgram program)
    {
        var phases = program.Phases.Length;
        _byWord = new Dictionary<string, int[]>[phases];
        _byAnnotation = new Dictionary<int, int[]>[phases];
        _anywhere = new int[phases][];
        var annotationIds = program.AnnotationNames.Select((name, id) => (name, id)).ToDictionary(p => p.name, p => p.id);
        for (var p = 0; p < phases; p++)
        {
            var rules = program.Phases[p].Rules;
            _byWord[p] = rules.SelectMany((r, i) => r.First.Words.Select(w => (w, i)))
                .GroupBy(x => x.w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.i).Distinct().Order().ToArray(), StringComparer.Ordinal);
            _byAnnotation[p] = rules.SelectMany((r, i) => r.First.Annotations.Select(a => (id: annotationIds[a], i)))
                .GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Select(x => x.i).Distinct().Order().ToArray());
            _anywhere[p] = rules.Select((r, i) => (r, i)).Where(x => x.r.First.AnyToken).Select(x => x.i).ToArray();
        }
    }

    /// <summary>Indexes (within the phase, ascending) of the rules worth trying at a token.</summary>
    public IReadOnlyList<int> Candidates(int phase, string norm, IReadOnlyList<int> annotationsHere, List<int> into)
    {
        var hasWord = _byWord[phase].TryGetValue(norm, out var byWord);
        // Most tokens start no annotation and no word rule: hand back the shared list, sorted already.
        if (annotationsHere.Count == 0 && !hasWord) return _anywhere[phase];
        if (annotationsHere.Count == 0 && _anywhere[phase].Length == 0) return byWord!;
        into.Clear();
        if (hasWord) into.AddRange(byWord!);
        foreach (var annotation in annotationsHere)
            if (_byAnnotation[phase].TryGetValue(annotation, out var byAnnotation)) into.AddRange(byAnnotation);
        into.AddRange(_anywhere[phase]);
        if (into.Count > 1)
        {
            into.Sort();
            var unique = 1;
            for (var i = 1; i < into.Count; i++) if (into[i] != into[unique - 1]) into[unique++] = into[i];
            into.RemoveRange(unique, into.Count - unique);
        }
        return into;
    }
}
