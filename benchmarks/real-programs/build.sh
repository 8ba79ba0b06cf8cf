#!/usr/bin/env bash
# Builds the real-program corpus from source, outside the tree, and records each program's
# expected output from its native build. Nothing it fetches or builds is committed.
#   cache: ${FLAREC_CORPUS_DIR:-$HOME/.cache/flarec-corpus}
#     src/        Debian source packages (apt-get source lua5.4 sqlite3 bzip2 libzstd lz4 pugixml
#                 duktape tinyscheme xz-utils jimtcl)
#     build/      intermediate files (the SQLite amalgamation, Jim Tcl's configured tree)
#     wasm/NAME.wasm    clang-19 / clang++-19 --target=wasm32-wasi -O2 (C, C++), rustc --target wasm32-wasi -O (Rust)
#     native/NAME       gcc / g++ -O2 (C, C++), rustc -O (Rust)
#     expected/NAME.out the native build's standard output: every engine must print exactly this
#   programs.tsv (beside this script) says how each program is run: its binary, arguments, stdin.
# Usage: build.sh [NAME,...]   (default: every program). A binary newer than its sources is kept;
# the expected outputs are always recomputed (the workloads may have changed).
# Needs: apt-get source (deb-src), clang-19, wasm-ld-19, wasi-libc, libc++ for wasm32, gcc, g++, tclsh, Debian's rustc
# with libstd-rust-dev-wasm32 at /usr/bin/rustc (a rustup rustc has another std).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="${FLAREC_CORPUS_DIR:-$HOME/.cache/flarec-corpus}"
RUSTC="${RUSTC:-/usr/bin/rustc}"
ONLY="${1:-}"
mkdir -p "$CACHE/src" "$CACHE/build" "$CACHE/wasm" "$CACHE/native" "$CACHE/expected"
for tool in clang-19 clang++-19 gcc g++ tclsh "$RUSTC" apt-get; do
  command -v "$tool" >/dev/null || { echo "real-programs/build.sh: $tool is not installed" >&2; exit 1; }
done

wanted() { [[ -z $ONLY || ",$ONLY," == *",$1,"* ]]; }
WASI_CC=(clang-19 --target=wasm32-wasi -O2)
NATIVE_CC=(gcc -O2)

# the unpacked Debian source tree of a package, fetched once
source_of() {
  local package="$1" dir
  dir="$(find "$CACHE/src" -maxdepth 1 -type d -name "$package-[0-9]*" | head -1)"
  if [[ -z $dir ]]; then
    (cd "$CACHE/src" && apt-get source -q "$package" >/dev/null 2>&1) \
      || { echo "real-programs/build.sh: apt-get source $package failed" >&2; exit 1; }
    dir="$(find "$CACHE/src" -maxdepth 1 -type d -name "$package-[0-9]*" | head -1)"
  fi
  echo "$dir"
}

