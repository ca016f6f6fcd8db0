namespace WorkSights.Sandbox;

/// <summary>
/// Which identity properties a call record carries. Microsoft deprecated the record's <c>organizer</c> and <c>participants</c>
/// and the session endpoints' <c>identity</c> (they stop returning data on 30 June 2026) in favour of <c>organizer_v2</c>,
/// <c>participants_v2</c> and <c>associatedIdentity</c>.
/// </summary>
public enum SandboxCallRecordShape
{
    /// <summary>The deprecated properties beside the new ones, as the reference's list example shows them today.</summary>
    Both = 0,

    /// <summary>Only the new properties, as newer records and every record after the retirement carry them.</summary>
    Current,

    /// <summary>Only the deprecated properties (an expanded <c>participants_v2</c> is empty), as older records carried them.</summary>
    Deprecated,
}

/// <summary>The form of a call record's <c>sessions@odata.nextLink</c> and <c>participants_v2@odata.nextLink</c> under <see cref="SandboxFaults.OddCallRecordNextLinks"/>.</summary>
public enum SandboxOddNextLink
{
    /// <summary>The context-URL form of the reference's Get callRecord example (<c>…/v1.0/$metadata#communications/callRecords('…')/sessions?…</c>): no request can be made of it.</summary>
    MetadataContext = 0,

    /// <summary>An absolute URL on a host that is not Graph's.</summary>
    ForeignHost,

    /// <summary>A relative reference, which is no URL a client can follow.</summary>
    Relative,
}
