#!/usr/bin/env python3
"""Check the crate's module layers and that its files have no import cycle.

Usage:
    python3 tools/check_layers.py [--src DIR]   # default: src/ next to tools/
    python3 tools/check_layers.py --edges       # also list every edge found
    python3 tools/check_layers.py --self-test [--quiet]

Every reference from one file of src/ to another module of the crate is an
edge: `use crate::x…`, `use crate::{x, y::{z}}` groups (nested, multi-line),
`use super::…` / `use self::…`, uses of child modules by their bare name, and
paths in code such as `crate::x::y(` or `super::Thing`. Comments and string
literals are skipped.

Two rules:
  1. Layers, at top-level-module granularity (src/<name>.rs or src/<name>/):
     an edge may only go from a module to one in a lower or the same layer
     (LAYERS below, lowest first). The crate roots (lib.rs, main.rs, bin/)
     may import anything; nothing may import them.
  2. No cycle among files: the graph of file -> file edges (a folder's
     mod.rs stands for the folder's module) must be acyclic.

Problems are printed as
    src/file.rs:LINE: <from> (layer N) imports <to> (layer M)
    cycle: src/a.rs -> src/b.rs -> src/a.rs
and make the exit status 1. Otherwise one line:
    layers: N files, M edges, no cycle
Standard library only.
"""

import re
import sys
import tempfile
from pathlib import Path

# The layer table, lowest first. Modules on one line share a layer. A new
# top-level module must be added here (the check fails until it is).
LAYERS = """
model
format
data
state
share guide
scenario
charts
figures
context
components
sections
app
"""

# Crate roots: they may import anything, and nothing may import them.
ROOTS = {"lib", "main"}


def layer_table(text=LAYERS):
    table = {}
    for n, line in enumerate(l for l in text.splitlines() if l.strip()):
        for name in line.replace(",", " ").split():
            table[name] = n
    return table


# --------------------------------------------------------------------------
# Lexing: blank out comments and string/char literals, keeping newlines and
# offsets, so that line numbers and positions stay those of the source.

_CHAR_LIT = re.compile(r"'(?:\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F_]{1,8}\}|.)|[^\\'\n])'")
_RAW_STR = re.compile(r'(?:br|cr|r)(#*)"')


def _blank(chars, start, end):
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "


def strip_code(src):
    """The source with comments and string/char literals replaced by spaces."""
    chars = list(src)
    n = len(src)
    i = 0
    while i < n:
        c = src[i]
        nxt = src[i + 1] if i + 1 < n else ""
        if c == "/" and nxt == "/":
            j = src.find("\n", i)
            j = n if j < 0 else j
            _blank(chars, i, j)
            i = j
        elif c == "/" and nxt == "*":
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            _blank(chars, i, j)
            i = j
        elif c in "bcr" and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")) and _RAW_STR.match(src, i):
            m = _RAW_STR.match(src, i)
            close = '"' + m.group(1)
            j = src.find(close, m.end())
            j = n if j < 0 else j + len(close)
            _blank(chars, i, j)
            i = j
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            j = min(n, j + 1)
            _blank(chars, i, j)
            i = j
        elif c == "'":
            m = _CHAR_LIT.match(src, i)
            if m:  # a char literal; otherwise a lifetime or label
                _blank(chars, i, m.end())
                i = m.end()
            else:
                i += 1
        else:
            i += 1
    return "".join(chars)


# --------------------------------------------------------------------------
# `use` trees.

_TOKEN = re.compile(r"::|[{},*]|\$?[A-Za-z_][A-Za-z0-9_]*|\S")


class UseSyntaxError(Exception):
    pass


