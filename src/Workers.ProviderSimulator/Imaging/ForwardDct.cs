namespace Workers.ProviderSimulator.Imaging;

/// <summary>The 8×8 forward DCT of T.81 A.3.3, computed as two passes of a precomputed cosine basis.</summary>
internal static class ForwardDct
{
    private static readonly float[] Basis = BuildBasis();

    /// <summary>Transforms a level-shifted block in natural order into its coefficients, in place.</summary>
    public static void Transform(Span<float> block)
    {
        Span<float> rows = stackalloc float[64];
        for (var y = 0; y < 8; y++)
        {
            var line = block.Slice(y * 8, 8);
            for (var u = 0; u < 8; u++)
            {
                var basis = Basis.AsSpan(u * 8, 8);
                var sum = 0f;
                for (var x = 0; x < 8; x++)
                {
                    sum += basis[x] * line[x];
                }

                rows[(y * 8) + u] = sum;
            }
        }

        for (var u = 0; u < 8; u++)
        {
            for (var v = 0; v < 8; v++)
            {
                var basis = Basis.AsSpan(v * 8, 8);
                var sum = 0f;
                for (var y = 0; y < 8; y++)
                {
                    sum += basis[y] * rows[(y * 8) + u];
                }

                block[(v * 8) + u] = sum;
            }
        }
    }

    // Basis[u * 8 + x] = C(u) / 2 · cos((2x + 1)uπ / 16), with C(0) = 1/√2 and C(u) = 1 otherwise.
    private static float[] BuildBasis()
    {
        var basis = new float[64];
        for (var u = 0; u < 8; u++)
        {
            var scale = u == 0 ? 1 / Math.Sqrt(2) : 1.0;
            for (var x = 0; x < 8; x++)
            {
                basis[(u * 8) + x] = (float)(scale / 2 * Math.Cos(((2 * x) + 1) * u * Math.PI / 16));
            }
        }

        return basis;
    }
}
