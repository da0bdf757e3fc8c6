namespace RulesEngine.Reading.Formats.Word;

/// <summary>A read-only view of a stream that fails once more than a limit has been read: a compressed part cannot unpack without bound.</summary>
internal sealed class LimitedStream(Stream inner, long limit, string name) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int read)
    {
        _read += read;
        if (_read > limit) throw new InvalidDataException($"the part {name} unpacks to more than {limit / (1024 * 1024)} MB");
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
