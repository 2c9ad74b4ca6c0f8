from jobmatch.cli import run

run()
