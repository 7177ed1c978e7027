namespace Workers.ProviderSimulator.Imaging;

/// <summary>Describes a prefix code in a VP8L bitstream so that the decoder can rebuild it (RFC 9649 §3.7.2.1).</summary>
internal static class Vp8lCodeWriter
{
    private const int MaxCodeLengthCodeLength = 7;
    private const int RepeatPrevious = 16;
    private const int RepeatZeroShort = 17;
    private const int RepeatZeroLong = 18;

    // The order in which the lengths of the code-length code are sent: likely-used ones first so the tail can be cut.
    private static ReadOnlySpan<byte> CodeLengthCodeOrder => [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    public static void Write(Vp8lBitWriter writer, HuffmanCode code)
    {
        var used = code.UsedSymbols;
        if (used.Length <= 2 && used[^1] < 256)
        {
            WriteSimple(writer, used);
        }
        else
        {
            WriteNormal(writer, code.Lengths);
        }
    }

    // One or two symbols below 256 can be named directly; the decoder then gives them 0- or 1-bit codes in ascending
    // symbol order, which is what HuffmanCode assigns too.
    private static void WriteSimple(Vp8lBitWriter writer, int[] symbols)
    {
        writer.Write(1, 1);
        writer.Write((uint)symbols.Length - 1, 1);
        if (symbols[0] < 2)
        {
            writer.Write(0, 1);
            writer.Write((uint)symbols[0], 1);
        }
        else
        {
            writer.Write(1, 1);
            writer.Write((uint)symbols[0], 8);
        }

        if (symbols.Length == 2)
        {
            writer.Write((uint)symbols[1], 8);
        }
    }

    private static void WriteNormal(Vp8lBitWriter writer, byte[] lengths)
    {
        var runs = RunLengthEncode(lengths);
        var counts = new int[CodeLengthCodeOrder.Length];
        foreach (var (symbol, _, _) in runs)
        {
            counts[symbol]++;
        }

        var codeLengthCode = HuffmanCode.FromCounts(counts, MaxCodeLengthCodeLength);
        var sent = CodeLengthCodeOrder.Length;
        while (sent > 4 && codeLengthCode.Lengths[CodeLengthCodeOrder[sent - 1]] == 0)
        {
            sent--;
        }

        writer.Write(0, 1);
        writer.Write((uint)sent - 4, 4);
        for (var i = 0; i < sent; i++)
        {
            writer.Write(codeLengthCode.Lengths[CodeLengthCodeOrder[i]], 3);
        }

        // 0: the lengths cover the whole alphabet, rather than stopping after a stated number of them.
        writer.Write(0, 1);
        foreach (var (symbol, extraBitCount, extraBits) in runs)
        {
            codeLengthCode.Write(writer, symbol);
            writer.Write((uint)extraBits, extraBitCount);
        }
    }

    // Lengths 0..15 are sent as themselves; 16 repeats the previous non-zero length 3..6 times, 17 and 18 give runs of
    // 3..10 and 11..138 zeros.
    private static List<(int Symbol, int ExtraBitCount, int ExtraBits)> RunLengthEncode(byte[] lengths)
    {
        var runs = new List<(int, int, int)>();
        for (var start = 0; start < lengths.Length;)
        {
            var value = lengths[start];
            var end = start;
            while (end < lengths.Length && lengths[end] == value)
            {
                end++;
            }

            var remaining = end - start;
            if (value == 0)
            {
                for (; remaining >= 11; remaining -= Math.Min(remaining, 138))
                {
                    runs.Add((RepeatZeroLong, 7, Math.Min(remaining, 138) - 11));
                }

                if (remaining >= 3)
                {
                    runs.Add((RepeatZeroShort, 3, remaining - 3));
                    remaining = 0;
                }
            }
            else
            {
                runs.Add((value, 0, 0));
                remaining--;
                for (; remaining >= 3; remaining -= Math.Min(remaining, 6))
                {
                    runs.Add((RepeatPrevious, 2, Math.Min(remaining, 6) - 3));
                }
            }

            for (; remaining > 0; remaining--)
            {
                runs.Add((value, 0, 0));
            }

            start = end;
        }

        return runs;
    }
}
