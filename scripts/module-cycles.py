#!/usr/bin/env python3
"""Finds import cycles between the crate's modules, at every level of the tree.

Reads every `crate::` and `super::` path in src/ (comments skipped, `use` groups
expanded, test modules included: a cycle in the test build is still a cycle), resolves
each to the module it names, and for each pair (user, used) compares the two
ancestors that are siblings under their lowest common ancestor: `judge::suggest` using
`judge::checks` is an edge between `suggest` and `checks` inside `judge`;
`batch` using `read::isolated` is an edge between `batch` and `read` at the top. A
module and its own submodules are one unit (a parent may use its children and a child
its parent). Every sibling graph must be acyclic.

Usage: scripts/module-cycles.py [SRC_DIR]   (prints the top-level order; exit 1 on a cycle)
"""

import os
import re
import sys


def module_of(src, path):
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel in (["lib"], ["main"]):
        return ()
    if rel[-1] == "mod":
        rel = rel[:-1]
    return tuple(rel)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.split("//", 1)[0] for line in text.splitlines())


def expand(text, i):
    """Paths of a `{a, b::c, d::{e, f}}` group starting at text[i] == '{'.
    Returns (paths, index after the group)."""
    paths, current, i = [], "", i + 1
    while i < len(text):
        ch = text[i]
        if ch == "{":
            inner, i = expand(text, i)
            paths += [current + p for p in inner]
            current = ""
            continue
        if ch in ",}":
            if current.strip():
                paths.append(current.strip())
            current = ""
            if ch == "}":
                return paths, i + 1
        elif not ch.isspace():
            current += ch
        i += 1
    return paths, i


def references(text):
    """Every path that starts with crate:: or super:: (as segment lists)."""
    out = []
    for m in re.finditer(r"\b(crate|super)::", text):
        start = m.end()
        if start < len(text) and text[start] == "{":
            group, _ = expand(text, start)
            paths = [m.group(1) + "::" + p for p in group]
        else:
            tail = re.match(r"(?:(?:super|\w+)::)*\w+", text[start:])
            paths = [m.group(1) + "::" + (tail.group(0) if tail else "")]
        for p in paths:
            p = re.split(r"\s+as\s+", p)[0]
            out.append([s for s in p.split("::") if s])
    return out


def resolve(segments, here, modules):
    """The deepest known module a path names, from module `here`."""
    if segments[0] == "crate":
        base, rest = (), segments[1:]
    else:
        base, rest = here, segments
        while rest and rest[0] == "super":
            base, rest = base[:-1], rest[1:]
    best = base
    for seg in rest:
        if best + (seg,) in modules:
            best = best + (seg,)
        else:
            break
    return best


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    files = {}
    for root, _, names in os.walk(src):
        for name in names:
            if name.endswith(".rs"):
                path = os.path.join(root, name)
                if os.path.relpath(path, src) != "main.rs":  # the binary: another crate
                    files[module_of(src, path)] = path
    modules = set(files)
    graphs = {}  # parent -> {child: set(children used)}
    why = {}
    for here, path in files.items():
        text = strip_comments(open(path, encoding="utf-8").read())
        for segments in references(text):
            there = resolve(segments, here, modules)
            common = 0
            while common < min(len(here), len(there)) and here[common] == there[common]:
                common += 1
            if common == len(here) or common == len(there):
                continue  # the same module, an ancestor or a descendant
            parent = here[:common]
            a, b = here[common], there[common]
            graphs.setdefault(parent, {}).setdefault(a, set()).add(b)
            graphs[parent].setdefault(b, set())
            why.setdefault((parent, a, b), "::".join(here) + " -> " + "::".join(segments))

    cycles = []
    for parent, graph in sorted(graphs.items()):
        # Depth-first search for a back edge.
        state, stack = {}, []

        def visit(node):
            state[node] = 1
            stack.append(node)
            for nxt in sorted(graph[node]):
                if state.get(nxt) == 1:
                    cycles.append((parent, stack[stack.index(nxt):] + [nxt]))
                elif nxt not in state:
                    visit(nxt)
            stack.pop()
            state[node] = 2

        for node in sorted(graph):
            if node not in state:
                visit(node)

    for parent, cycle in cycles:
        where = "::".join(parent) or "crate"
        print(f"cycle in {where}: " + " -> ".join(cycle))
        for a, b in zip(cycle, cycle[1:]):
            print(f"    {why[(parent, a, b)]}")
    edges = sum(len(v) for g in graphs.values() for v in g.values())
    if cycles:
        print(f"{len(cycles)} cycle(s) among {len(modules)} modules")
        return 1

    # No cycle: print the top level from the floors that use nothing upwards.
    top = graphs.get((), {})
    order, placed = [], set()
    while len(placed) < len(top):
        floor = sorted(n for n in top if n not in placed and top[n] <= placed)
        order.append(floor)
        placed |= set(floor)
    print("top level, lowest floor first (each uses only floors before it):")
    for floor in order:
        print("  " + ", ".join(floor))
    print(f"no cycles: {len(modules)} modules, {edges} edges between siblings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
