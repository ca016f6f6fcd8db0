using WorkSights.Domain.Privacy;

namespace WorkSights.Domain.UnitTests.Privacy;

public sealed class GroupDisclosureTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid[] People = Enumerable.Range(1, 20).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

    private static GroupMembers Of(params int[] people) => GroupMembers.Of(people.Select(i => People[i]));

    private static GroupMembers Range(int from, int count) => GroupMembers.Of(People.Skip(from).Take(count));

    private static ShownGroup Shown(string selection, GroupMembers members) => ShownGroup.Record(Tenant, selection, selection, members, Now);

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(12, true)]
    public void GroupIsShownOnlyFromTheMinimumSize(int size, bool shown)
    {
        Assert.Equal(shown, GroupDisclosure.Judge(Range(0, size), "team:a", [], 5).IsShown);
    }

    [Fact]
    public void EmptyGroupRevealsNothingAndIsShown()
    {
        Assert.True(GroupDisclosure.Judge(Range(0, 0), "team:nobody", [], 5).IsShown);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void GroupDifferingFromAShownOneByFewerThanTheMinimumIsWithheld(int difference, bool shown)
    {
        var everyone = Range(0, 15);
        var verdict = GroupDisclosure.Judge(Range(difference, 15 - difference), "team:almost", [Shown("everyone", everyone)], 5);

        Assert.Equal(shown, verdict.IsShown);
        if (!shown)
        {
            Assert.Contains($"({"everyone"}) by {(difference == 1 ? "1 person" : $"{difference} people")}", verdict.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DifferenceCountsPeopleOnEitherSide()
    {
        // Two people swapped: 2 left out, 2 added, 4 people tell the groups apart.
        var shown = Of(0, 1, 2, 3, 4, 5, 6);
        var candidate = Of(2, 3, 4, 5, 6, 7, 8);

        Assert.Equal(4, candidate.DifferenceFrom(shown));
        Assert.False(GroupDisclosure.Judge(candidate, "manager:x", [Shown("team:a", shown)], 5).IsShown);
        Assert.True(GroupDisclosure.Judge(candidate, "manager:x", [Shown("team:a", shown)], 4).IsShown);
    }

    [Fact]
    public void SameSelectionWithAJoinerReplacesItsOwnRowInsteadOfBeingWithheld()
    {
        Assert.True(GroupDisclosure.Judge(Range(0, 9), "everyone", [Shown("everyone", Range(0, 8))], 5).IsShown);
    }

    [Fact]
    public void GroupWithExactlyTheMembersOfAShownOneRevealsNothingNew()
    {
        Assert.True(GroupDisclosure.Judge(Range(0, 8), "team:sales", [Shown("manager:mia", Range(0, 8))], 5).IsShown);
    }

    [Fact]
    public void MembersSurviveTheirStoredForm()
    {
        var members = Of(9, 3, 3, 7, 1);

        var stored = GroupMembers.FromBytes(members.ToBytes());

        Assert.Equal(4, stored.Count);
        Assert.Equal(0, stored.DifferenceFrom(members));
        Assert.True(stored.Contains(People[7]));
        Assert.False(stored.Contains(People[8]));
    }
}
