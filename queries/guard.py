"""The read-only guard of the query channel: refuse a statement that could write, touch files or change
the session, before it is sent to either backend.

The databases are the first line (LadybugDB opened read-only, Neo4j read transactions). This check is
the second, and the only one for what a read-only database still allows: LadybugDB's `LOAD FROM` (reads
any file), `COPY … TO` (writes one), its file-reading table functions (which crash the process), its
settings (`CALL threads=1`), transactions and `CHECKPOINT` (which leaves the store unopenable read-only),
and Neo4j's `LOAD CSV` and plugin procedures. It works on tokens: comments, string literals and quoted
names are blanked first, so a keyword inside a string is harmless and one after a comment is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jig.core.errors import QueryError, ReadOnlyQueryError

_CHANGES_GRAPH = "would change the graph"
_TOUCHES_FILES = "reads or writes files, extensions or other databases"
_CONTROLS_SESSION = "controls transactions of the shared connection"
#: Clause keywords the console refuses, each with the reason it gives.
FORBIDDEN: dict[str, str] = {
    **dict.fromkeys(("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "RENAME",
                     "FOREACH", "GRANT", "DENY", "REVOKE"), _CHANGES_GRAPH),
    **dict.fromkeys(("LOAD", "COPY", "EXPORT", "IMPORT", "INSTALL", "ATTACH", "USE"), _TOUCHES_FILES),
    **dict.fromkeys(("BEGIN", "COMMIT", "ROLLBACK", "CHECKPOINT", "TERMINATE"), _CONTROLS_SESSION),
}
#: The only procedures CALL may run: schema introspection of LadybugDB and of Neo4j (lower case).
ALLOWED_PROCEDURES = frozenset({
    "show_tables", "table_info", "show_connection", "show_indexes", "show_functions",
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
})
#: Plugin namespaces whose procedures and functions reach files, the network or the server.
PLUGIN_NAMESPACES = frozenset({"apoc", "gds", "dbms", "genai", "n10s"})

_TOKEN = re.compile(r"\d\w*|[^\W\d]\w*|\S")
_QUOTES = {"'": "''", '"': "''", "`": "_"}


def check_read_only(cypher: str) -> None:
    """Refuse `cypher` unless it is one statement that only reads the graph.

    Raises ReadOnlyQueryError naming the clause, procedure or namespace that is refused, and QueryError
    for several statements or an unterminated string, comment or quoted name.
    """
    code = blank(cypher)
    tokens = _TOKEN.findall(code)
    for position, token in enumerate(tokens):
        word = token.upper()
        if position and tokens[position - 1] in (".", "$"):
            continue
        if word in FORBIDDEN:
            raise ReadOnlyQueryError(f"this console is read-only: {word} {FORBIDDEN[word]}")
        if word == "CALL":
            _check_call(tokens[position + 1:])
        if token.lower() in PLUGIN_NAMESPACES and tokens[position + 1:position + 2] == ["."]:
            raise ReadOnlyQueryError(f"this console is read-only: {token}.… procedures and functions can reach "
                                     "files, the network or the server")
    if sum(1 for part in code.split(";") if part.strip()) > 1:
        raise QueryError("send one statement at a time (found several separated by ';')")


def _check_call(rest: list[str]) -> None:
    """A CALL of a subquery (`CALL {…}`, `CALL (x) {…}`) passes; a procedure only if it is allowed."""
    if not rest or rest[0] in ("{", "("):
        return
    parts = _qualified_name(rest)
    name = "".join(parts)
    if rest[len(parts):len(parts) + 1] == ["="]:
        raise ReadOnlyQueryError(f"this console is read-only: CALL {name}=… changes a database setting")
    if name.lower() not in ALLOWED_PROCEDURES:
        raise ReadOnlyQueryError(f"this console is read-only: it calls only the schema procedures "
                                 f"{', '.join(sorted(ALLOWED_PROCEDURES))}; not {name!r}")


def _qualified_name(tokens: list[str]) -> list[str]:
    """The leading `word(.word)*` tokens of `tokens`."""
    taken: list[str] = []
    for token in tokens:
        wants_word = not taken or taken[-1] == "."
        if (token[0].isalpha() or token[0] == "_") if wants_word else token == ".":
            taken.append(token)
        else:
            break
    return taken


def blank(cypher: str) -> str:
    """`cypher` with every comment replaced by a space, every string by `''` and every quoted name by `_`.

    Raises QueryError for an unterminated string, block comment or quoted name.
    """
    return "".join(_pieces(cypher))


def _pieces(text: str) -> Iterator[str]:
    position = 0
    while position < len(text):
        char, pair = text[position], text[position:position + 2]
        if pair == "//":
            end = text.find("\n", position)
            position = len(text) if end == -1 else end
            yield " "
        elif pair == "/*":
            end = text.find("*/", position + 2)
            if end == -1:
                raise QueryError("the statement has an unterminated /* comment")
            position = end + 2
            yield " "
        elif char in _QUOTES:
            position = _closing(text, position)
            yield _QUOTES[char]
        else:
            position += 1
            yield char


def _closing(text: str, start: int) -> int:
    """The position just past the literal or quoted name opened at `start` (backslash escapes in strings)."""
    quote, position = text[start], start + 1
    while position < len(text):
        if text[position] == "\\" and quote != "`":
            position += 2
        elif text[position] == quote:
            return position + 1
        else:
            position += 1
    raise QueryError(f"the statement has an unterminated {quote}-quoted string or name")
