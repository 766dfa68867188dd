from reviewtui.launch import main

main()
