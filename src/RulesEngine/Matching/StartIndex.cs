using System.Collections.Immutable;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>
/// Which rules can begin at a token: by the token's word, by the annotations that start there,
/// and the few rules that can begin anywhere. A rule is never tried where its first token
/// cannot match, so rules that do not fire cost almost nothing. Words that begin some rule get
/// a small slot number, found from a token's norm id with one array look-up.
/// </summary>
internal sealed class StartIndex
{
    private readonly int[] _slotByWord;
    private readonly int[][] _slotsByRule;
    private readonly int[]?[][] _byWord;
    private readonly Dictionary<int, int[]>[] _byAnnotation;
    private readonly int[][] _anywhere;
    private readonly int[][] _requiredSetsByRule;
    private readonly int[][] _slotsOfRequiredSet;

    public StartIndex(RuleProgram program)
    {
        // Required words get slots too, so one pass over a letter finds where both kinds occur.
        var words = program.Rules.SelectMany(r => r.First.Words.Concat(r.Required.SelectMany(set => set)))
            .Distinct(StringComparer.Ordinal).ToList();
        var ids = words.Select(WordIds.Of).ToList();
        _slotByWord = new int[ids.Count == 0 ? 0 : ids.Max() + 1];
        Array.Fill(_slotByWord, -1);
        for (var slot = 0; slot < ids.Count; slot++) _slotByWord[ids[slot]] = slot;
        SlotCount = ids.Count;
        _slotsByRule = [.. program.Rules.Select(r => r.First.Words.Select(w => _slotByWord[WordIds.Of(w)]).Distinct().ToArray())];
        // Rules often share a required set (`is`/`are`, a lexicon): each distinct set gets one number.
        var setNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var slotsOfSets = new List<int[]>();
        _requiredSetsByRule = [.. program.Rules.Select(r => r.Required.Select(NumberOf).ToArray())];
        _slotsOfRequiredSet = [.. slotsOfSets];
        RequiredSetCount = slotsOfSets.Count;

        int NumberOf(ImmutableArray<string> set)
        {
            var key = string.Join(' ', set);
            if (setNumbers.TryGetValue(key, out var number)) return number;
            slotsOfSets.Add([.. set.Select(w => _slotByWord[WordIds.Of(w)]).Distinct()]);
            return setNumbers[key] = slotsOfSets.Count - 1;
        }

        var phases = program.Phases.Length;
        _byWord = new int[]?[phases][];
        _byAnnotation = new Dictionary<int, int[]>[phases];
        _anywhere = new int[phases][];
        var annotationIds = program.AnnotationNames.Select((name, id) => (name, id)).ToDictionary(p => p.name, p => p.id);
        for (var p = 0; p < phases; p++)
        {
            var rules = program.Phases[p].Rules;
            _byWord[p] = new int[]?[SlotCount];
            foreach (var group in rules.SelectMany((r, i) => _slotsByRule[r.Order].Select(slot => (slot, i))).GroupBy(x => x.slot))
                _byWord[p][group.Key] = group.Select(x => x.i).Distinct().Order().ToArray();
            _byAnnotation[p] = rules.SelectMany((r, i) => r.First.Annotations.Select(a => (id: annotationIds[a], i)))
                .GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Select(x => x.i).Distinct().Order().ToArray());
            _anywhere[p] = rules.Select((r, i) => (r, i)).Where(x => x.r.First.AnyToken).Select(x => x.i).ToArray();
        }
    }

    /// <summary>How many distinct words begin some rule.</summary>
    public int SlotCount { get; }

    /// <summary>The slot of a word that begins some rule, or -1.</summary>
    public int SlotOf(int normId) => (uint)normId < (uint)_slotByWord.Length ? _slotByWord[normId] : -1;

    /// <summary>The slot of each word id (-1 for none; ids past its end have none), for a walk over a whole letter.</summary>
    public ReadOnlySpan<int> SlotsByWord => _slotByWord;

    /// <summary>The slots of the words a rule can begin with.</summary>
    public int[] WordSlotsOf(CompiledRule rule) => _slotsByRule[rule.Order];

    /// <summary>How many distinct required word sets the rules have (see <see cref="CompiledRule.Required"/>).</summary>
    public int RequiredSetCount { get; }

    /// <summary>A rule's required word sets, by set number.</summary>
    public int[] RequiredSetsOf(CompiledRule rule) => _requiredSetsByRule[rule.Order];

    /// <summary>The word slots of one required set.</summary>
    public int[] SlotsOfRequiredSet(int set) => _slotsOfRequiredSet[set];

    /// <summary>Indexes (within the phase, ascending) of the rules worth trying at a token.</summary>
    public IReadOnlyList<int> Candidates(int phase, int normId, IReadOnlyList<int> annotationsHere, List<int> into)
    {
        var slot = SlotOf(normId);
        var byWord = slot >= 0 ? _byWord[phase][slot] : null;
        // Most tokens start no annotation and no word rule: hand back the shared list, sorted already.
        if (annotationsHere.Count == 0 && byWord is null) return _anywhere[phase];
        if (annotationsHere.Count == 0 && _anywhere[phase].Length == 0) return byWord!;
        into.Clear();
        if (byWord is not null) into.AddRange(byWord);
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
