#!/usr/bin/env python3
"""The solver mtcsPy runs, on its own: networkx.min_cost_flow (network simplex) over the obligation
graph with unit cost per obligation and net positions as node demands, as mtcsPy's
TradeCreditNetwork.mtcs() builds it, without mtcsPy's dense n-by-n pandas matrices (40,743 firms
would need 13 GB per matrix). Prints: file, cleared, seconds (read and solve, interpreter start not
included). Used by bench/setoff.sh for the side-by-side table.

    python3 bench/setoff_networkx.py FILE.csv
"""
import csv
import sys
import time

import networkx as nx


def main(path):
    start = time.perf_counter()
    amounts = {}
    total = 0
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            d, c, a = row["debtor"], row["creditor"], int(row["amount"])
            # mtcsPy sums parallel obligations into one matrix cell: one edge per ordered pair.
            amounts[(d, c)] = amounts.get((d, c), 0) + a
            total += a
    g = nx.DiGraph()
    balance = {}
    for (d, c), a in amounts.items():
        balance[d] = balance.get(d, 0) - a
        balance[c] = balance.get(c, 0) + a
    for node, b in balance.items():
        g.add_node(node, demand=b)
    for (d, c), a in amounts.items():
        g.add_edge(d, c, capacity=a, weight=1)
    flow = nx.min_cost_flow(g)
    remaining = sum(v for targets in flow.values() for v in targets.values())
    print(f"{path}\t{total - remaining}\t{time.perf_counter() - start:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
