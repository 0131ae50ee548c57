"""Builds the extension into a staging copy of the package inside the CMake build tree and runs the
Python tests (stdlib unittest) against it. Prints a closing 'N passed, N failed' line.

usage: python3 bindings/python/run_tests.py BUILD_DIR [unittest-pattern]
"""
import os
import pathlib
import shutil
import sys
import unittest

HERE = pathlib.Path(__file__).resolve().parent


def main() -> int:
    build = pathlib.Path(sys.argv[1]).resolve()
    pattern = sys.argv[2] if len(sys.argv) > 2 else "test_*.py"
    stage = build / "python"
    pkg = stage / "sanctumcore"
    shutil.copytree(HERE / "sanctumcore", pkg, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    os.environ["SANCTUM_BUILD_DIR"] = str(build)
    sys.path.insert(0, str(HERE))
    import sanctumcore_build  # noqa: E402

    sanctumcore_build.ffibuilder.compile(tmpdir=str(stage), verbose=False)
    sys.path.insert(0, str(stage))
    suite = unittest.defaultTestLoader.discover(str(HERE / "tests"), pattern=pattern, top_level_dir=str(HERE / "tests"))
    result = unittest.TextTestRunner(verbosity=1).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - failed - len(result.skipped)
    for test, reason in result.skipped:  # say why, so a skip that should have gone is seen
        print(f"skipped {test.id()}: {reason}")
    print(f"python: {passed} passed, {failed} failed, {len(result.skipped)} skipped")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
