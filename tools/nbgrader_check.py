"""Run the teacher's nbgrader round trip on every lesson with exercises, offline, and check each step.

Usage:
  python tools/nbgrader_check.py [--nbs DIR] [--lessons REGEX] [--keep DIR]

Needs nbgrader (pip install "minimlp[teacher]", or pip install "nbgrader>=0.9.5,<0.10"). In a temporary course folder (or --keep DIR)
it does what a teacher does, and checks what should come of it:
  1. python tools/make_exercises.py --nbgrader DIR        the nbgrader course: source/<lesson>/<lesson>.ipynb for each lesson
  2. nbgrader generate_assignment <lesson>                the release: stubs and hints, no solution, no nbdev directive
  3. nbgrader validate release/<lesson>/<lesson>.ipynb    must fail: the stubs are not the answers
  4. nbgrader validate source/<lesson>/<lesson>.ipynb     must pass: the lesson's own answers
  5. nbgrader autograde <lesson>                          three students: the release untouched, the answers with the first one left
                                                          as a stub, and all the answers; their scores must be 0, more than 0 but
                                                          less than all the points (if there are two checks or more), and all
It prints one line per step and exits with status 1 at the first step that fails (2 if nbgrader is missing).
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def say(step: str, ok: bool = True, more: str = '') -> None:
    print(f'{"ok  " if ok else "FAIL"} {step}' + (f': {more}' if more else ''), flush=True)
    if not ok: sys.exit(1)

def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    "Run `nbgrader args` in the course folder (its nbgrader_config.py applies), with this Python's scripts (alembic) on the PATH."
    env = {**os.environ, 'PATH': os.pathsep.join([os.path.dirname(sys.executable), os.environ.get('PATH', '')])}
    return subprocess.run([sys.executable, '-m', 'nbgrader', *args], cwd=course, capture_output=True, text=True, env=env)

def tail(r: subprocess.CompletedProcess, n: int = 12) -> str:
    return '\n' + '\n'.join((r.stdout + r.stderr).strip().splitlines()[-n:])

def cells(p: Path) -> list: return json.loads(p.read_text(encoding='utf-8'))['cells']
def text(c: dict) -> str: return ''.join(c['source'])
def nbg(c: dict) -> dict: return c.get('metadata', {}).get('nbgrader', {})

_REGION = re.compile(r'^([ \t]*)### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION[ \t]*(\n|$)', re.M | re.S)

def answers(source: Path, leave_first: bool = False) -> dict:
    "grade_id -> each solution cell as a student who solved it has it (the markers gone); `leave_first`: the first answer left as a stub."
    res, left = {}, not leave_first
    for c in cells(source):
        if not nbg(c).get('solution'): continue
        t = text(c)
        if not left: t, left = _REGION.sub(r'\1# YOUR CODE HERE\n\1raise NotImplementedError()\n', t, count=1), True
        res[nbg(c)['grade_id']] = re.sub(r'^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n', '', t, flags=re.M)
    return res

def submit(course: Path, student: str, lesson: str, release: Path, fill: dict) -> None:
    "Put a submission of `student` in submitted/: the release notebook with the solution cells in `fill` replaced."
    nb = json.loads(release.read_text(encoding='utf-8'))
    for c in nb['cells']:
        if (g := nbg(c).get('grade_id')) in fill: c['source'] = fill[g].splitlines(keepends=True)
    d = course / 'submitted' / student / lesson
    d.mkdir(parents=True, exist_ok=True)
    (d / release.name).write_text(json.dumps(nb, indent=1), encoding='utf-8')
    (d / 'timestamp.txt').write_text('2026-01-01 00:00:00.000000 UTC')

def check_lesson(course: Path, source: Path) -> None:
    lesson = source.parent.name
    r = nbgrader(course, 'generate_assignment', lesson, '--force', '--db', f'sqlite:///{course}/gradebook.db')
    release = course / 'release' / lesson / source.name
    say(f'{lesson}: nbgrader generate_assignment', r.returncode == 0 and release.exists(), '' if r.returncode == 0 else tail(r))
    rel, src = cells(release), cells(source)
    sols = [c for c in src if nbg(c).get('solution')]
    tests = [c for c in src if nbg(c).get('grade')]
    rt, by_id = '\n'.join(map(text, rel)), {nbg(c).get('grade_id'): {l.strip() for l in text(c).splitlines()} for c in rel}
    leaked = [l.strip() for c in sols for l in text(c).split('### BEGIN SOLUTION\n', 1)[1].split('### END SOLUTION')[0].splitlines()
              if l.strip() and not l.strip().startswith('#') and l.strip() in by_id.get(nbg(c)['grade_id'], set())]   # whole lines
    n = sum(text(c).count('### BEGIN SOLUTION') for c in sols)
    say(f'{lesson}: the release has {n} stubs with their hints and {len(tests)} graded checks, no solution, no nbdev directive',
        n > 0 and len(tests) > 0 and rt.count('raise NotImplementedError()') == n
        and rt.count("hint('") >= n and not leaked and 'BEGIN SOLUTION' not in rt and not re.search(r'^#\s*\|', rt, re.M),
        f'solution lines in the release: {leaked[:3]}' if leaked else '')
    r = nbgrader(course, 'validate', str(release))
    ok = 'VALIDATION FAILED' in r.stdout
    say(f'{lesson}: nbgrader validate fails on the untouched stubs', ok, '' if ok else tail(r))
    r = nbgrader(course, 'validate', str(source))
    ok = 'Success! Your notebook passes all the tests.' in r.stdout
    say(f'{lesson}: nbgrader validate passes on the solutions', ok, '' if ok else tail(r))
    submit(course, 'stubs', lesson, release, {})
    submit(course, 'one-left', lesson, release, answers(source, leave_first=True))
    submit(course, 'right', lesson, release, answers(source))
    r = nbgrader(course, 'autograde', lesson, '--create', '--force')
    say(f'{lesson}: nbgrader autograde', r.returncode == 0, '' if r.returncode == 0 else tail(r))
    from nbgrader.api import Gradebook
    with Gradebook(f'sqlite:///{course}/gradebook.db') as gb:
        scores = {s: gb.find_submission(lesson, s).score for s in ('stubs', 'one-left', 'right')}
        top = gb.find_assignment(lesson).max_score
    points = {nbg(c)['grade_id']: nbg(c)['points'] for c in tests}
    say(f'{lesson}: autograde scores the stubs {scores["stubs"]:g}, one exercise left {scores["one-left"]:g} and the answers '
        f'{scores["right"]:g} of {top:g}', scores['stubs'] == 0 and scores['one-left'] < scores['right'] == top == sum(points.values())
        and (scores['one-left'] > 0 or len(tests) == 1))

def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], allow_abbrev=False)
    p.add_argument('--nbs', type=Path, default=root / 'nbs', help='folder of the lessons (default: nbs/ of this checkout)')
    p.add_argument('--lessons', default=r'0[0-6]_', help='regex: the lessons to consider, by file name (default: 0[0-6]_)')
    p.add_argument('--keep', type=Path, help='make the course in this folder and keep it (default: a temporary folder, removed)')
    a = p.parse_args()
    try: import nbgrader  # noqa: F401
    except ImportError:
        print('nbgrader is not installed: pip install "minimlp[teacher]" (or "nbgrader>=0.9.5,<0.10")', file=sys.stderr)
        sys.exit(2)
    from minimlp.handout import make_nbgrader
    course = a.keep or Path(tempfile.mkdtemp(prefix='minimlp-nbgrader-'))
    try:
        sources = make_nbgrader(a.nbs, course, lessons=a.lessons)
        say(f'make_nbgrader wrote {len(sources)} assignments into {course}/source', bool(sources),
            '' if sources else 'no lesson marks an exercise (cell metadata {"minimlp": {"solution": [...]}})')
        for s in sources: check_lesson(course, s)
        print(f'the nbgrader round trip works on all {len(sources)} lessons with exercises')
    finally:
        if not a.keep: shutil.rmtree(course, ignore_errors=True)

if __name__ == '__main__': main()
