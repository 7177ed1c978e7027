namespace Workers.ProviderSimulator.Imaging;

/// <summary>A JPEG Huffman table as the DHT segment states it (code counts per length, symbols), with the derived codes.</summary>
internal sealed class JpegHuffmanTable
{
    private readonly ushort[] _codes = new ushort[256];
    private readonly byte[] _lengths = new byte[256];

    public JpegHuffmanTable(byte[] countsPerLength, byte[] symbols)
    {
        CountsPerLength = countsPerLength;
        Symbols = symbols;

        // Canonical assignment of T.81 Annex C: consecutive codes within a length, doubling at each longer length.
        var code = 0;
        var next = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < countsPerLength[length - 1]; i++)
            {
                var symbol = symbols[next++];
                _codes[symbol] = (ushort)code++;
                _lengths[symbol] = (byte)length;
            }

            code <<= 1;
        }
    }

    /// <summary>How many codes there are of each length 1..16.</summary>
    public byte[] CountsPerLength { get; }

    /// <summary>Symbols in order of increasing code.</summary>
    public byte[] Symbols { get; }

    public void Write(JpegBitWriter writer, int symbol) => writer.Write(_codes[symbol], _lengths[symbol]);
}
