using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DePin.Index.Node;

/// <summary>The console logging the options ask for: simple single-line text or one JSON object per line, UTC timestamps.</summary>
internal static class NodeLogging
{
    public static ILoggerFactory Create(NodeOptions options) => LoggerFactory.Create(b =>
    {
        b.SetMinimumLevel(options.LogLevel);
        b.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        b.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (options.LogFormat == NodeLogFormat.Json)
        {
            b.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
            });
        }
        else
        {
            b.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
    });
}
