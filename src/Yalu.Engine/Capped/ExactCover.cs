namespace Yalu.Engine.Capped;

/// <summary>
/// Knuth's Algorithm X over explicit options: choose options (vertex sets) so that every primary
/// vertex lies on exactly one and every other vertex on at most one. Each step branches on the
/// uncovered primary vertex with the fewest live options (the MRV rule), trying its options in the
/// order given (the caller puts the ones its relaxation likes best first). Used to find a clearing
/// worth the relaxation's bound among the loops of zero reduced cost, where options are plentiful
/// and the search rarely backtracks.
/// </summary>
internal sealed class ExactCover
{
    /// <summary>Options a node may strike out on average before the search gives up (a cap on time when options are dense).</summary>
    private const long WorkPerNode = 20_000;

    private readonly int _vertexCount;
    private readonly int[] _start;
    private readonly int[] _items;
    private readonly int[] _byVertexStart;
    private readonly int[] _byVertex;
    private readonly int[] _killedAt;
    private readonly int[] _count;
    private readonly bool[] _covered;
    private readonly bool[] _primary;
    private readonly List<int> _chosen = [];
    private readonly List<int> _killed = [];
    private readonly List<int> _skipped = [];
    private long _nodes;
    private long _nodeLimit;
    private long _work;
    private long _workLimit;
    private int _primaryLeft;
    private int _maxSkipped;

    /// <summary>Options <c>items[start[o]..start[o+1]]</c>, o = 0 … count − 1, in order of preference.</summary>
    public ExactCover(int vertexCount, int[] start, int[] items, int count)
    {
        _vertexCount = vertexCount;
        _start = start;
        _items = items;
        _byVertexStart = new int[vertexCount + 1];
        for (int i = 0; i < start[count]; i++) _byVertexStart[items[i] + 1]++;
        for (int v = 0; v < vertexCount; v++) _byVertexStart[v + 1] += _byVertexStart[v];
        _byVertex = new int[start[count]];
        var fill = _byVertexStart.AsSpan(0, vertexCount).ToArray();
        for (int o = 0; o < count; o++)
        {
            for (int i = start[o]; i < start[o + 1]; i++) _byVertex[fill[items[i]]++] = o;
        }
        _killedAt = new int[count];
        _count = new int[vertexCount];
        _covered = new bool[vertexCount];
        _primary = new bool[vertexCount];
    }

    /// <summary>Search nodes visited by the last <see cref="Solve"/>.</summary>
    public long Nodes => _nodes;

    /// <summary>The primary vertices the last <see cref="Solve"/> left uncovered (at most its <c>maxSkipped</c>).</summary>
    public IReadOnlyList<int> Skipped => _skipped;

    /// <summary>
    /// The chosen options, or null when there is no exact cover of <paramref name="primary"/> or
    /// <paramref name="nodeLimit"/> search nodes did not find one. Up to <paramref name="maxSkipped"/>
    /// primary vertices left without a live option are skipped instead of failing (see <see cref="Skipped"/>).
    /// </summary>
    public int[]? Solve(bool[] primary, long nodeLimit, CancellationToken cancellationToken, int maxSkipped = 0)
    {
        _work = 0;
        _workLimit = WorkPerNode * nodeLimit;
        _skipped.Clear();
        _maxSkipped = maxSkipped;
        Array.Copy(primary, _primary, _vertexCount);
        Array.Clear(_killedAt);
        Array.Clear(_covered);
        _chosen.Clear();
        _killed.Clear();
        _nodes = 0;
        _nodeLimit = nodeLimit;
        _primaryLeft = 0;
        for (int v = 0; v < _vertexCount; v++)
        {
            _count[v] = _byVertexStart[v + 1] - _byVertexStart[v];
            if (primary[v]) _primaryLeft++;
        }
        return Search(1, cancellationToken) ? [.. _chosen] : null;
    }

    private bool Search(int depth, CancellationToken cancellationToken)
    {
        if (_primaryLeft == 0) return true;
        if (++_nodes > _nodeLimit || _work > _workLimit) return false;
        if ((_nodes & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
        int best = -1, fewest = int.MaxValue;
        for (int v = 0; v < _vertexCount; v++)
        {
            if (!_primary[v] || _covered[v] || _count[v] >= fewest) continue;
            best = v;
            fewest = _count[v];
            if (fewest == 0) break;
        }
        if (fewest == 0)
        {
            if (_skipped.Count >= _maxSkipped) return false;
            // Leave it to someone else (chains), and carry on.
            _skipped.Add(best);
            _covered[best] = true;
            _primaryLeft--;
            if (Search(depth, cancellationToken)) return true;
            _covered[best] = false;
            _primaryLeft++;
            _skipped.RemoveAt(_skipped.Count - 1);
            return false;
        }
        for (int i = _byVertexStart[best]; i < _byVertexStart[best + 1]; i++)
        {
            int option = _byVertex[i];
            if (_killedAt[option] != 0) continue;
            int mark = _killed.Count;
            Choose(option, depth);
            if (Search(depth + 1, cancellationToken)) return true;
            Undo(option, mark);
            if (_nodes > _nodeLimit || _work > _workLimit) return false;
        }
        return false;
    }

    private void Choose(int option, int depth)
    {
        _chosen.Add(option);
        for (int i = _start[option]; i < _start[option + 1]; i++)
        {
            int v = _items[i];
            _covered[v] = true;
            if (_primary[v]) _primaryLeft--;
        }
        for (int i = _start[option]; i < _start[option + 1]; i++)
        {
            int v = _items[i];
            for (int j = _byVertexStart[v]; j < _byVertexStart[v + 1]; j++)
            {
                int other = _byVertex[j];
                if (_killedAt[other] != 0) continue;
                _killedAt[other] = depth;
                _killed.Add(other);
                _work++;
                for (int k = _start[other]; k < _start[other + 1]; k++) _count[_items[k]]--;
            }
        }
    }

    private void Undo(int option, int mark)
    {
        for (int i = _killed.Count - 1; i >= mark; i--)
        {
            int other = _killed[i];
            _killedAt[other] = 0;
            for (int k = _start[other]; k < _start[other + 1]; k++) _count[_items[k]]++;
        }
        _killed.RemoveRange(mark, _killed.Count - mark);
        for (int i = _start[option]; i < _start[option + 1]; i++)
        {
            int v = _items[i];
            _covered[v] = false;
            if (_primary[v]) _primaryLeft++;
        }
        _chosen.RemoveAt(_chosen.Count - 1);
    }
}
