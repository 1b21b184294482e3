"""scikit-learn's own estimator checks on LUTNetClassifier: every check, none expected to fail."""

from sklearn.utils.estimator_checks import parametrize_with_checks

from lutnet import LUTNetClassifier


# Each check trains the library's default network (k = 8, 5 × 1024 LUTs) on its small data;
# a check that needs a package this machine lacks (pandas) skips and says so.
@parametrize_with_checks([LUTNetClassifier()])
def test_scikit_learn_estimator_check(estimator, check):
    check(estimator)
