/* WASI has no processes to wait for. Jim's I/O compatibility header includes this wherever
 * unistd.h exists; the WASI build leaves out the commands that would use it (exec, wait). */
