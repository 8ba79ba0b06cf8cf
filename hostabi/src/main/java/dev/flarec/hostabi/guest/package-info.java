/**
 * The memory protocol between a flare and its host: reading {@code (ptr, len)} arguments and
 * handing results over through the guest's {@code alloc} export (flaron-abi.md §2).
 *
 * <p>Depends on the runtime only.
 */
package dev.flarec.hostabi.guest;
