using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

public sealed class BitmapFontTests
{
    [Fact]
    public void Glyph_LowerCaseLetter_DrawsAsUpperCase()
    {
        Assert.Same(BitmapFont.Glyph('G'), BitmapFont.Glyph('g'));
    }

    [Theory]
    [InlineData('é')]
    [InlineData('@')]
    [InlineData('\t')]
    public void Glyph_UnsupportedCharacter_DrawsAsQuestionMark(char character)
    {
        Assert.Same(BitmapFont.Glyph('?'), BitmapFont.Glyph(character));
    }

    [Fact]
    public void Glyph_EveryDigit_IsDistinct()
    {
        var digits = "0123456789".Select(digit => Convert.ToHexString(BitmapFont.Glyph(digit))).ToList();

        Assert.Equal(10, digits.Distinct().Count());
    }
}