def parse_use_tree(text, base=0):
    """Expand a use tree (the text between `use` and `;`) into leaf paths.

    Returns [(segments, offset, alias)], offset being where the leaf's own
    part of the tree starts (for its line number), alias the name given with
    `as` (else None). `use a::{self, b::{c as d, *}}` gives [a, self],
    [a, b, c] (alias d), [a, b, *]. A leading `::` gives '::' first.
    """
    toks = [(m.group(), base + m.start()) for m in _TOKEN.finditer(text)]
    toks.append(("<end>", base + len(text)))

    def tree(i, prefix):
        segs = list(prefix)
        start = toks[i][1]
        if toks[i][0] == "::":
            if not segs:
                segs.append("::")
            i += 1
        while True:
            t = toks[i][0]
            if t == "{":
                i += 1
                out = []
                while toks[i][0] != "}":
                    leaves, i = tree(i, segs)
                    out += leaves
                    if toks[i][0] == ",":
                        i += 1
                    elif toks[i][0] != "}":
                        raise UseSyntaxError(toks[i][0])
                return out, i + 1
            if t == "*":
                return [(segs + ["*"], start, None)], i + 1
            if re.match(r"\$?[A-Za-z_]", t) and t != "<end>":
                segs.append(t)
                i += 1
                if toks[i][0] == "::":
                    i += 1
                    continue
                alias = None
                if toks[i][0] == "as":
                    alias = toks[i + 1][0]
                    i += 2
                return [(segs, start, alias)], i
            raise UseSyntaxError(t)

    leaves, i = tree(0, [])
    if toks[i][0] != "<end>":
        raise UseSyntaxError(toks[i][0])
    return leaves


# --------------------------------------------------------------------------
# The crate's files and modules.


class Crate:
    def __init__(self, src):
        self.src = Path(src)
        self.files = sorted(p for p in self.src.rglob("*.rs") if p.is_file())
        self.by_module = {}
        for f in self.files:
            mp = self.module_path(f)
            if mp is not None:
                self.by_module[tuple(mp)] = f

    def rel(self, f):
        return Path(f).relative_to(self.src.parent).as_posix()

    def is_root(self, f):
        parts = Path(f).relative_to(self.src).parts
        return parts in (("lib.rs",), ("main.rs",)) or parts[0] == "bin"

    def module_path(self, f):
        """src/a/b.rs -> [a, b]; src/a/mod.rs -> [a]; lib.rs, main.rs -> []."""
        if self.is_root(f):
            return []
        parts = list(Path(f).relative_to(self.src).parts)
        parts[-1] = parts[-1][:-3]
        if parts[-1] == "mod":
            parts.pop()
        return parts

    def top(self, f):
        """The top-level module a file belongs to ('lib', 'main', or a name)."""
        parts = Path(f).relative_to(self.src).parts
        if self.is_root(f):
            return "main" if parts != ("lib.rs",) else "lib"
        return parts[0][:-3] if len(parts) == 1 else parts[0]

    def root_file(self):
        lib = self.src / "lib.rs"
        return lib if lib.exists() else self.src / "main.rs"

    def file_of(self, abs_path):
        """The file defining the longest prefix of a crate-absolute path."""
        return self._file_prefix(abs_path)[0]

    def _file_prefix(self, abs_path):
        for k in range(len(abs_path), 0, -1):
            f = self.by_module.get(tuple(abs_path[:k]))
            if f is not None:
                return f, k
        return self.root_file(), 0

    def target(self, abs_path, reexports):
        """The file an absolute path leads to, following `pub use`
        re-exports (`super::Sources` where the parent has
        `pub use crate::components::Sources` leads to components)."""
        for _ in range(16):
            f, k = self._file_prefix(abs_path)
            if k >= len(abs_path):
                break
            nxt = reexports.get(f, {}).get(abs_path[k])
            if nxt is None or nxt + abs_path[k + 1:] == abs_path:
                break
            abs_path = nxt + abs_path[k + 1:]
        return self.file_of(abs_path)

    def has_child(self, cur, name, inline_children):
        return name in inline_children or tuple(cur) + (name,) in self.by_module


