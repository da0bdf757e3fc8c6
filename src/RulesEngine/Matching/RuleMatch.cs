using System.Collections.Immutable;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>A capture bound by a scope condition (`where heading matches outcome_area -> area`).</summary>
internal sealed record Binding(CaptureSlot Slot, TokenRange Span);

/// <summary>
/// One place a rule's scopes allow it to match, with what its conditions captured. A value, not an
/// object: a letter has one per sentence for each chain of scopes, hundreds of them.
/// </summary>
internal readonly record struct ScopeInstance(TokenRange Range, ImmutableDictionary<string, Binding> Bindings);

/// <summary>
/// A match of one rule: its token span, capture positions and the scope it matched in. A value:
/// a letter makes dozens, each applied once and dropped (an object each was 1-2 KB of its garbage).
/// </summary>
/// <param name="Captures">Start and end per capture slot, from the letter's match buffers: valid while the letter is matched.</param>
internal readonly record struct RuleMatch(CompiledRule Rule, int Start, int End, ArraySegment<int> Captures, ScopeInstance Scope)
{
    public int Length => End - Start;

    /// <summary>The span and slot of a named capture, from the pattern first, then the scope's conditions.</summary>
    public (CaptureSlot Slot, TokenRange Span)? Capture(string name)
    {
        for (var i = 0; i < Rule.Captures.Length; i++)
        {
            if (Rule.Captures[i].Name != name) continue;
            var (from, to) = (Captures[2 * i], Captures[2 * i + 1]);
            return from >= 0 && to >= from ? (Rule.Captures[i], new TokenRange(from, to)) : null;
        }
        return Scope.Bindings.TryGetValue(name, out var binding) ? (binding.Slot, binding.Span) : null;
    }
}
