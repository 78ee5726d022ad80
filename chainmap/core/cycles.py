"""Cycles in a directed graph of list indexes, without recursion (no depth limit).

Used by the validator to find loops of links; vertices are indexes, ``successors[v]`` the
vertices ``v`` points at.
"""

from __future__ import annotations


def strongly_connected(successors: list[list[int]]) -> list[list[int]]:
    """Components of more than one vertex (iterative Tarjan; vertices are list indexes)."""
    count = len(successors)
    order = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count):
        if order[root] != -1 or not successors[root]:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, 0)]
        while work:
            vertex, position = work[-1]
            following = successors[vertex]
            if position < len(following):
                work[-1] = (vertex, position + 1)
                nxt = following[position]
                if order[nxt] == -1:
                    order[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    work.append((nxt, 0))
                elif on_stack[nxt] and order[nxt] < low[vertex]:
                    low[vertex] = order[nxt]
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[vertex] < low[parent]:
                    low[parent] = low[vertex]
            if low[vertex] == order[vertex]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == vertex:
                        break
                if len(component) > 1:
                    components.append(component)
    return components


def cycle_through(start: int, members: set[int], successors: list[list[int]]) -> list[int]:
    """A shortest cycle from ``start`` back to it inside one strongly connected component."""
    came_from = {start: -1}
    frontier = [start]
    while frontier:
        following: list[int] = []
        for vertex in frontier:
            for nxt in successors[vertex]:
                if nxt == start:
                    path = [vertex]
                    while came_from[path[-1]] != -1:
                        path.append(came_from[path[-1]])
                    return path[::-1]
                if nxt in members and nxt not in came_from:
                    came_from[nxt] = vertex
                    following.append(nxt)
        frontier = following
    return [start]  # pragma: no cover - a component always has a cycle through each member
