from reviewtui.cli.fast import main

main()
