using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Jiceng.Infrastructure.Security;

/// <summary>
/// Bound from <c>Security</c>: AES-256 keys for personal data by key id (base64 of 32 bytes), the id that
/// encrypts new values, the blind-index key, or a key file holding all three. With none configured, a key
/// file under data/ is created on first start (fine for one machine; configure keys for anything else).
/// </summary>
public sealed class PersonalDataOptions
{
    public Dictionary<string, string> DataKeys { get; set; } = [];

    public string CurrentDataKeyId { get; set; } = "";

    public string BlindIndexKey { get; set; } = "";

    public string KeyFile { get; set; } = "data/jiceng-keys.json";

    public int RevealsPerHour { get; set; } = 30;
}

/// <summary>
/// Encrypts sensitive fields at rest with AES-GCM ("keyId:base64(nonce|ciphertext|tag)"), so keys can be
/// rotated while old values stay readable, and computes a keyed hash (HMAC-SHA256) for exact look-up
/// without decrypting: the blind index.
/// </summary>
public sealed class PersonalDataProtector
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly byte[] _blindIndexKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var settings = options.Value;
        if (settings.DataKeys.Count == 0 || string.IsNullOrEmpty(settings.BlindIndexKey))
        {
            settings = LoadOrCreateKeyFile(settings);
        }
        _keys = settings.DataKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        _currentKeyId = string.IsNullOrEmpty(settings.CurrentDataKeyId) ? _keys.Keys.Last() : settings.CurrentDataKeyId;
        _blindIndexKey = Convert.FromBase64String(settings.BlindIndexKey);
        if (_keys.Values.Any(k => k.Length != 32) || !_keys.ContainsKey(_currentKeyId))
        {
            throw new InvalidOperationException(
                "Security:DataKeys must hold 32-byte base64 keys including CurrentDataKeyId."
            );
        }
    }

    public string Encrypt(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[data.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(_keys[_currentKeyId], tag.Length);
        aes.Encrypt(nonce, data, cipher, tag, Encoding.UTF8.GetBytes(_currentKeyId));
        return _currentKeyId + ":" + Convert.ToBase64String([.. nonce, .. cipher, .. tag]);
    }

    public string Decrypt(string protectedValue)
    {
        var separator = protectedValue.IndexOf(':', StringComparison.Ordinal);
        var keyId = protectedValue[..separator];
        var bytes = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        var nonce = bytes.AsSpan(0, 12);
        var tag = bytes.AsSpan(bytes.Length - 16);
        var cipher = bytes.AsSpan(12, bytes.Length - 28);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_keys[keyId], 16);
        aes.Decrypt(nonce, cipher, tag, plain, Encoding.UTF8.GetBytes(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    public string BlindIndex(string value) =>
        Convert.ToHexString(
            HMACSHA256.HashData(_blindIndexKey, Encoding.UTF8.GetBytes(value.Trim().ToUpperInvariant()))
        );

    private static PersonalDataOptions LoadOrCreateKeyFile(PersonalDataOptions settings)
    {
        var file = Path.GetFullPath(settings.KeyFile);
        if (!File.Exists(file))
        {
            CreateKeyFileOnce(file);
        }
        var keys = ReadKeyFile(file);
        return new PersonalDataOptions
        {
            DataKeys = keys.DataKeys,
            CurrentDataKeyId = keys.CurrentDataKeyId,
            BlindIndexKey = keys.BlindIndexKey,
        };
    }

    /// <summary>
    /// Two processes starting at once must end with one key file. The file is created with O_CREAT|O_EXCL
    /// (FileMode.CreateNew), which exactly one process wins on every file system; the losers read the winner's keys,
    /// waiting while it is still being written. No lock is taken: a reader's shared lock, taken in the instant between
    /// the winner's create and its exclusive lock, would make the winner fail and leave the file empty. (A temporary
    /// file moved into place is not enough either: where the file system refuses hard links, .NET's no-overwrite move
    /// falls back to a check-then-rename.)
    /// </summary>
    private static void CreateKeyFileOnce(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var created = JsonSerializer.SerializeToUtf8Bytes(
            new KeyFile(
                new Dictionary<string, string> { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                "k1",
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            )
        );
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        FileStream stream;
        try
        {
            stream = new FileStream(file, options);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created the key file first: its keys are the ones to use.
            return;
        }
        using (stream)
        {
            // One write of a few hundred bytes: readers see the file empty or whole.
            stream.Write(created);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Reads the key file, waiting while its creator is still writing it (empty, or not yet whole). A file that stays
    /// unreadable stops the start: new keys would make every stored value unreadable.
    /// </summary>
    private static KeyFile ReadKeyFile(string file)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var text = File.ReadAllText(file);
                if (text.Length > 0)
                {
                    return JsonSerializer.Deserialize<KeyFile>(text)
                        ?? throw new InvalidOperationException($"The key file {file} is empty.");
                }
            }
            catch (Exception error) when (error is IOException or JsonException && waited.Elapsed < KeyFileWait)
            {
                // Being written by the process that created it.
            }
            if (waited.Elapsed >= KeyFileWait)
            {
                throw new InvalidOperationException($"The key file {file} cannot be read; restore it from a backup.");
            }
            Thread.Sleep(10);
        }
    }

    private static readonly TimeSpan KeyFileWait = TimeSpan.FromSeconds(30);

    private sealed record KeyFile(Dictionary<string, string> DataKeys, string CurrentDataKeyId, string BlindIndexKey);
}

/// <summary>How personal data is shown to callers who may not reveal it.</summary>
public static class PersonalDataMask
{
    /// <summary>110105194912310021 → 110105********0021 (region code and last four stay).</summary>
    public static string IdNumber(string value) =>
        value.Length <= 10
            ? new string('*', value.Length)
            : value[..6] + new string('*', value.Length - 10) + value[^4..];

    /// <summary>13812345678 → 138****5678.</summary>
    public static string Phone(string value) =>
        value.Length <= 7
            ? new string('*', value.Length)
            : value[..3] + new string('*', value.Length - 7) + value[^4..];

    /// <summary>
    /// A name where those who know the person may recognise them (an in-party notice, a published statement, a public
    /// check page): 张三 → 张*, 王小明 → 王*明, 欧阳修文 → 欧**文.
    /// </summary>
    public static string Name(string? value)
    {
        var text = (value ?? "").Trim();
        return text.Length switch
        {
            0 => "",
            1 => "*",
            2 => text[0] + "*",
            _ => text[0] + new string('*', text.Length - 2) + text[^1],
        };
    }

    /// <summary>
    /// A name in a staff list of residents: the family name and at most three stars (王秀兰 → 王**, 欧阳娜娜娜 → 欧***),
    /// so staff can tell requesters apart without learning the name or its length.
    /// </summary>
    public static string FamilyName(string? value)
    {
        var text = (value ?? "").Trim();
        return text.Length <= 1
            ? new string('*', text.Length)
            : text[0] + new string('*', Math.Min(text.Length - 1, 3));
    }
}

/// <summary>居民身份证号码 (GB 11643-1999): 17 digits, a check character from ISO 7064 MOD 11-2, a real birth date.</summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string? value) =>
        value is { Length: 18 }
        && value[..17].All(char.IsAsciiDigit)
        && char.ToUpperInvariant(value[17]) == CheckCharacter(value)
        && BirthDate(value) is not null;

    public static char CheckCharacter(string first17) =>
        CheckCharacters[first17.Take(17).Select((c, i) => (c - '0') * Weights[i]).Sum() % 11];

    /// <summary>The birth date in the number, if it is a real date no later than any date the system accepts (rules
    /// add 18 years to it).</summary>
    public static DateOnly? BirthDate(string value) =>
        DateOnly.TryParseExact(
            value.Substring(6, 8),
            "yyyyMMdd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var date
        )
        && date <= Primitives.BoundedDateOnlyConverter.Latest
            ? date
            : null;

    /// <summary>The 17th digit is odd for men and even for women.</summary>
    public static bool IsMale(string value) => (value[16] - '0') % 2 == 1;
}
