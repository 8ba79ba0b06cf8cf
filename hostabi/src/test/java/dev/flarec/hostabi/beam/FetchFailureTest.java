package dev.flarec.hostabi.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The reason an operator reads in the log when a fetch gets no answer. */
class FetchFailureTest {
  @Test
  void theJdkClientsWrappedExceptionsAreSortedByTheirCause() {
    ConnectException unresolved = new ConnectException("x");
    unresolved.initCause(new UnresolvedAddressException());
    assertEquals(FetchFailure.DNS, FetchFailure.of(unresolved), "the JDK's DNS failure");
    assertEquals(FetchFailure.DNS, FetchFailure.of(new IOException(new UnknownHostException("h"))));
    assertEquals(FetchFailure.CONNECT, FetchFailure.of(new ConnectException("refused")));
    assertEquals(FetchFailure.CONNECT, FetchFailure.of(new HttpConnectTimeoutException("slow")));
    assertEquals(FetchFailure.TIMEOUT, FetchFailure.of(new HttpTimeoutException("slow")));
    assertEquals(FetchFailure.TIMEOUT, FetchFailure.of(new TimeoutException()));
    assertEquals(
        FetchFailure.TLS, FetchFailure.of(new IOException(new SSLHandshakeException("cert"))));
    assertEquals(FetchFailure.IO, FetchFailure.of(new IOException("reset")));
    assertEquals("dns", FetchFailure.DNS.word());
  }
}
