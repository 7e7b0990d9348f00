"""Faults injected into a served app: disk full, the database stopped, frozen, deleted or
corrupt, backup and restore. Each test asserts the clean answer a client gets and that nothing
acknowledged was lost. `make test` runs at least one case of each; the cases marked `heavy`
(longer, or needing root tricks) run with `make faults`."""
