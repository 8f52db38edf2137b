"""Python stubs of proto/ (protoc + grpc_python_plugin), generated once per proto set into a
cache folder and imported as one namespace."""

import hashlib
import importlib
import shutil
import subprocess
import sys
import types
from pathlib import Path

PROTO_DIR = Path(__file__).resolve().parents[3] / "proto"

MODULES = {
    "employee": "kinerja.employee.v1.employee_service_pb2",
    "employee_grpc": "kinerja.employee.v1.employee_service_pb2_grpc",
    "employee_res": "kinerja.employee.v1.resources_pb2",
    "goals": "kinerja.goals.v1.goals_service_pb2",
    "goals_grpc": "kinerja.goals.v1.goals_service_pb2_grpc",
    "goals_res": "kinerja.goals.v1.resources_pb2",
    "review": "kinerja.review.v1.review_service_pb2",
    "review_grpc": "kinerja.review.v1.review_service_pb2_grpc",
    "review_res": "kinerja.review.v1.resources_pb2",
    "analytics": "kinerja.analytics.v1.analytics_service_pb2",
    "analytics_grpc": "kinerja.analytics.v1.analytics_service_pb2_grpc",
    "analytics_res": "kinerja.analytics.v1.resources_pb2",
    "date": "google.type.date_pb2",
    "field_mask": "google.protobuf.field_mask_pb2",
    "rpc_status": "google.rpc.status_pb2",
    "error_details": "google.rpc.error_details_pb2",
}


def _digest(protos):
    h = hashlib.sha256()
    for p in protos:
        h.update(str(p.relative_to(PROTO_DIR)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def generate(cache_dir):
    """Generates the stubs under cache_dir/<digest> unless already there; returns that folder."""
    protos = sorted(PROTO_DIR.rglob("*.proto"))
    out = Path(cache_dir) / _digest(protos)
    if (out / ".done").exists():
        return out
    tmp = out.with_suffix(".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    protoc = shutil.which("protoc")
    plugin = shutil.which("grpc_python_plugin") or "/usr/bin/grpc_python_plugin"
    if protoc is None or not Path(plugin).exists():
        sys.exit("kinerja-year: needs protoc and grpc_python_plugin "
                 "(Debian: protobuf-compiler, protobuf-compiler-grpc; scripts/install-deps)")
    cmd = [protoc, "-I", str(PROTO_DIR), "-I", "/usr/include", f"--python_out={tmp}",
           f"--grpc_out={tmp}", f"--plugin=protoc-gen-grpc={plugin}",
           *[str(p.relative_to(PROTO_DIR)) for p in protos]]
    result = subprocess.run(cmd, cwd=PROTO_DIR, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"kinerja-year: stub generation failed:\n{result.stderr}")
    (tmp / ".done").touch()
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return out


def load(cache_dir):
    """The generated modules as one namespace (pb.goals.CreatePlanRequest, ...)."""
    sys.path.insert(0, str(generate(cache_dir)))
    return types.SimpleNamespace(**{k: importlib.import_module(v) for k, v in MODULES.items()})
