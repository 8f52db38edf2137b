#!/usr/bin/env python3
"""The employee, goals and review services' public gRPC APIs used from Python (grpcio + protobuf).

Proves that the contracts in proto/ are usable outside C++: stubs are generated at test time
from proto/ (grpc_tools if installed, else protoc + grpc_python_plugin), then the test imports a
tiny SIASN UNOR tree and a few data-utama records into a running local stack, lists employees,
resolves reporting lines (staff -> kepala bidang as assessor -> kepala dinas as superior; the
kepala dinas is assessed by the NON-ASN mayor) and checks authentication and error details. The
goals test approves cascading plans; the review test rates, finalises, objects to and exports
the staff member's annual assessment, then reads the analytics service's reports about it (gRPC,
and JSON/CSV over HTTP), which the analytics service built only from the other services' events.

    KINERJA_ENDPOINTS=DIR/endpoints.env python3 tests/python/client_test.py

endpoints.env (written by `tools/stack up --state-dir DIR`) has KEY=VALUE lines with at least
EMPLOYEE_ADDR, ADMIN_TOKEN (hr_admin of AGENCY_ID) and AGENCY_ID; AUDITOR_TOKEN is used when
present. With KINERJA_CLI set to the kinerja binary, the CLI is checked against the same stack.
A stack started with --tls adds KINERJA_TLS_CA (and a client pair, KINERJA_TLS_CLIENT_CERT and
KINERJA_TLS_CLIENT_KEY): every channel is then TLS checked against that CA, presenting the client
certificate (the services require one), HTTP is https, and TransportTest checks that cleartext
and certificate-less clients are refused.
The last line printed is "N passed, N failed"; the exit status is 0 only when nothing failed.
"""

import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROTO_DIR = REPO / "proto"
CALL_TIMEOUT = 30  # seconds, every call has a deadline

# Filled by main() once the stubs are generated and imported.
grpc = None
pb = None  # namespace of the generated modules, see load_stubs()
ENDPOINTS = {}


# ---- stubs -------------------------------------------------------------------------------


def generate_stubs(out_dir):
    """Generates Python messages and gRPC stubs for every .proto under proto/ into out_dir."""
    protos = sorted(str(p.relative_to(PROTO_DIR)) for p in PROTO_DIR.rglob("*.proto"))
    if not protos:
        raise RuntimeError(f"no .proto files under {PROTO_DIR}")
    includes = ["-I", str(PROTO_DIR)]
    try:
        import grpc_tools  # noqa: F401 (only asks whether it is installed)

        bundled = Path(grpc_tools.__file__).parent / "_proto"
        if bundled.is_dir():
            includes += ["-I", str(bundled)]
        elif Path("/usr/include/google/protobuf").is_dir():
            includes += ["-I", "/usr/include"]
        cmd = [sys.executable, "-m", "grpc_tools.protoc", *includes,
               f"--python_out={out_dir}", f"--grpc_python_out={out_dir}", *protos]
    except ImportError:
        protoc = shutil.which("protoc")
        plugin = shutil.which("grpc_python_plugin") or "/usr/bin/grpc_python_plugin"
        if protoc is None or not os.path.exists(plugin):
            raise RuntimeError("need grpc_tools, or protoc and grpc_python_plugin "
                               "(Debian: protobuf-compiler, protobuf-compiler-grpc)")
        cmd = [protoc, *includes, "-I", "/usr/include", f"--python_out={out_dir}",
               f"--grpc_out={out_dir}", f"--plugin=protoc-gen-grpc={plugin}", *protos]
    result = subprocess.run(cmd, cwd=PROTO_DIR, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"stub generation failed ({' '.join(cmd)}):\n{result.stderr}")


def load_stubs(out_dir):
    """Imports the generated modules (out_dir joins the `google` namespace package too)."""
    global grpc, pb
    sys.path.insert(0, str(out_dir))
    import importlib
    import types

    import grpc as grpc_module

    grpc = grpc_module
    modules = {
        "service": "kinerja.employee.v1.employee_service_pb2",
        "service_grpc": "kinerja.employee.v1.employee_service_pb2_grpc",
        "resources": "kinerja.employee.v1.resources_pb2",
        "events": "kinerja.common.v1.events_pb2",
        "rpc_status": "google.rpc.status_pb2",
        "error_details": "google.rpc.error_details_pb2",
        "date": "google.type.date_pb2",
        "goals": "kinerja.goals.v1.goals_service_pb2",
        "goals_grpc": "kinerja.goals.v1.goals_service_pb2_grpc",
        "goals_resources": "kinerja.goals.v1.resources_pb2",
        "review": "kinerja.review.v1.review_service_pb2",
        "review_grpc": "kinerja.review.v1.review_service_pb2_grpc",
        "review_resources": "kinerja.review.v1.resources_pb2",
        "analytics": "kinerja.analytics.v1.analytics_service_pb2",
        "analytics_grpc": "kinerja.analytics.v1.analytics_service_pb2_grpc",
        "analytics_resources": "kinerja.analytics.v1.resources_pb2",
    }
    pb = types.SimpleNamespace(**{k: importlib.import_module(v) for k, v in modules.items()})


def tls_files():
    """(ca, client cert, client key) as bytes when the stack serves TLS, else None."""
    if not ENDPOINTS.get("KINERJA_TLS_CA"):
        return None
    return tuple(Path(ENDPOINTS[k]).read_bytes() for k in
                 ("KINERJA_TLS_CA", "KINERJA_TLS_CLIENT_CERT", "KINERJA_TLS_CLIENT_KEY"))


def open_channel(key, client_certificate=True):
    """A channel to the service at ENDPOINTS[key]: TLS when the stack serves it, else cleartext."""
    files = tls_files()
    if files is None:
        return grpc.insecure_channel(ENDPOINTS[key])
    ca, cert, private_key = files
    credentials = (grpc.ssl_channel_credentials(ca, private_key, cert) if client_certificate
                   else grpc.ssl_channel_credentials(ca))
    return grpc.secure_channel(ENDPOINTS[key], credentials)


def cli_tls_env():
    """The variables that make the kinerja CLI use the stack's TLS (none for a cleartext stack)."""
    keys = ("KINERJA_TLS_CA", "KINERJA_TLS_CLIENT_CERT", "KINERJA_TLS_CLIENT_KEY")
    return {k: ENDPOINTS[k] for k in keys if ENDPOINTS.get(k)}


def http_url(key, path):
    return f"{'https' if tls_files() else 'http'}://{ENDPOINTS[key]}{path}"


def http_open(request):
    """urlopen checking the server against the stack's CA in TLS mode."""
    context = None
    if tls_files():
        context = ssl.create_default_context(cafile=ENDPOINTS["KINERJA_TLS_CA"])
    return urllib.request.urlopen(request, timeout=CALL_TIMEOUT, context=context)


def read_endpoints(path):
    """KEY=VALUE lines (values may be single- or double-quoted); # comments and blanks skipped."""
    values = {}
    for raw in Path(path).read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


# ---- test data: a city with a mayor, a dinas and a bidang --------------------------------

ROOT_UNIT = "C0A1000000000000000000000000F001"
DINAS_UNIT = "C0A1000000000000000000000000F002"
BIDANG_UNIT = "C0A1000000000000000000000000F003"

KADIN_ID = "E7A1000000000000000000000000A001"
KABID_ID = "E7A1000000000000000000000000A002"
STAFF_ID = "E7A1000000000000000000000000A003"
FUNGSIONAL_ID = "E7A1000000000000000000000000A004"

