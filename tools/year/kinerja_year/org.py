"""The city government as the employee service knows it: the national registry import (SIASN
UNOR and data-utama files written by kinerja-gen) and the reporting lines of a day."""

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Person:
    employee_id: str
    nip: str
    name: str
    unit_id: str
    position_id: str
    kind: str  # PNS / PPPK / CPNS (statusPegawai)
    assessor_nip: str = ""  # "" with assessor_non_asn: the NON-ASN mayor
    assessor_non_asn: bool = False
    superior_nip: str = ""
    superior_non_asn: bool = False
    head_of: str = ""  # the unit this person leads, if any


@dataclass
class Unit:
    unit_id: str
    name: str
    parent_id: str
    leader_position_id: str = ""
    top_id: str = ""  # the unit one level below the root that holds this one ("" for the root)
    children: list = field(default_factory=list)


@dataclass
class Org:
    agency_id: str
    agency_name: str
    root_id: str
    units: dict  # unit_id -> Unit
    people: dict  # nip -> Person
    by_id: dict  # employee_id -> Person

    def staff_of(self, unit_id):
        """People placed in the unit, without its head."""
        return [p for p in self.people.values() if p.unit_id == unit_id and p.head_of != unit_id]

    def head_of(self, unit_id):
        return next((p for p in self.people.values() if p.head_of == unit_id), None)

    def subtree(self, unit_id):
        out, stack = [], [unit_id]
        while stack:
            u = stack.pop()
            out.append(u)
            stack.extend(self.units[u].children)
        return out


def _import_requests(pb, kind, agency, data, request_id):
    header = pb.employee.ImportHeader(kind=kind, format=pb.employee.IMPORT_FORMAT_JSONL,
                                      agency_id=agency, request_id=request_id)
    yield pb.employee.ImportRecordsRequest(header=header)
    for start in range(0, len(data), 1 << 20):
        yield pb.employee.ImportRecordsRequest(data=data[start:start + (1 << 20)])


def import_agency(api, tokens, data_dir, log):
    """CreateAgency (if missing) and the SIASN import of its units and employees, by HR."""
    pb = api.pb
    agency = json.loads((Path(data_dir) / "agency.json").read_text())
    hr = tokens.hr_admin()
    kind = getattr(pb.employee_res, f"AGENCY_KIND_{agency['kind']}")
    try:
        api.call(api.employee.CreateAgency, pb.employee.CreateAgencyRequest(
            agency=pb.employee_res.Agency(id=agency["id"], name=agency["name"], kind=kind,
                                          head_title=agency["head_title"]),
            request_id=f"year-agency-{agency['id']}"), hr)
    except Exception as error:  # ALREADY_EXISTS on a second run over the same state
        if "ALREADY_EXISTS" not in str(error):
            raise
    for kind, name in ((pb.employee.IMPORT_KIND_UNOR, "unor.jsonl"),
                       (pb.employee.IMPORT_KIND_DATA_UTAMA, "data-utama.jsonl")):
        data = (Path(data_dir) / name).read_bytes()
        summary = api.stream(
            api.employee.ImportRecords,
            lambda: _import_requests(pb, kind, agency["id"], data, f"year-import-{agency['id']}-{name}"), hr)
        log(f"      {name}: {summary.received} records, {summary.created} created, "
            f"{summary.updated} updated, {summary.unchanged} unchanged, {summary.failed} failed")
        if summary.failed:
            raise SystemExit(f"kinerja-year: the import of {name} failed: "
                             f"{[(e.line, e.field, e.message) for e in summary.errors[:5]]}")
    return agency


def load(api, tokens, data_dir, agency, day):
    """Units from ListOrgUnits, people and their assessors from ListReportingLines on `day`."""
    pb = api.pb
    hr = tokens.hr_admin()
    units = {}
    token = ""
    while True:
        page = api.call(api.employee.ListOrgUnits, pb.employee.ListOrgUnitsRequest(
            filter=f'agency_id = "{agency["id"]}"', page_size=500, page_token=token), hr)
        for u in page.units:
            units[u.id] = Unit(u.id, u.name, u.parent_id, u.leader_position_id)
        token = page.next_page_token
        if not token:
            break
    for u in units.values():
        if u.parent_id in units:
            units[u.parent_id].children.append(u.unit_id)
    root_id = next(u.unit_id for u in units.values() if not u.parent_id)
    for u in units.values():
        top = u.unit_id
        while top in units and units[top].parent_id and units[top].parent_id != root_id:
            top = units[top].parent_id
        u.top_id = "" if u.unit_id == root_id else top
    status = {}
    for line in (Path(data_dir) / "data-utama.jsonl").read_text().splitlines():
        record = json.loads(line)
        status[record["nipBaru"]] = record["statusPegawai"]
    people = {}
    token = ""
    date = pb.date.Date(year=day.year, month=day.month, day=day.day)
    while True:
        page = api.call(api.employee.ListReportingLines, pb.employee.ListReportingLinesRequest(
            unit_id=root_id, include_subunits=True, date=date, page_size=500, page_token=token),
            hr)
        for line in page.lines:
            e, a, s = line.employee, line.assessor, line.assessor_superior
            non_asn = pb.employee_res.Official.KIND_NON_ASN
            people[e.nip] = Person(
                e.employee_id, e.nip, e.name, e.unit_id, e.position_id, status.get(e.nip, ""),
                assessor_nip=a.nip, assessor_non_asn=a.kind == non_asn,
                superior_nip=s.nip, superior_non_asn=s.kind == non_asn)
        token = page.next_page_token
        if not token:
            break
    leaders = {u.leader_position_id: u.unit_id for u in units.values() if u.leader_position_id}
    for p in people.values():
        if leaders.get(p.position_id) == p.unit_id:
            p.head_of = p.unit_id
    return Org(agency["id"], agency["name"], root_id, units, people,
               {p.employee_id: p for p in people.values()})
