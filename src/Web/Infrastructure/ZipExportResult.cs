using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using WorkSights.Application.Accounts.DataExports;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// Writes an export as a zip straight to the response: each file's rows are formatted into a small buffer and written
/// on asynchronously as the buffer fills, files one after another, so the browser's download grows from the first row
/// and the server holds a few hundred rows at a time however large the workspace is.
/// </summary>
public sealed class ZipExportResult(DataExport export) : IActionResult
{
    /// <summary>Rows formatted before the buffer is written on: about 100 KB of activities.</summary>
    private const int RowsPerWrite = 500;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.ContentType = "application/zip";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = export.FileName + ".zip" }.ToString();
        response.Headers[HeaderNames.CacheControl] = "no-store";

        await using var body = new HeldSyncWritesStream(response.Body);
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            foreach (var table in export.Tables)
            {
                var entry = zip.CreateEntry(table.Name + (export.Format == ExportFormat.Csv ? ".csv" : ".json"), CompressionLevel.Fastest);
                await using (var file = await entry.OpenAsync(cancellationToken))
                {
                    await (export.Format == ExportFormat.Csv ? WriteCsvAsync(table, file, cancellationToken) : WriteJsonAsync(table, file, cancellationToken));
                }

                await body.FlushAsync(cancellationToken);
            }
        }

        await body.FlushAsync(cancellationToken);
    }

    private static async Task WriteCsvAsync(ExportTable table, Stream file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader(table.Columns.ToArray());
        var pending = 1;
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            csv.WriteRecord(row.Select(Text).ToArray());
            if (++pending >= RowsPerWrite)
            {
                await csv.FlushAsync(cancellationToken);
                await DrainAsync(buffer, file, cancellationToken);
                pending = 0;
            }
        }

        await csv.FlushAsync(cancellationToken);
        await DrainAsync(buffer, file, cancellationToken);
    }

    private static async Task WriteJsonAsync(ExportTable table, Stream file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        var pending = 0;
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                json.WritePropertyName(table.Columns[i]);
                JsonSerializer.Serialize(json, row[i], row[i]?.GetType() ?? typeof(object), JsonOptions);
            }

            json.WriteEndObject();
            if (++pending >= RowsPerWrite)
            {
                await json.FlushAsync(cancellationToken);
                await DrainAsync(buffer, file, cancellationToken);
                pending = 0;
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
        await DrainAsync(buffer, file, cancellationToken);
    }

    private static async Task DrainAsync(MemoryStream buffer, Stream file, CancellationToken cancellationToken)
    {
        await file.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        buffer.SetLength(0);
    }

    /// <summary>A cell as the CSV shows it: times in ISO 8601 UTC, numbers with a dot, whatever the server's culture.</summary>
    private static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    /// <summary>
    /// The response body for the zip: closing an entry ends its compressed stream with a synchronous write, which the
    /// server refuses, so synchronous writes (a few bytes each) are held here and go out with the next asynchronous
    /// write or flush.
    /// </summary>
    private sealed class HeldSyncWritesStream(Stream response) : Stream
    {
        private readonly MemoryStream held = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => held.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => held.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await WriteHeldAsync(cancellationToken);
            await response.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await WriteHeldAsync(cancellationToken);
            await response.FlushAsync(cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                held.Dispose();
            }

            base.Dispose(disposing);
        }

        private async Task WriteHeldAsync(CancellationToken cancellationToken)
        {
            if (held.Length > 0)
            {
                await response.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken);
                held.SetLength(0);
            }
        }
    }
}
