// kinerja-echo: the baseline for GetEmployee's serving cost. A bare gRPC callback server with
// the same EmployeeService.GetEmployee method that answers inline on gRPC's thread with an
// employee built from the request (no authentication, no worker, no database).
// tools/bench/run-employee drives it with the same load tool and settings as the real service.
//
//   kinerja-echo --listen HOST:PORT
#include <grpcpp/grpcpp.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "kinerja/employee/v1/employee_service.grpc.pb.h"

namespace {

namespace v1 = kinerja::employee::v1;

class EchoEmployees final : public v1::EmployeeService::CallbackService {
  grpc::ServerUnaryReactor* GetEmployee(grpc::CallbackServerContext* ctx,
                                        const v1::GetEmployeeRequest* request,
                                        v1::Employee* response) override {
    // The fields a real answer carries, of typical sizes.
    response->set_id("A5EB03E23BF8F6A0E040640A040252AD");
    response->set_kind(v1::EMPLOYEE_KIND_PNS);
    response->set_nip(request->nip());
    response->set_name("Pegawai Contoh Nama Lengkap");
    response->set_sex(v1::SEX_FEMALE);
    response->mutable_birth_date()->set_year(1985);
    response->mutable_birth_date()->set_month(4);
    response->mutable_birth_date()->set_day(17);
    response->set_rank("32");
    response->set_rank_label("III/b Penata Muda Tingkat I");
    response->set_agency_id("A5EB03E23CFBF6A0E040640A040252AD");
    response->set_unit_id("8AE48288798A7A8301798B5AB1C8004F");
    response->set_position_id("8AE48288798A7A8301798B5AB1C8005A");
    response->set_status(v1::EMPLOYEE_STATUS_ACTIVE);
    response->mutable_appointment_date()->set_year(2010);
    response->mutable_appointment_date()->set_month(3);
    response->mutable_appointment_date()->set_day(1);
    response->mutable_position_start_date()->set_year(2021);
    response->mutable_position_start_date()->set_month(1);
    response->mutable_position_start_date()->set_day(4);
    response->set_etag("employee.7");
    response->mutable_create_time()->set_seconds(1700000000);
    response->mutable_update_time()->set_seconds(1733000000);
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

std::unique_ptr<grpc::Server> g_server;

}  // namespace

int main(int argc, char** argv) {
  std::string listen;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--listen") listen = argv[i + 1];
  }
  if (listen.empty()) {
    std::cerr << "usage: kinerja-echo --listen HOST:PORT\n";
    return 2;
  }
  EchoEmployees service;
  grpc::ServerBuilder builder;
  builder.AddListeningPort(listen, grpc::InsecureServerCredentials());
  builder.RegisterService(&service);
  g_server = builder.BuildAndStart();
  if (!g_server) {
    std::cerr << "kinerja-echo: cannot listen on " << listen << "\n";
    return 1;
  }
  std::printf("kinerja-echo listening on %s\n", listen.c_str());
  std::fflush(stdout);
  g_server->Wait();  // until killed
  return 0;
}
