"""Installs the sanctumcore package; the native extension is built by cffi from sanctumcore_build.py.

Build libsanctumcore first (scripts/test or `cmake --preset release && cmake --build --preset release`),
then, offline:  python3 -m pip install --no-build-isolation bindings/python
"""
from setuptools import setup

setup(
    name="sanctumcore",
    version="0.1.0",
    description="Python bindings for libsanctumcore: PII anonymization, token scanning, secret-age ledger",
    packages=["sanctumcore", "sanctumcore.proxy"],
    python_requires=">=3.11",
    setup_requires=["cffi>=1.15"],
    install_requires=["cffi>=1.15"],
    cffi_modules=["sanctumcore_build.py:ffibuilder"],
    zip_safe=False,
)
