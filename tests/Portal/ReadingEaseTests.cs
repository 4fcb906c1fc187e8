namespace ConsentPlatform.Portal.Tests;

/// <summary>The reading-ease check can fail: officialese scores low, the young carer's words high.</summary>
public sealed class ReadingEaseTests
{
    [Fact]
    public async Task Officialese_scores_below_the_bar_and_plain_words_above_it()
    {
        var officialese = await ReadingEase.ScoreAsync(
            "Personal data pertaining to the data subject may be disclosed to participating organisations pursuant to the applicable data-sharing agreement, "
            + "subject to the lawful basis identified under Article 6(1)(e) of the United Kingdom General Data Protection Regulation.");
        var plain = await ReadingEase.ScoreAsync("You said yes to this. You can change your mind at any time.\nWho can get it\nRiverside School");

        Assert.True(officialese.Score < PageChecks.EasyReading, officialese.ToString());
        Assert.True(plain.Score >= PageChecks.EasyReading, plain.ToString());
    }
}
