"""Reading scanned or photographed paper forms (`reviewtui ballots scan`, SPEC 10).

`pages` opens the files, `locate` finds a form's corner squares and straightens it, `read`
reads its serial and marks, `save` records what was read. numpy, OpenCV and pypdfium2 are
imported by `pages`, `locate` and `read` only: import them when scanning, never at start-up.
"""
