namespace ConsentPlatform.Disclosure.ConsentChanges;

/// <summary><c>Disclosure:DeletionAnswerWithin</c>: how long a recipient has to answer a deletion request (default 14 days, 1 minute to 90 days).</summary>
public sealed class ConsentChangeOptions
{
    public const string Section = "Disclosure";

    public TimeSpan DeletionAnswerWithin { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan Validated() =>
        DeletionAnswerWithin >= TimeSpan.FromMinutes(1) && DeletionAnswerWithin <= TimeSpan.FromDays(90)
            ? DeletionAnswerWithin
            : throw new InvalidOperationException($"Disclosure:DeletionAnswerWithin must be between 1 minute and 90 days, not {DeletionAnswerWithin}.");
}
