using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkSights.Sandbox;

/// <summary>
/// <c>sandbox-state.json</c> in the data directory, beside the certificates. Each save writes a temporary file, flushes it
/// to disk and moves it over the old one, so a process killed at any moment leaves either the old or the new state.
/// Without a data directory nothing is read or written.
/// </summary>
internal sealed class SandboxStateFile
{
    public const string FileName = "sandbox-state.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lock gate = new();

    public SandboxStateFile(string? dataDirectory) =>
        Path = dataDirectory is null ? null : System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), FileName);

    /// <summary>The file, or null when the sandbox has no data directory.</summary>
    public string? Path { get; }

    /// <summary>The saved state; null when there is none. An unreadable file is kept aside as <c>.unreadable</c> and the
    /// sandbox starts from the seed.</summary>
    public PersistedSandboxState? Load()
    {
        if (Path is null || !File.Exists(Path))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<PersistedSandboxState>(File.ReadAllBytes(Path), Json);
            if (state is { Version: PersistedSandboxState.CurrentVersion } && HasValidKey(state))
            {
                return state;
            }
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            // Fall through: set the file aside below.
        }

        File.Move(Path, Path + ".unreadable", overwrite: true);
        return null;
    }

    /// <summary>Writes the state that <paramref name="snapshot"/> returns; snapshots and writes are serialized, so the file
    /// always ends with the latest state even when changes race.</summary>
    public void Save(Func<PersistedSandboxState> snapshot)
    {
        if (Path is null)
        {
            return;
        }

        lock (gate)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(snapshot(), Json);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var temporary = Path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // The file holds the token-protection key and client secrets: readable by the owner only.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
    }

    private static bool HasValidKey(PersistedSandboxState state)
    {
        var key = new byte[OpaqueProtector.KeyLength + 1];
        return Convert.TryFromBase64String(state.TokenKey ?? string.Empty, key, out var length) && length == OpaqueProtector.KeyLength
            && !string.IsNullOrEmpty(state.TokenGeneration);
    }
}
