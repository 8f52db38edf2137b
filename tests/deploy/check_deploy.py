#!/usr/bin/env python3
"""The deployment files against the binaries they deploy (label unit): every environment
variable that deploy/kubernetes, deploy/env and deploy/systemd give a service is one of its
options (`kinerja-<service> --help`); every Deployment runs non-root with the RuntimeDefault
seccomp profile, no capabilities, a read-only root, resources, startup and readiness probes and
its migrations first; every service has a headless Service, and the addresses the services are
given name one; employee, goals and review have a PodDisruptionBudget and an autoscaler.

    tests/deploy/check_deploy.py BUILD_DIR"""

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ["employee", "goals", "review", "analytics"]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def options_of(build, service):
    """The environment variables kinerja-<service> --help names."""
    out = subprocess.run([str(build / "services" / service / f"kinerja-{service}"), "--help"],
                         capture_output=True, text=True, timeout=60)
    return set(re.findall(r"Env: ([A-Z0-9_]+)\.", out.stdout + out.stderr))


def main():
    build = Path(sys.argv[1])
    known = {s: options_of(build, s) for s in SERVICES}
    for s in SERVICES:
        check(len(known[s]) > 10, f"kinerja-{s} --help lists {len(known[s])} options")

    docs = {}
    for path in sorted((ROOT / "deploy" / "kubernetes").glob("*.yaml")):
        docs[path.name] = [d for d in yaml.safe_load_all(path.read_text()) if d]
    kinds = [(d["kind"], d["metadata"]["name"]) for ds in docs.values() for d in ds]
    headless = {d["metadata"]["name"] for ds in docs.values() for d in ds
                if d["kind"] == "Service" and d["spec"].get("clusterIP") == "None"}

    for s in SERVICES:
        deployments = [d for d in docs.get(f"{s}.yaml", []) if d["kind"] == "Deployment"]
        check(len(deployments) == 1, f"{s}.yaml: one Deployment")
        if not deployments:
            continue
        pod = deployments[0]["spec"]["template"]["spec"]
        sc = pod.get("securityContext", {})
        check(sc.get("runAsNonRoot") is True, f"{s}: runAsNonRoot")
        check(sc.get("seccompProfile", {}).get("type") == "RuntimeDefault", f"{s}: seccomp")
        inits = pod.get("initContainers", [])
        check(any(c.get("args") == ["--migrate-only"] for c in inits), f"{s}: migrations first")
        for c in inits + pod["containers"]:
            csc = c.get("securityContext", {})
            check(csc.get("readOnlyRootFilesystem") is True, f"{s}/{c['name']}: read-only root")
            check(csc.get("allowPrivilegeEscalation") is False, f"{s}/{c['name']}: no escalation")
            check(csc.get("capabilities", {}).get("drop") == ["ALL"], f"{s}/{c['name']}: caps")
            check("memory" in c.get("resources", {}).get("limits", {}), f"{s}/{c['name']}: limits")
            for env in c.get("env", []):
                check(env["name"] in known[s], f"{s}/{c['name']}: {env['name']} is no option")
                value = str(env.get("value", ""))
                if value.startswith("dns:///"):
                    host = value[len("dns:///"):].rsplit(":", 1)[0]
                    check(host in headless, f"{s}: {env['name']} names no headless Service")
        main_container = pod["containers"][0]
        check("startupProbe" in main_container, f"{s}: startup probe")
        check("readinessProbe" in main_container, f"{s}: readiness probe")
        check(f"kinerja-{s}-grpc" in headless, f"{s}: headless Service")
    for s in ["employee", "goals", "review"]:
        check(("PodDisruptionBudget", f"kinerja-{s}") in kinds, f"{s}: PodDisruptionBudget")
        check(("HorizontalPodAutoscaler", f"kinerja-{s}") in kinds, f"{s}: autoscaler")
    check(any(k == "NetworkPolicy" for k, _ in kinds), "a NetworkPolicy")

    for s in SERVICES:
        env_file = ROOT / "deploy" / "env" / f"{s}.env"
        for line in env_file.read_text().splitlines():
            m = re.match(r"([A-Z0-9_]+)=", line)
            if m:
                check(m.group(1) in known[s], f"deploy/env/{s}.env: {m.group(1)} is no option")
        unit = (ROOT / "deploy" / "systemd" / f"kinerja-{s}.service").read_text()
        check(f"ExecStartPre=/usr/bin/kinerja-{s} --migrate-only" in unit, f"{s}.service: migrate")
        check(f"ExecStart=/usr/bin/kinerja-{s}\n" in unit, f"{s}.service: ExecStart")
        check(f"EnvironmentFile=/etc/kinerja/{s}.env" in unit, f"{s}.service: EnvironmentFile")

    for f in failures:
        print(f"check_deploy: {f}", file=sys.stderr)
    print(f"check_deploy: {len(failures)} problems in {len(docs)} manifests, "
          f"{len(SERVICES)} env files and units")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