# NIP: birth date YYYYMMDD + first appointment YYYYMM + sex (1 male, 2 female) + serial.
KADIN_NIP = "197003091997071001"
KABID_NIP = "197508152000032002"
STAFF_NIP = "199001012015031003"
FUNGSIONAL_NIP = "199205102019022004"


def unor_records(agency):
    """The root is the city itself, led by the mayor: NON-ASN, so no pemimpinPnsId, no eselon."""
    return [
        {"id": ROOT_UNIT, "diatasanId": "", "namaUnor": "Pemerintah Kota Contoh",
         "namaJabatan": "Wali Kota", "pemimpinPnsId": "", "eselonId": "", "instansiId": agency},
        {"id": DINAS_UNIT, "diatasanId": ROOT_UNIT,
         "namaUnor": "Dinas Komunikasi dan Informatika",
         "namaJabatan": "Kepala Dinas Komunikasi dan Informatika", "pemimpinPnsId": KADIN_ID,
         "eselonId": "22", "instansiId": agency},
        {"id": BIDANG_UNIT, "diatasanId": DINAS_UNIT, "namaUnor": "Bidang Aplikasi Informatika",
         "namaJabatan": "Kepala Bidang Aplikasi Informatika", "pemimpinPnsId": KABID_ID,
         "eselonId": "31", "instansiId": agency},
    ]


def employee(agency, id_, nip, name, born, sex, rank, kind, position, eselon, unit, cpns, tmt):
    return {"id": id_, "nipBaru": nip, "nama": name, "tglLahir": born, "jenisKelamin": sex,
            "golRuangAkhirId": rank, "jenisJabatanId": kind, "jabatanNama": position,
            "eselonId": eselon, "unorId": unit, "instansiIndukId": agency,
            "statusPegawai": "PNS", "tmtCpns": cpns, "tmtJabatan": tmt}


def data_utama_records(agency):
    return [
        employee(agency, KADIN_ID, KADIN_NIP, "Daniel Tefa", "09-03-1970", "M", "44", "1",
                 "Kepala Dinas Komunikasi dan Informatika", "22", DINAS_UNIT, "01-07-1997",
                 "01-07-2023"),
        employee(agency, KABID_ID, KABID_NIP, "Magdalena Pandie", "15-08-1975", "F", "41", "1",
                 "Kepala Bidang Aplikasi Informatika", "31", BIDANG_UNIT, "01-03-2000",
                 "02-01-2022"),
        employee(agency, STAFF_ID, STAFF_NIP, "Yosef Lado", "01-01-1990", "M", "31", "4",
                 "Pengelola Layanan Operasional", "", BIDANG_UNIT, "01-03-2015", "01-03-2016"),
        employee(agency, FUNGSIONAL_ID, FUNGSIONAL_NIP, "Yohana Bessie", "10-05-1992", "F", "32",
                 "2", "Pranata Komputer Ahli Pertama", "", BIDANG_UNIT, "01-02-2019",
                 "01-02-2020"),
    ]


def jsonl(records):
    return "".join(json.dumps(r) + "\n" for r in records).encode()


# ---- helpers -----------------------------------------------------------------------------


def auth(token):
    return [("authorization", f"Bearer {token}")]


def import_requests(header, data, chunk=97):
    """The header, then the file split at arbitrary points (the API allows splits anywhere)."""
    yield pb.service.ImportRecordsRequest(header=header)
    for start in range(0, len(data), chunk):
        yield pb.service.ImportRecordsRequest(data=data[start:start + chunk])


def import_file(stub, token, kind, agency, data, dry_run=False):
    header = pb.service.ImportHeader(kind=kind, format=pb.service.IMPORT_FORMAT_JSONL,
                                     agency_id=agency, dry_run=dry_run)
    return stub.ImportRecords(import_requests(header, data), metadata=auth(token),
                              timeout=CALL_TIMEOUT)


def status_details(error):
    """The google.rpc.Status in the grpc-status-details-bin trailer of a failed call, or None."""
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            status = pb.rpc_status.Status()
            status.ParseFromString(value)
            return status
    return None


def error_reason(error):
    """ErrorInfo.reason of a failed call ("" when there is none)."""
    status = status_details(error)
    for any_detail in status.details if status else ():
        info = pb.error_details.ErrorInfo()
        if any_detail.Unpack(info):
            return info.reason
    return ""


def field_violations(error):
    status = status_details(error)
    fields = []
    for any_detail in status.details if status else ():
        bad_request = pb.error_details.BadRequest()
        if any_detail.Unpack(bad_request):
            fields += [v.field for v in bad_request.field_violations]
    return fields


def person_token(agency, nip):
    """A dev token for the civil servant with this NIP (tools/stack token)."""
    state = os.path.dirname(os.environ["KINERJA_ENDPOINTS"])
    result = subprocess.run(
        [str(REPO / "tools" / "stack"), "token", "--state-dir", state, "--sub", f"nip-{nip}",
         "--roles", "employee", "--agency", agency, "--nip", nip],
        capture_output=True, text=True, env=os.environ)
    if result.returncode != 0:
        raise RuntimeError(f"tools/stack token failed: {result.stderr}")
    return result.stdout.strip()


def jakarta_today():
    """(year, month, day) in Asia/Jakarta, the services' calendar."""
    out = subprocess.run(["date", "-u", "-d", "+7 hours", "+%Y-%m-%d"], capture_output=True,
                         text=True).stdout.strip()
    return tuple(int(part) for part in out.split("-"))


def current_period(goals, admin, agency):
    """The agency's period of this year (one per agency and year): found, or created."""
    g = pb.goals_resources
    year = jakarta_today()[0]
    found = goals.ListPeriods(pb.goals.ListPeriodsRequest(
        filter=f'agency_id = "{agency}" AND year = {year}'), metadata=auth(admin),
        timeout=CALL_TIMEOUT)
    if found.periods:
        return found.periods[0], year
    return goals.CreatePeriod(pb.goals.CreatePeriodRequest(
        period=g.Period(agency_id=agency, year=year, name=f"SKP {year} (python)",
                        start_date=pb.date.Date(year=year, month=1, day=1),
                        end_date=pb.date.Date(year=year, month=12, day=31),
                        filling_deadline=pb.date.Date(year=year, month=12, day=31),
                        cadence=g.CADENCE_QUARTERLY)), metadata=auth(admin),
        timeout=CALL_TIMEOUT), year


def work_result(text, parent="", perspective=0):
    g = pb.goals_resources
    indicator = g.Indicator(text=f"Persentase {text}", aspect=g.ASPECT_QUANTITY, target_min=90,
                            target_max=100, target_unit="%")
    return g.WorkResult(kind=g.RESULT_KIND_MAIN, text=text, parent_result_id=parent,
                        perspective=perspective, indicators=[indicator])


