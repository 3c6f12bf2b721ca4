"""The codifier's apparatus set aside in a pair of a codified Section and a Section of an
Act's own text (`codification.apparatus`). Its own module, imported when such a pair is
found, so that a comparison of two texts of one kind does not create its class."""

from __future__ import annotations

from dataclasses import dataclass

from statdiff.model import Node, Side


@dataclass(frozen=True, slots=True)
class Apparatus:
    """A pair of a codified Section and a Section of an Act's own text: which side is the
    codified one, and its citation lines and Source notes the other Section does not print."""

    compiled: Side
    nodes: tuple[Node, ...]

    def holds(self, node: Node) -> bool:
        return any(node is aside for aside in self.nodes)

    def without(self, nodes: list[Node]) -> list[Node]:
        """`nodes` less the apparatus set aside (compared with nothing)."""
        return [node for node in nodes if not self.holds(node)] if self.nodes else nodes
