from jobmatch.cli import main

main()
