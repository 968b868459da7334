using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace DocumentApi.Storage.Tables;

/// <summary>
/// Group commit for small writes to a shared partition (the listing scopes, the change log): while one transaction to
/// a partition is in flight, the writes that arrive for it wait and then go out together in the next transaction
/// (≤ 100 entities, ≤ the configured wire size, never two operations on one row). An idle partition adds no delay;
/// under load, many ingestions share one request, which matters when storage round trips are the limit.
/// </summary>
/// <remarks>
/// Each caller keeps the semantics of submitting alone: when a combined transaction fails, every caller's actions are
/// submitted again on their own, so a caller sees exactly the failure (and the failed action index) of its own
/// actions. The shared submission is not cancelled by one caller's token; only that caller stops waiting.
/// </remarks>
public sealed class TransactionCoalescer(StorageClients clients)
{
    private const int MaxEntities = 100;
    private readonly ConcurrentDictionary<(string Table, string Partition), PartitionQueue> _queues = new();

    public async Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return;
        }

        var partition = actions[0].Entity.PartitionKey;
        var queue = _queues.GetOrAdd((table.Name, partition), _ => new PartitionQueue(table, clients.Options.MaxTransactionBytes));
        await queue.SubmitAsync(actions).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class PartitionQueue(TableClient table, long maxBytes)
    {
        private readonly Lock _lock = new();
        private readonly List<Pending> _waiting = [];
        private bool _draining;

        public Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions)
        {
            var pending = new Pending(actions, actions.Sum(a => WireSize.Of(a.Entity)));
            bool lead;
            lock (_lock)
            {
                _waiting.Add(pending);
                lead = !_draining;
                _draining = true;
            }

            if (lead)
            {
                _ = Task.Run(DrainAsync);
            }

            return pending.Completion.Task;
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                List<Pending> group;
                lock (_lock)
                {
                    if (_waiting.Count == 0)
                    {
                        _draining = false;
                        return;
                    }

                    group = TakeGroup();
                }

                await SubmitGroupAsync(group).ConfigureAwait(false);
            }
        }

        /// <summary>The oldest waiting writes that fit one transaction together; always at least one.</summary>
        private List<Pending> TakeGroup()
        {
            var group = new List<Pending>();
            var rows = new HashSet<string>(StringComparer.Ordinal);
            long bytes = 0;
            var entities = 0;
            foreach (var pending in _waiting)
            {
                var fits = group.Count == 0
                    || (entities + pending.Actions.Count <= MaxEntities
                        && bytes + pending.Bytes <= maxBytes
                        && pending.Actions.All(a => !rows.Contains(a.Entity.RowKey)));
                if (!fits)
                {
                    break;
                }

                group.Add(pending);
                entities += pending.Actions.Count;
                bytes += pending.Bytes;
                rows.UnionWith(pending.Actions.Select(a => a.Entity.RowKey));
            }

            _waiting.RemoveRange(0, group.Count);
            return group;
        }

        private async Task SubmitGroupAsync(List<Pending> group)
        {
            if (group.Count > 1)
            {
                try
                {
                    await table.SubmitTransactionAsync(group.SelectMany(p => p.Actions), CancellationToken.None).ConfigureAwait(false);
                    group.ForEach(p => p.Completion.TrySetResult());
                    return;
                }
                catch (Exception)
                {
                    // Someone's action failed the whole transaction: give everyone their own answer.
                }
            }

            foreach (var pending in group)
            {
                try
                {
                    await table.SubmitTransactionAsync(pending.Actions, CancellationToken.None).ConfigureAwait(false);
                    pending.Completion.TrySetResult();
                }
                catch (Exception ex)
                {
                    pending.Completion.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(IReadOnlyList<TableTransactionAction> Actions, long Bytes)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
