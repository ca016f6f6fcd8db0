using System.Runtime.CompilerServices;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>Answers each mailbox read with the next scripted pages (optionally ending in a failure) and records the calls.</summary>
internal sealed class FakeMailboxReader : IMailboxReader
{
    private readonly Queue<Script<SentMail>> mail = new();
    private readonly Queue<Script<CalendarEntry>> calendar = new();

    public List<MailboxRead> Calls { get; } = [];

    public static SourcePage<T> Page<T>(string? nextLink, string? deltaLink, params T[] items) => new(items, [], nextLink, deltaLink);

    public static SourcePage<T> Removals<T>(string? nextLink, string? deltaLink, params string[] removedIds) => new([], removedIds, nextLink, deltaLink);

    public FakeMailboxReader SentMail(params SourcePage<SentMail>[] pages)
    {
        mail.Enqueue(new Script<SentMail>(pages, null));
        return this;
    }

    public FakeMailboxReader SentMailFails(Exception failure, params SourcePage<SentMail>[] pagesBefore)
    {
        mail.Enqueue(new Script<SentMail>(pagesBefore, failure));
        return this;
    }

    public FakeMailboxReader Calendar(params SourcePage<CalendarEntry>[] pages)
    {
        calendar.Enqueue(new Script<CalendarEntry>(pages, null));
        return this;
    }

    public FakeMailboxReader CalendarFails(Exception failure, params SourcePage<CalendarEntry>[] pagesBefore)
    {
        calendar.Enqueue(new Script<CalendarEntry>(pagesBefore, failure));
        return this;
    }

    public IAsyncEnumerable<SourcePage<SentMail>> ReadSentMailAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset since, CancellationToken cancellationToken)
    {
        Calls.Add(new MailboxRead("mail", externalTenantId, mailbox, resumeLink, since, null));
        return PlayAsync(mail, cancellationToken);
    }

    public IAsyncEnumerable<SourcePage<CalendarEntry>> ReadCalendarAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        Calls.Add(new MailboxRead("calendar", externalTenantId, mailbox, resumeLink, from, to));
        return PlayAsync(calendar, cancellationToken);
    }

    private static async IAsyncEnumerable<SourcePage<T>> PlayAsync<T>(Queue<Script<T>> scripts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!scripts.TryDequeue(out var script))
        {
            throw new InvalidOperationException("The test did not expect another mailbox read.");
        }

        foreach (var page in script.Pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return page;
        }

        if (script.Failure is { } failure)
        {
            throw failure;
        }
    }

    private sealed record Script<T>(IReadOnlyList<SourcePage<T>> Pages, Exception? Failure);
}

internal sealed record MailboxRead(string Source, string ExternalTenantId, string Mailbox, string? ResumeLink, DateTimeOffset From, DateTimeOffset? To);
