#include "tests/upgrade/service_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace kinerja::testing {
namespace {

std::string TempOutputPath() {
  std::string path = absl::StrCat(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp",
                                  "/kinerja-service-XXXXXX");
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    std::cerr << "ServiceProcess: cannot create " << path << "\n";
    std::abort();
  }
  close(fd);
  return path;
}

int ExitCodeOf(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

ServiceProcess::ServiceProcess(const std::string& binary, const std::vector<std::string>& args)
    : output_path_(TempOutputPath()) {
  // Everything the child needs is made before fork: only exec-safe calls happen after it.
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const int out = open(output_path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (out < 0) std::abort();
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(out);
  if (pid_ < 0) {
    std::cerr << "ServiceProcess: fork failed for " << binary << "\n";
    std::abort();
  }
}

ServiceProcess::~ServiceProcess() {
  Stop();
  std::remove(output_path_.c_str());
}

std::string ServiceProcess::Output() const {
  std::ifstream file(output_path_);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

bool ServiceProcess::Exited() {
  if (pid_ < 0) return true;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
  exit_code_ = ExitCodeOf(status);
  pid_ = -1;
  return true;
}

bool ServiceProcess::WaitForOutput(std::string_view text, absl::Duration limit) {
  const absl::Time deadline = absl::Now() + limit;
  for (;;) {
    // Read the output after checking for exit, so the last lines of an exited process count.
    const bool exited = Exited();
    if (Output().find(text) != std::string::npos) return true;
    if (exited || absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(50));
  }
}

int ServiceProcess::Stop() {
  if (pid_ > 0) kill(pid_, SIGTERM);
  return Wait();
}

int ServiceProcess::Wait() {
  if (pid_ > 0) {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    exit_code_ = ExitCodeOf(status);
    pid_ = -1;
  }
  return exit_code_;
}

Completed RunToCompletion(const std::string& binary, const std::vector<std::string>& args) {
  ServiceProcess process(binary, args);
  Completed done;
  done.exit_code = process.Wait();
  done.output = process.Output();
  return done;
}

}  // namespace kinerja::testing
