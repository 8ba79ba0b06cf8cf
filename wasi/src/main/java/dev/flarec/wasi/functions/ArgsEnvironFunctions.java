package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.GuestMemory;
import java.util.List;

/**
 * The program's arguments and environment ({@code args_*}, {@code environ_*}). Both are lists of
 * byte strings that the guest receives the same way: it first asks how many there are and how many
 * bytes they take, allocates, then asks for them as an array of pointers into one buffer of
 * NUL-terminated strings, the shape of C's {@code argv} and {@code environ}.
 */
final class ArgsEnvironFunctions {
  private final WasiContext context;

  ArgsEnvironFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Returns the number of arguments and the size of the buffer that holds them.
   *
   * <p>Parameters: {@code argcAddress} — where to write the argument count ({@code u32}); {@code
   * bufferSizeAddress} — where to write the total size of the arguments in bytes, each with its
   * terminating NUL ({@code u32}).
   *
   * <p>Errno: {@code success}; {@code fault} if either address is not 4 bytes inside memory
   * (nothing is written then).
   *
   * <p>Guest memory: the two {@code u32} values.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code args_sizes_get}.
   */
  int argsSizesGet(int argcAddress, int bufferSizeAddress) {
    try {
      return sizes(context.arguments(), argcAddress, bufferSizeAddress);
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Copies the arguments into guest memory.
   *
   * <p>Parameters: {@code argvAddress} — an array of {@code argc} pointers ({@code u32} each) to
   * fill; {@code bufferAddress} — a buffer of the size {@code args_sizes_get} returned, to fill
   * with the NUL-terminated arguments.
   *
   * <p>Errno: {@code success}; {@code fault} if the array or the buffer does not lie inside memory
   * (nothing is written then).
   *
   * <p>Guest memory: {@code argv[i]} is the address within the buffer of argument {@code i}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code args_get}.
   */
  int argsGet(int argvAddress, int bufferAddress) {
    try {
      return copy(context.arguments(), argvAddress, bufferAddress);
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Returns the number of environment variables and the size of the buffer that holds them.
   *
   * <p>Parameters: {@code countAddress} — where to write the variable count ({@code u32}); {@code
   * bufferSizeAddress} — where to write the total size of the {@code NAME=value} strings with their
   * NULs ({@code u32}).
   *
   * <p>Errno: {@code success}; {@code fault} if either address is not 4 bytes inside memory.
   *
   * <p>Guest memory: the two {@code u32} values.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code environ_sizes_get}.
   */
  int environSizesGet(int countAddress, int bufferSizeAddress) {
    try {
      return sizes(context.environment(), countAddress, bufferSizeAddress);
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Copies the environment into guest memory.
   *
   * <p>Parameters: {@code environAddress} — an array of pointers ({@code u32} each) to fill; {@code
   * bufferAddress} — a buffer of the size {@code environ_sizes_get} returned, to fill with the
   * NUL-terminated {@code NAME=value} strings.
   *
   * <p>Errno: {@code success}; {@code fault} if the array or the buffer does not lie inside memory.
   *
   * <p>Guest memory: {@code environ[i]} is the address within the buffer of variable {@code i}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code environ_get}.
   */
  int environGet(int environAddress, int bufferAddress) {
    try {
      return copy(context.environment(), environAddress, bufferAddress);
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  private int sizes(List<byte[]> strings, int countAddress, int sizeAddress) {
    GuestMemory memory = context.memory();
    memory.check(countAddress, 4);
    memory.check(sizeAddress, 4);
    memory.putU32(countAddress, strings.size());
    memory.putU32(sizeAddress, (int) bufferSize(strings));
    return Errno.SUCCESS;
  }

  private int copy(List<byte[]> strings, int pointersAddress, int bufferAddress) {
    GuestMemory memory = context.memory();
    memory.checkArray(pointersAddress, strings.size(), 4);
    memory.check(bufferAddress, (int) bufferSize(strings));
    int next = bufferAddress;
    for (int i = 0; i < strings.size(); i++) {
      byte[] string = strings.get(i);
      memory.putU32(pointersAddress + 4 * i, next);
      memory.write(next, string);
      memory.putU8(next + string.length, 0);
      next += string.length + 1;
    }
    return Errno.SUCCESS;
  }

  private static long bufferSize(List<byte[]> strings) {
    long size = 0;
    for (byte[] s : strings) {
      size += s.length + 1;
    }
    return size;
  }
}
