using System.Diagnostics.Tracing;
using RulesEngine.Matching;
using RulesEngine.Language.Compilation;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Benchmarks;

/// <summary>
/// What the engine allocates, by type: the runtime reports a sampled allocation about every
/// 100 KB (GC AllocationTick events), so the counts estimate each type's share of the bytes
/// without a profiler. Each letter is loaded, read, matched and serialised on this thread, so the
/// bytes of each stage are counted exactly; each sample is put in the stage that was running when
/// it was taken (the events arrive later, on another thread, with their time).
/// </summary>
internal static class AllocationCensus
{
    public static void Run(string letters, string rules, int count)
    {
        var program = RuleCompiler.CompileFolder(rules).Program ?? throw new InvalidOperationException("the pack does not compile");
        var files = Directory.GetFiles(letters, "*.txt").Order(StringComparer.Ordinal).Take(count).ToList();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
        var stages = new long[4];
        string[] stageNames = ["load", "read", "match", "serialise"];
        // When each stage began, in order, for placing the samples.
        var began = new List<(DateTime At, int Stage)>(4 * count + 1);
        // Read as the batch's workers read: token objects reused from letter to letter.
        var tokens = new TokenPool();
        void ProcessAll()
        {
            long Now() => GC.GetAllocatedBytesForCurrentThread();
            long Begin(int stage)
            {
                began.Add((DateTime.UtcNow, stage));
                return Now();
            }
            foreach (var file in files)
            {
                var at = Begin(0);
                var loaded = LetterLoader.Load(LetterSource.FromFile(file), tokens);
                stages[0] += Now() - at;
                if (!loaded.Succeeded) continue;
                at = Begin(1);
                var document = LetterReader.Read(loaded.Name, loaded.Chars, tokens);
                stages[1] += Now() - at;
                at = Begin(2);
                var result = DocumentMatcher.Run(program, document);
                stages[2] += Now() - at;
                at = Begin(3);
                buffer.ResetWrittenCount();
                JsonOutput.SerializeTo(buffer, result);
                stages[3] += Now() - at;
            }
        }
        ProcessAll(); // warm up: type loading and first-time caches are not the engine's steady state
        Array.Clear(stages);
        began.Clear();
        using var listener = new AllocationListener();
        ProcessAll();
        // The last events may still be on their way.
        Thread.Sleep(500);
        var total = stages.Sum();
        Console.WriteLine($"{files.Count} letters: {total / 1e6:0.0} MB allocated, {total / files.Count / 1024:0} KB a letter: " +
            $"load {stages[0] / files.Count / 1024:0} KB, read {stages[1] / files.Count / 1024:0} KB, match {stages[2] / files.Count / 1024:0} KB, serialise {stages[3] / files.Count / 1024:0} KB");
        Console.WriteLine("sampled by type (about one sample per 100 KB), and by stage:");
        List<(DateTime At, string Type)> taken;
        lock (listener.Samples) taken = [.. listener.Samples];
        var byType = taken.GroupBy(sample => sample.Type).OrderByDescending(group => group.Count()).Take(30);
        foreach (var group in byType)
        {
            var inStages = group.GroupBy(sample => StageAt(sample.At)).OrderByDescending(g => g.Count())
                .Select(g => $"{(g.Key < 0 ? "other" : stageNames[g.Key])} {100.0 * g.Count() / group.Count():0}%");
            Console.WriteLine($"  {100.0 * group.Count() / taken.Count,5:0.0}%  {group.Key}  ({string.Join(", ", inStages)})");
        }

        int StageAt(DateTime at)
        {
            var index = began.BinarySearch((at, int.MaxValue), Comparer<(DateTime At, int Stage)>.Create((a, b) => a.At.CompareTo(b.At)));
            var before = index < 0 ? ~index - 1 : index;
            return before < 0 ? -1 : began[before].Stage;
        }
    }

    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        public List<(DateTime At, string Type)> Samples { get; } = [];

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }

        protected override void OnEventWritten(EventWrittenEventArgs data)
        {
            if (data.EventName is not "GCAllocationTick_V4" and not "GCAllocationTick_V3" || data.Payload is null) return;
            var type = data.Payload[data.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
            lock (Samples) Samples.Add((data.TimeStamp.ToUniversalTime(), type));
        }
    }
}
