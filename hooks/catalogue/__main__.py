"""`python -m catalogue check`: see catalogue.cli."""

from __future__ import annotations

from catalogue.cli import main

raise SystemExit(main())
