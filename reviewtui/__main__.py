from reviewtui.entry import main

main()
