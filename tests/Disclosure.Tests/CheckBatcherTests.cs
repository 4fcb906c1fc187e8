namespace ConsentPlatform.Disclosure.Tests;

/// <summary>
/// The coalescing of live checks (issue 23), driven by hand: each batch's answer is a task the test
/// completes, so what leaves together is decided by what was waiting, never by a clock.
/// </summary>
public sealed class CheckBatcherTests
{
    private sealed class FakeService
    {
        public List<(IReadOnlyList<string> Checks, TaskCompletionSource<IReadOnlyList<string>> Answer)> Batches { get; } = [];

        public Task<IReadOnlyList<string>> AskAsync(IReadOnlyList<string> checks)
        {
            var answer = new TaskCompletionSource<IReadOnlyList<string>>();
            Batches.Add((checks, answer));
            return answer.Task;
        }

        /// <summary>Answers batch <paramref name="index"/> as a correct service would: one result per check, in order.</summary>
        public void Answer(int index) => Batches[index].Answer.SetResult([.. Batches[index].Checks.Select(c => "answer to " + c)]);
    }

    [Fact]
    public async Task Given_nothing_in_flight_When_one_check_is_asked_Then_it_leaves_at_once_alone()
    {
        var service = new FakeService();
        var batcher = new CheckBatcher<string, string>(service.AskAsync, maxBatchSize: 64, maxBatchesInFlight: 2);

        var answer = batcher.AskAsync("a");

        Assert.Equal(["a"], Assert.Single(service.Batches).Checks);
        Assert.Equal(0, batcher.Waiting);
        service.Answer(0);
        Assert.Equal("answer to a", await answer);
    }

    [Fact]
    public async Task Given_every_batch_slot_busy_When_checks_arrive_Then_they_wait_and_leave_together_when_a_batch_returns()
    {
        var service = new FakeService();
        var batcher = new CheckBatcher<string, string>(service.AskAsync, maxBatchSize: 64, maxBatchesInFlight: 1);
        var first = batcher.AskAsync("a");

        var waiting = new[] { batcher.AskAsync("b"), batcher.AskAsync("c"), batcher.AskAsync("d") };
        Assert.Single(service.Batches);
        Assert.Equal(3, batcher.Waiting);

        service.Answer(0);
        await first;
        Assert.Equal(2, service.Batches.Count);
        Assert.Equal(["b", "c", "d"], service.Batches[1].Checks);
        service.Answer(1);
        Assert.Equal(["answer to b", "answer to c", "answer to d"], await Task.WhenAll(waiting));
    }

    [Fact]
    public async Task Given_more_waiting_than_a_batch_holds_Then_they_leave_in_order_in_batches_of_at_most_the_limit()
    {
        var service = new FakeService();
        var batcher = new CheckBatcher<string, string>(service.AskAsync, maxBatchSize: 2, maxBatchesInFlight: 1);
        var all = new[] { "a", "b", "c", "d", "e" }.Select(batcher.AskAsync).ToList();

        for (var i = 0; i < 3; i++) service.Answer(i);

        Assert.Equal([["a"], ["b", "c"], ["d", "e"]], service.Batches.Select(b => b.Checks.ToArray()));
        Assert.Equal(["answer to a", "answer to b", "answer to c", "answer to d", "answer to e"], await Task.WhenAll(all));
    }

    [Fact]
    public async Task Given_a_batch_fails_Then_every_check_in_it_fails_and_the_next_batch_is_still_answered()
    {
        var service = new FakeService();
        var batcher = new CheckBatcher<string, string>(service.AskAsync, maxBatchSize: 64, maxBatchesInFlight: 1);
        var a = batcher.AskAsync("a");
        var b = batcher.AskAsync("b");
        var c = batcher.AskAsync("c");

        service.Batches[0].Answer.SetException(new TimeoutException("no answer"));
        service.Answer(1);

        await Assert.ThrowsAsync<TimeoutException>(() => a);
        Assert.Equal(["answer to b", "answer to c"], await Task.WhenAll(b, c));
    }

    [Fact]
    public async Task Given_an_answer_without_one_result_per_check_Then_every_check_of_that_batch_fails_closed()
    {
        var service = new FakeService();
        var batcher = new CheckBatcher<string, string>(service.AskAsync, maxBatchSize: 64, maxBatchesInFlight: 1);
        _ = batcher.AskAsync("a");
        var b = batcher.AskAsync("b");
        var c = batcher.AskAsync("c");
        service.Answer(0);

        service.Batches[1].Answer.SetResult(["answer to b"]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => b);
        await Assert.ThrowsAsync<InvalidOperationException>(() => c);
    }

    [Fact]
    public async Task Given_a_service_that_throws_before_answering_Then_the_check_fails_and_the_batcher_keeps_working()
    {
        var calls = 0;
        var batcher = new CheckBatcher<string, string>(
            checks => ++calls == 1 ? throw new InvalidOperationException("broker gone") : Task.FromResult<IReadOnlyList<string>>([.. checks]),
            maxBatchSize: 64,
            maxBatchesInFlight: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.AskAsync("a"));
        Assert.Equal("b", await batcher.AskAsync("b"));
    }
}
