namespace Workers.ProviderSimulator.Imaging;

/// <summary>
/// A canonical prefix code built from symbol counts and limited to a maximum code length, with codes bit-reversed for
/// writers that fill bytes from the least significant bit (VP8L, like DEFLATE).
/// </summary>
internal sealed class HuffmanCode
{
    private readonly ushort[] _reversedCodes;

    private HuffmanCode(byte[] lengths, int[] usedSymbols)
    {
        Lengths = lengths;
        UsedSymbols = usedSymbols;
        _reversedCodes = CanonicalReversedCodes(lengths);
    }

    /// <summary>Code length per symbol; 0 for symbols that never occur.</summary>
    public byte[] Lengths { get; }

    /// <summary>The symbols that have a code, ascending.</summary>
    public int[] UsedSymbols { get; }

    /// <summary>
    /// A code with a single symbol costs no bits at all: decoders know the symbol without reading. Its length is still
    /// recorded as 1 so that the code can be described.
    /// </summary>
    public bool IsSingleSymbol => UsedSymbols.Length == 1;

    /// <summary>Builds a code for the counts; an alphabet with no counts at all gets symbol 0 alone.</summary>
    public static HuffmanCode FromCounts(ReadOnlySpan<int> counts, int maxLength)
    {
        var used = new List<int>();
        for (var symbol = 0; symbol < counts.Length; symbol++)
        {
            if (counts[symbol] > 0)
            {
                used.Add(symbol);
            }
        }

        if (used.Count == 0)
        {
            used.Add(0);
        }

        var lengths = new byte[counts.Length];
        if (used.Count == 1)
        {
            lengths[used[0]] = 1;
            return new HuffmanCode(lengths, [.. used]);
        }

        // Flattening the counts until the tree is shallow enough is not optimal (package-merge would be) but always
        // ends: once every count is equal the tree is balanced, ⌈log2(symbols)⌉ deep.
        var weights = new long[used.Count];
        for (long floor = 1; ; floor *= 2)
        {
            for (var i = 0; i < used.Count; i++)
            {
                weights[i] = Math.Max(counts[used[i]], floor);
            }

            var depths = TreeDepths(weights);
            if (depths.Max() <= maxLength)
            {
                for (var i = 0; i < used.Count; i++)
                {
                    lengths[used[i]] = (byte)depths[i];
                }

                return new HuffmanCode(lengths, [.. used]);
            }
        }
    }

    public void Write(Vp8lBitWriter writer, int symbol)
    {
        if (!IsSingleSymbol)
        {
            writer.Write(_reversedCodes[symbol], Lengths[symbol]);
        }
    }

    // Classic Huffman construction; ties are broken by creation order so that equal inputs give equal trees.
    private static int[] TreeDepths(long[] weights)
    {
        var leaves = weights.Length;
        var parent = new int[(2 * leaves) - 1];
        var queue = new PriorityQueue<int, (long Weight, int Order)>();
        for (var i = 0; i < leaves; i++)
        {
            queue.Enqueue(i, (weights[i], i));
        }

        var next = leaves;
        while (queue.Count > 1)
        {
            queue.TryDequeue(out var a, out var pa);
            queue.TryDequeue(out var b, out var pb);
            parent[a] = next;
            parent[b] = next;
            queue.Enqueue(next, (pa.Weight + pb.Weight, next));
            next++;
        }

        // Parents are always created after their children, so walking nodes from the root down fills depths in one pass.
        var depth = new int[next];
        for (var node = next - 2; node >= 0; node--)
        {
            depth[node] = depth[parent[node]] + 1;
        }

        return depth[..leaves];
    }

    private static ushort[] CanonicalReversedCodes(byte[] lengths)
    {
        var maxLength = lengths.Max();
        var countPerLength = new int[maxLength + 1];
        foreach (var length in lengths)
        {
            countPerLength[length]++;
        }

        countPerLength[0] = 0;
        var nextCode = new int[maxLength + 1];
        for (int length = 1, code = 0; length <= maxLength; length++)
        {
            code = (code + countPerLength[length - 1]) << 1;
            nextCode[length] = code;
        }

        var codes = new ushort[lengths.Length];
        for (var symbol = 0; symbol < lengths.Length; symbol++)
        {
            var length = lengths[symbol];
            if (length > 0)
            {
                codes[symbol] = Reverse(nextCode[length]++, length);
            }
        }

        return codes;
    }

    private static ushort Reverse(int code, int length)
    {
        var reversed = 0;
        for (var i = 0; i < length; i++)
        {
            reversed = (reversed << 1) | ((code >> i) & 1);
        }

        return (ushort)reversed;
    }
}