def approved_plan(goals, admin, period, nip, text, parent, perspective, own_token,
                  approver_token):
    """The employee's approved plan of the period: the one there is (the goals test approves
    it), else created with one result under `parent`, submitted and approved."""
    g = pb.goals_resources

    def call(method, request, token):
        return method(request, metadata=auth(token), timeout=CALL_TIMEOUT)

    found = call(goals.ListPlans, pb.goals.ListPlansRequest(
        filter=f'period_id = "{period.id}" AND employee_nip = "{nip}"'), admin)
    plans = [p for p in found.plans if p.state != g.PLAN_STATE_CLOSED]
    plan = plans[0] if plans else None
    if plan is None:
        plan = call(goals.CreatePlan, pb.goals.CreatePlanRequest(period_id=period.id, nip=nip),
                    own_token)
    if not plan.results or (parent and plan.results[0].parent_result_id != parent):
        if plan.state not in (g.PLAN_STATE_DRAFT, g.PLAN_STATE_RETURNED):
            raise RuntimeError(f"plan {plan.id} of {nip} is {plan.state} without the cascade")
        request = pb.goals.UpdatePlanRequest(plan=g.Plan(
            id=plan.id, results=[work_result(text, parent, perspective)]))
        request.update_mask.paths.append("results")
        plan = call(goals.UpdatePlan, request, own_token)
    if plan.state in (g.PLAN_STATE_DRAFT, g.PLAN_STATE_RETURNED):
        plan = call(goals.SubmitPlan, pb.goals.SubmitPlanRequest(id=plan.id), own_token)
    if plan.state == g.PLAN_STATE_SUBMITTED:
        plan = call(goals.ApprovePlan, pb.goals.ApprovePlanRequest(id=plan.id), approver_token)
    if plan.state != g.PLAN_STATE_APPROVED:
        raise RuntimeError(f"plan {plan.id} of {nip} is {plan.state}, not approved")
    return plan


# The SIASN skp22/save body's members, exactly as DOMAIN.md names them.
SKP22_FIELDS = {"hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai",
                "pnsDinilaiOrang", "tahun", "penilaiNama", "penilaiNipNrp", "penilaiGolongan",
                "penilaiJabatan", "penilaiUnorNama", "statusPenilai"}


# ---- the tests ---------------------------------------------------------------------------


