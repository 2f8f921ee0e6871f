"""Errors govgraph reports to its users."""


class GovgraphError(Exception):
    """A user-facing error: its message names the file or item and the problem."""

    exit_code = 2


class InputError(GovgraphError):
    """One input file could not be read or decoded."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
