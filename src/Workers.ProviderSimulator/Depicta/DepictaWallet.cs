using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>Each key's EUR balance: its configured start minus what its jobs were charged. Thread-safe.</summary>
internal sealed class DepictaWallet(IOptions<SimulatorOptions> options) : IResettableState
{
    /// <summary>Below this balance every generation is refused with 402 (docs/PROVIDERS.md §4.5).</summary>
    public const decimal MinimumBalanceEur = 0.01m;

    private readonly ConcurrentDictionary<string, decimal> spent = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public bool HasMinimum(string account) => Balance(account) >= MinimumBalanceEur;

    /// <summary>
    /// Charges <paramref name="amountEur"/> and returns the balance after it, or null (nothing charged) when the
    /// balance is below the minimum or below the amount: [ASSUMPTION] no overdraft.
    /// </summary>
    public decimal? TryCharge(string account, decimal amountEur)
    {
        lock (gate)
        {
            var balance = Balance(account);
            if (balance < MinimumBalanceEur || balance < amountEur)
            {
                return null;
            }

            spent[account] = spent.GetValueOrDefault(account) + amountEur;
            return balance - amountEur;
        }
    }

    public void Reset() => spent.Clear();

    private decimal Balance(string account)
    {
        var settings = options.Value.Depicta;
        var start = settings.BalancesEur.TryGetValue(account, out var configured) ? configured : settings.DefaultBalanceEur;
        return start - spent.GetValueOrDefault(account);
    }
}
