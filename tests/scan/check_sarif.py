"""Checks a SARIF log against the required fields and value constraints of the SARIF 2.1.0 schema
(sarif-schema-2.1.0.json: sarifLog, run, tool, toolComponent, reportingDescriptor, result, message,
location, physicalLocation, artifactLocation, region). Usage: check_sarif.py FILE MIN_RESULTS."""
import json
import sys


def fail(msg):
    print("SARIF check failed: " + msg)
    sys.exit(1)


def need(obj, key, typ, where):
    if not isinstance(obj, dict) or key not in obj:
        fail("%s: missing required '%s'" % (where, key))
    if not isinstance(obj[key], typ):
        fail("%s.%s: wrong type %s" % (where, key, type(obj[key]).__name__))
    return obj[key]


def check_message(m, where):
    if not isinstance(m, dict) or not ("text" in m or "id" in m):
        fail(where + ": message needs text or id")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    min_results = int(sys.argv[2])
    if need(log, "version", str, "sarifLog") != "2.1.0":
        fail("version is not 2.1.0")
    if "$schema" in log and not isinstance(log["$schema"], str):
        fail("$schema must be a string")
    runs = need(log, "runs", list, "sarifLog")
    if len(runs) != 1:
        fail("expected one run")
    total = 0
    for ri, run in enumerate(runs):
        w = "runs[%d]" % ri
        tool = need(run, "tool", dict, w)
        driver = need(tool, "driver", dict, w + ".tool")
        need(driver, "name", str, w + ".tool.driver")
        rules = driver.get("rules", [])
        ids = []
        for k, rule in enumerate(rules):
            ids.append(need(rule, "id", str, "%s.rules[%d]" % (w, k)))
            if "shortDescription" in rule:
                check_message(rule["shortDescription"], "rules[%d].shortDescription" % k)
        if len(set(ids)) != len(ids):
            fail("duplicate rule ids")
        if run.get("columnKind", "utf16CodeUnits") not in ("utf16CodeUnits", "unicodeCodePoints"):
            fail("bad columnKind")
        revisions = set()
        for k, vcs in enumerate(run.get("versionControlProvenance", [])):
            vw = "%s.versionControlProvenance[%d]" % (w, k)
            uri = need(vcs, "repositoryUri", str, vw)
            if ":" not in uri or " " in uri:
                fail(vw + ": repositoryUri must be an absolute URI")
            if "revisionId" in vcs:
                revisions.add(need(vcs, "revisionId", str, vw))
        for k, res in enumerate(run.get("results", [])):
            commit = res.get("properties", {}).get("commit")
            if commit is not None and "versionControlProvenance" in run and commit not in revisions:
                fail("%s.results[%d]: commit %s not in versionControlProvenance" % (w, k, commit))
            rw = "%s.results[%d]" % (w, k)
            check_message(need(res, "message", dict, rw), rw)
            rule_id = need(res, "ruleId", str, rw)
            if "ruleIndex" in res:
                idx = res["ruleIndex"]
                if not isinstance(idx, int) or idx < 0 or idx >= len(ids) or ids[idx] != rule_id:
                    fail(rw + ": ruleIndex does not point at ruleId")
            if res.get("level", "warning") not in ("none", "note", "warning", "error"):
                fail(rw + ": bad level")
            for fk, fv in res.get("partialFingerprints", {}).items():
                if not isinstance(fv, str) or len(fv) != 64:
                    fail(rw + ": partialFingerprints values must be 64-hex strings")
            locs = need(res, "locations", list, rw)
            for li, loc in enumerate(locs):
                pl = need(loc, "physicalLocation", dict, "%s.locations[%d]" % (rw, li))
                al = need(pl, "artifactLocation", dict, rw + ".physicalLocation")
                uri = need(al, "uri", str, rw + ".artifactLocation")
                if " " in uri or uri.startswith("/"):
                    fail(rw + ": uri must be a relative URI reference")
                reg = need(pl, "region", dict, rw + ".physicalLocation")
                for key in ("startLine", "startColumn", "endLine", "endColumn"):
                    v = need(reg, key, int, rw + ".region")
                    if v < 1:
                        fail(rw + ".region." + key + " must be >= 1")
                if (reg["endLine"], reg["endColumn"]) < (reg["startLine"], reg["startColumn"]):
                    fail(rw + ": region ends before it starts")
            total += 1
    if total < min_results:
        fail("expected at least %d results, found %d" % (min_results, total))
    print("SARIF ok: %d results" % total)


main()
