// gRPC credentials from the TLS settings (tls_settings.h). Certificates and keys are read by
// gRPC's FileWatcherCertificateProvider, which re-reads them every reload interval: a renewed
// certificate (or CA bundle) is used by new connections without a restart, while connections
// already open keep the one they were made with. Replace a certificate and its key by rename,
// key first, so that neither file is ever read half written (docs/security.md).
#pragma once

#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include <memory>

#include "shared/tls/tls_settings.h"

namespace kinerja::tls {

// Cleartext with `insecure`; otherwise TLS with the certificate, and client certificates
// required and verified when client_ca_file is set.
std::shared_ptr<grpc::ServerCredentials> GrpcServerCredentials(const ServerTls& tls);

// Cleartext with `insecure`; otherwise TLS checking the server against ca_file (the system's
// CAs when empty) and the host name dialled, presenting cert_file when set.
std::shared_ptr<grpc::ChannelCredentials> GrpcChannelCredentials(const ClientTls& tls);

}  // namespace kinerja::tls