build_lua() {
  local src lua_files=()
  src="$(source_of lua5.4)/src"
  # Debian's luaconf.h includes a header its build generates; it only names C module directories
  mkdir -p "$CACHE/build/lua"
  echo '#define DEB_HOST_MULTIARCH "none"' >"$CACHE/build/lua/lua5.4-deb-multiarch.h"
  for f in "$src"/*.c; do
    [[ $(basename "$f") == luac.c ]] || lua_files+=("$f")
  done
  # nojmp/setjmp.h stands in for the missing one (see there); signals and clock() come from
  # wasi-libc's emulation libraries; WASI has no temporary file names, so os.tmpname fails
  "${WASI_CC[@]}" -I "$HERE/nojmp" -I "$CACHE/build/lua" -DLUA_COMPAT_5_3 -D_WASI_EMULATED_SIGNAL \
    -DLUA_TMPNAMBUFSIZE=32 '-Dlua_tmpnam(buffer,error)=error=1' \
    -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_GETPID -Wno-everything \
    -o "$CACHE/wasm/lua.wasm" "${lua_files[@]}" "$HERE/lua/wasi/missing.c" \
    -lwasi-emulated-signal -lwasi-emulated-process-clocks -lwasi-emulated-getpid -lm
  "${NATIVE_CC[@]}" -I "$CACHE/build/lua" -DLUA_COMPAT_5_3 -DLUA_USE_POSIX -w -o "$CACHE/native/lua" "${lua_files[@]}" -lm
}

build_duktape() {
  local src
  src="$(source_of duktape)/src"
  # Duktape throws with longjmp too: the same stand-in as Lua's
  "${WASI_CC[@]}" -I "$HERE/nojmp" -I "$src" -Wno-everything \
    -o "$CACHE/wasm/duktape.wasm" "$src/duktape.c" "$HERE/duktape/driver.c" -lm
  "${NATIVE_CC[@]}" -I "$src" -w -o "$CACHE/native/duktape" "$src/duktape.c" "$HERE/duktape/driver.c" -lm
}

build_sqlite() {
  local src build="$CACHE/build/sqlite"
  src="$(source_of sqlite3)"
  if [[ ! -f $build/sqlite3.c ]]; then
    mkdir -p "$build"
    (cd "$build" && "$src/configure" >configure.log 2>&1 && make sqlite3.c >make.log 2>&1) \
      || { echo "real-programs/build.sh: the SQLite amalgamation did not build (see $build)" >&2; exit 1; }
  fi
  # SQLITE_OS_OTHER: the driver supplies the OS layer (see driver.c), natively too
  local flags=(-DSQLITE_OS_OTHER=1 -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL
               -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_TEMP_STORE=3 -I "$build")
  "${WASI_CC[@]}" "${flags[@]}" -Wno-everything \
    -o "$CACHE/wasm/sqlite.wasm" "$build/sqlite3.c" "$HERE/sqlite/driver.c"
  "${NATIVE_CC[@]}" "${flags[@]}" -w -o "$CACHE/native/sqlite" "$build/sqlite3.c" "$HERE/sqlite/driver.c" -lm
}

build_bzip2() {
  local src lib=()
  src="$(source_of bzip2)"
  for f in blocksort huffman crctable randtable compress decompress bzlib; do lib+=("$src/$f.c"); done
  "${WASI_CC[@]}" -I "$src" -I "$HERE/text" -DBZ_NO_STDIO -Wno-everything -o "$CACHE/wasm/bzip2.wasm" "${lib[@]}" "$HERE/bzip2/driver.c"
  "${NATIVE_CC[@]}" -I "$src" -I "$HERE/text" -DBZ_NO_STDIO -w -o "$CACHE/native/bzip2" "${lib[@]}" "$HERE/bzip2/driver.c"
}

build_zstd() {
  local src lib=()
  src="$(source_of libzstd)/lib"
  lib=("$src"/common/*.c "$src"/compress/*.c "$src"/decompress/*.c)
  # ZSTD_DISABLE_ASM: the x86-64 Huffman decoder in assembly is for the native build only; both
  # builds take the C decoder, so they run the same code
  local flags=(-I "$src" -I "$HERE/text" -DZSTD_DISABLE_ASM)
  "${WASI_CC[@]}" "${flags[@]}" -Wno-everything -o "$CACHE/wasm/zstd.wasm" "${lib[@]}" "$HERE/zstd/driver.c"
  "${NATIVE_CC[@]}" "${flags[@]}" -w -o "$CACHE/native/zstd" "${lib[@]}" "$HERE/zstd/driver.c"
}

build_lz4() {
  local src
  src="$(source_of lz4)/lib"
  local flags=(-I "$src" -I "$HERE/text")
  "${WASI_CC[@]}" "${flags[@]}" -o "$CACHE/wasm/lz4.wasm" "$src/lz4.c" "$src/lz4hc.c" "$HERE/lz4/driver.c"
  "${NATIVE_CC[@]}" "${flags[@]}" -o "$CACHE/native/lz4" "$src/lz4.c" "$src/lz4hc.c" "$HERE/lz4/driver.c"
}

# liblzma without its configure (xz/config.h says what it would find) and without the threaded
# coder; NDEBUG as in Debian's build, which leaves liblzma's assertions out
build_xz() {
  local src lib=() dir f
  src="$(source_of xz-utils)/src"
  for dir in common check lz lzma rangecoder delta; do
    for f in "$src/liblzma/$dir"/*.c; do
      case "$(basename "$f")" in
        *_mt.c | outqueue.c | *tablegen.c | crc32_small.c | crc64_small.c | hardware_*.c \
          | microlzma_*.c | lzip_decoder.c | file_info.c) ;;
        *) lib+=("$f") ;;
      esac
    done
  done
  local flags=(-DHAVE_CONFIG_H -DLZMA_API_STATIC -DNDEBUG -I "$HERE/xz" -I "$HERE/text" -I "$src/common")
  for dir in api common check lz lzma rangecoder delta simple; do flags+=(-I "$src/liblzma/$dir"); done
  "${WASI_CC[@]}" "${flags[@]}" -Wno-everything -o "$CACHE/wasm/xz.wasm" "${lib[@]}" "$HERE/xz/driver.c"
  "${NATIVE_CC[@]}" "${flags[@]}" -w -o "$CACHE/native/xz" "${lib[@]}" "$HERE/xz/driver.c"
}

# Jim Tcl's configure and make, run natively, generate the sources of its Tcl-written extensions
# and build the native jimsh (gcc -g -O2, with the host's features, which the workload does not use);
# the WASI build compiles the same sources from a copy whose feature list drops what WASI lacks
# (processes, sockets, terminals, signals, links, file locks)
build_jim() {
  local src build="$CACHE/build/jim" f
  src="$(source_of jimtcl)"
  if [[ ! -x $build/jimsh ]]; then
    rm -rf "$build"
    cp -r "$src" "$build"
    (cd "$build" && ./configure --disable-lineedit --without-ext=default \
      --with-ext=aio,array,interp,namespace,pack,package,tclcompat,binary,stdlib,nshelper,oo,tree,glob \
      >configure.log 2>&1 && make jimsh >make.log 2>&1) \
      || { echo "real-programs/build.sh: Jim Tcl did not build natively (see $build)" >&2; exit 1; }
  fi
  rm -rf "$build/wasi"
  mkdir -p "$build/wasi"
  cp "$build"/*.c "$build"/*.h "$build/wasi/"
  local absent=(BACKTRACE EXECINFO_H FORK GETADDRINFO GETEUID INET_NTOP LINK MKSTEMP OPENPTY PIPE PTY_H
                REALPATH REGCOMP SELECT SHUTDOWN SIGACTION SLEEP SOCKET SOCKETPAIR STRPTIME STRUCT_FLOCK
                SYMLINK SYSINFO SYSLOG SYSTEM SYS_SOCKET_H SYS_SYSINFO_H SYS_UN_H UALARM UMASK USLEEP WAITPID)
  for f in "${absent[@]}"; do
    sed -i -E "s/^#define HAVE_$f( .*)?$/\/* no HAVE_$f on WASI *\//" "$build/wasi/jimautoconf.h"
  done
  # what the configured Makefile links jimsh from (its OBJS, then jimsh.o and initjimsh.o); the C
  # of a Tcl-written extension is generated as _NAME.c
  local sources=() objects
  objects="$(sed -n '/^OBJS :=/,/[^\\]$/p' "$build/Makefile" | tr -d '\\' | sed 's/^OBJS :=//')"
  for f in $objects jimsh.o initjimsh.o; do
    f="${f%.o}"
    [[ -f $build/wasi/_$f.c ]] && f="_$f"
    sources+=("$build/wasi/$f.c")
  done
  # wasi-libc's signal, process-clock and getpid emulations, and nojmp/setjmp.h for the longjmp
  # out of a failing lsort comparison, as for Lua
  "${WASI_CC[@]}" -I "$build/wasi" -I "$HERE/jim/wasi" -I "$HERE/nojmp" -D_WASI_EMULATED_SIGNAL \
    -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_GETPID -Wno-everything \
    -o "$CACHE/wasm/jim.wasm" "${sources[@]}" -lwasi-emulated-signal -lwasi-emulated-process-clocks \
    -lwasi-emulated-getpid -lm
  cp "$build/jimsh" "$CACHE/native/jim"
}

# the stand-alone interpreter, reading its program from standard input: no dynamic loading, and no
# init.scm in reach (the workload defines the helpers it needs)
build_tinyscheme() {
  local src
  src="$(source_of tinyscheme)"
  local flags=(-DSTANDALONE=1 -DUSE_DL=0 -DUSE_MATH=1 -DUSE_INTERFACE=1)
  "${WASI_CC[@]}" "${flags[@]}" -Wno-everything -o "$CACHE/wasm/tinyscheme.wasm" "$src/scheme.c" -lm
  "${NATIVE_CC[@]}" "${flags[@]}" -w -o "$CACHE/native/tinyscheme" "$src/scheme.c" -lm
}

build_pugixml() {
  local src
  src="$(source_of pugixml)/src"
  # libc++ for wasm32 is built without exceptions; pugixml reports errors by return value then
  local flags=(-O2 -fno-exceptions -DPUGIXML_NO_EXCEPTIONS -I "$src")
  clang++-19 --target=wasm32-wasi "${flags[@]}" -o "$CACHE/wasm/pugixml.wasm" "$src/pugixml.cpp" "$HERE/pugixml/driver.cpp"
  g++ "${flags[@]}" -o "$CACHE/native/pugixml" "$src/pugixml.cpp" "$HERE/pugixml/driver.cpp"
}

build_c_program() {
  local name="$1" source="$2"
  "${WASI_CC[@]}" -o "$CACHE/wasm/$name.wasm" "$source"
  "${NATIVE_CC[@]}" -o "$CACHE/native/$name" "$source"
}

build_rust() {
  local name="$1"
  "$RUSTC" --edition 2021 -O -C strip=debuginfo --target wasm32-wasi -o "$CACHE/wasm/$name.wasm" "$HERE/rust/$name.rs"
  "$RUSTC" --edition 2021 -O -o "$CACHE/native/$name" "$HERE/rust/$name.rs"
}

# true when both builds of BINARY exist and are newer than build.sh and every file under its
# source folders here (its workload sources and drivers), so re-running costs only the
# expected outputs
up_to_date() {
  local binary="$1" wasm="$CACHE/wasm/$1.wasm" native="$CACHE/native/$1"
  shift
  [[ -f $wasm && -f $native ]] || return 1
  [[ -z $(find "$HERE/build.sh" "$@" -newer "$wasm" -o -newer "$native" 2>/dev/null | head -1) ]]
}

built=()
while IFS=$'\t' read -r name binary args stdin _description; do
  [[ -z $name || $name == \#* ]] && continue
  wanted "$name" || continue
  if [[ ! " ${built[*]} " == *" $binary "* ]]; then
    case "$binary" in
      lua) up_to_date lua "$HERE/lua/wasi" "$HERE/nojmp" || build_lua ;;
      duktape) up_to_date duktape "$HERE/duktape/driver.c" "$HERE/nojmp" || build_duktape ;;
      sqlite) up_to_date sqlite "$HERE/sqlite/driver.c" || build_sqlite ;;
      bzip2) up_to_date bzip2 "$HERE/bzip2" "$HERE/text" || build_bzip2 ;;
      zstd) up_to_date zstd "$HERE/zstd" "$HERE/text" || build_zstd ;;
      lz4) up_to_date lz4 "$HERE/lz4" "$HERE/text" || build_lz4 ;;
      tinyscheme) up_to_date tinyscheme || build_tinyscheme ;;
      xz) up_to_date xz "$HERE/xz" "$HERE/text" || build_xz ;;
      jim) up_to_date jim "$HERE/jim/wasi" "$HERE/nojmp" || build_jim ;;
      pugixml) up_to_date pugixml "$HERE/pugixml" || build_pugixml ;;
      binarytrees) up_to_date binarytrees "$HERE/binarytrees" || build_c_program binarytrees "$HERE/binarytrees/binarytrees.c" ;;
      json | markdown) up_to_date "$binary" "$HERE/rust/$binary.rs" || build_rust "$binary" ;;
      *) echo "real-programs/build.sh: no recipe for $binary" >&2; exit 1 ;;
    esac
    built+=("$binary")
  fi
  argv=()
  [[ $args != "(none)" ]] && read -r -a argv <<<"$args"
  input=/dev/null
  [[ $stdin != "(none)" ]] && input="$HERE/$stdin"
  start=$(date +%s.%N)
  "$CACHE/native/$binary" "${argv[@]}" <"$input" >"$CACHE/expected/$name.out"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  printf '%-16s wasm %8d bytes  native %.3f s  expected output %d lines  (%s)\n' "$name" \
    "$(stat -c %s "$CACHE/wasm/$binary.wasm")" "$seconds" "$(wc -l <"$CACHE/expected/$name.out")" \
    "$CACHE/wasm/$binary.wasm"
done <"$HERE/programs.tsv"
