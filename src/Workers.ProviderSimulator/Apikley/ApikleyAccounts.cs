using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>Why an account cannot take a new task.</summary>
internal enum ApikleyAdmission
{
    Admitted,
    InsufficientCredits,
    TooManyRunning,
}

/// <summary>
/// Per account: the credit balance, and the end times of its running tasks (for <see cref="ApikleyOptions.MaxRunningTasks"/>).
/// Both are checked and updated under one lock per account, so concurrent creates can neither overdraw nor overfill.
/// </summary>
internal sealed class ApikleyAccounts(IOptions<SimulatorOptions> options) : IResettableState
{
    private readonly ConcurrentDictionary<string, Account> accounts = new(StringComparer.Ordinal);

    /// <summary>The account's balance now.</summary>
    public decimal Balance(string account)
    {
        var state = Of(account);
        lock (state)
        {
            return state.Balance;
        }
    }

    /// <summary>
    /// Admits a task that ends at <paramref name="endsAt"/> (<see cref="DateTimeOffset.MaxValue"/> when stuck) if the
    /// balance covers <paramref name="price"/> and a running slot is free; then charges <paramref name="charge"/>.
    /// </summary>
    public ApikleyAdmission TryAdmit(string account, decimal price, decimal charge, DateTimeOffset endsAt, DateTimeOffset now)
    {
        var maxRunning = options.Value.Apikley.MaxRunningTasks;
        var state = Of(account);
        lock (state)
        {
            if (state.Balance < price)
            {
                return ApikleyAdmission.InsufficientCredits;
            }

            if (maxRunning > 0)
            {
                while (state.Running.TryPeek(out _, out var end) && end <= now)
                {
                    state.Running.Dequeue();
                }

                if (state.Running.Count >= maxRunning)
                {
                    return ApikleyAdmission.TooManyRunning;
                }

                state.Running.Enqueue(0, endsAt);
            }

            state.Balance -= charge;
            return ApikleyAdmission.Admitted;
        }
    }

    public void Reset() => accounts.Clear();

    private Account Of(string account) =>
        accounts.GetOrAdd(account, static (key, settings) => new Account(settings.BalanceOf(key)), options.Value.Apikley);

    private sealed class Account(decimal balance)
    {
        public decimal Balance { get; set; } = balance;

        /// <summary>End times of the tasks that may still run, earliest first (the element is unused).</summary>
        public PriorityQueue<byte, DateTimeOffset> Running { get; } = new();
    }
}
