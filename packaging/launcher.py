"""The frozen program's start: the same entry point as the `reviewtui` command
(`[project.scripts]` in pyproject.toml; tests/test_packaging_manifest.py keeps the two equal)."""

from reviewtui.cli.fast import main

if __name__ == "__main__":
    main()
