"""One-off provenance script: how the CSVs in this folder were made.

Run once by a maintainer (not at course run time, and not by CI), with
scikit-learn 1.9.1 and palmerpenguins 0.1.6 installed; it reads only the copies
those packages bundle. `mlmath datasets --refresh` then records checksums and sizes.
"""

import shutil
from pathlib import Path

import pandas as pd
from sklearn import datasets as sk

HERE = Path(__file__).resolve().parent


def frame(bunch, target_name="target"):
    table = pd.DataFrame(bunch.data, columns=[str(c) for c in bunch.feature_names])
    if getattr(bunch, "target_names", None) is not None and len(bunch.target_names):
        table[target_name] = [str(bunch.target_names[t]) for t in bunch.target]
    else:
        table[target_name] = bunch.target
    return table


def main():
    frame(sk.load_iris(), "species").to_csv(HERE / "iris.csv", index=False)
    frame(sk.load_wine(), "cultivar").to_csv(HERE / "wine.csv", index=False)
    frame(sk.load_breast_cancer(), "diagnosis").to_csv(HERE / "breast_cancer.csv", index=False)
    diabetes = sk.load_diabetes(scaled=False)
    table = pd.DataFrame(diabetes.data, columns=diabetes.feature_names)
    table["progression"] = diabetes.target
    table.to_csv(HERE / "diabetes.csv", index=False)
    digits = sk.load_digits()
    table = pd.DataFrame(digits.data.astype(int), columns=[f"pixel_{i}" for i in range(64)])
    table["digit"] = digits.target
    table.to_csv(HERE / "digits.csv", index=False)
    import palmerpenguins

    source = Path(palmerpenguins.__file__).parent / "data" / "penguins.csv"
    shutil.copyfile(source, HERE / "penguins.csv")


if __name__ == "__main__":
    main()
