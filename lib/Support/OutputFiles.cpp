//===- OutputFiles.cpp - Write a tool's output files all or nothing -------===//

#include "lrnn/Support/OutputFiles.h"
#include "lrnn/Support/ErrorMessages.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <vector>

using namespace llvm;

namespace lrnn {

/// Whether `path` exists and is neither a regular file nor a directory (a
/// device such as /dev/null, a FIFO): such a file is written in place, as a
/// shell redirection would, since renaming over it would replace it.
static bool isSpecialFile(StringRef path) {
  sys::fs::file_status status;
  return !sys::fs::status(path, status) && sys::fs::exists(status) &&
         !sys::fs::is_regular_file(status) && !sys::fs::is_directory(status);
}

/// Writes `contents` into the existing special file `path`.
static Error writeInPlace(StringRef path, StringRef contents) {
  int fd = -1;
  // CD_OpenExisting: no O_CREAT or O_TRUNC.
  std::error_code ec =
      sys::fs::openFileForWrite(path, fd, sys::fs::CD_OpenExisting);
  if (!ec) {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << contents;
    os.close();
    if (os.has_error()) {
      ec = os.error();
      os.clear_error(); // Otherwise the stream aborts when destroyed.
    }
  }
  if (ec)
    return makeFileError(path, "cannot write: " + ec.message());
  return Error::success();
}

Error writeAllOrNothing(ArrayRef<PendingFile> files) {
  enum class Kind { Regular, Special, Stdout };
  std::vector<Kind> kinds;
  for (const PendingFile &file : files)
    kinds.push_back(file.path == "-"           ? Kind::Stdout
                    : isSpecialFile(file.path) ? Kind::Special
                                               : Kind::Regular);
  std::vector<std::string> temps(files.size());
  auto removeTemps = [&](size_t from) {
    for (size_t i = from; i < temps.size(); ++i)
      if (!temps[i].empty())
        sys::fs::remove(temps[i]);
  };
  for (size_t i = 0; i < files.size(); ++i) {
    const PendingFile &file = files[i];
    if (kinds[i] != Kind::Regular)
      continue;
    // The temporary name is built here rather than by createUniqueFile,
    // whose model would treat any '%' in the path as a placeholder.
    std::string temp;
    int fd = -1;
    std::error_code ec;
    for (int attempt = 0; attempt < 64; ++attempt) {
      temp = (file.path + ".tmp" + Twine(sys::Process::getProcessId()) + "-" +
              Twine::utohexstr(sys::Process::GetRandomNumber()))
                 .str();
      ec = sys::fs::openFileForWrite(temp, fd, sys::fs::CD_CreateNew);
      if (ec != std::errc::file_exists)
        break;
    }
    if (ec) {
      removeTemps(0);
      return makeFileError(file.path, file.openFailure + ": " + ec.message());
    }
    temps[i] = temp;
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << file.contents;
    os.close();
    if (os.has_error()) {
      ec = os.error();
      os.clear_error(); // Otherwise the stream aborts when destroyed.
      removeTemps(0);
      return makeFileError(file.path, "write failed: " + ec.message());
    }
  }
  auto removeRenamed = [&](size_t before) {
    for (size_t j = 0; j < before; ++j)
      if (!temps[j].empty())
        sys::fs::remove(files[j].path);
  };
  for (size_t i = 0; i < files.size(); ++i) {
    if (temps[i].empty())
      continue;
    if (std::error_code ec = sys::fs::rename(temps[i], files[i].path)) {
      removeTemps(i);
      removeRenamed(i);
      return makeFileError(files[i].path, "cannot write: " + ec.message());
    }
  }
  for (size_t i = 0; i < files.size(); ++i)
    if (kinds[i] == Kind::Special)
      if (Error err = writeInPlace(files[i].path, files[i].contents)) {
        removeRenamed(files.size());
        return err;
      }
  for (size_t i = 0; i < files.size(); ++i)
    if (kinds[i] == Kind::Stdout)
      outs() << files[i].contents;
  outs().flush();
  return Error::success();
}

} // namespace lrnn
