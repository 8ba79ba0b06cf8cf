/**
 * Flare and server configuration: names and defaults of flaron-abi.md §8 decisions 23 and 28, and
 * the configuration file they are read from.
 *
 * <p>Depends on nothing else in flarec.
 */
package dev.flarec.hostabi.config;
