"""finding.direction, finding.qualifier, finding.canonical: evidence you can add up (issue 19)

Revision ID: f19d1ec70a11
Revises: 5e7a9c1d2b30
Create Date: 2026-12-03 12:00:00

A change's direction and a value's qualifier become columns beside the values they describe,
and `canonical` marks the one finding per fact that `GET /v1/findings?distinct=true` returns.
The seed loader refills every finding row, so existing rows only need the defaults.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "f19d1ec70a11"
down_revision: str | None = "5e7a9c1d2b30"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "finding",
        sa.Column("direction", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    )
    op.add_column(
        "finding",
        sa.Column("qualifier", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    )
    # NOT NULL needs a default for the rows already there (SQLite adds it in place only so).
    op.add_column(
        "finding",
        sa.Column("canonical", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.create_index("ix_finding_canonical", "finding", ["canonical"])


def downgrade() -> None:
    op.drop_index("ix_finding_canonical", table_name="finding")
    op.drop_column("finding", "canonical")
    op.drop_column("finding", "qualifier")
    op.drop_column("finding", "direction")
