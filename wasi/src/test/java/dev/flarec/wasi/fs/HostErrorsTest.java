package dev.flarec.wasi.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.wasi.abi.Errno;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class HostErrorsTest {
  @Test
  void exceptionTypesMapToTheirErrno() {
    assertEquals(Errno.NOENT, HostErrors.errno(new NoSuchFileException("x")));
    assertEquals(Errno.EXIST, HostErrors.errno(new FileAlreadyExistsException("x")));
    assertEquals(Errno.NOTEMPTY, HostErrors.errno(new DirectoryNotEmptyException("x")));
    assertEquals(Errno.ACCES, HostErrors.errno(new AccessDeniedException("x")));
  }

  @Test
  void otherErrorsAreRecognisedByTheirReason() {
    assertEquals(
        Errno.NOTDIR, HostErrors.errno(new FileSystemException("x", null, "Not a directory")));
    assertEquals(
        Errno.ISDIR, HostErrors.errno(new FileSystemException("x", null, "Is a directory")));
    assertEquals(
        Errno.LOOP,
        HostErrors.errno(
            new FileSystemException(
                "x",
                null,
                "Too many levels of symbolic links or unable to access attributes of symbolic"
                    + " link")));
    assertEquals(Errno.NOSPC, HostErrors.errno(new IOException("No space left on device")));
    assertEquals(Errno.IO, HostErrors.errno(new IOException("something else")));
    assertEquals(Errno.IO, HostErrors.errno(new IOException()));
  }
}
