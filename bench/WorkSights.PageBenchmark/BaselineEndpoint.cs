using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WorkSights.PageBenchmark;

/// <summary>
/// The same-run baseline: a bare endpoint ahead of the app's whole pipeline that answers a body of a given size, so a
/// page's throughput can be compared with what the same server, clients and transport do with no work at all.
/// </summary>
internal sealed class BaselineEndpoint : IStartupFilter
{
    private const string Path = "/bench/baseline";

    public static void Add(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new BaselineEndpoint());

    public static string PathFor(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{Path}?bytes={bytes}");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != Path)
            {
                await nextMiddleware(context);
                return;
            }

            var size = int.Parse(context.Request.Query["bytes"].ToString(), CultureInfo.InvariantCulture);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = size;
            await context.Response.Body.WriteAsync(Body(size));
        });
        next(app);
    };

    private static byte[]? body;

    private static ReadOnlyMemory<byte> Body(int size)
    {
        var cached = body;
        if (cached is null || cached.Length < size)
        {
            cached = new byte[size];
            Array.Fill(cached, (byte)'x');
            body = cached;
        }

        return cached.AsMemory(0, size);
    }
}