class EmployeeApiTest(unittest.TestCase):
    """One import of the tiny organisation for the whole class; the tests read it back."""

    @classmethod
    def setUpClass(cls):
        cls.agency = ENDPOINTS["AGENCY_ID"]
        cls.admin = ENDPOINTS["ADMIN_TOKEN"]
        cls.channel = open_channel("EMPLOYEE_ADDR")
        grpc.channel_ready_future(cls.channel).result(timeout=CALL_TIMEOUT)
        cls.stub = pb.service_grpc.EmployeeServiceStub(cls.channel)
        cls.setup_error = None
        try:
            cls.ensure_agency()
            cls.unor_summary = import_file(cls.stub, cls.admin, pb.service.IMPORT_KIND_UNOR,
                                           cls.agency, jsonl(unor_records(cls.agency)))
            cls.data_summary = import_file(cls.stub, cls.admin,
                                           pb.service.IMPORT_KIND_DATA_UTAMA, cls.agency,
                                           jsonl(data_utama_records(cls.agency)))
        except grpc.RpcError as error:  # reported by every test that needs the data
            cls.setup_error = f"{error.code().name}: {error.details()}"

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()

    @classmethod
    def ensure_agency(cls):
        """Creates AGENCY_ID if the stack does not know it yet (an HR admin may, for its own)."""
        try:
            cls.stub.GetAgency(pb.service.GetAgencyRequest(id=cls.agency),
                               metadata=auth(cls.admin), timeout=CALL_TIMEOUT)
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.NOT_FOUND:
                raise
            agency = pb.resources.Agency(id=cls.agency, name="Pemerintah Kota Contoh",
                                         kind=pb.resources.AGENCY_KIND_CITY,
                                         head_title="Wali Kota")
            cls.stub.CreateAgency(pb.service.CreateAgencyRequest(agency=agency),
                                  metadata=auth(cls.admin), timeout=CALL_TIMEOUT)

    def setUp(self):
        if self.setup_error:
            self.fail(f"importing the test organisation failed: {self.setup_error}")

    def call(self, method, request, token=None):
        return method(request, metadata=auth(token or self.admin), timeout=CALL_TIMEOUT)

    def reporting_line(self, nip):
        return self.call(self.stub.GetReportingLine, pb.service.GetReportingLineRequest(nip=nip))

    def assert_official(self, official, nip):
        self.assertEqual(official.kind, pb.resources.Official.KIND_ASN, official)
        self.assertEqual(official.nip, nip, official)
        self.assertEqual(official.acting, pb.resources.ACTING_KIND_UNSPECIFIED, official)

    def assert_non_asn(self, official):
        self.assertEqual(official.kind, pb.resources.Official.KIND_NON_ASN, official)
        self.assertEqual(official.nip, "", official)
        self.assertEqual(official.employee_id, "", official)

    def assert_clean_summary(self, summary, received):
        self.assertEqual(summary.received, received, summary)
        self.assertEqual(summary.failed, 0, summary)
        self.assertEqual(list(summary.errors), [], summary)
        # A re-run against the same stack finds the records unchanged instead of creating them.
        self.assertEqual(summary.created + summary.updated + summary.unchanged, received, summary)
        self.assertFalse(summary.dry_run)

    def test_unor_import_summary(self):
        self.assert_clean_summary(self.unor_summary, 3)

    def test_data_utama_import_summary(self):
        self.assert_clean_summary(self.data_summary, 4)

    def test_get_employee_by_nip(self):
        e = self.call(self.stub.GetEmployee, pb.service.GetEmployeeRequest(nip=STAFF_NIP))
        self.assertEqual(e.id, STAFF_ID)
        self.assertEqual(e.name, "Yosef Lado")
        self.assertEqual(e.kind, pb.resources.EMPLOYEE_KIND_PNS)
        self.assertEqual(e.sex, pb.resources.SEX_MALE)
        self.assertEqual((e.birth_date.year, e.birth_date.month, e.birth_date.day), (1990, 1, 1))
        self.assertEqual(e.rank, "31")
        self.assertEqual(e.agency_id, self.agency)
        self.assertEqual(e.unit_id, BIDANG_UNIT)
        self.assertEqual(e.status, pb.resources.EMPLOYEE_STATUS_ACTIVE)

    def test_list_employees_of_a_unit(self):
        response = self.call(self.stub.ListEmployees, pb.service.ListEmployeesRequest(
            filter=f'unit_id = "{BIDANG_UNIT}"', order_by="name"))
        # Magdalena Pandie, Yohana Bessie, Yosef Lado (the kepala dinas works in the dinas).
        self.assertEqual([e.nip for e in response.employees],
                         [KABID_NIP, FUNGSIONAL_NIP, STAFF_NIP])
        self.assertEqual(response.next_page_token, "")

    def test_list_employees_page_by_page(self):
        request = pb.service.ListEmployeesRequest(filter=f'agency_id = "{self.agency}"',
                                                  page_size=2)
        nips, pages = [], 0
        while True:
            response = self.call(self.stub.ListEmployees, request)
            pages += 1
            self.assertLessEqual(len(response.employees), 2)
            nips += [e.nip for e in response.employees]
            if not response.next_page_token:
                break
            request.page_token = response.next_page_token
            self.assertLess(pages, 100, "paging does not end")
        self.assertGreaterEqual(pages, 2)
        self.assertEqual(len(nips), len(set(nips)), f"an employee listed twice: {nips}")
        self.assertLessEqual({KADIN_NIP, KABID_NIP, STAFF_NIP, FUNGSIONAL_NIP}, set(nips))
        self.assertEqual(nips, sorted(nips), "default order is by NIP")

    def test_reporting_line_of_staff(self):
        line = self.reporting_line(STAFF_NIP)
        self.assert_official(line.employee, STAFF_NIP)
        self.assertEqual(line.employee.unit_id, BIDANG_UNIT)
        self.assert_official(line.assessor, KABID_NIP)  # kepala bidang: pejabat penilai
        self.assertEqual(line.assessor.name, "Magdalena Pandie")
        self.assertEqual(line.assessor.position_name, "Kepala Bidang Aplikasi Informatika")
        self.assert_official(line.assessor_superior, KADIN_NIP)  # kepala dinas: atasan
        self.assertTrue(line.date.year > 0, "the server fills in the date it used")

    def test_reporting_line_of_functional_staff(self):
        line = self.reporting_line(FUNGSIONAL_NIP)
        self.assert_official(line.assessor, KABID_NIP)
        self.assert_official(line.assessor_superior, KADIN_NIP)

    def test_reporting_line_of_kepala_bidang_ends_at_the_mayor(self):
        line = self.reporting_line(KABID_NIP)
        self.assert_official(line.assessor, KADIN_NIP)
        self.assert_non_asn(line.assessor_superior)

    def test_kepala_dinas_is_assessed_by_the_non_asn_mayor(self):
        line = self.reporting_line(KADIN_NIP)
        self.assertTrue(line.HasField("assessor"), line)
        self.assert_non_asn(line.assessor)
        self.assertEqual(line.assessor.unit_id, ROOT_UNIT)

    def test_reporting_line_on_a_date(self):
        request = pb.service.GetReportingLineRequest(
            employee_id=STAFF_ID, date=pb.date.Date(year=2024, month=6, day=30))
        line = self.call(self.stub.GetReportingLine, request)
        self.assertEqual((line.date.year, line.date.month, line.date.day), (2024, 6, 30))
        self.assert_official(line.assessor, KABID_NIP)

    def test_dry_run_reports_line_and_field_and_writes_nothing(self):
        good = employee(self.agency, "E7A1000000000000000000000000A0FF", "198811112012121005",
                        "Calon Uji", "11-11-1988", "M", "32", "4", "Pengadministrasi Umum", "",
                        BIDANG_UNIT, "01-12-2012", "01-12-2012")
        bad = dict(good, id="E7A1000000000000000000000000A0FE", nipBaru="198813112012121006")
        summary = import_file(self.stub, self.admin, pb.service.IMPORT_KIND_DATA_UTAMA,
                              self.agency, jsonl([good, bad]), dry_run=True)
        self.assertTrue(summary.dry_run)
        self.assertEqual((summary.received, summary.failed), (2, 1), summary)
        # 13 is no month: the NIP's birth date is wrong, and only the second line is at fault.
        self.assertEqual({e.line for e in summary.errors}, {2}, summary)
        self.assertIn("nipBaru", [e.field for e in summary.errors], summary)
        with self.assertRaises(grpc.RpcError) as raised:
            self.call(self.stub.GetEmployee, pb.service.GetEmployeeRequest(nip=good["nipBaru"]))
        self.assertEqual(raised.exception.code(), grpc.StatusCode.NOT_FOUND)

    def test_bad_header_names_the_field(self):
        header = pb.service.ImportHeader(kind=pb.service.IMPORT_KIND_UNOR,
                                         format=pb.service.IMPORT_FORMAT_JSONL)
        with self.assertRaises(grpc.RpcError) as raised:
            self.stub.ImportRecords(import_requests(header, b""), metadata=auth(self.admin),
                                    timeout=CALL_TIMEOUT)
        self.assertEqual(raised.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("header.agency_id", field_violations(raised.exception))

    def test_unauthenticated_calls_fail(self):
        request = pb.service.ListEmployeesRequest(filter=f'agency_id = "{self.agency}"')
        for metadata in ([], auth("not-a-jwt")):
            with self.subTest(metadata=metadata):
                with self.assertRaises(grpc.RpcError) as raised:
                    self.stub.ListEmployees(request, metadata=metadata, timeout=CALL_TIMEOUT)
                self.assertEqual(raised.exception.code(), grpc.StatusCode.UNAUTHENTICATED)

    def test_auditor_reads_but_cannot_import(self):
        auditor = ENDPOINTS.get("AUDITOR_TOKEN")
        if not auditor:
            self.skipTest("no AUDITOR_TOKEN in the endpoints file")
        e = self.call(self.stub.GetEmployee, pb.service.GetEmployeeRequest(nip=KADIN_NIP),
                      token=auditor)
        self.assertEqual(e.id, KADIN_ID)
        with self.assertRaises(grpc.RpcError) as raised:
            import_file(self.stub, auditor, pb.service.IMPORT_KIND_UNOR, self.agency,
                        jsonl(unor_records(self.agency)), dry_run=True)
        self.assertEqual(raised.exception.code(), grpc.StatusCode.PERMISSION_DENIED)


class GoalsApiTest(unittest.TestCase):
    """A cascading SKP through the goals service: the kepala dinas (JPT, assessed by the NON-ASN
    mayor, so the HR admin records the approval), the kepala bidang cascading from it, and the
    staff member cascading from the kepala bidang; each approved by their assessor."""

    @classmethod
    def setUpClass(cls):
        cls.agency = ENDPOINTS["AGENCY_ID"]
        cls.admin = ENDPOINTS["ADMIN_TOKEN"]
        cls.setup_error = None
        if not ENDPOINTS.get("GOALS_ADDR"):
            cls.setup_error = "endpoints.env has no GOALS_ADDR"
            return
        cls.employee_channel = open_channel("EMPLOYEE_ADDR")
        cls.channel = open_channel("GOALS_ADDR")
        grpc.channel_ready_future(cls.channel).result(timeout=CALL_TIMEOUT)
        cls.stub = pb.goals_grpc.GoalServiceStub(cls.channel)
        employees = pb.service_grpc.EmployeeServiceStub(cls.employee_channel)
        try:
            # The same organisation as EmployeeApiTest (imports are idempotent upserts).
            EmployeeApiTest.stub = employees
            EmployeeApiTest.agency, EmployeeApiTest.admin = cls.agency, cls.admin
            EmployeeApiTest.ensure_agency()
            import_file(employees, cls.admin, pb.service.IMPORT_KIND_UNOR, cls.agency,
                        jsonl(unor_records(cls.agency)))
            import_file(employees, cls.admin, pb.service.IMPORT_KIND_DATA_UTAMA, cls.agency,
                        jsonl(data_utama_records(cls.agency)))
            cls.tokens = {nip: cls.person_token(nip) for nip in (KADIN_NIP, KABID_NIP, STAFF_NIP)}
        except (grpc.RpcError, RuntimeError) as error:
            cls.setup_error = str(error)

    @classmethod
    def tearDownClass(cls):
        if hasattr(cls, "channel"):
            cls.channel.close()
            cls.employee_channel.close()

    @classmethod
    def person_token(cls, nip):
        """A dev token for the civil servant with this NIP (tools/stack token)."""
        return person_token(cls.agency, nip)

    def setUp(self):
        if self.setup_error:
            self.fail(f"setting up the goals test failed: {self.setup_error}")

    def call(self, method, request, token=None):
        return method(request, metadata=auth(token or self.admin), timeout=CALL_TIMEOUT)

    def result(self, text, parent="", perspective=0, aspect=None):
        g = pb.goals_resources
        indicator = g.Indicator(text=f"Persentase {text}", aspect=aspect or g.ASPECT_QUANTITY,
                                target_min=90, target_max=100, target_unit="%")
        return g.WorkResult(kind=g.RESULT_KIND_MAIN, text=text, parent_result_id=parent,
                            perspective=perspective, indicators=[indicator])

    def plan_with(self, period, nip, results, token):
        plan = self.call(self.stub.CreatePlan,
                         pb.goals.CreatePlanRequest(period_id=period.id, nip=nip), token)
        request = pb.goals.UpdatePlanRequest(plan=pb.goals_resources.Plan(
            id=plan.id, etag=plan.etag, results=results))
        request.update_mask.paths.append("results")
        return self.call(self.stub.UpdatePlan, request, token)

    def test_cascading_plan_is_created_submitted_and_approved(self):
        g = pb.goals_resources
        period, _ = self.current_period()
        self.assertEqual(period.state, g.PERIOD_STATE_OPEN)

        kadin_token, kabid_token, staff_token = (self.tokens[n]
                                                 for n in (KADIN_NIP, KABID_NIP, STAFF_NIP))
        kadin = self.plan_with(period, KADIN_NIP, [
            self.result("layanan informasi publik", perspective=g.PERSPECTIVE_SERVICE_RECIPIENTS)],
            kadin_token)
        self.assertEqual(kadin.position_type, "JPT_PRATAMA")
        self.assertTrue(kadin.assessor.non_asn)
        kadin = self.call(self.stub.SubmitPlan, pb.goals.SubmitPlanRequest(id=kadin.id),
                          kadin_token)
        # The NON-ASN mayor has no account: the agency's HR admin records the approval.
        kadin = self.call(self.stub.ApprovePlan, pb.goals.ApprovePlanRequest(id=kadin.id))
        self.assertEqual(kadin.state, g.PLAN_STATE_APPROVED)

        kabid = self.plan_with(period, KABID_NIP, [
            self.result("aplikasi layanan terintegrasi", parent=kadin.results[0].id)], kabid_token)
        self.assertEqual(kabid.assessor.nip, KADIN_NIP)
        self.call(self.stub.SubmitPlan, pb.goals.SubmitPlanRequest(id=kabid.id), kabid_token)
        # The employee may not approve their own plan; their assessor does.
        with self.assertRaises(grpc.RpcError) as raised:
            self.call(self.stub.ApprovePlan, pb.goals.ApprovePlanRequest(id=kabid.id),
                      kabid_token)
        self.assertEqual(raised.exception.code(), grpc.StatusCode.PERMISSION_DENIED)
        kabid = self.call(self.stub.ApprovePlan, pb.goals.ApprovePlanRequest(id=kabid.id),
                          kadin_token)
        self.assertEqual(kabid.state, g.PLAN_STATE_APPROVED)

        # Without a parent the staff plan is refused, naming the rule.
        staff = self.plan_with(period, STAFF_NIP, [self.result("tiket layanan selesai")],
                               staff_token)
        with self.assertRaises(grpc.RpcError) as raised:
            self.call(self.stub.SubmitPlan, pb.goals.SubmitPlanRequest(id=staff.id), staff_token)
        self.assertEqual(raised.exception.code(), grpc.StatusCode.FAILED_PRECONDITION)
        self.assertEqual(error_reason(raised.exception), "CASCADE_REQUIRED")
        request = pb.goals.UpdatePlanRequest(plan=g.Plan(id=staff.id, results=[
            self.result("tiket layanan selesai", parent=kabid.results[0].id)]))
        request.update_mask.paths.append("results")
        self.call(self.stub.UpdatePlan, request, staff_token)
        self.call(self.stub.SubmitPlan, pb.goals.SubmitPlanRequest(id=staff.id), staff_token)
        staff = self.call(self.stub.ApprovePlan, pb.goals.ApprovePlanRequest(id=staff.id),
                          kabid_token)
        self.assertEqual(staff.state, g.PLAN_STATE_APPROVED)
        self.assertEqual(staff.results[0].parent_result_id, kabid.results[0].id)

        tree = self.call(self.stub.GetCascadeTree, pb.goals.GetCascadeTreeRequest(plan_id=kadin.id))
        self.assertEqual(tree.plan_count, 3)
        self.assertEqual(tree.root.reports[0].reports[0].plan_id, staff.id)
        self.assertEqual(list(tree.root.results[0].child_result_ids), [kabid.results[0].id])


    def current_period(self):
        """The agency's period of this year (one per agency and year): found, or created."""
        return current_period(self.stub, self.admin, self.agency)

    def new_employee(self, employees, position_id, name, serial):
        """A PNS whose record agrees with the NIP: born 12 March 1985, CPNS March 2010, male."""
        r = pb.resources
        nip = f"19850312201003 1{serial:03d}".replace(" ", "")
        employee = r.Employee(
            kind=r.EMPLOYEE_KIND_PNS, nip=nip, name=name, sex=r.SEX_MALE,
            birth_date=pb.date.Date(year=1985, month=3, day=12), rank="33",
            position_id=position_id,
            appointment_date=pb.date.Date(year=2010, month=3, day=1),
            position_start_date=pb.date.Date(year=2020, month=1, day=2))
        return self.call(employees.CreateEmployee,
                         pb.service.CreateEmployeeRequest(employee=employee)), nip

    def test_a_head_replaced_mid_year_decides_and_the_old_head_no_longer(self):
        """Who decides is who holds the role on the day: after the head of a section is
        replaced, the new head approves the pending plan and the old head is refused."""
        g, r = pb.goals_resources, pb.resources
        employees = pb.service_grpc.EmployeeServiceStub(self.employee_channel)
        period, _ = self.current_period()
        tag = f"{os.getpid() % 1000:03d}"
        serial = (os.getpid() * 7) % 900
        unit = self.call(employees.CreateOrgUnit, pb.service.CreateOrgUnitRequest(
            unit=r.OrgUnit(agency_id=self.agency, parent_id=ROOT_UNIT,
                           name=f"Bagian Protokol {tag}")))
        head_pos = self.call(employees.CreatePosition, pb.service.CreatePositionRequest(
            position=r.Position(agency_id=self.agency, unit_id=unit.id,
                                name=f"Kepala Bagian Protokol {tag}",
                                type=r.POSITION_TYPE_ADMINISTRATOR), unit_leader=True))
        staff_pos = self.call(employees.CreatePosition, pb.service.CreatePositionRequest(
            position=r.Position(agency_id=self.agency, unit_id=unit.id,
                                name=f"Pengadministrasi Protokol {tag}",
                                type=r.POSITION_TYPE_PELAKSANA)))
        old_head, old_nip = self.new_employee(employees, head_pos.id, "Kepala Lama", serial + 1)
        staff, staff_nip = self.new_employee(employees, staff_pos.id, "Staf Protokol", serial + 2)
        new_head, new_nip = self.new_employee(employees, staff_pos.id, "Kepala Baru", serial + 3)
        old_token, staff_token, new_token = (self.person_token(n)
                                             for n in (old_nip, staff_nip, new_nip))

        # The head's plan (assessed by the NON-ASN mayor: HR records the approval), then the
        # staff plan cascading from it, submitted.
        head_plan = self.plan_with(period, old_nip, [self.result("acara resmi terselenggara")],
                                   old_token)
        self.call(self.stub.SubmitPlan, pb.goals.SubmitPlanRequest(id=head_plan.id), old_token)
        head_plan = self.call(self.stub.ApprovePlan, pb.goals.ApprovePlanRequest(id=head_plan.id))
        staff_plan = self.plan_with(period, staff_nip, [
            self.result("undangan acara terkirim", parent=head_plan.results[0].id)], staff_token)
        staff_plan = self.call(self.stub.SubmitPlan,
                               pb.goals.SubmitPlanRequest(id=staff_plan.id), staff_token)
        self.assertEqual(staff_plan.assessor.nip, old_nip)

        # Today the old head moves to a staff position and the new head takes the lead.
        today = subprocess.run(["date", "-u", "-d", "+7 hours", "+%Y-%m-%d"], capture_output=True,
                               text=True).stdout.strip().split("-")
        effective = pb.date.Date(year=int(today[0]), month=int(today[1]), day=int(today[2]))
        for who, position in ((old_head, staff_pos.id), (new_head, head_pos.id)):
            self.call(employees.TransferEmployee, pb.service.TransferEmployeeRequest(
                employee_id=who.id, position_id=position, effective_date=effective,
                reason=r.ASSIGNMENT_REASON_TRANSFER))

        with self.assertRaises(grpc.RpcError) as raised:
            self.call(self.stub.ApprovePlan, pb.goals.ApprovePlanRequest(id=staff_plan.id),
                      old_token)
        self.assertEqual(raised.exception.code(), grpc.StatusCode.PERMISSION_DENIED)
        approved = self.call(self.stub.ApprovePlan,
                             pb.goals.ApprovePlanRequest(id=staff_plan.id), new_token)
        self.assertEqual(approved.state, g.PLAN_STATE_APPROVED)
        self.assertEqual(approved.assessor.nip, new_nip)
        self.assertEqual(approved.original_assessor.nip, old_nip)
        decisions = self.call(self.stub.ListPlanDecisions,
                              pb.goals.ListPlanDecisionsRequest(plan_id=staff_plan.id))
        self.assertEqual(len(decisions.decisions), 1)
        self.assertEqual(decisions.decisions[0].decided_by.nip, new_nip)
        self.assertEqual(decisions.decisions[0].capacity, g.DECISION_CAPACITY_DEFINITIVE)


class ReviewApiTest(unittest.TestCase):
    """The staff member's annual review through the review service, on the approved cascade of
    the goals test: the organisation predicates (the bidang's by the kepala dinas, the dinas's by
    HR for the NON-ASN mayor), the annual rating by the kepala bidang (the assessor), delivery,
    an objection by the employee heard from both sides and decided by the kepala dinas (the
    assessor's superior), and the SIASN skp22/save body before and after the decision."""

    @classmethod
    def setUpClass(cls):
        cls.agency = ENDPOINTS["AGENCY_ID"]
        cls.admin = ENDPOINTS["ADMIN_TOKEN"]
        cls.setup_error = None
        missing = [k for k in ("GOALS_ADDR", "REVIEW_ADDR") if not ENDPOINTS.get(k)]
        if missing:
            cls.setup_error = f"endpoints.env has no {', '.join(missing)}"
            return
        cls.channels = [open_channel(k)
                        for k in ("EMPLOYEE_ADDR", "GOALS_ADDR", "REVIEW_ADDR")]
        grpc.channel_ready_future(cls.channels[2]).result(timeout=CALL_TIMEOUT)
        employees = pb.service_grpc.EmployeeServiceStub(cls.channels[0])
        goals = pb.goals_grpc.GoalServiceStub(cls.channels[1])
        cls.stub = pb.review_grpc.ReviewServiceStub(cls.channels[2])
        try:
            # The same organisation as EmployeeApiTest (imports are idempotent upserts).
            EmployeeApiTest.stub = employees
            EmployeeApiTest.agency, EmployeeApiTest.admin = cls.agency, cls.admin
            EmployeeApiTest.ensure_agency()
            import_file(employees, cls.admin, pb.service.IMPORT_KIND_UNOR, cls.agency,
                        jsonl(unor_records(cls.agency)))
            import_file(employees, cls.admin, pb.service.IMPORT_KIND_DATA_UTAMA, cls.agency,
                        jsonl(data_utama_records(cls.agency)))
            cls.tokens = {nip: person_token(cls.agency, nip)
                          for nip in (KADIN_NIP, KABID_NIP, STAFF_NIP)}
            cls.period, cls.year = current_period(goals, cls.admin, cls.agency)
            g = pb.goals_resources
            kadin = approved_plan(goals, cls.admin, cls.period, KADIN_NIP,
                                  "layanan informasi publik", "", g.PERSPECTIVE_SERVICE_RECIPIENTS,
                                  cls.tokens[KADIN_NIP], cls.admin)
            kabid = approved_plan(goals, cls.admin, cls.period, KABID_NIP,
                                  "aplikasi layanan terintegrasi", kadin.results[0].id, 0,
                                  cls.tokens[KABID_NIP], cls.tokens[KADIN_NIP])
            cls.staff_plan = approved_plan(goals, cls.admin, cls.period, STAFF_NIP,
                                           "tiket layanan selesai", kabid.results[0].id, 0,
                                           cls.tokens[STAFF_NIP], cls.tokens[KABID_NIP])
        except (grpc.RpcError, RuntimeError) as error:
            cls.setup_error = str(error)

    @classmethod
    def tearDownClass(cls):
        for channel in getattr(cls, "channels", []):
            channel.close()

    def setUp(self):
        if self.setup_error:
            self.fail(f"setting up the review test failed: {self.setup_error}")

    def call(self, method, request, token=None):
        return method(request, metadata=auth(token or self.admin), timeout=CALL_TIMEOUT)

    def refused(self, code, reason, method, request, token):
        with self.assertRaises(grpc.RpcError) as raised:
            self.call(method, request, token)
        self.assertEqual(raised.exception.code(), code, raised.exception.details())
        if reason:
            self.assertEqual(error_reason(raised.exception), reason, raised.exception.details())

    def export_bodies(self):
        """The annual SIASN bodies the export stream sends now, by assessment id."""
        r = pb.review_resources
        records = list(self.stub.ExportAssessments(
            pb.review.ExportAssessmentsRequest(agency_id=self.agency, period_id=self.period.id,
                                               kind=r.ASSESSMENT_KIND_ANNUAL),
            metadata=auth(self.admin), timeout=CALL_TIMEOUT))
        return {rec.assessment_id: rec for rec in records}

    def assert_skp22(self, record, reason, results, behaviour, predicate):
        self.assertEqual(record.endpoint, "skp22/save")
        self.assertEqual(record.reason, reason)
        body = json.loads(record.body_json)
        self.assertEqual(set(body), SKP22_FIELDS, body)
        self.assertEqual(body["hasilKinerjaNilai"], results, body)
        self.assertEqual(body["perilakuKerjaNilai"], behaviour, body)
        self.assertEqual(body["kuadranKinerjaNilai"], predicate, body)
        self.assertEqual(body["pnsDinilaiOrang"], STAFF_ID, body)  # the SIASN person id
        self.assertEqual(body["tahun"], self.year, body)
        self.assertEqual(body["penilaiNama"], "Magdalena Pandie", body)
        self.assertEqual(body["penilaiNipNrp"], KABID_NIP, body)
        self.assertEqual(body["penilaiGolongan"], "41", body)
        self.assertEqual(body["statusPenilai"], "ASN", body)
        return body

    def test_annual_review_objection_and_siasn_export(self):
        r = pb.review_resources
        kadin, kabid, staff = (self.tokens[n] for n in (KADIN_NIP, KABID_NIP, STAFF_NIP))

        policy = self.call(self.stub.GetReviewPolicy,
                           pb.review.GetReviewPolicyRequest(agency_id=self.agency))
        self.assertEqual(policy.objection_days, 14)  # DOMAIN.md: 14 days, calendar by default
        self.assertFalse(policy.objection_working_days)

        # Organisation predicates: the bidang's by the leader one level up (the kepala dinas),
        # not by its own head; the dinas's by HR, recording the NON-ASN mayor's decision.
        bidang = pb.review.SetOrgPredicateRequest(unit_id=BIDANG_UNIT, period_id=self.period.id,
                                                  predicate=r.ORG_PREDICATE_BAIK,
                                                  note="IKU bidang tercapai")
        self.refused(grpc.StatusCode.PERMISSION_DENIED, "", self.stub.SetOrgPredicate, bidang,
                     kabid)
        decision = self.call(self.stub.SetOrgPredicate, bidang, kadin)
        self.assertEqual(decision.predicate, r.ORG_PREDICATE_BAIK)
        self.assertEqual(decision.decided_by.nip, KADIN_NIP)
        self.assertEqual(decision.capacity, r.CAPACITY_DEFINITIVE)
        dinas = self.call(self.stub.SetOrgPredicate, pb.review.SetOrgPredicateRequest(
            unit_id=DINAS_UNIT, period_id=self.period.id, predicate=r.ORG_PREDICATE_ISTIMEWA,
            note="Keputusan Wali Kota"))
        self.assertTrue(dinas.decided_by.non_asn, dinas)
        self.assertEqual(dinas.capacity, r.CAPACITY_HR_FOR_NON_ASN)

        # The annual rating by the assessor (the kepala bidang); not by the superior.
        rate = pb.review.RateAssessmentRequest(
            plan_id=self.staff_plan.id, kind=r.ASSESSMENT_KIND_ANNUAL,
            results_rating=r.RATING_AS_EXPECTED, behaviour_rating=r.RATING_ABOVE_EXPECTATION,
            results_note="Target tiket tercapai")
        self.refused(grpc.StatusCode.PERMISSION_DENIED, "", self.stub.RateAssessment, rate, kadin)
        assessment = self.call(self.stub.RateAssessment, rate, kabid)
        self.assertEqual(assessment.state, r.ASSESSMENT_STATE_DRAFT)
        self.assertEqual(assessment.assessor.nip, KABID_NIP)
        self.assertEqual(assessment.predicate, r.PREDICATE_BAIK)
        self.assertEqual(int(assessment.predicate), 2)  # the national code of Baik

        # One Baik of one staff breaks the Baik unit's bands (at most 70 % Baik, at least one
        # Butuh Perbaikan or Kurang): the default policy warns and needs a justification.
        finalise = pb.review.FinaliseAssessmentRequest(id=assessment.id)
        self.refused(grpc.StatusCode.FAILED_PRECONDITION, "JUSTIFICATION_REQUIRED",
                     self.stub.FinaliseAssessment, finalise, kabid)
        finalise.distribution_justification = "Bidang dengan satu staf pelaksana"
        assessment = self.call(self.stub.FinaliseAssessment, finalise, kabid)
        self.assertEqual(assessment.state, r.ASSESSMENT_STATE_FINALISED)
        self.assertEqual(assessment.predicate, r.PREDICATE_BAIK)
        self.assertEqual(tuple((assessment.delivered_date.year, assessment.delivered_date.month,
                                assessment.delivered_date.day)), jakarta_today())
        self.assertEqual(assessment.distribution_justification,
                         "Bidang dengan satu staf pelaksana")

        first = self.export_bodies()
        self.assertIn(assessment.id, first)
        self.assert_skp22(first[assessment.id], "NEW", 2, 1, 2)
        self.assertNotIn(assessment.id, self.export_bodies())  # exported once

        # The objection: filed by the employee, explained by the assessor, decided by the
        # assessor's superior of the day (not by the assessor), changing the predicate.
        objection = self.call(self.stub.FileObjection, pb.review.FileObjectionRequest(
            assessment_id=assessment.id, explanation="Semua tiket selesai sebelum tenggat"),
            staff)
        self.assertEqual(objection.state, r.OBJECTION_STATE_FILED)
        self.assertEqual(objection.employee_nip, STAFF_NIP)
        objection = self.call(self.stub.ExplainObjection, pb.review.ExplainObjectionRequest(
            id=objection.id, explanation="Hasil sesuai target, belum melampaui"), kabid)
        self.assertEqual(objection.assessor_explanation, "Hasil sesuai target, belum melampaui")
        decide = pb.review.DecideObjectionRequest(
            id=objection.id, results_rating=r.RATING_ABOVE_EXPECTATION,
            behaviour_rating=r.RATING_ABOVE_EXPECTATION,
            note="Bukti dukung menunjukkan target terlampaui")
        self.refused(grpc.StatusCode.PERMISSION_DENIED, "", self.stub.DecideObjection, decide,
                     kabid)
        objection = self.call(self.stub.DecideObjection, decide, kadin)
        self.assertEqual(objection.state, r.OBJECTION_STATE_DECIDED)
        self.assertEqual(objection.decided_by.nip, KADIN_NIP)
        self.assertEqual(objection.predicate_before, r.PREDICATE_BAIK)
        self.assertEqual(objection.predicate_after, r.PREDICATE_SANGAT_BAIK)
        self.assertTrue(objection.changed)
        assessment = self.call(self.stub.GetAssessment,
                               pb.review.GetAssessmentRequest(id=assessment.id), staff)
        self.assertEqual(int(assessment.predicate), 1)  # Sangat Baik

        # The export sends the changed body again, with the new kuadranKinerjaNilai.
        second = self.export_bodies()
        self.assertIn(assessment.id, second)
        self.assert_skp22(second[assessment.id], "CHANGED", 1, 1, 1)

        self.check_analytics()

        # The CLI writes the same body to a file named by endpoint and assessment id.
        cli = os.environ.get("KINERJA_CLI")
        if not cli or not os.access(cli, os.X_OK):
            return
        env = dict(os.environ, REVIEW_ADDR=ENDPOINTS["REVIEW_ADDR"], KINERJA_TOKEN=self.admin,
                   **cli_tls_env())
        with tempfile.TemporaryDirectory() as out:
            result = subprocess.run(
                [cli, "review", "export", "--agency", self.agency, "--period", self.period.id,
                 "--kind", "annual", "--all", "--out", out], env=env, capture_output=True,
                text=True, timeout=2 * CALL_TIMEOUT)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertRegex(result.stdout, r"exported [1-9][0-9]* records? to ")
            body = json.loads(Path(out, f"skp22-save_{assessment.id}.json").read_text())
            self.assertEqual(set(body), SKP22_FIELDS)
            self.assertEqual(body["kuadranKinerjaNilai"], 1)


    def check_analytics(self):
        """The analytics service saw all of the above in the events only: the annual Sangat Baik
        (after the objection) in the agency's distribution, the Baik bidang's bands, the public
        report with the one-person groups suppressed, and the same numbers as JSON and CSV."""
        for key in ("ANALYTICS_ADDR", "ANALYTICS_HTTP"):
            self.assertTrue(ENDPOINTS.get(key), f"endpoints.env has no {key}")
        a = pb.analytics_resources
        channel = open_channel("ANALYTICS_ADDR")
        self.addCleanup(channel.close)
        stub = pb.analytics_grpc.AnalyticsServiceStub(channel)
        scope = a.ReportScope(year=self.year, agency_id=self.agency)

        deadline = time.monotonic() + 60
        while True:  # the events reach analytics asynchronously
            report = self.call(stub.GetPredicateDistribution,
                               pb.analytics.GetPredicateDistributionRequest(scope=scope))
            if report.totals.sangat_baik == 1 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(report.totals.total, 1, report)
        self.assertEqual(report.totals.sangat_baik, 1, report)  # Baik, changed by the objection
        self.assertEqual(report.totals.baik, 0, report)

        # The bidang (organisation predicate Baik): its bands as DOMAIN.md states them, checked
        # here from the report's own counts: Baik at most 70 %; at least one Butuh Perbaikan or
        # Kurang, unless staff not finalised yet could still be.
        compliance = self.call(stub.GetCompliance, pb.analytics.GetComplianceRequest(scope=scope))
        bidang = [u for u in compliance.units if u.unit_id == BIDANG_UNIT]
        self.assertEqual(len(bidang), 1, compliance)
        bidang = bidang[0]
        self.assertEqual(bidang.org_predicate, pb.review_resources.ORG_PREDICATE_BAIK)
        self.assertEqual(bidang.finalised.sangat_baik, 1, bidang)
        staff, done = bidang.unit_staff, bidang.finalised.total
        expected = set()
        if bidang.finalised.baik * 100 > 70 * staff:
            expected.add("BAIK_AT_MOST 70%")
        low = bidang.finalised.butuh_perbaikan + bidang.finalised.kurang
        if low + (staff - done) < 1:
            expected.add("BUTUH_PERBAIKAN_OR_KURANG_AT_LEAST 1")
        self.assertEqual({v.rule for v in bidang.violations}, expected, bidang)

        # The public report needs no token and shows no group of fewer than 5 people.
        public = stub.GetTransparencyReport(
            pb.analytics.GetTransparencyReportRequest(year=self.year, agency_id=self.agency),
            timeout=CALL_TIMEOUT)
        self.assertGreaterEqual(public.min_group_size, 5)
        self.assertTrue(public.total.suppressed, public)
        self.assertEqual(public.total.counts.total, 0, public)
        for group in public.groups:
            self.assertTrue(group.suppressed or group.counts.total >= public.min_group_size)

        # The same distribution as JSON and as CSV over HTTP; without a token, 401.
        base = http_url("ANALYTICS_HTTP", "/api/v1/distribution")
        query = urllib.parse.urlencode({"year": self.year, "agency_id": self.agency})
        request = urllib.request.Request(f"{base}?{query}",
                                         headers={"Authorization": f"Bearer {self.admin}"})
        with http_open(request) as answer:
            body = json.loads(answer.read())
        totals = body["totals"]
        self.assertEqual(int(totals.get("sangatBaik", totals.get("sangat_baik", 0))), 1, body)
        request = urllib.request.Request(f"{base}?{query}&format=csv",
                                         headers={"Authorization": f"Bearer {self.admin}"})
        with http_open(request) as answer:
            self.assertTrue(answer.headers["Content-Type"].startswith("text/csv"))
            csv_text = answer.read().decode("utf-8")
        self.assertIn("Sangat Baik", csv_text.splitlines()[0])
        with self.assertRaises(urllib.error.HTTPError) as refused:
            http_open(f"{base}?{query}")
        self.assertEqual(refused.exception.code, 401)


class TransportTest(unittest.TestCase):
    """A stack started with --tls: TLS on every port, client certificates required on gRPC."""

    def setUp(self):
        if tls_files() is None:
            self.skipTest("the stack serves cleartext (started without --tls)")

    def check(self, chan):
        stub = pb.service_grpc.EmployeeServiceStub(chan)
        return stub.GetAgency(pb.service.GetAgencyRequest(id=ENDPOINTS["AGENCY_ID"]),
                              metadata=auth(ENDPOINTS["ADMIN_TOKEN"]), timeout=CALL_TIMEOUT)

    def test_client_with_certificate_is_served(self):
        with open_channel("EMPLOYEE_ADDR") as chan:
            self.assertEqual(self.check(chan).id, ENDPOINTS["AGENCY_ID"])

    def test_client_without_certificate_is_refused(self):
        with open_channel("EMPLOYEE_ADDR", client_certificate=False) as chan:
            with self.assertRaises(grpc.RpcError) as refused:
                self.check(chan)
        self.assertEqual(refused.exception.code(), grpc.StatusCode.UNAVAILABLE)

    def test_cleartext_client_is_refused(self):
        with grpc.insecure_channel(ENDPOINTS["EMPLOYEE_ADDR"]) as chan:
            with self.assertRaises(grpc.RpcError) as refused:
                self.check(chan)
        self.assertEqual(refused.exception.code(), grpc.StatusCode.UNAVAILABLE)

    def test_metrics_port_serves_https(self):
        with http_open(http_url("EMPLOYEE_METRICS", "/healthz")) as answer:
            self.assertEqual(json.loads(answer.read())["status"], "ok")


class CliTest(unittest.TestCase):
    """The kinerja CLI (KINERJA_CLI) against the same stack, after EmployeeApiTest's import."""

    def run_cli(self, *args, token=True):
        cli = os.environ.get("KINERJA_CLI")
        if not cli or not os.access(cli, os.X_OK):
            self.skipTest("KINERJA_CLI does not name the kinerja binary")
        env = {k: v for k, v in os.environ.items() if k != "KINERJA_TOKEN"}
        env["EMPLOYEE_ADDR"] = ENDPOINTS["EMPLOYEE_ADDR"]
        env.update(cli_tls_env())
        if token:
            env["KINERJA_TOKEN"] = ENDPOINTS["ADMIN_TOKEN"]
        return subprocess.run([cli, *args], env=env, capture_output=True, text=True,
                              timeout=2 * CALL_TIMEOUT)

    def test_reporting_line_text(self):
        result = self.run_cli("reporting-line", "--nip", KABID_NIP)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Daniel Tefa  NIP " + KADIN_NIP, result.stdout)
        self.assertIn("[NON-ASN]", result.stdout)

    def test_get_employee_json(self):
        result = self.run_cli("get", "employee", "--nip", STAFF_NIP, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["id"], STAFF_ID)

    def test_import_dry_run_and_exit_code(self):
        with tempfile.NamedTemporaryFile("wb", suffix=".jsonl") as f:
            f.write(jsonl(unor_records(ENDPOINTS["AGENCY_ID"])))
            f.flush()
            result = self.run_cli("import", "--kind", "unor", "--agency",
                                  ENDPOINTS["AGENCY_ID"], "--dry-run", f.name)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("dry run (nothing written): received 3", result.stdout)

    def test_unauthenticated_exits_one(self):
        result = self.run_cli("list", "employees", token=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("UNAUTHENTICATED", result.stderr)


def main():
    path = os.environ.get("KINERJA_ENDPOINTS")
    if not path:
        print("set KINERJA_ENDPOINTS to a stack's endpoints.env (tools/stack up --state-dir DIR "
              "writes DIR/endpoints.env)", file=sys.stderr)
        return 2
    ENDPOINTS.update(read_endpoints(path))
    missing = [k for k in ("EMPLOYEE_ADDR", "ADMIN_TOKEN", "AGENCY_ID") if not ENDPOINTS.get(k)]
    with tempfile.TemporaryDirectory(prefix="kinerja-stubs-") as stubs:
        try:
            if missing:
                raise RuntimeError(f"{path} lacks {', '.join(missing)}")
            generate_stubs(stubs)
            load_stubs(stubs)
        except Exception as error:  # a broken setup is one failure, reported as such
            print(f"setup failed: {error}", file=sys.stderr)
            print("0 passed, 1 failed")
            return 1
        loader = unittest.TestLoader()
        suite = unittest.TestSuite([loader.loadTestsFromTestCase(EmployeeApiTest),
                                    loader.loadTestsFromTestCase(GoalsApiTest),
                                    loader.loadTestsFromTestCase(ReviewApiTest),
                                    loader.loadTestsFromTestCase(TransportTest),
                                    loader.loadTestsFromTestCase(CliTest)])
        result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