_INLINE_MOD = re.compile(r"\bmod\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{")
_USE = re.compile(r"\buse\b")
_ANCHORED = re.compile(
    r"(?<![\w:$])(\$crate|crate|super|self)((?:\s*::\s*(?:[A-Za-z_][A-Za-z0-9_]*|\*))+)"
)
_RELATIVE = re.compile(r"(?<![\w:$.'])([a-z_][a-z0-9_]*)((?:\s*::\s*[A-Za-z_][A-Za-z0-9_]*)+)")


def _line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def _matching_brace(code, open_pos):
    depth = 0
    for j in range(open_pos, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code)


def file_references(crate, f, reexports=None):
    """[(line, target file)] for every reference from file f to the crate;
    reexports (file -> {name: absolute path}, see analyse) are followed."""
    refs, _ = analyse(crate, f)
    return [(line, t) for (line, t) in ((line, crate.target(a, reexports or {})) for line, a in refs)
            if Path(t) != Path(f)]


_PUB_BEFORE = re.compile(r"\bpub\s*(?:\([^)]*\))?\s*$")


_CFG_TEST = re.compile(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{")


def strip_test_code(code):
    """`code` with every `#[cfg(test)] mod … { … }` blanked (newlines kept).
    Test modules are not compiled into the crate, so a test helper that both
    uses and is used by a module (model::test_util and model::series) is not
    a cycle among the crate's modules."""
    out = list(code)
    for m in _CFG_TEST.finditer(code):
        depth, i = 1, m.end()
        while i < len(code) and depth:
            depth += {"{": 1, "}": -1}.get(code[i], 0)
            i += 1
        for k in range(m.start(), i):
            if out[k] != "\n":
                out[k] = " "
    return "".join(out)


def analyse(crate, f):
    """([(line, absolute path)] of f's references to the crate,
    {name: absolute path} of the names f's module re-exports with `pub use`)."""
    src = Path(f).read_text(encoding="utf-8", errors="replace")
    code = strip_test_code(strip_code(src))
    base_mod = crate.module_path(f)

    # Inline modules (`mod tests { … }`): their spans and names.
    spans = []
    for m in _INLINE_MOD.finditer(code):
        open_pos = m.end() - 1
        spans.append((open_pos, _matching_brace(code, open_pos), m.group(1)))

    def module_at(pos):
        return base_mod + [name for (a, b, name) in spans if a < pos < b]

    def inline_children(pos):
        cur = module_at(pos)
        return {name for (a, b, name) in spans if module_at(a) == cur}

    aliases = {}  # names bound by `use` to crate modules: name -> absolute path

    def absolute_of(segs, pos):
        cur = module_at(pos)
        first = segs[0]
        if first in ("crate", "$crate"):
            if crate.is_root(f) and Path(f).name != "lib.rs":
                return None  # a binary's own crate: its root imports anything
            absolute = segs[1:]
        elif first == "super":
            k, absolute = 0, list(cur)
            while k < len(segs) and segs[k] == "super":
                if not absolute:
                    return None
                absolute.pop()
                k += 1
            absolute += segs[k:]
        elif first == "self":
            absolute = cur + segs[1:]
        elif first != "::" and crate.has_child(cur, first, inline_children(pos)):
            absolute = cur + segs
        elif first in aliases:
            absolute = aliases[first] + segs[1:]
        else:
            return None  # another crate, or a local item
        return [s for s in absolute if s not in ("*", "self")]

    reexports = {}

    refs = []
    blanked = list(code)

    # `use` statements.
    for m in _USE.finditer(code):
        end = code.find(";", m.end())
        if end < 0:
            continue
        body = code[m.end():end]
        try:
            leaves = parse_use_tree(body, m.end())
        except (UseSyntaxError, IndexError):
            continue  # left to the path scan below
        for segs, off, alias in leaves:
            absolute = absolute_of(segs, off)
            if absolute is None:
                continue
            refs.append((_line_of(code, off), absolute))
            if segs[-1] == "*":
                continue
            name = alias or (segs[-2] if segs[-1] == "self" and len(segs) > 1 else segs[-1])
            if name in ("crate", "super", "self", "_"):
                continue
            # `pub use crate::components::Sources;` at the file's top: a
            # `super::Sources` elsewhere is a reference to components.
            if _PUB_BEFORE.search(code, max(0, m.start() - 40), m.start()) and module_at(m.start()) == base_mod:
                reexports[name] = absolute
            # `use crate::sections::{self, x as y}`: later `sections::a::b` and
            # `y::c` in code are paths into those modules.
            if tuple(absolute) in crate.by_module:
                aliases[name] = absolute
        _blank(blanked, m.start(), end)
    rest = "".join(blanked)

    # Paths in code: crate::…, super::…, self::…, $crate::…
    for m in _ANCHORED.finditer(rest):
        before = rest[max(0, m.start() - 4):m.start()]
        if re.search(r"\bin\s*$", before):
            continue  # pub(in crate::x): a visibility, not a dependency
        segs = [m.group(1)] + [s.strip() for s in m.group(2).split("::") if s.strip()]
        absolute = absolute_of(segs, m.start())
        if absolute is not None:
            refs.append((_line_of(rest, m.start()), absolute))

    # Paths in code starting with a child module's bare name (`model::x` in
    # lib.rs) or with a module a `use` brought in (`sections::rates::X`).
    for m in _RELATIVE.finditer(rest):
        name = m.group(1)
        if name in ("crate", "super", "self", "in"):
            continue
        if name not in aliases and not crate.has_child(module_at(m.start()), name, inline_children(m.start())):
            continue
        segs = [name] + [s.strip() for s in m.group(2).split("::") if s.strip()]
        absolute = absolute_of(segs, m.start())
        if absolute is not None:
            refs.append((_line_of(rest, m.start()), absolute))

    return refs, reexports


# --------------------------------------------------------------------------
# The checks.


def find_cycles(nodes, edges):
    """Strongly connected components with more than one file (Tarjan)."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]
    sys.setrecursionlimit(max(10000, sys.getrecursionlimit()))

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def one_cycle(comp, edges):
    """A concrete cycle through the component's first file (BFS)."""
    members = set(comp)
    start = comp[0]
    prev, seen, queue = {}, {start}, [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(edges.get(v, ())):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(prev[path[-1]])
                return list(reversed(path)) + [start]
            if w in members and w not in seen:
                seen.add(w)
                prev[w] = v
                queue.append(w)
    return comp + [start]


def check(src, layers_text=LAYERS):
    """Returns (problems, summary): problem lines, and the one-line summary."""
    table = layer_table(layers_text)
    top_layer = max(table.values(), default=-1) + 1
    crate = Crate(src)
    problems = []

    def layer(name):
        return top_layer if name in ROOTS else table.get(name)

    def layer_text(name):
        return "crate root" if name in ROOTS else f"layer {table[name]}"

    unknown = sorted({crate.top(f) for f in crate.files if layer(crate.top(f)) is None})
    for name in unknown:
        where = f"src/{name}.rs" if (crate.src / f"{name}.rs").exists() else f"src/{name}/"
        problems.append(f"{where}: top-level module '{name}' is not in the layer table: "
                        f"add it to LAYERS at the top of tools/check_layers.py")

    edges = {}
    occurrences = []
    reexports = {f: analyse(crate, f)[1] for f in crate.files}
    for f in crate.files:
        for line, target in file_references(crate, f, reexports):
            edges.setdefault(f, set()).add(target)
            occurrences.append((f, line, target))

    seen = set()
    for f, line, target in sorted(occurrences, key=lambda o: (crate.rel(o[0]), o[1], crate.rel(o[2]))):
        a, b = crate.top(f), crate.top(target)
        la, lb = layer(a), layer(b)
        if la is None or lb is None or a == b:
            continue
        if b in ROOTS or (a not in ROOTS and lb > la):
            key = (f, line, b)
            if key not in seen:
                seen.add(key)
                problems.append(f"{crate.rel(f)}:{line}: {a} ({layer_text(a)}) imports {b} ({layer_text(b)})")

    # A module's Chinese twin (`x/zh.rs` beside `x.rs` or in `x/mod.rs`'s
    # folder, issue 26) is the same module's text in the other language: each
    # calls the other (the English dispatches with `tr!`, the Chinese reuses
    # the English findings), so for the cycle check the two are one node.
    # A cycle through the pair and any other file is still a cycle.
    def unit(f):
        if f.name == "zh.rs":
            for parent in (f.parent.with_suffix(".rs"), f.parent / "mod.rs"):
                if parent in crate.files and parent != f:
                    return parent
        return f

    nodes = sorted({unit(f) for f in crate.files})
    unit_edges = {}
    for a, targets in edges.items():
        for b in targets:
            if unit(a) != unit(b):
                unit_edges.setdefault(unit(a), set()).add(unit(b))
    cycles = find_cycles(nodes, unit_edges)
    for comp in cycles:
        path = one_cycle(comp, unit_edges)
        problems.append("cycle: " + " -> ".join(crate.rel(p) for p in path)
                        + (f"  (all {len(comp)} files in it: " + ", ".join(crate.rel(p) for p in comp) + ")"
                           if len(comp) > len(path) - 1 else ""))

    n_edges = sum(len(v) for v in edges.values())
    summary = f"layers: {len(crate.files)} files, {n_edges} edges, " + (
        "no cycle" if not cycles else f"{len(cycles)} cycle{'s' if len(cycles) > 1 else ''}")
    return problems, summary


def main(argv):
    if "--self-test" in argv:
        return self_test(verbose="--quiet" not in argv)
    src = Path(__file__).resolve().parent.parent / "src"
    if "--src" in argv:
        src = Path(argv[argv.index("--src") + 1])
    if not src.is_dir():
        print(f"check_layers: no source folder {src}", file=sys.stderr)
        return 2
    if "--edges" in argv:
        crate = Crate(src)
        reexports = {f: analyse(crate, f)[1] for f in crate.files}
        for f in crate.files:
            for line, target in sorted(set(file_references(crate, f, reexports))):
                print(f"edge {crate.rel(f)}:{line} -> {crate.rel(target)}")
    problems, summary = check(src)
    for p in problems:
        print(p)
    if problems:
        print(f"{summary}; {len(problems)} problem{'s' if len(problems) > 1 else ''} "
              f"(layers, lowest first: {', '.join(l.strip() for l in LAYERS.splitlines() if l.strip())})")
        return 1
    print(summary)
    return 0


# --------------------------------------------------------------------------
# Self-tests: tiny crates in a temporary folder.


def _tree(root, files):
    for name, text in files.items():
        p = Path(root) / "src" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return Path(root) / "src"


def self_test(verbose=True):
    cases = []
    # The layer numbers the messages quote, from the table (so a new layer
    # does not break the self-test); `sections` sits just below `app`.
    table = layer_table()
    APP = table["app"]
    assert table["sections"] == APP - 1

    def case(name):
        def wrap(fn):
            cases.append((name, fn))
            return fn
        return wrap

    def run(files):
        with tempfile.TemporaryDirectory() as d:
            return check(_tree(d, files))

    @case("a module and its Chinese twin may call each other; a cycle through the pair is still found")
    def _():
        problems, _ = run({
            "lib.rs": "pub mod figures;\n",
            "figures.rs": "pub mod rates;\npub mod answer;\n",
            "figures/rates.rs": "pub mod zh;\npub fn f() { zh::g() }\n",
            "figures/rates/zh.rs": "pub fn g() { super::h() }\n",
            "figures/answer.rs": "pub mod zh;\npub fn a() {}\n",
            "figures/answer/zh.rs": "pub fn b() { super::a() }\n",
        })
        assert problems == [], problems
        problems, _ = run({
            "lib.rs": "pub mod figures;\n",
            "figures.rs": "pub mod rates;\npub mod answer;\n",
            "figures/rates.rs": "pub mod zh;\npub fn f() { crate::figures::answer::zh::b() }\n",
            "figures/rates/zh.rs": "pub fn g() {}\n",
            "figures/answer.rs": "pub mod zh;\npub fn a() { crate::figures::rates::f() }\n",
            "figures/answer/zh.rs": "pub fn b() { super::a() }\n",
        })
        assert any(p.startswith("cycle:") for p in problems), problems

    @case("a downward edge passes")
    def _():
        problems, summary = run({
            "lib.rs": "pub mod model;\npub mod app;\n",
            "model.rs": "pub fn f() {}\n",
            "app.rs": "use crate::model::f;\npub fn g() { crate::model::f() }\n",
        })
        assert problems == [], problems
        assert summary == "layers: 3 files, 1 edges, no cycle", summary

    @case("an upward edge in code is reported with its line")
    def _():
        problems, _ = run({
            "lib.rs": "pub mod model;\npub mod app;\n",
            "app.rs": "pub fn g() {}\n",
            "model.rs": "pub fn f() {\n    let x = 1;\n    crate::app::g();\n}\n",
        })
        assert problems == [f"src/model.rs:3: model (layer 0) imports app (layer {APP})"], problems

    @case("super:: from a top-level file reaches a sibling top-level module")
    def _():
        problems, _ = run({
            "lib.rs": "pub mod model;\npub mod app;\n",
            "app.rs": "pub fn g() {}\n",
            "model.rs": "use super::app::g;\npub fn f() { super::app::g() }\n",
        })
        assert problems == [f"src/model.rs:1: model (layer 0) imports app (layer {APP})",
                            f"src/model.rs:2: model (layer 0) imports app (layer {APP})"], problems

    @case("a cycle between two files of one layer")
    def _():
        problems, summary = run({
            "lib.rs": "pub mod model;\n",
            "model/mod.rs": "pub mod a;\npub mod b;\n",
            "model/a.rs": "use super::b::Y;\npub struct X;\n",
            "model/b.rs": "pub struct Y;\npub fn h() -> super::a::X { super::a::X }\n",
        })
        assert len(problems) == 1 and problems[0].startswith("cycle: "), problems
        assert "src/model/a.rs" in problems[0] and "src/model/b.rs" in problems[0], problems
        assert summary.endswith("1 cycle"), summary

    @case("a cycle across layers is reported as a cycle and as an upward edge")
    def _():
        problems, _ = run({
            "lib.rs": "pub mod sections;\npub mod app;\n",
            "app.rs": "use crate::sections;\npub struct Printing;\n",
            "sections/mod.rs": "pub mod rates;\nuse crate::app::Printing;\n",
            "sections/rates.rs": "pub fn r() {}\n",
        })
        assert f"src/sections/mod.rs:2: sections (layer {APP - 1}) imports app (layer {APP})" in problems, problems
        assert "cycle: src/app.rs -> src/sections/mod.rs -> src/app.rs" in problems, problems

    @case("a nested, multi-line use group")
    def _():
        with tempfile.TemporaryDirectory() as d:
            src = _tree(d, {
                "lib.rs": "pub mod model;\npub mod data;\npub mod format;\npub mod sections;\n",
                "model/mod.rs": "pub mod date;\n",
                "model/date.rs": "pub struct Date;\n",
                "data/mod.rs": "pub mod load;\n",
                "data/load.rs": "pub fn a() {}\npub fn b() {}\n",
                "format.rs": "pub fn fmt() {}\n",
                "sections/mod.rs": "use crate::{\n    model::{self, date::{Date}},\n    format::{self as f, fmt},\n"
                                   "    data::{load::{a, b as bb}},\n};\n",
            })
            crate = Crate(src)
            refs = sorted({(line, crate.rel(t)) for line, t in file_references(crate, src / "sections/mod.rs")})
            assert refs == [(2, "src/model/date.rs"), (2, "src/model/mod.rs"), (3, "src/format.rs"),
                            (4, "src/data/load.rs")], refs
            problems, _ = check(src)
            assert problems == [], problems

    @case("commented-out uses, strings and char literals are not edges")
    def _():
        problems, summary = run({
            "lib.rs": "pub mod model;\npub mod app;\n",
            "app.rs": "pub fn g() {}\n",
            "model.rs": "// use crate::app::g;\n/* use crate::app::g;\n /* nested */ crate::app::g() */\n"
                        "/// Calls `crate::app::g()`.\n"
                        "pub fn f<'a>(s: &'a str) -> &'a str { let _c = '\"'; let _t = \"use crate::app::g;\";\n"
                        "    let _r = r#\"crate::app::g()\"#; s }\n",
        })
        assert problems == [], problems
        assert "0 edges" in summary, summary

    @case("use super::* in an inline test module is not an edge to the parent file")
    def _():
        problems, summary = run({
            "lib.rs": "pub mod model;\n",
            "model/mod.rs": "pub mod series;\npub fn m() {}\n",
            "model/series.rs": "pub fn s() {}\n#[cfg(test)]\nmod tests {\n    use super::*;\n    fn t() { s() }\n}\n",
        })
        assert problems == [] and "0 edges" in summary, (problems, summary)

    @case("test-only modules are not part of the graph, but the same edge outside them is a cycle")
    def _():
        files = {
            "lib.rs": "pub mod model;\n",
            "model/mod.rs": "pub mod series;\n#[cfg(test)]\npub(crate) mod test_util {\n"
                            "    pub use super::series::Obs;\n}\n",
            "model/series.rs": "pub struct Obs;\n#[cfg(test)]\nmod tests {\n    use crate::model::test_util::Obs;\n}\n",
        }
        problems, summary = run(files)
        assert problems == [], (problems, summary)
        files["model/series.rs"] = "use crate::model::helper;\npub struct Obs;\n"
        files["model/mod.rs"] = "pub mod series;\npub fn helper() -> series::Obs { series::Obs }\n"
        problems, summary = run(files)
        assert any("cycle" in p for p in problems), (problems, summary)

    @case("re-exports are followed: a parent re-exporting for its children is no cycle")
    def _():
        problems, summary = run({
            "lib.rs": "pub mod components;\npub mod sections;\npub mod app;\n",
            "components.rs": "pub struct Sources;\n",
            "sections/mod.rs": "pub mod rates;\npub use crate::components::{Sources as S};\n"
                               "pub fn all() { rates::r() }\n",
            "sections/rates.rs": "use super::S;\npub fn r() {}\n",
            "app.rs": "use crate::sections::{self};\npub fn a() { sections::rates::r() }\n",
        })
        assert problems == [], problems
        assert summary == "layers: 5 files, 5 edges, no cycle", summary

    @case("an unknown top-level module is an error naming the table")
    def _():
        problems, _ = run({"lib.rs": "pub mod widgets;\n", "widgets.rs": "pub fn w() {}\n"})
        assert len(problems) == 1 and "'widgets' is not in the layer table" in problems[0], problems

    @case("crate roots may import anything; nothing may import them")
    def _():
        problems, _ = run({
            "lib.rs": "pub mod model;\npub mod app;\npub fn root() { model::f(); app::g() }\n",
            "main.rs": "fn main() { selloff::app::g() }\n",
            "model.rs": "pub fn f() { crate::root() }\n",
            "app.rs": "pub fn g() {}\n",
        })
        assert problems[0] == "src/model.rs:1: model (layer 0) imports lib (crate root)", problems

    failed = 0
    for name, fn in cases:
        try:
            fn()
            if verbose:
                print(f"ok   {name}")
        except AssertionError as e:
            failed += 1
            print(f"FAIL {name}: {e}")
    print(f"self-test: {len(cases) - failed} of {len(cases)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
