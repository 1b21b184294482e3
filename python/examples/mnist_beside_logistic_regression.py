"""LUTNet beside scikit-learn's logistic regression on MNIST 0-4 against 5-9 (run from the repository root)."""
import gzip, time, numpy as np
from sklearn.linear_model import LogisticRegression
from lutnet import LUTNetClassifier

def idx(path):  # an IDX file as rows of bytes (images) or a vector (labels)
    data = gzip.open(path).read()
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(data[3])]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * data[3]).reshape(shape[0], -1).squeeze()

X, Xt = (idx(f"../shared/datasets/mnist/{s}-images-idx3-ubyte.gz") for s in ("train", "t10k"))
y, yt = (idx(f"../shared/datasets/mnist/{s}-labels-idx1-ubyte.gz") >= 5 for s in ("train", "t10k"))
for model, train, test in ((LUTNetClassifier(seed=1), X, Xt), (LogisticRegression(max_iter=1000), X / 255, Xt / 255)):
    start = time.perf_counter(); model.fit(train, y)
    print(f"{type(model).__name__}: fit in {time.perf_counter() - start:.2f} s, test accuracy {model.score(test, yt):.4f}")
