namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>The forwarder's lanes (issue 23): one per stream, each in the page's order.</summary>
public sealed class StreamLanesTests
{
    [Fact]
    public void Each_streams_events_keep_their_order_in_a_lane_of_their_own_and_lanes_come_in_order_of_first_event()
    {
        (string Stream, int Sequence)[] page = [("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5), ("a", 6)];

        var lanes = StreamLanes.Split(page, e => e.Stream);

        Assert.Equal(
            [[1, 3, 6], [2, 5], [4]],
            lanes.Select(l => l.Select(e => e.Sequence).ToArray()));
    }

    [Fact]
    public void An_empty_page_has_no_lanes() => Assert.Empty(StreamLanes.Split(Array.Empty<int>(), i => i));
}
