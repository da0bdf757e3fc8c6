using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Batch;

/// <summary>What happened to one letter of a batch: its result, or the reason it has none.</summary>
public sealed record LetterOutcome(LetterSource Source, LetterResult? Result, string? Error, IReadOnlyList<string> Warnings, string? Text = null)
{
    /// <summary>What a writer prepared for this letter on a worker thread (its serialised form, UTF-8), before the ordered write.</summary>
    public byte[]? Prepared { get; init; }

    public bool Succeeded => Result is not null;

    /// <summary>
    /// This outcome as the run's summary reads it, for a writer that has already made the letter's
    /// output on the worker: without the letter's text and the result's evidence. Outcomes wait on
    /// the ordering thread for their turn, and every collection copies what is waiting: with these
    /// gone, 10,000 letters promoted 0.5-0.9 MB a collection instead of 0.5-2.1 MB (the pauses, which
    /// stop every worker, were 91 against 95 ms in all, within this machine's noise).
    /// </summary>
    public LetterOutcome ForSummary() =>
        this with { Text = null, Result = Result is { } result ? result with { Evidence = SortedMap<Evidence>.Empty } : null };
}

/// <summary>Reads and runs one letter, turning every failure into a reason instead of an exception.</summary>
public static class LetterProcessor
{
    /// <param name="keepText">Whether the outcome keeps the letter's text (<see cref="LetterOutcome.Text"/>), for a writer that shows it.</param>
    public static LetterOutcome Process(Matching.RuleProgram program, LetterSource source, bool keepText = true)
    {
        // The document is dropped before this thread reads its next letter, so its text buffer and
        // token objects can serve that letter (see TokenPool).
        var pool = TokenPool.ForThread;
        var loaded = LetterLoader.Load(source, pool);
        if (loaded.Error is { } error) return new LetterOutcome(source, null, error, loaded.Warnings);
        try
        {
            var document = LetterReader.Read(loaded.Name, loaded.Chars, pool) with { Format = loaded.Format, Source = source.DisplayPath, Encoding = loaded.Encoding };
            var result = Matching.DocumentMatcher.Run(program, document);
            var warnings = result.Warnings.Count == 0 ? loaded.Warnings : [.. loaded.Warnings, .. result.Warnings.Select(w => $"{source.DisplayPath}: warning: {w}")];
            return new LetterOutcome(source, result, null, warnings, keepText ? document.Text : null);
        }
        catch (Matching.MatchBudgetExceededException e)
        {
            return new LetterOutcome(source, null, $"{source.DisplayPath}: error: {e.Message}", loaded.Warnings);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            return new LetterOutcome(source, null,
                $"{source.DisplayPath}: error: a rule's regex took more than {e.MatchTimeout.TotalSeconds:0} s on one token of {e.Input.Length:N0} characters; the letter was not matched", loaded.Warnings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the engine must not cost the rest of the batch; say which letter and why.
            return new LetterOutcome(source, null, $"{source.DisplayPath}: error: internal error while processing the letter: {e.GetType().Name}: {e.Message}", loaded.Warnings);
        }
    }
}
