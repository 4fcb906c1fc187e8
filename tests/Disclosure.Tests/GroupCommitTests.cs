namespace ConsentPlatform.Disclosure.Tests;

/// <summary>Group commit (issue 23): one commit for all; if it fails, each alone, so only the one that fails alone fails.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Given_a_group_that_commits_Then_it_is_one_commit_and_nothing_failed()
    {
        var commits = new List<string[]>();

        var results = await GroupCommit.CommitTogetherAsync(["a", "b", "c"], items => { commits.Add([.. items]); return Task.CompletedTask; });

        Assert.Equal([["a", "b", "c"]], commits);
        Assert.All(results, Assert.Null);
    }

    [Fact]
    public async Task Given_one_conflicting_decision_in_a_group_Then_only_that_one_fails_and_the_others_are_committed_alone()
    {
        var committed = new List<string>();

        var results = await GroupCommit.CommitTogetherAsync(["a", "conflict", "c"], items =>
        {
            if (items.Contains("conflict")) throw new InvalidOperationException("stream exists");
            committed.AddRange(items);
            return Task.CompletedTask;
        });

        Assert.Equal(["a", "c"], committed);
        Assert.Null(results[0]);
        Assert.IsType<InvalidOperationException>(results[1]);
        Assert.Null(results[2]);
    }

    [Fact]
    public async Task Given_a_lone_decision_that_fails_Then_its_failure_is_thrown()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GroupCommit.CommitTogetherAsync(["conflict"], _ => throw new InvalidOperationException("stream exists")));
    }
}
