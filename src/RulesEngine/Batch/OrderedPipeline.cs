using System.Runtime.ExceptionServices;

namespace RulesEngine.Batch;

/// <summary>
/// Runs work on a fixed number of threads and hands the results back in input order, with at
/// most <c>window</c> items started but not yet handed back. PLINQ's ordered merge has no such
/// bound: it holds whatever finished before the reader took it, which is memory that grows with
/// the batch when the reader is slower than the workers.
/// </summary>
internal sealed class OrderedPipeline<TIn, TOut> : IDisposable where TOut : class
{
    private readonly object _gate = new();
    private readonly IEnumerator<TIn> _inputs;
    private readonly Func<TIn, TOut> _work;
    private readonly TOut?[] _ready;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenRegistration _wakeOnCancel;
    private readonly Thread[] _workers;
    private int _taken;
    private int _handedBack;
    private int _running;
    private bool _inputsDone;
    private bool _stopping;
    private ExceptionDispatchInfo? _failure;

    public OrderedPipeline(IEnumerable<TIn> inputs, Func<TIn, TOut> work, int threads, int window, CancellationToken cancellation)
    {
        _inputs = inputs.GetEnumerator();
        _work = work;
        _ready = new TOut?[window];
        _cancellation = cancellation;
        _wakeOnCancel = cancellation.Register(Wake);
        _running = threads;
        _workers = [.. Enumerable.Range(0, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"letters-{i}" })];
        foreach (var worker in _workers) worker.Start();
    }

    /// <summary>The results in input order; rethrows a worker's failure, or cancellation, where it happened.</summary>
    public IEnumerable<TOut> Results()
    {
        while (true)
        {
            TOut next;
            lock (_gate)
            {
                var slot = _handedBack % _ready.Length;
                while (_ready[slot] is null)
                {
                    _failure?.Throw();
                    _cancellation.ThrowIfCancellationRequested();
                    if (_handedBack >= _taken && (_inputsDone || _running == 0)) yield break;
                    Monitor.Wait(_gate);
                }
                next = _ready[slot]!;
                _ready[slot] = null;
                _handedBack++;
                Monitor.PulseAll(_gate);
            }
            yield return next;
        }
    }

    private void Work()
    {
        try
        {
            while (true)
            {
                int index;
                TIn input;
                lock (_gate)
                {
                    while (!_stopping && !_inputsDone && _failure is null && !_cancellation.IsCancellationRequested && _taken - _handedBack >= _ready.Length)
                        Monitor.Wait(_gate);
                    if (_stopping || _inputsDone || _failure is not null || _cancellation.IsCancellationRequested) return;
                    if (!_inputs.MoveNext())
                    {
                        _inputsDone = true;
                        return;
                    }
                    input = _inputs.Current;
                    index = _taken++;
                }
                var result = _work(input);
                lock (_gate)
                {
                    _ready[index % _ready.Length] = result;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (Exception e)
        {
            lock (_gate) _failure ??= ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            lock (_gate)
            {
                _running--;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Wake()
    {
        lock (_gate) Monitor.PulseAll(_gate);
    }

    /// <summary>Stops taking new work and waits for the items in hand, so nothing runs after the reader has gone.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var worker in _workers) worker.Join();
        _wakeOnCancel.Dispose();
        _inputs.Dispose();
    }
}
