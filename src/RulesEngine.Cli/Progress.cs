using Spectre.Console;

namespace RulesEngine.Cli;

/// <summary>A progress bar on an interactive terminal; plain progress lines when stderr is a file or a pipe.</summary>
internal sealed class BatchProgress : IDisposable
{
    private readonly int _total;
    private readonly TextWriter _plain;
    private readonly ProgressTask? _task;
    private readonly Task? _render;
    private readonly TaskCompletionSource _done = new();
    private int _count;

    public BatchProgress(int total, TextWriter error)
    {
        _total = total;
        _plain = error;
        if (Console.IsErrorRedirected || total < 2) return;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var ready = new TaskCompletionSource<ProgressTask>();
        _render = console.Progress().AutoClear(true).StartAsync(async context =>
        {
            ready.SetResult(context.AddTask("letters", maxValue: total));
            await _done.Task;
        });
        _task = ready.Task.Result;
    }

    public void Advance(string letter)
    {
        _count++;
        if (_task is not null)
        {
            _task.Increment(1);
            _task.Description = letter.Length > 30 ? letter[..30] : letter;
        }
        else if (_total >= 20 && (_count % Math.Max(1, _total / 10) == 0))
        {
            _plain.WriteLine($"progress: {_count}/{_total} letters");
        }
    }

    public void Dispose()
    {
        _done.TrySetResult();
        _render?.Wait();
    }
}
