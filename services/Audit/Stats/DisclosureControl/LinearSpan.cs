namespace ConsentPlatform.Audit.Stats.DisclosureControl;

/// <summary>
/// The span of 0/1 vectors over the atoms, kept in reduced row echelon form with exact rational
/// arithmetic (numerators and denominators as <see cref="long"/>; the vectors are small and 0/1, so
/// they stay small): a figure can be worked out from published ones exactly when its vector is in their span.
/// </summary>
public sealed class LinearSpan(int dimension)
{
    private readonly List<(int Pivot, Fraction[] Row)> rows = [];

    public void Add(IEnumerable<int> atoms)
    {
        var row = Reduce(Vector(atoms));
        var pivot = Array.FindIndex(row, x => !x.IsZero);
        if (pivot < 0) return;
        var scale = row[pivot];
        for (var j = 0; j < dimension; j++) row[j] /= scale;
        for (var r = 0; r < rows.Count; r++)
        {
            var other = rows[r].Row;
            var factor = other[pivot];
            if (factor.IsZero) continue;
            for (var j = 0; j < dimension; j++) other[j] -= factor * row[j];
        }

        rows.Add((pivot, row));
    }

    public bool Contains(IEnumerable<int> atoms) => Reduce(Vector(atoms)).All(x => x.IsZero);

    private Fraction[] Vector(IEnumerable<int> atoms)
    {
        var vector = Enumerable.Repeat(Fraction.Zero, dimension).ToArray();
        foreach (var atom in atoms) vector[atom] = Fraction.One;
        return vector;
    }

    private Fraction[] Reduce(Fraction[] vector)
    {
        foreach (var (pivot, row) in rows)
        {
            var factor = vector[pivot];
            if (factor.IsZero) continue;
            for (var j = 0; j < dimension; j++) vector[j] -= factor * row[j];
        }

        return vector;
    }

    private readonly record struct Fraction(long Numerator, long Denominator)
    {
        public static readonly Fraction Zero = new(0, 1);
        public static readonly Fraction One = new(1, 1);

        public bool IsZero => Numerator == 0;

        public static Fraction operator *(Fraction a, Fraction b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

        public static Fraction operator /(Fraction a, Fraction b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

        public static Fraction operator -(Fraction a, Fraction b) => Of((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        private static Fraction Of(long numerator, long denominator)
        {
            if (numerator == 0) return Zero;
            if (denominator < 0) (numerator, denominator) = (-numerator, -denominator);
            var gcd = (long)System.Numerics.BigInteger.GreatestCommonDivisor(numerator, denominator);
            return new(numerator / gcd, denominator / gcd);
        }
    }
}
