// A service binary run as a child process, as an operator runs it: its own arguments, the test's
// environment (sanitizer settings), its output (stdout and stderr) in a file.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"

namespace kinerja::testing {

class ServiceProcess {
 public:
  // Starts `binary` with `args`; aborts the test binary when it cannot be started.
  ServiceProcess(const std::string& binary, const std::vector<std::string>& args);
  ~ServiceProcess();  // Stop()
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  // Waits until the output has a line containing `text` (true), the process has exited, or
  // `limit` (a bound against a hang, not an expectation) has passed (false).
  bool WaitForOutput(std::string_view text, absl::Duration limit);
  std::string Output() const;
  // Sends SIGTERM if it still runs, waits for it; the exit code (128 + signal when killed).
  int Stop();
  // Waits for it to exit by itself; the exit code.
  int Wait();

 private:
  bool Exited();
  pid_t pid_ = -1;
  int exit_code_ = -1;
  std::string output_path_;
};

struct Completed {
  int exit_code = -1;
  std::string output;
};

// Runs `binary` with `args` until it exits.
Completed RunToCompletion(const std::string& binary, const std::vector<std::string>& args);

}  // namespace kinerja::testing
