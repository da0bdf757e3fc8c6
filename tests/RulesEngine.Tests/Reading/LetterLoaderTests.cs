using System.Text;
using RulesEngine.Reading;

namespace RulesEngine.Tests.Reading;

public class LetterLoaderTests
{
    private static LoadedLetter Decode(byte[] bytes) => LetterLoader.Decode(LetterSource.FromText("x.txt", ""), bytes);

    [Fact]
    public void Load_EmptyFile_FailsNamingTheFile()
    {
        Assert.Equal("x.txt: error: the letter is empty", Decode([]).Error);
    }

    [Fact]
    public void Load_BinaryFile_FailsWithTheOffsetOfTheNulByte()
    {
        Assert.Contains("binary", Decode([0x41, 0x42, 0x00, 0x43]).Error);
    }

    [Fact]
    public void Load_InvalidUtf8_ReplacesTheBytesAndWarns()
    {
        // UTF-8 elsewhere in the letter (é) says the stray byte is damage, not another code page.
        var loaded = Decode([0xC3, 0xA9, 0x41, 0xFF, 0x42]);
        Assert.True(loaded.Succeeded);
        Assert.Equal("éA\uFFFDB", loaded.Text);
        Assert.Null(loaded.Encoding);
        Assert.Contains("invalid UTF-8 at byte 3", Assert.Single(loaded.Warnings));
    }

    [Fact]
    public void Load_Windows1252Letter_IsReadAsWindows1252AndSaysSo()
    {
        // "Children’s services – £5" as an older Windows program saves it.
        var loaded = Decode([.. "Children"u8, 0x92, .. "s services "u8, 0x96, .. " "u8, 0xA3, .. "5"u8]);
        Assert.Equal("Children’s services – £5", loaded.Text);
        Assert.Equal(LetterEncoding.Windows1252, loaded.Encoding);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void Load_BytesWindows1252DoesNotDefine_AreInvalidUtf8Replaced()
    {
        var loaded = Decode([0x41, 0x81, 0x42]);
        Assert.Equal("A\uFFFDB", loaded.Text);
        Assert.Null(loaded.Encoding);
        Assert.Single(loaded.Warnings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_Utf16WithAByteOrderMark_IsReadAsUtf16(bool bigEndian)
    {
        var encoding = new System.Text.UnicodeEncoding(bigEndian, byteOrderMark: true);
        var loaded = Decode([.. encoding.GetPreamble(), .. encoding.GetBytes("Dear Sir\nChildren’s services")]);
        Assert.Equal("Dear Sir\nChildren’s services", loaded.Text);
        Assert.Equal(bigEndian ? LetterEncoding.Utf16BigEndian : LetterEncoding.Utf16LittleEndian, loaded.Encoding);
    }

    [Fact]
    public void Load_ByteOrderMark_IsNotPartOfTheText()
    {
        Assert.Equal("Dear", Decode(Encoding.UTF8.GetPreamble().Concat("Dear"u8.ToArray()).ToArray()).Text);
    }

    [Fact]
    public void Load_InvalidUtf8AfterAByteOrderMark_WarnsWithTheOffsetInTheFile()
    {
        var loaded = Decode([0xEF, 0xBB, 0xBF, 0x41, 0xFF, 0x42]);
        Assert.Equal("A\uFFFDB", loaded.Text);
        Assert.Contains("invalid UTF-8 at byte 4", Assert.Single(loaded.Warnings));
    }

    [Fact]
    public void Load_FileOverTheLimit_FailsWithTheLimit()
    {
        var loaded = LetterLoader.Decode(LetterSource.FromText("big.txt", ""), new byte[3 * 1024 * 1024].Select(_ => (byte)'a').ToArray(), 2 * 1024 * 1024);
        Assert.Contains("larger than the limit of 2 MB", loaded.Error);
    }

    [Fact]
    public void Load_MissingFile_FailsWithAReason()
    {
        var loaded = LetterLoader.Load(LetterSource.FromFile("/nonexistent/letter.txt"));
        Assert.StartsWith("/nonexistent/letter.txt: error: cannot read the file", loaded.Error);
    }

    [Fact]
    public void Load_FilesOneAfterAnother_GivesEachOnlyItsOwnBytes()
    {
        // Files are read into a buffer the thread reuses: a short letter after a long one must not
        // see the long one's tail, and one beyond the buffer's size must be read whole.
        var folder = Directory.CreateTempSubdirectory("rulesengine-loader-").FullName;
        try
        {
            var texts = new[] { new string('a', 40_000) + " end", "Short letter.", new string('b', 100_000) + " end", "é and ’ survive", "Short again." };
            for (var i = 0; i < texts.Length; i++)
            {
                var path = Path.Combine(folder, $"l{i}.txt");
                File.WriteAllText(path, texts[i]);
                Assert.Equal(texts[i], LetterLoader.Load(LetterSource.FromFile(path)).Text);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_FileOverTheLimitOnDisk_FailsWithTheLimit()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, new string('a', 3 * 1024 * 1024));
            Assert.Contains("larger than the limit of 2 MB", LetterLoader.Load(LetterSource.FromFile(path), 2 * 1024 * 1024).Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<byte[]> Contents() => new()
    {
        "Dear Sir,\nthe council."u8.ToArray(),
        new byte[] { 0xEF, 0xBB, 0xBF, 0x41, 0xFF, 0x42 },
        new byte[] { 0x41, 0xFF, 0x42 },
        new byte[] { 0xC3, 0xA9, 0x41, 0xFF, 0x42 },
        " \n\t "u8.ToArray(),
        new byte[] { 0x41, 0x00 },
        Array.Empty<byte>(),
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void Load_IntoAPool_GivesTheTextWarningsAndErrorsOfALoadIntoAString(byte[] bytes)
    {
        var source = new LetterSource("x.txt", "x", _ => bytes);
        var asString = LetterLoader.Load(source);
        var pool = new TokenPool();
        // A long letter first, so the pool's buffer is longer than this one's text.
        LetterLoader.Load(LetterSource.FromText("long.txt", new string('a', 5000)), pool);

        var pooled = LetterLoader.Load(source, pool);

        Assert.Equal(asString.Error, pooled.Error);
        Assert.Equal(asString.Warnings, pooled.Warnings);
        Assert.Null(pooled.Text);
        Assert.Equal(asString.Text ?? "", pooled.Chars.ToString());
    }
}
