"""The frozen program's start: the same entry point as the `reviewtui` command."""

from reviewtui.entry import main

if __name__ == "__main__":
    main()
