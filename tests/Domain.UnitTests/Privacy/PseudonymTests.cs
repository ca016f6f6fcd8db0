using System.Security.Cryptography;
using System.Text;
using WorkSights.Domain.Privacy;

namespace WorkSights.Domain.UnitTests.Privacy;

public sealed class PseudonymTests
{
    private static readonly byte[] KeyA = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] KeyB = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();
    private static readonly Guid Dana = Guid.Parse("5b0c9a6e-2f1d-4c3b-9a8e-7d6c5b4a3f21");

    [Fact]
    public void SamePersonUnderTheSameKeyReadsTheSameEveryTime()
    {
        Assert.Equal(Pseudonym.Of(KeyA, Dana), Pseudonym.Of(KeyA.ToArray(), Dana));
        Assert.Matches("^Person [0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", Pseudonym.Of(KeyA, Dana));
    }

    [Fact]
    public void SamePersonUnderAnotherWorkspacesKeyReadsDifferently()
    {
        Assert.NotEqual(Pseudonym.Of(KeyA, Dana), Pseudonym.Of(KeyB, Dana));
    }

    [Fact]
    public void PseudonymIsNoPlainHashOfTheIdOrAddress()
    {
        var code = Pseudonym.Of(KeyA, Dana)["Person ".Length..].Replace("-", string.Empty, StringComparison.Ordinal);
        var plain = new[] { SHA256.HashData(Dana.ToByteArray()), SHA256.HashData(Encoding.UTF8.GetBytes("dana@contoso.com")), SHA256.HashData(Encoding.UTF8.GetBytes(Dana.ToString())) };

        Assert.All(plain, hash => Assert.NotEqual(Pseudonym.Of(hash, Dana), Pseudonym.Of(KeyA, Dana)));
        Assert.All(plain, hash => Assert.DoesNotContain(code, Convert.ToHexString(hash), StringComparison.Ordinal));
    }

    [Fact]
    public void TenThousandPeopleGetTenThousandPseudonyms()
    {
        var names = Enumerable.Range(0, 10_000).Select(i => Pseudonym.Of(KeyA, new Guid(i, 7, 7, new byte[8]))).ToHashSet();

        Assert.Equal(10_000, names.Count);
    }

    [Fact]
    public void KeyOfTheWrongLengthIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Pseudonym.Of(new byte[16], Dana));
    }
}
