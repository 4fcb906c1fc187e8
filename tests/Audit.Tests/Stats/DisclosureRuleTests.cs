namespace ConsentPlatform.Audit.Tests.Stats;

/// <summary>One test per rule of the disclosure control (docs/adr/0011).</summary>
public sealed class DisclosureRuleTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(120, false)]
    public void Rule_1_counts_of_one_to_four_are_suppressed(long count, bool suppressed) =>
        Assert.Equal(suppressed, DisclosureRules.IsPrimarySuppressed(count));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(7, 5)]
    [InlineData(8, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(1002, 1000)]
    [InlineData(1003, 1005)]
    public void Rule_2_counts_are_rounded_to_the_nearest_five(long count, long shown) =>
        Assert.Equal(shown, DisclosureRules.RoundToBase(count));

    [Fact]
    public void Rule_3_a_zero_beside_a_small_margin_is_suppressed_and_elsewhere_shown()
    {
        Assert.True(DisclosureRules.IsDisclosiveZero(0, [120, 1]));
        Assert.False(DisclosureRules.IsDisclosiveZero(0, [120, 40]));
        Assert.False(DisclosureRules.IsDisclosiveZero(0, [0]));
        Assert.False(DisclosureRules.IsDisclosiveZero(3, [1]));
    }

    [Theory]
    [InlineData("la-leeds", OrganisationTypes.LocalAuthority)]
    [InlineData("council-york", OrganisationTypes.LocalAuthority)]
    [InlineData("school-oakfield", OrganisationTypes.School)]
    [InlineData("nhs-leeds-trust", OrganisationTypes.Health)]
    [InlineData("charity-carers-trust", OrganisationTypes.Charity)]
    [InlineData("acme", OrganisationTypes.Other)]
    public void Rule_4_an_organisation_is_counted_by_the_type_its_code_names(string org, string type) =>
        Assert.Equal(type, OrganisationTypes.Of(org));

    [Fact]
    public void Rule_5_a_type_with_fewer_than_three_organisations_joins_other_and_an_other_still_too_small_is_withheld()
    {
        var (groupOf, tooSmall) = OrganisationTypes.Group(["school-a", "school-b", "school-c", "nhs-a", "charity-a"]);

        Assert.Equal(OrganisationTypes.School, groupOf["school-c"]);
        Assert.Equal(OrganisationTypes.Other, groupOf["nhs-a"]);
        Assert.Equal(OrganisationTypes.Other, groupOf["charity-a"]);
        Assert.Equal([OrganisationTypes.Other], tooSmall);
    }

    [Fact]
    public void Rule_6_a_single_suppressed_cell_in_a_row_takes_a_second_one_with_it()
    {
        // A row "approved 30, denied 2, total 32": the 2 alone would be 32 − 30.
        var published = TableSuppression.Publish([30, 2], [new("approved", [0]), new("denied", [1]), new("total", [0, 1])]);

        Assert.Equal(Suppression.Primary, published.Single(f => f.Key == "denied").Suppression);
        Assert.Equal(Suppression.Secondary, published.Single(f => f.Key == "approved").Suppression);
        Assert.Equal("30", published.Single(f => f.Key == "total").Shown);
    }

    [Fact]
    public void Rule_6_a_cell_hidden_in_one_table_is_not_left_derivable_from_another_table_of_the_period()
    {
        // Table A: x, y, x+y. Table B: x+z, z. With y small, x = (x+y) − y is safe only while
        // neither of x's other routes (x+z − z) stays open.
        long[] atoms = [20, 2, 10];
        var published = TableSuppression.Publish(atoms, [new("a/x", [0]), new("a/y", [1]), new("a/total", [0, 1]), new("b/x+z", [0, 2]), new("b/z", [2])]);
        var span = new LinearSpan(3);
        foreach (var figure in published.Where(f => f.Suppression == Suppression.None)) span.Add(Atoms(figure.Key));

        Assert.False(span.Contains([1]));
        Assert.All(published.Where(f => f.Suppression != Suppression.None), f => Assert.False(span.Contains(Atoms(f.Key))));

        static int[] Atoms(string key) => key switch { "a/x" => [0], "a/y" => [1], "a/total" => [0, 1], "b/x+z" => [0, 2], _ => [2] };
    }

    [Fact]
    public void Figures_over_the_same_atoms_in_two_tables_are_shown_alike()
    {
        var published = TableSuppression.Publish([30, 2], [new("a/total", [0, 1]), new("b/total", [1, 0]), new("a/x", [0]), new("a/y", [1])]);

        Assert.Equal(published.Single(f => f.Key == "a/total").Shown, published.Single(f => f.Key == "b/total").Shown);
    }

    [Fact]
    public void Every_figure_shown_is_a_multiple_of_five_or_c()
    {
        var published = TableSuppression.Publish([13, 7, 0, 22], [new("a", [0]), new("b", [1]), new("c", [2]), new("d", [3]), new("t", [0, 1, 2, 3])]);

        Assert.All(published, f => Assert.True(f.Shown == "c" || long.Parse(f.Shown, System.Globalization.CultureInfo.InvariantCulture) % 5 == 0, f.Shown));
    }
}
