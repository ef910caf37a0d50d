"""Allow ``python -m medtui``."""

from medtui.cli import main

raise SystemExit(main())
