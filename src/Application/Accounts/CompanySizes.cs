using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts;

public static class CompanySizes
{
    /// <summary>A size range as people read it: "51–200 people".</summary>
    public static string Words(CompanySize size) => size switch
    {
        CompanySize.UpTo10 => "1–10 people",
        CompanySize.From11To50 => "11–50 people",
        CompanySize.From51To200 => "51–200 people",
        CompanySize.From201To1000 => "201–1,000 people",
        CompanySize.From1001To5000 => "1,001–5,000 people",
        _ => "More than 5,000 people",
    };
}
