namespace DePin.Index.Node.Ipfs.Internal;

/// <summary>
/// The files and folders of one <c>/api/v0/add</c> call: files are added as their parts arrive; folders named by the
/// paths (<c>build/Token/Token.wasm</c>) or by directory parts are built at the end, deepest first, as kubo's adder does.
/// </summary>
internal sealed class AddTree
{
    private readonly Folder _root = new();
    private readonly List<(string Path, UnixFsEntry Entry)> _files = [];

    /// <summary>Splits and checks a part's path: no empty, "." or ".." segments.</summary>
    public static string[] Segments(string path)
    {
        var segments = path.Trim().Trim('/').Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw new IpfsFormatException($"invalid path '{path}': empty, '.' and '..' segments are not allowed");
        }

        return segments;
    }

    public void AddFile(string[] segments, UnixFsEntry entry)
    {
        var folder = Ensure(segments[..^1]);
        var name = segments[^1];
        if (folder.Children.TryGetValue(name, out var existing) && existing is Folder)
        {
            throw new IpfsFormatException($"'{string.Join('/', segments)}' is both a file and a folder");
        }

        folder.Children[name] = entry;
        _files.Add((string.Join('/', segments), entry));
    }

    public void AddFolder(string[] segments) => Ensure(segments);

    /// <summary>The files in arrival order, then every folder (children before parents), then the wrapping root when asked.</summary>
    public IReadOnlyList<(string Path, UnixFsEntry Entry)> Finish(ICollection<IpfsBlock> blocks, bool wrapWithDirectory)
    {
        var result = new List<(string, UnixFsEntry)>(_files);
        var rootChildren = Build(_root, "", blocks, result);
        if (wrapWithDirectory)
        {
            result.Add(("", UnixFsImporter.AddDirectory(rootChildren, blocks)));
        }

        return result;
    }

    private static Dictionary<string, UnixFsEntry> Build(Folder folder, string path, ICollection<IpfsBlock> blocks, List<(string, UnixFsEntry)> output)
    {
        var children = new Dictionary<string, UnixFsEntry>(StringComparer.Ordinal);
        foreach (var (name, child) in folder.Children.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var childPath = path.Length == 0 ? name : path + "/" + name;
            if (child is Folder sub)
            {
                var entry = UnixFsImporter.AddDirectory(Build(sub, childPath, blocks, output), blocks);
                output.Add((childPath, entry));
                children[name] = entry;
            }
            else
            {
                children[name] = (UnixFsEntry)child;
            }
        }

        return children;
    }

    /// <summary>The folder at this path, creating the folders on the way.</summary>
    private Folder Ensure(IEnumerable<string> names)
    {
        var folder = _root;
        foreach (var name in names)
        {
            if (!folder.Children.TryGetValue(name, out var child))
            {
                child = new Folder();
                folder.Children[name] = child;
            }

            folder = child as Folder ?? throw new IpfsFormatException($"'{name}' is both a file and a folder");
        }

        return folder;
    }

    private sealed class Folder
    {
        public Dictionary<string, object> Children { get; } = new(StringComparer.Ordinal);
    }
}
