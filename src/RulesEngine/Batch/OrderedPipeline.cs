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

    // A waiting reader is woken when a few results are ready in order, not for each one: a
    // wake-up per letter put a context switch on the busy cores for every letter (futex and
    // scheduler work were 1.8% of a batch's samples). A worker that stops wakes it anyway, so the
    // last few results of a batch are never left waiting. Up to 16 at a time: with the batch's
    // window of 32 letters a worker, the reader wakes once per 8 results instead of 4 (per 10,000
    // letters 2,300 -> 780 voluntary and 2,700 -> 1,480 involuntary context switches, same peak memory).
    private const int MaxWakeAfter = 16;
    private readonly int _wakeAfter;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenRegistration _wakeOnCancel;
    private readonly Thread[] _workers;
    private int _taken;
    private int _handedBack;
    private int _running;
    private bool _readerWaiting;
    private int _workersWaiting;
    private bool _inputsDone;
    private bool _stopping;
    private ExceptionDispatchInfo? _failure;

    public OrderedPipeline(IEnumerable<TIn> inputs, Func<TIn, TOut> work, int threads, int window, CancellationToken cancellation)
    {
        _inputs = inputs.GetEnumerator();
        _work = work;
        _ready = new TOut?[window];
        _wakeAfter = Math.Clamp(window / 4, 1, MaxWakeAfter);
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
                    _readerWaiting = true;
                    Monitor.Wait(_gate);
                    _readerWaiting = false;
                }
                next = _ready[slot]!;
                _ready[slot] = null;
                _handedBack++;
                if (_workersWaiting > 0) Monitor.PulseAll(_gate);
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
                    {
                        _workersWaiting++;
                        Monitor.Wait(_gate);
                        _workersWaiting--;
                    }
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
                    if (_readerWaiting && ReadyInOrder() >= _wakeAfter) Monitor.PulseAll(_gate);
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

    /// <summary>How many results are ready from the one the reader takes next, without a gap (called under the lock).</summary>
    private int ReadyInOrder()
    {
        var ready = 0;
        while (ready < _wakeAfter && _ready[(_handedBack + ready) % _ready.Length] is not null) ready++;
        return ready;
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
