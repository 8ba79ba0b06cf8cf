/**
 * The node's secrets and the rule for who may use them (flaron-abi.md §3.6, §3.7): a flare gets a
 * secret's value only if the name is in its {@code allowed_secrets} and the secret exists. {@code
 * secret_get} and the crypto functions (which take secret names) both go through {@link
 * dev.flarec.hostabi.secrets.SecretStore#resolve}.
 *
 * <p>Depends on {@code config} only. Secret values are never logged.
 */
package dev.flarec.hostabi.secrets;
