"""audit.etag_token: a random token drawn by every write, the audit's ETag

Revision ID: 5e7a9c1d2b30
Revises: a1d17c0de005
Create Date: 2026-12-03 03:30:00

The ETag was derived from `id` and `version`; a database restored from a backup sets `version`
back, so the next write issued an ETag already given out for other content. Every write now
draws a new token. Existing rows get a random one each.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "5e7a9c1d2b30"
down_revision: str | None = "a1d17c0de005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# 128 random bits as 32 hex digits, drawn per row.
RANDOM_HEX = {
    "sqlite": "lower(hex(randomblob(16)))",
    "postgresql": "replace(gen_random_uuid()::text, '-', '')",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # Added in place with a default: SQLite can add a NOT NULL column only with one, and a batch
    # copy of `audit` would trip the foreign key from `audit_revision`. Every write sets the
    # token; PostgreSQL drops the default once the rows are filled (SQLite cannot, harmlessly).
    op.add_column(
        "audit",
        sa.Column(
            "etag_token",
            sqlmodel.sql.sqltypes.AutoString(length=32),
            nullable=False,
            server_default="",
        ),
    )
    op.execute(f"UPDATE audit SET etag_token = {RANDOM_HEX[dialect]}")
    if dialect != "sqlite":
        op.alter_column("audit", "etag_token", server_default=None)


def downgrade() -> None:
    op.drop_column("audit", "etag_token")  # SQLite 3.35+ drops a column in place
