using System.ComponentModel.DataAnnotations;
using WorkSights.Infrastructure.Identity;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>The options are validated with their data annotations when the app starts (ValidateDataAnnotations).</summary>
public sealed class MicrosoftIdentityOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public void A_mailbox_page_size_graph_does_not_accept_is_refused(int pageSize)
    {
        var errors = Validate(new MicrosoftIdentityOptions { ClientId = "client", MailboxPageSize = pageSize });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(MicrosoftIdentityOptions.MailboxPageSize)));
    }

    [Fact]
    public void The_default_page_size_is_500_and_valid()
    {
        var options = new MicrosoftIdentityOptions { ClientId = "client" };

        Assert.Equal(500, options.MailboxPageSize);
        Assert.DoesNotContain(Validate(options), e => e.MemberNames.Contains(nameof(MicrosoftIdentityOptions.MailboxPageSize)));
    }

    private static List<ValidationResult> Validate(MicrosoftIdentityOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return errors;
    }
}
