using System.Security.Cryptography;

namespace DePin.Index.Devnet;

/// <summary>
/// The devnet node's admin token: DIR/admin-token, 32 random bytes as hex, mode 0600 (the folder is git-ignored, so it is never
/// committed). The node reads it with <c>--admin-token-file</c>; <c>depin subgraph deploy|remove</c> send it.
/// </summary>
public static class DevnetAdminToken
{
    public const string FileName = "admin-token";

    public static string PathIn(string devnetDir) => Path.Combine(devnetDir, FileName);

    /// <summary>The token in the folder; null when there is none.</summary>
    public static string? Read(string devnetDir)
    {
        var path = PathIn(devnetDir);
        return File.Exists(path) ? File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : null : null;
    }

    /// <summary>The folder's token, created (mode 0600) when missing.</summary>
    public static string Ensure(string devnetDir)
    {
        if (Read(devnetDir) is { } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(devnetDir);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var path = PathIn(devnetDir);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // never readable by others, not even briefly
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(token + "\n");
        }

        File.Move(temp, path, overwrite: true);
        return token;
    }
}
