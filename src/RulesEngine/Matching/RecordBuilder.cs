using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RulesEngine.Language.Model;
using RulesEngine.Output;

namespace RulesEngine.Matching;

/// <summary>
/// Assembles a letter's record from emitted values in document order. A scalar field keeps the
/// first value written to it; `list[]` targets append (identical items once); objects merge.
/// </summary>
internal sealed class RecordBuilder
{
    private sealed class Node
    {
        // Sorted only when frozen: a record's fields are looked up far more often than listed.
        public Dictionary<string, Node>? Fields;
        public List<Node>? Items;
        public Value? Leaf;
        public ReadOnlyMemory<(string Path, Evidence Evidence)> Evidence;

        /// <summary>Where each value item of a long list starts, with its value: the items a new one could repeat.</summary>
        public HashSet<(int Start, Value Value)>? ItemStarts;
    }

    /// <summary>Lists shorter than this are searched item by item; longer ones keep a set.</summary>
    private const int IndexedFrom = 16;

    private static int StartOf(Node item) => item.Evidence.IsEmpty ? -1 : item.Evidence.Span[0].Evidence.Start;

    private readonly Node _root = new() { Fields = new(StringComparer.Ordinal) };

    /// <summary>Stores a value at its place; false when the place was already taken (a scalar is set once) and nothing changed.</summary>
    public bool Emit(ImmutableArray<TargetStep> target, EvaluatedValue value)
    {
        var node = _root;
        for (var i = 0; i < target.Length; i++)
        {
            var step = target[i];
            var last = i == target.Length - 1;
            node.Fields ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (node.Leaf is not null) return false;
            if (!node.Fields.TryGetValue(step.Name, out var child)) node.Fields[step.Name] = child = new Node();
            if (step.Append)
            {
                child.Items ??= [];
                if (last)
                {
                    // Two rules may emit the same item from the same text; keep it once. Compare places
                    // first: the values are only compared when two items come from the same place.
                    // The items already there are found by where they start (a set per list, made
                    // once it is long), not by a walk over the list, which was quadratic in a list
                    // that gets an item per token.
                    var at = value.Evidence.IsEmpty ? -1 : value.Evidence.Span[0].Evidence.Start;
                    if (child.Items.Count < IndexedFrom)
                    {
                        foreach (var existing in child.Items)
                            if (StartOf(existing) == at && value.Value.Equals(existing.Leaf)) return false;
                    }
                    else
                    {
                        child.ItemStarts ??= child.Items.Where(item => item.Leaf is not null).Select(item => (StartOf(item), item.Leaf!)).ToHashSet();
                        if (!child.ItemStarts.Add((at, value.Value))) return false;
                    }
                    child.Items.Add(new Node { Leaf = value.Value, Evidence = value.Evidence });
                    return true;
                }
                var item = new Node { Fields = new(StringComparer.Ordinal) };
                child.Items.Add(item);
                node = item;
                continue;
            }
            if (last) return Assign(child, value.Value, value.Evidence);
            node = child;
        }
        return false;
    }

    /// <summary>An object merges field by field; anything else is set once.</summary>
    private static bool Assign(Node node, Value value, ReadOnlyMemory<(string Path, Evidence Evidence)> evidence)
    {
        if (value is ObjectValue obj && node.Leaf is null && node.Items is null)
        {
            node.Fields ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            var stored = false;
            foreach (var (name, field) in obj.Fields)
            {
                if (!node.Fields.TryGetValue(name, out var child)) node.Fields[name] = child = new Node();
                stored |= Assign(child, field, EvidenceBelow(evidence, name));
            }
            return stored;
        }
        if (node.Leaf is not null || node.Fields is not null || node.Items is not null) return false;
        node.Leaf = value;
        node.Evidence = evidence;
        return true;
    }

    /// <summary>The evidence of one field of an object value, with paths made relative to that field (`a.b` -> `b`, `a[0]` -> `[0]`).</summary>
    private static ReadOnlyMemory<(string Path, Evidence Evidence)> EvidenceBelow(ReadOnlyMemory<(string Path, Evidence Evidence)> evidence, string field)
    {
        var below = new List<(string, Evidence)>();
        foreach (var (path, item) in evidence.Span)
        {
            if (!path.StartsWith(field, StringComparison.Ordinal)) continue;
            if (path.Length == field.Length) below.Add(("", item));
            else if (path[field.Length] == '.') below.Add((path[(field.Length + 1)..], item));
            else if (path[field.Length] == '[') below.Add((path[field.Length..], item));
        }
        return below.ToArray();
    }

    /// <param name="evidence">
    /// An empty list to collect the record's evidence in, from the letter's match buffers: the map
    /// copies what it keeps, and a list grown afresh for every letter was 4-5% of the bytes a batch
    /// allocates.
    /// </param>
    public (ObjectValue Record, SortedMap<Evidence> Evidence) Build(List<KeyValuePair<string, Evidence>> evidence)
    {
        var record = (ObjectValue)Freeze(_root, "", evidence);
        // A depth-first walk is not ordinal path order (`a.x` comes after `a-b`, `[10]` before `[2]`).
        return (record, SortedMap<Evidence>.FromFirstOfEach(CollectionsMarshal.AsSpan(evidence)));
    }

    private static Value Freeze(Node node, string path, List<KeyValuePair<string, Evidence>> evidence)
    {
        if (node.Leaf is not null)
        {
            foreach (var (relative, item) in node.Evidence.Span)
            {
                var full = relative.Length == 0 ? path : relative.StartsWith('[') ? path + relative : path + "." + relative;
                evidence.Add(KeyValuePair.Create(full, item));
            }
            return node.Leaf;
        }
        if (node.Items is not null)
        {
            var items = new Value[node.Items.Count];
            for (var i = 0; i < items.Length; i++) items[i] = Freeze(node.Items[i], $"{path}[{i}]", evidence);
            return new ListValue(ImmutableCollectionsMarshal.AsImmutableArray(items));
        }
        if (node.Fields is not { Count: > 0 } fields) return ObjectValue.Empty;
        var names = fields.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var values = new Value[names.Length];
        for (var i = 0; i < names.Length; i++)
            values[i] = Freeze(fields[names[i]], path.Length == 0 ? names[i] : path + "." + names[i], evidence);
        return new ObjectValue(SortedMap<Value>.FromSorted(names, values));
    }
}
