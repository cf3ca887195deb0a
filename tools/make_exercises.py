"""Generate the learner's notebooks from the lessons, check they are up to date, or run the ones with exercises.

Usage:
  python tools/make_exercises.py           write minimlp/exercises_nbs/: lessons 00 to 06 as a learner gets them (stubs for solutions)
  python tools/make_exercises.py --check   exit 1 if minimlp/exercises_nbs/ is out of date with nbs/ (CI)
  python tools/make_exercises.py --run     execute the notebooks with exercises, stubs in place (cwd nbs/); exit 1 if a cell raises (CI)
Solutions are marked nbgrader-style (### BEGIN SOLUTION / ### END SOLUTION, ### BEGIN HIDDEN TESTS / ### END HIDDEN TESTS).
--run skips the lessons without exercises: their learner's version is the lesson without outputs and nbdev lines,
and nbdev_test already runs the lessons. The work is done by minimlp.exercises (make_exercises, run_notebook),
built and tested in nbs/08_exercises.ipynb.
"""
import json, sys
from pathlib import Path
from minimlp.exercises import make_exercises, run_notebook, has_stubs

root = Path(__file__).resolve().parent.parent
nbs, dest = root/'nbs', root/'minimlp'/'exercises_nbs'

if __name__ == '__main__':
    args = set(sys.argv[1:])
    if args - {'--check', '--run'}: sys.exit(__doc__)
    if '--check' in args:
        if stale := make_exercises(nbs, dest, check=True):
            sys.exit('out of date: ' + ', '.join(str(p.relative_to(root)) for p in stale) +
                     '\nrun `python tools/make_exercises.py` and commit minimlp/exercises_nbs/')
        print(f'{dest.relative_to(root)} is up to date with nbs/')
    if '--run' in args:
        todo = [p for p in sorted(dest.glob('*.ipynb')) if has_stubs(json.loads(p.read_text(encoding='utf-8')))]
        if not todo: print('no exercise notebooks to run (no lesson marks a solution yet)')
        failed = 0
        for p in todo:
            try: run_notebook(p, cwd=nbs); print(f'ran {p.relative_to(root)}: every cell ran')
            except RuntimeError as e: failed += 1; print(e, file=sys.stderr)
        if failed: sys.exit(f'{failed} exercise notebook(s) failed to run to the end')
    if not args:
        written = make_exercises(nbs, dest)
        print('\n'.join(f'wrote {p.relative_to(root)}' for p in written) or f'{dest.relative_to(root)} was already up to date')
