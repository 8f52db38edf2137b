#!/usr/bin/env python3
"""Turns a folder of named SQL statements into a C++ header of db::Query constants.

Each *.sql file holds one or more statements, each introduced by a line `-- name: PlanById`
(an identifier in CamelCase) and optionally followed by comment lines describing the
parameters. The statement runs to the next `-- name:` line or the end of the file. The header
defines `inline const kinerja::db::Query kPlanById{"<prefix>.PlanById", "<sql>"};` in the
namespace given, so every statement is declared once, in its .sql file, and prepared lazily
(shared/db/query.h). A repeated or malformed name fails the build.

usage: embed_queries.py DIR PREFIX NAMESPACE OUT
"""
import pathlib
import re
import sys

NAME = re.compile(r"^--\s*name:\s*(\S+)\s*$")
IDENT = re.compile(r"^[A-Z][A-Za-z0-9]*$")


def parse(path: pathlib.Path):
    current, lines, out = None, [], []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        match = NAME.match(line)
        if match:
            if current:
                out.append((current, "\n".join(lines).strip()))
            current, lines = match.group(1), []
            if not IDENT.match(current):
                sys.exit(f"{path}:{number}: query name {current!r} is not a CamelCase identifier")
            continue
        if current is None:
            if line.strip() and not line.startswith("--"):
                sys.exit(f"{path}:{number}: SQL before the first '-- name:' line")
            continue
        lines.append(line)
    if current:
        out.append((current, "\n".join(lines).strip()))
    for name, sql in out:
        if not sql or all(l.strip().startswith("--") or not l.strip() for l in sql.splitlines()):
            sys.exit(f"{path}: query {name} is empty")
    return out


def main() -> int:
    folder, prefix, namespace, out = sys.argv[1:5]
    seen = {}
    entries = []
    for path in sorted(pathlib.Path(folder).glob("*.sql")):
        for name, sql in parse(path):
            if name in seen:
                sys.exit(f"{path}: query {name} is also defined in {seen[name]}")
            seen[name] = path.name
            if ")KQ\"" in sql:
                sys.exit(f"{path}: query {name} contains the raw-string delimiter")
            entries.append(f'// {path.name}\ninline const ::kinerja::db::Query k{name}{{"{prefix}.{name}",\n'
                           f'                                         R"KQ({sql})KQ"}};')
    text = (f"// Generated from {folder} by cmake/embed_queries.py. Do not edit.\n"
            "#pragma once\n\n#include \"shared/db/query.h\"\n\n"
            f"namespace {namespace} {{\n\n" + "\n\n".join(entries) + f"\n\n}}  // namespace {namespace}\n")
    target = pathlib.Path(out)
    if not target.exists() or target.read_text() != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
