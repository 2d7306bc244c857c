namespace DePin.Index.Devnet.Internal;

/// <summary>Root detection, the Debian `postgres` system user, and chown through the system tools.</summary>
internal static class SystemUsers
{
    public const string RunUser = "/usr/sbin/runuser";
    public const string PostgresUser = "postgres";

    public static bool IsRoot => NativeMethods.GetEffectiveUserId() == 0;

    /// <summary>Creates the `postgres` system user when it does not exist (root only; Debian's package normally made it).</summary>
    public static async Task EnsurePostgresUserAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!IsRoot) return; // a normal user runs PostgreSQL as itself
        var id = await ProcessRunner.RunAsync("id", ["-u", PostgresUser], cancellationToken).ConfigureAwait(false);
        if (id.Succeeded) return;
        progress?.Report("creating the `postgres` system user (useradd --system)");
        await ProcessRunner.RunAsync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", PostgresUser],
            cancellationToken).ConfigureAwait(false);
        (await ProcessRunner.RunAsync("id", ["-u", PostgresUser], cancellationToken).ConfigureAwait(false)).EnsureSuccess();
    }

    /// <summary>Gives <paramref name="path"/> to the postgres user when running as root (PostgreSQL refuses to run as root).</summary>
    public static async Task ChownToPostgresAsync(string path, bool recursive, CancellationToken cancellationToken)
    {
        if (!IsRoot) return;
        var args = new List<string>();
        if (recursive) args.Add("-R");
        args.Add($"{PostgresUser}:");
        args.Add(path);
        (await ProcessRunner.RunAsync("chown", args, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
    }
}
