"""Generate the learner's notebooks from the lessons, check they are up to date, run the ones with exercises, or write an nbgrader course.

Usage:
  python tools/make_exercises.py                write minimlp/exercises_nbs/: lessons 00 to 06 as a learner gets them (stubs for solutions)
  python tools/make_exercises.py --check        exit 1 if minimlp/exercises_nbs/ is out of date with nbs/ (CI)
  python tools/make_exercises.py --run          execute the notebooks with exercises, stubs in place (cwd nbs/); exit 1 if a cell raises (CI)
  python tools/make_exercises.py --nbgrader DIR write an nbgrader course into DIR: source/<lesson>/<lesson>.ipynb for each lesson
                                                with exercises, and nbgrader_config.py (then see tools/nbgrader_check.py)
A lesson marks an exercise with cell metadata: {"minimlp": {"solution": ["lin_grad"]}} on the cell holding the answer, and
{"minimlp": {"check": "lin_grad"}} on the check cell after it. --run skips the lessons without exercises: their learner's version
is the lesson without outputs and nbdev lines, and nbdev_test already runs the lessons. The work is done by minimlp.handout
(make_exercises, run_notebook, make_nbgrader), built and tested in nbs/14_appendix_handout.ipynb.
"""
import json, sys
from pathlib import Path
from minimlp.handout import make_exercises, run_notebook, has_stubs, make_nbgrader

root = Path(__file__).resolve().parent.parent
nbs, dest = root/'nbs', root/'minimlp'/'exercises_nbs'

def main(argv: list) -> None:
    args = list(argv)
    if '--nbgrader' in args:
        i = args.index('--nbgrader')
        if i + 1 >= len(args) or args[i + 1].startswith('--'): sys.exit('--nbgrader needs a folder: python tools/make_exercises.py --nbgrader DIR')
        course = Path(args.pop(i + 1)); args.pop(i)
        written = make_nbgrader(nbs, course)
        print('\n'.join(f'wrote {p}' for p in written) or 'no lesson has exercises: nothing written')
        print(f'next: cd {course} && nbgrader generate_assignment <lesson> (e.g. {written[0].parent.name if written else "02_backward"})')
    if set(args) - {'--check', '--run'}: sys.exit(__doc__)
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
    if not argv:
        written = make_exercises(nbs, dest)
        print('\n'.join(f'wrote {p.relative_to(root)}' for p in written) or f'{dest.relative_to(root)} was already up to date')

if __name__ == '__main__':
    try: main(sys.argv[1:])
    except (ValueError, OSError) as e: sys.exit(f'error: {e}')   # a lesson that marks its exercises wrongly, a file that cannot be written
