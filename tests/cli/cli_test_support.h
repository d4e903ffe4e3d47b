// Runs the built ngodesk binary as a user would, in a fresh temporary
// directory with a clean environment, and captures its output and exit code.
#pragma once

#include <stdlib.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ngodesk::testing_cli {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Quotes `text` for /bin/sh.
inline std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// A test fixture with a private working directory that doubles as HOME, so
// the default database path lands inside it.
class CliTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "ngodesk-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // Runs ngodesk with `args` and `environment` entries ("NAME=value") on top
  // of a minimal environment: HOME, PATH and LANG=C.UTF-8.
  CommandResult Ngodesk(const std::vector<std::string>& args,
                        const std::vector<std::string>& environment = {}) {
    std::string command = "cd " + ShellQuote(directory_.string()) +
                          " && env -i HOME=" + ShellQuote(directory_.string()) +
                          " PATH=/usr/bin:/bin LANG=C.UTF-8";
    for (const std::string& entry : environment) command += " " + ShellQuote(entry);
    command += " " + ShellQuote(NGODESK_BINARY_DIR "/ngodesk");
    for (const std::string& arg : args) command += " " + ShellQuote(arg);
    command += " >stdout.txt 2>stderr.txt </dev/null";

    CommandResult run;
    const int status = std::system(command.c_str());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = ReadFile(directory_ / "stdout.txt");
    run.err = ReadFile(directory_ / "stderr.txt");
    return run;
  }

  std::filesystem::path directory_;
};

// Describes the first line where two texts differ, so that a mismatch of a
// large golden file prints one readable line pair instead of both texts.
inline std::string FirstDifference(const std::string& expected, const std::string& actual) {
  std::stringstream expected_stream(expected);
  std::stringstream actual_stream(actual);
  std::string expected_line;
  std::string actual_line;
  for (int line = 1;; ++line) {
    const bool has_expected = static_cast<bool>(std::getline(expected_stream, expected_line));
    const bool has_actual = static_cast<bool>(std::getline(actual_stream, actual_line));
    if (!has_expected && !has_actual) return "texts are equal";
    if (!has_expected || !has_actual || expected_line != actual_line) {
      return "first difference at line " + std::to_string(line) +
             "\n  expected: " + (has_expected ? expected_line : "<end of text>") +
             "\n  actual:   " + (has_actual ? actual_line : "<end of text>");
    }
  }
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

}  // namespace ngodesk::testing_cli
